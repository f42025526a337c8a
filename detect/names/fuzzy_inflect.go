package names

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Right forms of a name in other grammatical cases, beyond what CaseForms
// models (masculine declension). In a Russian or Ukrainian text these are
// the same name, not mangled ones:
//
//   - Ukrainian masculine names in -о decline: Петро Порошенко → Петра
//     Порошенка, Порошенкові, Порошенком (Russian leaves -ко surnames alone);
//   - surnames in -ин/-ов/-ев take -ом in the instrumental beside -ым/-им
//     when read as nouns (Леніном, Дарвином);
//   - Ukrainian -ев/-єв surnames take -им like -ов (Медведєвим), and nouns
//     in -ія take -ії (Юлії);
//   - feminine surnames decline as adjectives: Явлинская → Явлинской,
//     Явлинскую; Стефанішина → Стефанішиної, Стефанішиній.
//
// A surname with a gendered ending has a counterpart of the other gender:
// Явлинская is Явлинский's wife, not a misspelling of him, and Медведевой
// names his wife too. Such forms are relatives: never flagged, and no
// mention of the entry either. (A woman's surname that does not end in
// -а/-я does not decline at all, Ксении Собчак; but nothing in Собчак says
// whose it is, so its masculine forms stay right.)

// gender of a person entry, as its Russian or Ukrainian forms show it.
type gender uint8

const (
	genderNone    gender = iota // not a person
	genderUnknown               // a person of either gender
	genderMale
	genderFemale
)

// entryGender guesses the gender of a person from the family name of its
// right Cyrillic forms, when its ending shows it (Пугачёва, Явлинский);
// given names would mislead too often (Андреа, Лука), and a surname such as
// Собчак or Тимошенко leaves it unknown: then the forms of both are right.
func entryGender(e entryRef) gender {
	if e.Type() != "person" {
		return genderNone
	}
	var raw [8]string
	for _, t := range e.Terms() {
		if (t.Status != Preferred && t.Status != Admitted) || !IsCyrillic(t.Form) {
			continue
		}
		if words := appendRawNameWords(raw[:0], t.Form); len(words) > 0 {
			if g := surnameGender(words[len(words)-1]); g != genderUnknown {
				return g
			}
		}
	}
	return genderUnknown
}

// Surname endings that mark the bearer's gender (Russian and Ukrainian).
var (
	femaleSurnameEnds = []string{"ская", "цкая", "ська", "цька", "зька", "ова", "ева", "ёва", "єва",
		"ина", "ына", "іна", "їна", "ая", "яя"}
	maleSurnameEnds = []string{"ский", "цкий", "ський", "цький", "зький", "ов", "ев", "ёв", "єв",
		"ин", "ын", "ін", "їн", "ий", "ый", "ой", "ій"}
)

func surnameGender(word string) gender {
	// The endings are five letters at most: lowercase those once.
	var buf [5 * utf8.UTFMax]byte
	tail := buf[len(buf):]
	for i, n := len(word), 0; i > 0 && n < 5; n++ {
		r, size := utf8.DecodeLastRuneInString(word[:i])
		i -= size
		var enc [utf8.UTFMax]byte
		k := utf8.EncodeRune(enc[:], cyrillicLower(r))
		tail = buf[len(buf)-len(tail)-k:]
		copy(tail, enc[:k])
	}
	for _, end := range femaleSurnameEnds {
		if strings.HasSuffix(string(tail), end) {
			return genderFemale
		}
	}
	for _, end := range maleSurnameEnds {
		if strings.HasSuffix(string(tail), end) {
			return genderMale
		}
	}
	return genderUnknown
}

// nameRole is where a word stands in a name.
type nameRole uint8

const (
	roleOther  nameRole = iota // a middle name, or a word of a non-person
	roleGiven                  // the first word of a name of two words or more
	roleFamily                 // the last word
)

