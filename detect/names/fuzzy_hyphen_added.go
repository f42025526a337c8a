package names

import (
	"strings"
	"unicode/utf8"
)

// The reverse of a double family name's lost hyphen (fuzzy_hyphen_family.go):
// a Spanish or Portuguese person has two family names apart by a space
// (Лопес Обрадор, Гарсія Маркес), and writers who take them for one double
// name join them with a hyphen: "Лопес-Обрадор". A capitalised word with
// one hyphen whose two parts are, in one case, the last two words of a
// glossary person's form of three words or more is that name with a hyphen
// added; the suggestion puts the space back and keeps the words' case.

// hyphenAddedNames returns a hit for each two family names of a Russian or
// Ukrainian text joined by a hyphen where the glossary writes a space.
func (f *Fuzzy) hyphenAddedNames(text, lang string, toks []fzToken) []Hit {
	if lang != "ru" && lang != "uk" {
		return nil
	}
	var hits []Hit
	for _, t := range toks {
		if !t.capital || t.known >= 0 {
			continue
		}
		w := text[t.start:t.end]
		first, second, ok := strings.Cut(w, "-")
		if !ok || strings.Contains(second, "-") || utf8.RuneCountInString(first) < 3 || utf8.RuneCountInString(second) < 3 {
			continue
		}
		if h, ok := f.hyphenAddedAt(lang, t, w, first, second); ok {
			hits = append(hits, h)
		}
	}
	return hits
}

func (f *Fuzzy) hyphenAddedAt(lang string, t fzToken, w, first, second string) (Hit, bool) {
	for _, e := range f.named(second, lang) {
		words := strings.Fields(preferredCyrillic(e, lang))
		if e.Type() != "person" || len(words) < 3 || strings.Contains(words[len(words)-1], "-") {
			continue
		}
		g := entryGender(e)
		p1, p2 := words[len(words)-2], words[len(words)-1]
		if casesOf(p1, first, lang, roleFamily, g)&casesOf(p2, second, lang, roleFamily, g) == 0 &&
			!(cyrFold(first) == cyrFold(p1) && cyrFold(second) == cyrFold(p2)) {
			continue
		}
		return Hit{
			Start: t.start, End: t.end, Text: w,
			Status: Deprecated, Check: CheckFuzzy, Suggestion: first + " " + second,
			Entry: e.Preferred(lang), EntryKey: e.Key(), EntryType: e.Type(), Confidence: confSpelling,
		}, true
	}
	return Hit{}, false
}
