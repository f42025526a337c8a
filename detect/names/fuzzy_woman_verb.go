package names

import (
	"strings"
	"unicode/utf8"

	"lector/detect/lexicon"
)

// A woman's family name in a consonant does not decline (fuzzy_woman_surname.go),
// and her given name usually says she is one, in -а or -я. A given name that
// ends otherwise and not as men's names do (Кеми, Саломе, Мари) does not
// tell; the article does, when her family name as it stands is the subject
// of a verb in the past tense, which Russian puts in her gender: "Баденок
// ответила". Then a man's case form of it ("с Баденоком") is the wrong
// form, as for a woman named by her given name. A verb in the masculine
// after the name says the opposite, and the two together say nothing.
// (Ukrainian marks the gender the same way, відповіла/відповів, but a
// Ukrainian case form of a name does not come through the run this rule
// reads; it is Russian only.)

// womanDeclinedInText is womanDeclined for entries whose given name does
// not tell the gender, with the gender read from the verbs of text.
func (f *Fuzzy) womanDeclinedInText(text, run, lang string, entries []int32) (string, bool) {
	if lang != "ru" {
		return "", false
	}
	// The text is read last, for a man's form only.
	return f.declinedAsMan(run, lang, entries, undecidedFamily, func(family string) bool {
		return verbGender(text, family, lang) == genderFemale
	})
}

// undecidedFamily is the family name of e's preferred Cyrillic form in
// lang when it would not decline for a woman (a consonant, -ь, -й, -о, no
// gendered ending) and the given name tells no gender: it ends neither in
// -а/-я nor in -й or -о.
func undecidedFamily(e entryRef, lang string) (string, bool) {
	if e.Type() != "person" {
		return "", false
	}
	form := strings.Fields(preferredCyrillic(e, lang))
	if len(form) != 2 {
		return "", false
	}
	given, family := form[0], form[1]
	end := lastLower(family)
	if !isCyrillicConsonant(end) && end != 'ь' && end != 'й' && end != 'о' || surnameGender(family) != genderUnknown {
		return "", false
	}
	// A given name in a consonant is a man's in Russian, not in the
	// languages the names come from (Рейчел, Карин, Ингрид): it tells
	// nothing, and the verbs decide; -й and -о are men's (Андрей, Марко).
	if endsInA(given) || masculineGivenName(given) && !isCyrillicConsonant(lastLower(given)) || utf8.RuneCountInString(given) < 2 {
		return "", false
	}
	return family, true
}

// verbGender is the gender of the past-tense verbs right after family, as
// written, in text: genderFemale or genderMale when all of them agree,
// genderUnknown otherwise.
func verbGender(text, family, lang string) gender {
	g := genderUnknown
	for i := 0; ; {
		j := strings.Index(text[i:], family)
		if j < 0 {
			return g
		}
		start := i + j
		i = start + len(family)
		if start > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:start]); fzWordRune(r) {
				continue
			}
		}
		rest := strings.TrimLeft(text[i:], " ")
		if len(rest) == len(text[i:]) {
			continue // not followed by a space: part of a longer word, or punctuation
		}
		n := scanWord(rest, 0)
		switch vg := pastTenseGender(rest[:n], lang); {
		case vg == genderUnknown:
		case g == genderUnknown:
			g = vg
		case g != vg:
			return genderUnknown
		}
	}
}

// pastTenseGender reads a lowercase Russian word as a verb in the past
// tense: -ла for her, -л for him, when the lexicon knows the other gender's
// form and the plural too (ответила, ответил and ответили are a verb; сила
// and сил are not). The lexicon lists few reflexive past forms, which are
// left unread.
func pastTenseGender(word, lang string) gender {
	if lang != "ru" || word == "" || strings.ToLower(word) != word {
		return genderUnknown
	}
	l := lexicon.For(lang)
	if stem, ok := strings.CutSuffix(word, "ла"); ok && l.Has(stem+"л") && l.Has(stem+"ли") {
		return genderFemale
	}
	if stem, ok := strings.CutSuffix(word, "л"); ok && l.Has(stem+"ла") && l.Has(stem+"ли") {
		return genderMale
	}
	return genderUnknown
}
