package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// WithGivenName widens an exact finding on a family name (a listed wrong
// form, or a false friend: "Tramp" for Trump) to the mangled given name
// right before it: "Donalt Tramp" is one wrong name, Donald Trump, and
// fixing the family name alone would leave "Donalt Trump". The word before
// counts only when it, with the right family name after it, is a wrong
// form of the same entry; a right given name ("Donald Tramp") or another
// person's leaves the finding as it was.
func (f *Fuzzy) WithGivenName(text, lang string, h Hit) Hit {
	if h.Start <= 0 || h.End > len(text) || h.Suggestion == "" || strings.ContainsRune(h.Text, ' ') {
		return h
	}
	word, gap, start := wordBefore(text, h.Start)
	if first, _ := utf8.DecodeRuneInString(word); gap != " " || !unicode.IsUpper(first) {
		return h
	}
	// A listed wrong form's suggestion is the whole preferred form; the
	// family name is its last word.
	family := h.Suggestion[strings.LastIndexByte(h.Suggestion, ' ')+1:]
	run := text[start:h.Start] + family
	r := f.match(run, lang, false, 0)
	if r.verdict != verdictHit || r.words != 2 {
		return h
	}
	for _, idx := range r.entries {
		if f.entry(idx).Key() != h.EntryKey {
			continue
		}
		wide := f.hitFor(idx, run, lang, r.words, r.conf)
		if wide.Start != 0 {
			return h
		}
		h.Start, h.Text, h.Suggestion = start, text[start:h.End], wide.Suggestion
		return h
	}
	return h
}
