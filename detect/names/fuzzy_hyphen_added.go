package names

import (
	"strings"
	"unicode/utf8"
)

// Spanish and Portuguese double family names are two words (López Obrador,
// García Márquez, Rebelo de Sousa), and English and German writers who take
// them for one name join them with a hyphen, as they would a double-barrelled
// English or German name: "López-Obrador". The hyphenated word is no form of
// any entry, and as one word it is far from both family names, so nothing
// matches. A hyphenated word of two capitalised parts that, apart by a space,
// end a person's right form in the text's language, where that form has no
// hyphen between them, is that form with a hyphen added; the suggestion is
// the two words as the form writes them.

// hyphenAddedNames returns a hit for each two family names of a glossary
// person joined by a hyphen the glossary's form does not write.
func (f *Fuzzy) hyphenAddedNames(text, lang string, toks []fzToken) []Hit {
	var hits []Hit
	for _, t := range toks {
		if !t.capital || t.known >= 0 {
			continue
		}
		w := text[t.start:t.end]
		first, last, ok := strings.Cut(w, "-")
		if !ok || strings.Contains(last, "-") || !startsUpper(last) ||
			utf8.RuneCountInString(first) < 3 || utf8.RuneCountInString(last) < 3 {
			continue
		}
		if h, ok := f.hyphenAddedAt(w, lang, first, last); ok {
			h.Start, h.End = t.start, t.end
			hits = append(hits, h)
		}
	}
	return hits
}

// hyphenAddedAt returns the hit of w (first-last) when exactly one person's
// right form in lang ends in the two words apart by a space.
func (f *Fuzzy) hyphenAddedAt(w, lang, first, last string) (Hit, bool) {
	want := FoldName(first) + " " + FoldName(last)
	var hit Hit
	n := 0
	for _, el := range f.rightEntries(lang, FoldName(last)) {
		e := f.entry(int32(el & entryMask))
		form := e.Preferred(lang)
		words := strings.Fields(form)
		if e.Type() != "person" || len(words) < 3 || n > 0 && hit.EntryKey == e.Key() {
			continue
		}
		pair := words[len(words)-2] + " " + words[len(words)-1]
		if FoldName(pair) != want {
			continue
		}
		n++
		hit = Hit{Text: w, Status: Deprecated, Check: CheckFuzzy, Suggestion: pair, Entry: form,
			EntryKey: e.Key(), EntryType: e.Type(), Confidence: confGenerated}
	}
	return hit, n == 1
}
