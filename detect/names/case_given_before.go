package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A given name in another spelling and a case ending, before a family name
// found alone. "Енсам Столтэнбергам" (Belarusian spellings, instrumental)
// was found as Столтэнбергам alone, and the suggestion "Столтенбергом" left
// "Енсам" in the text. The word before belongs to the name when, read back
// to a nominative (Russian, Ukrainian, Belarusian endings), it is within a
// letter of the entry's given name in one of its Cyrillic languages (Енс,
// Єнс for Йенс); the hit then spans both words and the suggestion is the
// whole name, declined like the run. A right given name, or a word far
// from every spelling of the given name, leaves the hit as it was.

// givenNameBefore widens the fuzzy hits on a lone Cyrillic family name of
// a person whose preferred form in lang has a given name.
func (f *Fuzzy) givenNameBefore(text, lang string, hits []Hit) {
	if lang != "ru" && lang != "uk" {
		return
	}
	for i := range hits {
		h := &hits[i]
		if h.Check != CheckFuzzy || h.EntryType != "person" || h.Suggestion == "" || h.Start == 0 ||
			strings.ContainsRune(h.Text, ' ') || !IsCyrillic(h.Text) {
			continue
		}
		word, gap, start := wordBefore(text, h.Start)
		if first, _ := utf8.DecodeRuneInString(word); gap != " " || !unicode.IsUpper(first) || !IsCyrillic(word) ||
			(i > 0 && hits[i-1].End > start) {
			continue
		}
		e, ok := f.entryWithKey(h.EntryKey)
		if !ok || len(strings.Fields(e.Preferred(lang))) != 2 || !givenNameSpelling(e, lang, word) {
			continue
		}
		run := text[start:h.End]
		h.Start, h.Text, h.Suggestion = start, run, suggestionForRun(e, run, lang, 2)
	}
}

// givenNameSpelling reports whether word, not a right form of e's given
// name in lang, reads back to a nominative within a letter of one of e's
// Cyrillic given names.
func givenNameSpelling(e entryRef, lang, word string) bool {
	var givens []string
	for _, t := range e.Terms() {
		if fields := strings.Fields(t.Form); len(fields) == 2 && IsCyrillic(t.Form) &&
			(t.Status == Preferred || t.Status == Admitted) && utf8.RuneCountInString(fields[0]) >= 3 {
			givens = append(givens, fields[0])
		}
	}
	g := entryGender(e)
	right := strings.Fields(e.Preferred(lang))[0]
	if casesOf(right, word, lang, roleGiven, g) != 0 {
		return false
	}
	like, _ := russianSpelling(word)
	readings := []string{word, like}
	for _, l := range spellingLangs {
		readings = append(readings, nominatives(like, l)...)
	}
	for _, r := range readings {
		rr := []rune(cyrFold(r))
		for _, given := range givens {
			if spellingDistance(rr, []rune(cyrFold(given))) <= 1 {
				return true
			}
		}
	}
	return false
}
