package names

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// German puts a genitive name before the noun it belongs to, with -s or an
// apostrophe ("Trumps Zölle", "Wilders' Partei"), or after it ("die Witwe
// Nawalnys"). Machine translation from Russian or Polish keeps the word
// order and the source's case ending, romanized: "Trampa Zölle"
// (Трампа), "Wildersa Partei" (Вилдерса), "Trzaskowskiego Rede". Either way
// the name the reviewer writes there is the German genitive.

// romanizedGenitive reports whether the hit's run ends in a romanized
// Russian, Ukrainian or Polish genitive that its suggestion does not. An
// adjectival ending (-ogo, -ego, -oho, -eho) is one on any name. A bare -a
// or -ja is the genitive of a name whose Russian or Ukrainian form ends in
// a consonant (Вэнс: "Wensa" is Vance's genitive, though Vance ends in a
// written e), and the feminine nominative of one in a vowel (Чапутова: the
// -a of "Caputova" is her name's own); an entry with no Cyrillic form is
// judged by its Latin spelling. Letters are compared without diacritics, so
// that Čaputová's á is the a of "Caputova".
func (f *Fuzzy) romanizedGenitive(h *Hit) bool {
	run, sugg := FoldName(h.Text), FoldName(h.Suggestion)
	for _, end := range russianGenitiveEnds {
		if !strings.HasSuffix(run, end) || strings.HasSuffix(sugg, end) {
			continue
		}
		if len(end) > 2 {
			return true
		}
		if consonant, ok := f.cyrillicEndsInConsonant(h.EntryKey); ok {
			return consonant
		}
		last, _ := utf8.DecodeLastRuneInString(sugg)
		return !strings.ContainsRune("aeiouy", last)
	}
	return false
}

// cyrillicEndsInConsonant reports whether the Russian (else Ukrainian)
// preferred form of the entry key ends in a consonant, й or ь (Вайдель:
// Вайделя), and whether the entry has such a form at all.
func (f *Fuzzy) cyrillicEndsInConsonant(key string) (consonant, ok bool) {
	for _, el := range f.entriesWithKey(key) {
		e := f.entry(int32(el & entryMask))
		if e.Key() != key {
			continue
		}
		for _, lang := range [...]string{"ru", "uk"} {
			if form := e.Preferred(lang); form != "" {
				last, _ := utf8.DecodeLastRuneInString(form)
				return !strings.ContainsRune("аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ", last), true
			}
		}
	}
	return false, false
}

// beforeGermanNoun reports whether the word right after end (one space
// away) is a German noun: capitalised, a word of the language, and no right
// form of a name ("Trampa Zölle", not "Trampa sagte" or "Trampa Biden").
func (f *Fuzzy) beforeGermanNoun(text string, end int, lang string) bool {
	r, n := utf8.DecodeRuneInString(text[end:])
	if r != ' ' && r != '\u00a0' {
		return false
	}
	start := end + n
	word := text[start:scanWord(text, start)]
	first, _ := utf8.DecodeRuneInString(word)
	return word != "" && unicode.IsUpper(first) && isLanguageWord(lang, word) && len(f.rightEntries(lang, FoldName(word))) == 0
}
