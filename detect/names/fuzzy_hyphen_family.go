package names

import "strings"

// A double family name is one word with a hyphen (Кара-Мурза,
// Римский-Корсаков, Бестужев-Рюмин), and MT and hurried writers leave the
// hyphen out: "Кара Мурза". The words then read as a given name and a
// family name, which the glossary's person does not have, and nothing
// matches. Two capitalised words apart by a space that, with a hyphen, are
// the double family name of a person of the glossary in one case are that
// name with its hyphen lost; the suggestion puts the hyphen back and keeps
// the words' case.

// hyphenLostNames returns a hit for each double family name of a Russian
// or Ukrainian text written as two words.
func (f *Fuzzy) hyphenLostNames(text, lang string, toks []fzToken) []Hit {
	if lang != "ru" && lang != "uk" {
		return nil
	}
	return hitsAtSpacedPairs(text, toks, func(a, b fzToken) (Hit, bool) { return f.hyphenLostAt(text, lang, a, b) })
}

// hitsAtSpacedPairs calls at on each two capitalised tokens apart by one
// space that no right form of one name covers both of, and returns its
// hits; the scan goes on after a hit.
func hitsAtSpacedPairs(text string, toks []fzToken, at func(a, b fzToken) (Hit, bool)) []Hit {
	var hits []Hit
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i], toks[i+1]
		if !a.capital || !b.capital || a.known >= 0 && a.known == b.known || text[a.end:b.start] != " " {
			continue // a right form of one name covers both words
		}
		if h, ok := at(a, b); ok {
			hits = append(hits, h)
			i++
		}
	}
	return hits
}

func (f *Fuzzy) hyphenLostAt(text, lang string, a, b fzToken) (Hit, bool) {
	first, second := text[a.start:a.end], text[b.start:b.end]
	if strings.Contains(first, "-") || strings.Contains(second, "-") {
		return Hit{}, false
	}
	for _, e := range f.named(second, lang) {
		words := strings.Fields(preferredCyrillic(e, lang))
		if e.Type() != "person" || len(words) < 2 {
			continue
		}
		p1, p2, ok := strings.Cut(words[len(words)-1], "-")
		if !ok || strings.Contains(p2, "-") {
			continue
		}
		g := entryGender(e)
		c1, c2 := casesOf(p1, first, lang, roleFamily, g), casesOf(p2, second, lang, roleFamily, g)
		if cyrFold(first) == cyrFold(p1) {
			c1 = caseAll // a first part that is no surname stays: Кара-Мурзу, Бонч-Бруевича
		}
		if c1&c2 == 0 {
			continue
		}
		return Hit{
			Start: a.start, End: b.end, Text: text[a.start:b.end],
			Status: Deprecated, Check: CheckFuzzy, Suggestion: first + "-" + second,
			Entry: e.Preferred(lang), EntryKey: e.Key(), EntryType: e.Type(), Confidence: confSpelling,
		}, true
	}
	return Hit{}, false
}
