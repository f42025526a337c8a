package names

import (
	"strings"
	"unicode/utf8"
)

// The reverse of a double family name's lost hyphen (fuzzy_hyphen_family.go):
// a Spanish or Portuguese person has two family names apart by a space
// (López Obrador, García Márquez, Rebelo de Sousa), and writers who take them
// for one double-barrelled name, as English, German and Russian ones are,
// join them with a hyphen: "López-Obrador", "Лопес-Обрадор". The hyphenated
// word is no form of any entry, and as one word it is far from both family
// names, so nothing else matches it. A capitalised word with one hyphen whose
// two parts are the last two words of a glossary person's form of three words
// or more, written with no hyphen between them, is that form with a hyphen
// added; in Russian and Ukrainian the parts may stand in any case. The
// suggestion puts the space back and keeps the words as the text has them
// (their case) or, in Latin script, as the form writes them.

// hyphenAddedNames returns a hit for each two family names of a glossary
// person joined by a hyphen the glossary's form does not write.
func (f *Fuzzy) hyphenAddedNames(text, lang string, toks []fzToken) []Hit {
	cyrillic := lang == "ru" || lang == "uk"
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
		var h Hit
		if cyrillic {
			h, ok = f.hyphenAddedCased(lang, w, first, second)
		} else if startsUpper(second) {
			h, ok = f.hyphenAddedLatin(lang, w, first, second)
		}
		if ok {
			h.Start, h.End = t.start, t.end
			hits = append(hits, h)
		}
	}
	return hits
}

// hyphenAddedLatin returns the hit of w (first-second) when exactly one
// person's right form in lang ends in the two words apart by a space.
func (f *Fuzzy) hyphenAddedLatin(lang, w, first, second string) (Hit, bool) {
	want := FoldName(first) + " " + FoldName(second)
	var hit Hit
	n := 0
	for _, el := range f.rightEntries(lang, FoldName(second)) {
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

// hyphenAddedCased returns the hit of w (first-second) in a Russian or
// Ukrainian text: the two parts are the form's last two words in one case.
func (f *Fuzzy) hyphenAddedCased(lang, w, first, second string) (Hit, bool) {
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
			Text: w, Status: Deprecated, Check: CheckFuzzy, Suggestion: first + " " + second,
			Entry: e.Preferred(lang), EntryKey: e.Key(), EntryType: e.Type(), Confidence: confSpelling,
		}, true
	}
	return Hit{}, false
}
