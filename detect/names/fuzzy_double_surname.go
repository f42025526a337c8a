package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Spanish and Portuguese names carry two family names (García Márquez,
// López Obrador), and news text names the person by both. A two-word run
// is aligned with the given and the family name, so "Garsia Markesa" (the
// Russian genitive Гарсиа Маркеса transliterated back) was found as
// Markesa alone, and fixing it to "Márquez" left "Garsia". A fuzzy hit on
// the last word of an entry of three words or more widens over the word
// before it when that word is the entry's word before the family name,
// misspelled (within a letter, or the same sound): the suggestion is both
// family names.

// widenDoubleSurnames widens the one-word fuzzy hits on the last word of a
// person's name over a misspelled first family name before them.
func (f *Fuzzy) widenDoubleSurnames(text, lang string, hits []Hit) {
	if isCyrillicLang(lang) {
		return
	}
	for i := range hits {
		h := &hits[i]
		if h.Check != CheckFuzzy || h.EntryType != "person" || strings.ContainsRune(h.Text, ' ') || h.Start == 0 {
			continue
		}
		e, ok := f.entryWithKey(h.EntryKey)
		if !ok {
			continue
		}
		words := strings.Fields(e.Preferred(lang))
		if len(words) < 3 || h.Suggestion != words[len(words)-1] {
			continue
		}
		word, gap, start := wordBefore(text, h.Start)
		first, _ := utf8.DecodeRuneInString(word)
		if gap != " " || !unicode.IsUpper(first) || (i > 0 && hits[i-1].End > start) ||
			!misspelledWord(word, words[len(words)-2]) {
			continue
		}
		h.Start, h.Text = start, text[start:h.End]
		h.Suggestion = words[len(words)-2] + " " + h.Suggestion
	}
}

// misspelledWord reports whether word is right, within a letter of right,
// or sounds the same, both folded.
func misspelledWord(word, right string) bool {
	a, b := FoldName(word), FoldName(right)
	if a == b || spellingDistance([]rune(a), []rune(b)) <= 1 {
		return true
	}
	var ka, kb [32]byte
	return string(appendPhoneticKey(ka[:0], a)) == string(appendPhoneticKey(kb[:0], b))
}
