package names

import (
	"unicode/utf8"

	"lector/detect/lexicon"
)

// The case a wrong run shows by its ending alone. casesShown reads a run
// back to a nominative spelled nearly as the right form; a run spelled far
// from it ("Турцию" for Туреччина, "Адэсу" for Одесса) has no such reading,
// yet its ending still says its case, in the language it is spelled in: a
// Russian -ию on a word in -ия is an accusative in a Ukrainian text too.
// Which reading of the ending is meant is told by the right form's
// declension: an -у is the accusative of a word in -а (Адэсу: Одессу) and
// the dative of one in a consonant (Ірану: Ирану).

// wordCases is the forms right (a word of the suggestion) may take in
// place of like (the run's word in its place), and the cases like shows.
// A family name alone in a woman's ending takes the woman's forms of a
// man's surname (case_woman.go).
func wordCases(right, like, lang string, role nameRole, g gender, alone bool) ([]labelledForm, shownCase) {
	if fem := womansNominative(right, like, lang, role, g); alone && fem != "" {
		right, g = fem, genderFemale
	}
	sh := casesShown(like, right, role, g)
	if c := softFeminineShown(like, right, lang, g); c != 0 {
		sh = shownCase{c, endingMismatch}
	}
	if c := ruNeuterShown(like); c != 0 && ukNeuterPlace(right, lang, g) { // case_neuter_uk.go
		sh = shownCase{c, endingMismatch}
	}
	if sh.cases == 0 && ukOPlaceStem(right, lang, g) != "" {
		sh = shownCase{casesByEndingAs(like, declConsonant, role, g), endingMismatch}
	}
	return caseChoices(right, like, lang, role, g), sh
}

// declension is the class of nouns that decline alike, as a nominative's
// last letter shows it.
type declension uint8

const (
	declNone      declension = iota // does not decline, or no Cyrillic word
	declA                           // -а, -я: Туреччина, Франция
	declConsonant                   // a consonant or -й: Иран, Донецк
	declSoft                        // -ь: Ізраїль, Беларусь
)

// declensionOf is the class a nominative declines in.
func declensionOf(nom string) declension {
	if utf8.RuneCountInString(nom) < 2 {
		return declNone
	}
	switch last := lastLower(nom); {
	case last == 'а' || last == 'я':
		return declA
	case last == 'ь':
		return declSoft
	case last == 'й' || isCyrillicConsonant(last):
		return declConsonant
	}
	return declNone
}

// casesByEnding is the cases like (a word of the run) shows read as a form,
// in Russian or Ukrainian, of a nominative that declines as right does;
// 0 when no reading does, and so also for a right form that does not
// decline. It is the fallback of casesShown for runs spelled far from
// the right form.
func casesByEnding(like, right string, role nameRole, g gender) caseMask {
	return casesByEndingAs(like, declensionOf(right), role, g)
}

// casesByEndingAs is casesByEnding for a right form of declension d.
func casesByEndingAs(like string, d declension, role nameRole, g gender) caseMask {
	if d == declNone || !IsCyrillic(like) || ordinaryWord(like) {
		return 0
	}
	// The reading by the longest ending wins: "-ією" (an instrumental of
	// -ія) before "-ю" (as if of a word in -єя).
	var c caseMask
	longest := 0
	for _, lang := range spellingLangs {
		if !writable(like, lang) {
			continue
		}
		for _, nom := range append(nominatives(like, lang), like) {
			if declensionOf(nom) != d {
				continue
			}
			cases := casesOf(nom, like, lang, role, g)
			if cases == 0 {
				continue
			}
			switch n := endingLength(nom, like); {
			case n > longest:
				c, longest = cases, n
			case n == longest:
				c |= cases
			}
		}
	}
	if c == caseAll {
		return 0
	}
	return c
}

// endingLength is the number of letters of form after the longest start
// it shares with nom.
func endingLength(nom, form string) int {
	a, b := []rune(cyrFold(nom)), []rune(cyrFold(form))
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	return len(b) - i
}

// writable reports whether lang's alphabet writes word: Russian has no і,
// ї, є, ґ, Ukrainian no ы, э, ъ, ё. The ending of "Чорногорією" is read
// as Ukrainian's alone (an instrumental), not also as a Russian -ю.
func writable(word, lang string) bool {
	foreign := "іїєґ"
	if lang == "uk" {
		foreign = "ыэъё"
	}
	for _, r := range word {
		if containsRune(foreign, cyrillicLower(r)) {
			return false
		}
	}
	return true
}

// ordinaryWord reports a word that Russian or Ukrainian writes in lower
// case: MT put a word of the language where the name was ("Тоска" for
// Туск), and its ending is the word's own, no case of the name's.
func ordinaryWord(w string) bool {
	for _, lang := range spellingLangs {
		if lexicon.For(lang).Common(w) {
			return true
		}
	}
	return false
}

// InflectLike is sugg, a right form of e in lang, put in the case that
// text[start:end] (the words it replaces) shows, word by word, and that
// the word before them governs; sugg as it is where the words do not line
// up or the case cannot be told. The source-aware checks suggest the
// nominative of the source's name for a stand-in such as "около Данецка"
// (Донецка). A stand-in with an ordinary word of the language shows that
// word's case, not the name's ("Тоска" for Туск): then only a preposition
// that governs one case declines the name ("у Донецкая": Донецка).
func InflectLike(sugg, text string, start, end int, lang string, e *Entry) string {
	if e == nil || (lang != "ru" && lang != "uk") {
		return sugg
	}
	g := entryGender(refOf(e))
	governed := governedCase(text, start, lang, g)
	run := text[start:end]
	for _, w := range appendRawNameWords(nil, run) {
		if lexicon.For(lang).Common(w) {
			return governedForm(sugg, lang, g, governed)
		}
	}
	return inflectGoverned(sugg, run, lang, g, governed)
}
