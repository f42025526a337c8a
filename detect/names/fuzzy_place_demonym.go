package names

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"lector/detect/lexicon"
)

// The English adjective of a place is a word of the language spelled like
// the place: "the Chechen leader" (Chechnya), "Uzbek cotton" (Uzbekistan),
// "a Kazakh player". The word list has it capitalised, as a proper
// adjective; before a lowercase word, the noun it qualifies, it is that
// adjective and no mangled place. The word must be where the place's name
// starts (Yakut, Yakutia), or start like it and end as English adjectives
// of places end (-an, -ian, -en, -ese, -i, -ish, -ic), so that an old name
// the list also knows ("Kiev officials") is still read as the place.

// demonymEnds are the endings of English adjectives of places.
var demonymEnds = [...]string{"an", "en", "ese", "i", "ish", "ic"}

// withoutDemonyms drops the one-word fuzzy hits of hits on places
// that are the place's adjective before a noun.
func withoutDemonyms(text, lang string, hits []Hit) []Hit {
	lex := lexicon.For(lang)
	if !isEnglish(lang) || lex.Lang() == "" {
		return hits
	}
	return slices.DeleteFunc(hits, func(h Hit) bool {
		if h.Check != CheckFuzzy || h.EntryType != "place" || strings.Contains(h.Text, " ") ||
			!lex.Has(h.Text) || lex.Common(h.Text) || !isDemonymOf(h.Text, h.Suggestion) {
			return false
		}
		next, gap, _ := wordAfter(text, h.End)
		r, _ := utf8.DecodeRuneInString(next)
		return gap == " " && unicode.IsLower(r)
	})
}

// isDemonymOf reports whether word, folded, starts the place's name, or
// ends as an adjective of a place does and shares its first four letters
// with the place.
func isDemonymOf(word, place string) bool {
	w, p := FoldName(word), FoldName(place)
	if len(w) < 4 || len(p) < 4 || w[:4] != p[:4] || w == p {
		return false
	}
	return strings.HasPrefix(p, w) || slices.ContainsFunc(demonymEnds[:], func(end string) bool { return strings.HasSuffix(w, end) })
}
