package names

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Reading a source text: which glossary entries a word of it names, in
// whatever case the source's grammar puts the name. A Russian source says
// "встретился с Куком", a Ukrainian one "зустріч Зеленського", a German
// one "Selenskyjs Rede"; the source-aware checks need the entry behind each
// to say what the translation must hold.

// Named returns the entries of which word, one word of a text in lang, is
// a right form in some grammatical case: a one-word name, or the family
// name of a person's right form, read back through lang's case endings (in
// Russian and Ukrainian) or its genitive -s (in German) and confirmed by
// the same spelling rules that judge a target's spelling. A given name
// alone names nobody in particular and gives nothing.
func (f *Fuzzy) Named(word, lang string) []*Entry { return inputs(f.named(word, lang)) }

// named is Named with the entries as the index holds them.
func (f *Fuzzy) named(word, lang string) []entryRef {
	cyrillic := IsCyrillic(word)
	lookups := []string{word}
	if cyrillic {
		lookups = append(lookups, nominatives(word, lang)...)
	} else if isGermanic(lang) {
		if w, ok := strings.CutSuffix(word, "s"); ok && len(w) > 1 {
			lookups = append(lookups, w)
		}
	}
	var out []entryRef
	var seen []int32
	for _, l := range lookups {
		for _, el := range f.rightEntries(lang, FoldName(l)) {
			idx := int32(el & entryMask)
			if slices.Contains(seen, idx) {
				continue
			}
			seen = append(seen, idx)
			e := f.entry(idx)
			if namesWord(e, lang, word, cyrillic) {
				out = append(out, e)
			}
		}
	}
	if len(out) == 0 && cyrillic && (lang == "be" || strings.HasPrefix(lang, "be-")) {
		// A Belarusian source names people and places the glossary may
		// spell in Russian only: its word read the Russian way.
		for _, ru := range russianReadings(word) {
			out = append(out, f.named(ru, "ru")...)
		}
		// Belarusian writes the ending Russian writes и as і after a
		// soft consonant (у Вільні, of Вільня), which the Russian table
		// it declines by lacks.
		if w, ok := strings.CutSuffix(word, "і"); ok && len(out) == 0 && utf8.RuneCountInString(w) > 2 {
			out = f.named(w+"и", lang)
		}
	}
	return out
}

// namesWord reports whether word is, as lang spells and declines it, the
// family name (or the only word) of one of e's right forms in lang.
func namesWord(e entryRef, lang, word string, cyrillic bool) bool {
	s := speller{lang: lang, g: entryGender(e), cyrillic: cyrillic}
	for _, t := range e.Terms() {
		if t.Lang == lang && (t.Status == Preferred || t.Status == Admitted) && IsCyrillic(t.Form) == cyrillic &&
			s.spelledForm(appendRawNameWords(nil, t.Form), []string{word}) {
			return true
		}
	}
	return false
}

// ByKey returns the entry whose key is key, or nil.
func (f *Fuzzy) ByKey(key string) *Entry {
	if e, ok := f.entryWithKey(key); ok {
		return e.input()
	}
	return nil
}

// Romanize writes a Cyrillic name word of a source in sourceLang ("ru" or
// "uk") in the Latin letters a glossary gives names in targetLang: for
// German the German press's (Selenskyj, Jelzin), for English and any other
// language the national system of 2010 for Ukrainian and BGN/PCGN for
// Russian (Zelenskyi, Yeltsin).
func Romanize(word, sourceLang, targetLang string) string {
	uk := sourceLang == "uk"
	scheme := SchemeBGN
	switch {
	case isGermanic(targetLang) && uk:
		scheme = SchemeGermanUk
	case isGermanic(targetLang):
		scheme = SchemeGerman
	case uk:
		scheme = SchemeUkrNat
	}
	return Transliterate(word, scheme)
}

// Nominatives reads a Cyrillic word of a text in lang ("ru" or "uk") back
// through the language's case endings: the nominatives of which it could be
// an oblique form (Сидоровым → Сидоров; Анну → Анна and Анн). The word
// itself is not among them.
func Nominatives(word, lang string) []string { return nominatives(word, lang) }

// SoundsAlike reports whether two single words, in any script, are one
// name however romanized or mangled: their folded forms share a phonetic
// key ("cook" and Кук, "gates" and Гейтс, "Petrenka" and Петренко). It is
// how a translation's rendering of a source name is found.
func SoundsAlike(a, b string) bool {
	ka, kb := SoundKey(a), SoundKey(b)
	if ka == "" || kb == "" {
		return false
	}
	if ka == kb {
		return true
	}
	// A longer name keeps one letter's slack: a dropped or doubled
	// consonant, a vowel group split in two.
	return len(ka) >= 5 && len(kb) >= 5 && Damerau(ka, kb, 1) <= 1
}

// adjectiveEndings are the endings of the possessive adjectives Russian and
// Ukrainian make of a family name: путинский режим, путінська влада.
var adjectiveEndings = map[string][]string{
	"ru": {"ский", "ская", "ское", "ские", "ского", "скому", "ским", "ском", "ской", "скую", "ских", "скими"},
	"uk": {"ський", "ська", "ське", "ські", "ського", "ському", "ським", "ськім", "ській", "ську", "ських", "ськими"},
}

// NamedByAdjective returns the people whose family name word's possessive
// adjective is, in lang ("ru" or "uk"): путинский → Путин. Such a word
// names the person without the translation having to (the Kremlin regime
// for путинский режим), but it explains the name where it does appear.
func (f *Fuzzy) NamedByAdjective(word, lang string) []*Entry {
	lower := strings.ToLower(word)
	var out []entryRef
	for _, end := range adjectiveEndings[lang] {
		stem, ok := strings.CutSuffix(lower, end)
		if !ok || utf8.RuneCountInString(stem) < 3 {
			continue
		}
		for _, el := range f.rightEntries(lang, FoldName(stem)) {
			e := f.entry(int32(el & entryMask))
			if e.Type() == "person" && !slices.Contains(out, e) && namesWord(e, lang, capitalize(stem, false), true) {
				out = append(out, e)
			}
		}
	}
	return inputs(out)
}

// SoundKey is the phonetic key SoundsAlike compares, of one word in any
// script: equal keys are one name. Callers comparing many words compute it
// once per word.
func SoundKey(word string) string { return phoneticKey(FoldName(word)) }
