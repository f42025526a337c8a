package names

import (
	"unicode/utf8"

	"lector/detect/lexicon"
)

// Places in -ь of the third declension. Russian and Ukrainian nouns in -ь
// are masculine (Израиль → Израиля, Израиле) or feminine (Беларусь →
// Беларуси, Беларусью), and nothing in the spelling tells which. The
// feminine instrumental does: Russian -ью, Ukrainian a doubled consonant
// and -ю (Білоруссю), which no masculine noun takes. A word whose
// instrumental so formed the language's word list holds is feminine; the
// word list of the run's language counts too, since a place keeps its
// gender across the two (Ukrainian lists Білоруссю where Russian lacks
// Беларусью). The tables (caseEnding) decline -ь as masculine; the
// suggestion of a feminine place takes these forms instead.

// softFeminineInstrumental is the feminine instrumental of word, a noun
// in -ь, in lang; "" where the form would not tell the gender (a Ukrainian
// stem in two consonants takes -ю undoubled, as a masculine dative does:
// Ярославлю).
func softFeminineInstrumental(word, lang string) string {
	stem, ok := cutSuffixFold(word, "ь")
	if !ok || utf8.RuneCountInString(stem) < 2 {
		return ""
	}
	if lang != "uk" {
		return stem + caseLike("ью", word)
	}
	last, size := utf8.DecodeLastRuneInString(stem)
	before, _ := utf8.DecodeLastRuneInString(stem[:len(stem)-size])
	if !isCyrillicConsonant(cyrillicLower(last)) || isCyrillicConsonant(cyrillicLower(before)) {
		return ""
	}
	return stem + string(last) + caseLike("ю", word)
}

// softFeminine reports a noun in -ь that lang's word list declines as a
// feminine noun.
func softFeminine(word, lang string) bool {
	ins := softFeminineInstrumental(word, lang)
	return ins != "" && lexicon.For(lang).Has(ins)
}

// feminineSoftPlace reports whether right, a place's name in -ь, is
// feminine, by its own language's word list or by that of a reading of
// like (a word of the run) back to a nominative in -ь.
func feminineSoftPlace(right, like, lang string) bool {
	if lastLower(right) != 'ь' {
		return false
	}
	if softFeminine(right, lang) {
		return true
	}
	for _, l := range spellingLangs {
		if !writable(like, l) {
			continue
		}
		for _, nom := range append(nominatives(like, l), softNominative(like, l)) {
			if lastLower(nom) == 'ь' && softFeminine(nom, l) {
				return true
			}
		}
	}
	return false
}

// softNominative is the nominative of like read as the instrumental of a
// feminine noun in -ь in lang (Білоруссю → Білорусь, Казанью → Казань);
// "" when it is none.
func softNominative(like, lang string) string {
	if !feminineInstrumental(like) {
		return ""
	}
	r := []rune(like)
	if lang == "uk" && cyrillicLower(r[len(r)-2]) != 'ь' {
		return string(r[:len(r)-2]) + caseLike("ь", like)
	}
	if lang == "ru" && cyrillicLower(r[len(r)-2]) == 'ь' {
		return string(r[:len(r)-2]) + caseLike("ь", like)
	}
	return ""
}

// softFeminineForms are the forms of a feminine noun in -ь with their
// cases: Беларусь, Беларуси, Беларусью; Білорусь, Білорусі, Білоруссю.
func softFeminineForms(word, lang string) []labelledForm {
	stem, _ := cutSuffixFold(word, "ь")
	oblique := "и"
	if lang == "uk" {
		oblique = "і"
	}
	out := []labelledForm{{word, caseNom | caseAcc}, {stem + caseLike(oblique, word), caseGen | caseDat | caseLoc}}
	if ins := softFeminineInstrumental(word, lang); ins != "" {
		out = append(out, labelledForm{ins, caseIns})
	}
	return out
}

// softFeminineShown is the cases like shows as a form of a feminine noun
// in -ь (right, a feminine place): its instrumental (Білоруссю), its
// oblique -и/-і, or its nominative and accusative; 0 otherwise.
func softFeminineShown(like, right, lang string, g gender) caseMask {
	if g != genderNone || !feminineSoftPlace(right, like, lang) {
		return 0
	}
	switch lastLower(like) {
	case 'ю':
		if feminineInstrumental(like) {
			return caseIns
		}
	case 'и', 'і':
		return caseGen | caseDat | caseLoc
	case 'ь':
		return caseNom | caseAcc
	}
	return 0
}