// nameCaseForms returns the oblique forms of a Cyrillic name word in lang
// (ru or uk grammar) that are right for the entry (right), and those that
// belong to a relative of the other gender (relatives), each without
// duplicates and without word itself.
func nameCaseForms(word, lang string, role nameRole, g gender) (right, relatives []string) {
	masculine := append(CaseForms(word, lang), extraMasculineForms(word, lang, role, g)...)
	switch {
	case role != roleFamily || g == genderNone:
		right = masculine
	case g == genderMale:
		right, relatives = masculine, femaleCounterparts(word, lang)
	case g == genderFemale && endsInA(word):
		right = append(CaseForms(word, lang), femaleSurnameForms(word, lang)...)
		relatives = maleCounterparts(word, lang)
	case g == genderFemale:
		relatives = masculine // a woman's -к, -о, -ь surname does not decline
	case endsInA(word): // a person of unknown gender: both
		right = append(masculine, femaleSurnameForms(word, lang)...)
	default:
		right = masculine
	}
	if g == genderNone && lang == "uk" {
		right = append(withoutVocative(right, word), ikavismForms(word)...)
	}
	if g == genderNone && lang == "ru" {
		right = append(right, feminineSoftForms(word)...) // fuzzy_feminine_soft.go
	}
	right = uniqueForms(right, word, nil)
	relatives = uniqueForms(relatives, word, right)
	return right, relatives
}

// withoutVocative drops the Ukrainian vocative in -е of a word ending in
// a consonant (Києве, Парижe): nobody addresses a place, and the form is
// the Russian locative that MT leaves behind ("у Париже" for "у Парижі").
func withoutVocative(forms []string, word string) []string {
	last, _ := utf8.DecodeLastRuneInString(word)
	if !isCyrillicConsonant(cyrillicLower(last)) {
		return forms
	}
	voc := word + "е"
	return slices.DeleteFunc(forms, func(f string) bool { return f == voc })
}

// ikavismForms are the case forms of a Ukrainian place in -ів or -їв,
// whose і was о or е (є after a vowel) in the open syllable the endings
// make: Харків → Харкова, Харкові; Кишинів → Кишинева, Кишиневі; Київ →
// Києва, Києві. Which of о and е the word had is history, not spelling,
// so both are right forms. CaseForms, which models people's names
// (Павлів → Павліва), does not alternate.
func ikavismForms(word string) []string {
	var stems []string
	switch {
	case hasSuffixFold(word, "їв"):
		stems = []string{word[:len(word)-len("їв")] + "єв"}
	case hasSuffixFold(word, "ів") && utf8.RuneCountInString(word) > 3:
		head := word[:len(word)-len("ів")]
		stems = []string{head + "ов", head + "ев"}
	default:
		return nil
	}
	forms := make([]string, 0, 5*len(stems))
	for _, stem := range stems {
		for _, end := range [...]string{"а", "у", "ові", "ом", "і"} {
			forms = append(forms, stem+end)
		}
	}
	return forms
}

func endsInA(word string) bool {
	last, _ := utf8.DecodeLastRuneInString(word)
	last = cyrillicLower(last)
	return last == 'а' || last == 'я'
}

// uniqueForms drops duplicates, word itself and anything in except.
func uniqueForms(forms []string, word string, except []string) []string {
	out := forms[:0:0]
	for _, f := range forms {
		if f != word && !slices.Contains(out, f) && !slices.Contains(except, f) {
			out = append(out, f)
		}
	}
	return out
}

// withEnding replaces the last drop letters of word with each of adds,
// in capitals when the word is written in capitals.
func withEnding(dst []string, word string, drop int, adds ...string) []string {
	stem := word
	for range drop {
		_, size := utf8.DecodeLastRuneInString(stem)
		stem = stem[:len(stem)-size]
	}
	upper := isAllUpperWord(word)
	for _, a := range adds {
		if upper {
			a = strings.ToUpper(a)
		}
		dst = append(dst, stem+a)
	}
	return dst
}

