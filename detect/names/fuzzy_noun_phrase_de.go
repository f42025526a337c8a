package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// German news writes a person's name without an article. A capitalised
// word after an indefinite or possessive determiner, a demonstrative, or a
// preposition fused with the article, with at most two adjectives between
// ("ein weißer Store", "eine gotische Fiale", "vom reuigen Sünder"), is a
// common noun, however close it is to a person's name: the curtain, not
// Jonas Gahr Støre. The definite article alone is left out: colloquial
// German and MT from Russian write one before a name ("die Tschaputowa").
// Places take articles ("die Ukraine", "in den Niederlanden"), so only
// people are judged so.

// germanNounDeterminers are the words that open a noun phrase and never a
// person's name.
var germanNounDeterminers = func() map[string]bool {
	m := map[string]bool{}
	for _, stem := range [...]string{"ein", "kein", "mein", "dein", "sein", "unser", "euer", "dies", "jen", "jed", "manch", "welch"} {
		for _, end := range [...]string{"", "e", "er", "es", "em", "en"} {
			m[stem+end] = true
		}
	}
	delete(m, "dies")
	for _, w := range [...]string{"ihre", "ihrer", "ihres", "ihrem", "ihren", "eure", "eurer", "eures", "eurem", "euren",
		"im", "am", "vom", "zum", "zur", "beim", "ins", "ans", "aufs", "durchs", "fürs", "ums"} {
		m[w] = true
	}
	return m
}()

// maxNounAdjectives is the most adjectives read between a determiner and
// its noun.
const maxNounAdjectives = 2

// withoutGermanCommonNouns drops the hits on a single word for a person that
// stands where German grammar puts a common noun.
func (f *Fuzzy) withoutGermanCommonNouns(text, lang string, hits []Hit) []Hit {
	if lang != "de" && !strings.HasPrefix(lang, "de-") {
		return hits
	}
	out := hits[:0]
	for _, h := range hits {
		if h.Check == CheckFuzzy && h.EntryType == "person" && !strings.ContainsAny(h.Text, " \u00a0") && afterGermanDeterminer(text, h.Start) {
			continue
		}
		out = append(out, h)
	}
	return out
}

// afterGermanDeterminer reports whether the word at start follows a noun
// determiner, directly or across lowercase adjectives (words in -e, -er,
// -en, -em, -es), all in one clause.
func afterGermanDeterminer(text string, start int) bool {
	end := start
	for adjectives := 0; adjectives <= maxNounAdjectives; adjectives++ {
		gap := strings.TrimRight(text[:end], " \u00a0")
		if len(gap) == len(text[:end]) || gap == "" {
			return false // no space before: a punctuation mark or the text's start
		}
		wordStart := wordStartBefore(gap, len(gap))
		word := gap[wordStart:]
		if word == "" {
			return false
		}
		if germanNounDeterminers[strings.ToLower(word)] {
			return true
		}
		first, _ := utf8.DecodeRuneInString(word)
		if unicode.IsUpper(first) || !hasAdjectiveEnding(word) {
			return false
		}
		end = wordStart
	}
	return false
}

// hasAdjectiveEnding: German adjectives before a noun end in -e, -er, -en,
// -em or -es.
func hasAdjectiveEnding(word string) bool {
	for _, end := range [...]string{"e", "er", "en", "em", "es"} {
		if strings.HasSuffix(word, end) {
			return true
		}
	}
	return false
}
