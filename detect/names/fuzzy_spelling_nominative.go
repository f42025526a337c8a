package names

import (
	"slices"
	"unicode/utf8"
)

// spellingLangs are the Cyrillic languages whose declension CaseForms
// knows, and so whose case forms of a name can be read back.
var spellingLangs = [...]string{"ru", "uk"}

// nominativeElsewhere finds a lone Cyrillic word that is another Cyrillic
// language's case form of a name the glossary spells differently in lang:
// "Мюнхене" in a Ukrainian text is Russian's Мюнхен in the locative, which
// Ukrainian writes "Мюнхені". The romanization shows no right form (the
// endings differ), so the word is read back to its nominatives in each
// other language and looked up among that language's right forms.
func (f *Fuzzy) nominativeElsewhere(word, lang string) (runResult, bool) {
	var found []int32
	for _, other := range spellingLangs {
		if other == lang {
			continue
		}
		for _, nom := range nominatives(word, other) {
			for _, el := range f.rightEntries(other, FoldName(nom)) {
				idx := int32(el & entryMask)
				e := f.entry(idx)
				if slices.Contains(found, idx) || !spelledIn(e, other, word) {
					continue
				}
				if (speller{lang: lang, g: entryGender(e), cyrillic: true}).wrong(e, []string{word}) {
					found = append(found, idx)
				}
			}
		}
	}
	if len(found) == 0 {
		return runResult{}, false
	}
	return runResult{verdict: verdictHit, entries: found, conf: confSpelling, words: 1}, true
}

// spelledIn reports whether word is a form (any case) of one of e's right
// forms in lang, as a lone family name or single-word name.
func spelledIn(e entryRef, lang, word string) bool {
	s := speller{lang: lang, g: entryGender(e), cyrillic: true}
	for _, t := range e.Terms() {
		if t.Lang == lang && (t.Status == Preferred || t.Status == Admitted) && IsCyrillic(t.Form) &&
			s.spelledForm(appendRawNameWords(nil, t.Form), []string{word}) {
			return true
		}
	}
	return false
}

// nominatives reads a Cyrillic word back through lang's case endings: the
// nominatives of which it could be an oblique form.
func nominatives(word, lang string) []string {
	endings := endingsFor(lang)
	var out []string
	for _, e := range endings {
		for _, add := range e.add {
			if !hasSuffixFold(word, add) || utf8.RuneCountInString(word) <= utf8.RuneCountInString(add)+1 {
				continue
			}
			stem := word[:len(word)-len(add)]
			nom := stem + lastRunes(e.suffix, e.drop)
			if e.suffix == "" {
				last, _ := utf8.DecodeLastRuneInString(stem)
				if !isCyrillicConsonant(cyrillicLower(last)) {
					continue
				}
			} else if !hasSuffixFold(nom, e.suffix) {
				continue
			}
			if !slices.Contains(out, nom) {
				out = append(out, nom)
			}
		}
	}
	if lang == "uk" {
		out = appendUkrainianNominatives(out, word)
	}
	// A feminine surname declines as an adjective, which the endings above
	// (nouns') do not read back: Тихановскую, Тихановської → Тихановская,
	// Тихановська.
	adjectival := ruFeminineAdjective
	if lang == "uk" {
		adjectival = ukFeminineAdjective
	}
	for _, e := range adjectival {
		if stem, ok := cutSuffixFold(word, e[0]); ok && utf8.RuneCountInString(stem) > 2 && !slices.Contains(out, stem+e[1]) {
			out = append(out, stem+e[1])
		}
	}
	return out
}

// Feminine adjectival endings and the nominative's, per language.
var (
	ruFeminineAdjective = [...][2]string{{"ой", "ая"}, {"ую", "ая"}, {"ей", "яя"}, {"юю", "яя"}}
	ukFeminineAdjective = [...][2]string{{"ої", "а"}, {"ій", "а"}, {"ою", "а"}, {"у", "а"}}
)

// cutSuffixFold is strings.CutSuffix for a lowercase Cyrillic suffix,
// ignoring the case of word.
func cutSuffixFold(word, suffix string) (string, bool) {
	if !hasSuffixFold(word, suffix) {
		return word, false
	}
	return word[:len(word)-len(suffix)], true
}

// lastRunes is the last n runes of s.
func lastRunes(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// appendUkrainianNominatives adds the nominatives that Ukrainian's own
// alternations hide from the endings table: the ikavism of places
// (Львова → Львів, Києва → Київ; see ikavismForms) and the iotated case
// endings after і (Росії, Росією → Росія).
func appendUkrainianNominatives(out []string, word string) []string {
	add := func(nom string) {
		if !slices.Contains(out, nom) {
			out = append(out, nom)
		}
	}
	for _, end := range [...]string{"ові", "ом", "а", "у", "і"} {
		stem, ok := cutSuffixFold(word, end)
		if !ok || utf8.RuneCountInString(stem) < 3 {
			continue
		}
		if s, ok := cutSuffixFold(stem, "ов"); ok {
			add(s + "ів")
		} else if s, ok := cutSuffixFold(stem, "єв"); ok {
			add(s + "їв")
		}
	}
	for _, end := range [...]string{"ією", "ії", "ію"} {
		if stem, ok := cutSuffixFold(word, end); ok && utf8.RuneCountInString(stem) >= 2 {
			add(stem + "ія")
		}
	}
	return out
}