// extraMasculineForms are the masculine (and noun) forms CaseForms does
// not give.
func extraMasculineForms(word, lang string, role nameRole, g gender) []string {
	var out []string
	switch {
	case lang == "uk" && g != genderNone && role != roleOther && hasSuffixFold(word, "о") && utf8.RuneCountInString(word) > 2 &&
		(role == roleGiven || hasSuffixFold(word, "ко")):
		// Порошенко, Петро; a foreign surname in -о does not decline (Фіцо).
		out = withEnding(out, word, 1, "а", "ові", "у", "ом")
	case lang == "uk" && (hasSuffixFold(word, "ев") || hasSuffixFold(word, "єв")):
		out = withEnding(out, word, 0, "им", "ом") // Медведєвим
	case lang == "uk" && hasSuffixFold(word, "ц"):
		// Ukrainian ц is hard (Шольцом, Шольцові), but the Russian -ем,
		// -еві is common in Ukrainian text too; it is no wrong name.
		out = withEnding(out, word, 0, "еві", "ем")
	case hasSuffixFold(word, "ин") || hasSuffixFold(word, "ін") || hasSuffixFold(word, "ын") ||
		hasSuffixFold(word, "ов") || hasSuffixFold(word, "ев") || hasSuffixFold(word, "ёв"):
		out = withEnding(out, word, 0, "ом") // Леніном
	}
	return append(out, extraNounForms(word, lang)...)
}

// extraNounForms: Ukrainian nouns in -ія take -ії (Юлія → Юлії).
func extraNounForms(word, lang string) []string {
	if lang == "uk" && hasSuffixFold(word, "ія") {
		return withEnding(nil, word, 1, "ї", "ю", "єю")
	}
	return nil
}

// femaleSurnameForms are the adjectival forms of a feminine surname in
// -а/-я that CaseForms (which declines it as a noun) misses.
func femaleSurnameForms(word, lang string) []string {
	switch {
	case lang == "uk":
		return withEnding(nil, word, 1, "ої", "ій", "у", "ою") // Стефанішиної, Зеленській
	case hasSuffixFold(word, "ая"):
		return withEnding(nil, word, 2, "ой", "ую") // Явлинской, Явлинскую
	case hasSuffixFold(word, "яя"):
		return withEnding(nil, word, 2, "ей", "юю")
	}
	return withEnding(nil, word, 1, "ой", "у") // Медведевой, Медведеву
}

// femaleCounterparts are the feminine forms of a man's surname, declined:
// the name of his wife, mother or daughter.
func femaleCounterparts(word, lang string) []string {
	var fem []string
	switch {
	case lang == "uk" && (hasSuffixFold(word, "ський") || hasSuffixFold(word, "цький") || hasSuffixFold(word, "зький") ||
		hasSuffixFold(word, "ий") || hasSuffixFold(word, "ій")):
		fem = withEnding(fem, word, 2, "а") // Зеленський → Зеленська
	case hasSuffixFold(word, "ий") || hasSuffixFold(word, "ый") || hasSuffixFold(word, "ой"):
		fem = withEnding(fem, word, 2, "ая") // Явлинский → Явлинская
	case hasSuffixFold(word, "ов") || hasSuffixFold(word, "ев") || hasSuffixFold(word, "ёв") || hasSuffixFold(word, "єв") ||
		hasSuffixFold(word, "ин") || hasSuffixFold(word, "ын") || hasSuffixFold(word, "ін") || hasSuffixFold(word, "їн"):
		fem = withEnding(fem, word, 0, "а") // Медведев → Медведева
	default:
		return nil
	}
	return append(fem, femaleSurnameForms(fem[0], lang)...)
}

// maleCounterparts are the masculine forms of a woman's surname, declined.
func maleCounterparts(word, lang string) []string {
	var masc []string
	switch {
	case lang == "uk" && (hasSuffixFold(word, "ська") || hasSuffixFold(word, "цька") || hasSuffixFold(word, "зька")):
		masc = withEnding(masc, word, 1, "ий")
	case hasSuffixFold(word, "ская") || hasSuffixFold(word, "цкая"):
		masc = withEnding(masc, word, 2, "ий")
	case hasSuffixFold(word, "ая"):
		masc = withEnding(masc, word, 2, "ый", "ий", "ой")
	case hasSuffixFold(word, "ова") || hasSuffixFold(word, "ева") || hasSuffixFold(word, "ёва") || hasSuffixFold(word, "єва") ||
		hasSuffixFold(word, "ина") || hasSuffixFold(word, "ына") || hasSuffixFold(word, "іна") || hasSuffixFold(word, "їна"):
		masc = withEnding(masc, word, 1, "")
	default:
		return nil
	}
	out := masc
	for _, m := range masc {
		out = append(append(out, CaseForms(m, lang)...), extraMasculineForms(m, lang, roleFamily, genderMale)...)
	}
	return out
}
