package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Russian and Ukrainian lists and forms put the family name first
// ("Кобахидзе Ираклий"), and MT from a list or a table, or from a language
// that writes it so, carries that order into running text, where a person
// is named given name first. A family name in a right form followed by the
// same person's given name in the same case is that slip: in the nominative
// the name is given back in its order ("Ираклий Кобахидзе"; a given name
// that lost its hyphen, "Касым Жомарт", gets it back); in another case the
// family name alone, which is right in that case, is offered, since the
// oblique forms of a foreign given name are uncertain ("Токаеву Касыму":
// Касыму-Жомарту?). A capitalised word after the given name makes the
// order a list of people or a longer name, and it is left alone.

// reversedNames returns a hit for each family-name-first person's name of
// a Russian or Ukrainian text.
func (f *Fuzzy) reversedNames(text, lang string, toks []fzToken) []Hit {
	if lang != "ru" && lang != "uk" {
		return nil
	}
	var hits []Hit
	for i := 0; i+1 < len(toks); i++ {
		a := toks[i]
		if !a.capital || !toks[i+1].capital || !toks[i+1].joinPrev || a.known >= 0 && a.known == toks[i+1].known {
			continue // a right form of one name covers both words
		}
		if h, ok := f.reversedAt(text, lang, toks, i); ok {
			hits = append(hits, h)
		}
	}
	return hits
}

// reversedAt reads toks[i] as a family name and the words after it as the
// same person's given name.
func (f *Fuzzy) reversedAt(text, lang string, toks []fzToken, i int) (Hit, bool) {
	family := text[toks[i].start:toks[i].end]
	for _, e := range f.named(family, lang) {
		if e.Type() != "person" {
			continue
		}
		words := strings.Fields(preferredCyrillic(e, lang))
		if len(words) != 2 {
			continue
		}
		g := entryGender(e)
		fc := casesOf(words[1], family, lang, roleFamily, g)
		if fc == 0 {
			continue
		}
		end, gc, ok := givenAfter(text, lang, toks, i+1, words[0], g)
		if !ok || gc&fc == 0 {
			continue
		}
		if end < len(toks) && toks[end].capital && toks[end].joinPrev {
			continue // a list of people, or a longer name
		}
		sugg := family
		if gc&fc&caseNom != 0 {
			sugg = words[0] + " " + words[1]
		}
		return Hit{
			Start: toks[i].start, End: toks[end-1].end, Text: text[toks[i].start:toks[end-1].end],
			Status: Deprecated, Check: CheckFuzzy, Suggestion: sugg,
			Entry: e.Preferred(lang), EntryKey: e.Key(), EntryType: e.Type(), Confidence: confSpelling,
		}, true
	}
	return Hit{}, false
}

// givenAfter matches given (hyphenated or not) against the tokens from j:
// its parts, or its first part alone, each a form of the part in a case
// they share. It returns the token after the match and the cases.
func givenAfter(text, lang string, toks []fzToken, j int, given string, g gender) (int, caseMask, bool) {
	parts := strings.Split(given, "-")
	cases := caseAll
	k := j
	for n, part := range parts {
		if k >= len(toks) || !toks[k].capital || k > j && !toks[k].joinPrev && !hyphenBetween(text, toks[k-1], toks[k]) {
			if n == 0 {
				return 0, 0, false
			}
			break
		}
		word := text[toks[k].start:toks[k].end]
		if strings.Contains(word, "-") {
			return 0, 0, false // a hyphenated word is matched part by part
		}
		c := casesOf(part, word, lang, roleGiven, g)
		if c == 0 || !startsUpper(word) {
			if n == 0 {
				return 0, 0, false
			}
			break
		}
		cases &= c
		k++
	}
	return k, cases, cases != 0
}

func hyphenBetween(text string, a, b fzToken) bool {
	return strings.TrimSpace(text[a.end:b.start]) == "-"
}

func startsUpper(word string) bool {
	r, _ := utf8.DecodeRuneInString(word)
	return unicode.IsUpper(r)
}
