package names

import "unicode/utf8"

// Grammatical cases of the forms CaseForms and nameCaseForms give. The
// spelling of a form alone does not say its case (Russian "-е" is the dative
// of Москва and the locative of Путин), so the declension tables label what
// each ending is. Two uses: the words of one name agree in case ("Юлією
// Навальною", not "Юлією Навальної"), and a Ukrainian or Russian name whose
// given name is declined and whose family name is left in the nominative
// ("з Віталієм Кличко", "с Дональдом Трамп") is a wrong form.

// caseMask is a set of grammatical cases.
type caseMask uint8

const (
	caseNom caseMask = 1 << iota
	caseGen
	caseDat
	caseAcc
	caseIns
	caseLoc

	caseAll = caseNom | caseGen | caseDat | caseAcc | caseIns | caseLoc
)

// allCases lists the cases one by one, the nominative first (it wins ties).
var allCases = [...]caseMask{caseNom, caseGen, caseAcc, caseDat, caseIns, caseLoc}

// Shorthands for the label tables below.
const (
	cG   = caseGen
	cGA  = caseGen | caseAcc
	cD   = caseDat
	cA   = caseAcc
	cI   = caseIns
	cL   = caseLoc
	cDL  = caseDat | caseLoc
	cGDL = caseGen | caseDat | caseLoc
	cOb  = caseGen | caseDat | caseIns | caseLoc // Russian feminine adjectival -ой
)

// ruCaseLabels and ukCaseLabels give, per row of ruEndings and ukEndings
// (by its suffix), the case of each of the row's endings, in the row's
// order.
var ruCaseLabels = map[string][]caseMask{
	"ский": {cGA, cD, cI, cL}, "цкий": {cGA, cD, cI, cL}, "ый": {cGA, cD, cI, cL}, "ской": {cGA, cD, cI, cL},
	"ий": {cGA, cD, cI, cL}, "й": {cGA, cD, cI, cL}, "ь": {cGA, cD, cI, cL},
	"ка": {cG, cDL, cA, cI}, "га": {cG, cDL, cA, cI}, "ха": {cG, cDL, cA, cI},
	"жа": {cG, cDL, cA, cI}, "ша": {cG, cDL, cA, cI}, "ча": {cG, cDL, cA, cI}, "ща": {cG, cDL, cA, cI},
	"ца": {cG, cDL, cA, cI}, "а": {cG, cDL, cA, cI}, "я": {cG, cDL, cA, cI},
	"ов": {cGA, cD, cI, cL}, "ев": {cGA, cD, cI, cL}, "ин": {cGA, cD, cI, cL}, "ёв": {cGA, cD, cI, cL},
	"ын": {cGA, cD, cI, cL}, "": {cGA, cD, cI, cL},
	"ец": {cGA, cD, cI, cL, cI, cGA, cD, cI, cL},
}

var ukCaseLabels = map[string][]caseMask{
	"ський": {cGA, cDL, cI}, "цький": {cGA, cDL, cI}, "ний": {cGA, cDL, cI}, "ий": {cGA, cDL, cI},
	"ець": {cGA, cD, cDL, cI, cL, cGA, cD, cDL, cI, cL},
	"ій":  {cGA, cD, cDL, cI, cL}, "й": {cGA, cD, cDL, cI, cL}, "ь": {cGA, cD, cDL, cI, cL},
	"жа": {cGDL, cA, cI}, "ша": {cGDL, cA, cI}, "ча": {cGDL, cA, cI}, "ща": {cGDL, cA, cI},
	"ка": {cG, cDL, cA, cI}, "га": {cG, cDL, cA, cI}, "ха": {cG, cDL, cA, cI},
	"а": {cG, cDL, cA, cI}, "я": {cGDL, cA, cI},
	"ов": {cGA, cD, cDL, cI, cL}, "ін": {cGA, cD, cDL, cI, cL},
}

// labelledForm is a case form and the cases it stands for.
type labelledForm struct {
	form  string
	cases caseMask
}

// labelledCaseForms is nameCaseForms' right forms with their cases, the
// nominative included (word itself: in the accusative too for a thing or
// place not in -а/-я, whose accusative is its nominative; Туреччина's is
// Туреччину). A word that does not decline for the entry has its one form
// in every case.
func labelledCaseForms(word, lang string, role nameRole, g gender) []labelledForm {
	right, _ := nameCaseForms(word, lang, role, g)
	nom := caseNom
	if g == genderNone && !endsInA(word) {
		nom |= caseAcc
	}
	if len(right) == 0 {
		nom = caseAll
	}
	out := []labelledForm{{word, nom}}
	labels := caseLabelsOf(word, lang, role, g)
	for _, f := range right {
		c, ok := labels[f]
		if !ok {
			c = caseAll // a form no table labels: it agrees with anything
		}
		out = append(out, labelledForm{f, c})
	}
	return out
}

// caseLabelsOf maps each form the tables and their additions give for
// word to its cases.
func caseLabelsOf(word, lang string, role nameRole, g gender) map[string]caseMask {
	labels := map[string]caseMask{}
	add := func(forms []string, cases ...caseMask) {
		for i, f := range forms {
			if i < len(cases) {
				labels[f] |= cases[i]
			}
		}
	}
	forms, row := caseFormsRow(word, lang)
	switch lang {
	case "uk":
		add(forms, ukLabelsFor(word, row, g)...)
	case "ru":
		add(forms, ruLabelsFor(word, row)...)
	}
	// The additions of extraMasculineForms, extraNounForms,
	// femaleSurnameForms and ikavismForms, in their order.
	switch {
	case lang == "uk" && g != genderNone && role != roleOther && hasSuffixFold(word, "о") && utf8.RuneCountInString(word) > 2 &&
		(role == roleGiven || hasSuffixFold(word, "ко")):
		add(withEnding(nil, word, 1, "а", "ові", "у", "ом"), cGA, cDL, cDL, cI)
	case lang == "uk" && (hasSuffixFold(word, "ев") || hasSuffixFold(word, "єв")):
		add(withEnding(nil, word, 0, "им", "ом"), cI, cI)
	case lang == "uk" && hasSuffixFold(word, "ц"):
		add(withEnding(nil, word, 0, "еві", "ем"), cDL, cI)
	case hasSuffixFold(word, "ин") || hasSuffixFold(word, "ін") || hasSuffixFold(word, "ын") ||
		hasSuffixFold(word, "ов") || hasSuffixFold(word, "ев") || hasSuffixFold(word, "ёв"):
		add(withEnding(nil, word, 0, "ом"), cI)
	}
	if lang == "uk" && hasSuffixFold(word, "ія") {
		add(withEnding(nil, word, 1, "ї", "ю", "єю"), cGDL, cA, cI)
	}
	if role == roleFamily && (g == genderFemale || g == genderUnknown) && endsInA(word) {
		if lang == "uk" {
			add(femaleSurnameForms(word, lang), cG, cDL, cA, cI)
		} else {
			add(femaleSurnameForms(word, lang), cOb, cA)
		}
	}
	if g == genderNone && lang == "uk" {
		add(ikavismForms(word), cGA, cGDL, cDL, cI, cL, cGA, cGDL, cDL, cI, cL) // the о forms, then the е ones
	}
	if g == genderNone && lang == "ru" {
		add(feminineSoftForms(word), cGDL, cI)
	}
	return labels
}

// caseFormsRow is CaseForms with the row of the table it used (its
// suffix) and the forms in the row's order, duplicates kept.
func caseFormsRow(word, lang string) (forms []string, row string) {
	if lang != "ru" && lang != "uk" {
		return nil, ""
	}
	last, _ := utf8.DecodeLastRuneInString(word)
	lowerLast := cyrillicLower(last)
	if utf8.RuneCountInString(word) < 2 || !isCyrillicLetter(lowerLast) || containsRune(indeclinableEnds, lowerLast) {
		return nil, ""
	}
	for _, e := range endingsFor(lang) {
		if e.suffix != "" && !hasSuffixFold(word, e.suffix) {
			continue
		}
		if e.suffix == "" && !isCyrillicConsonant(lowerLast) {
			return nil, ""
		}
		add := e.add
		if lang == "uk" && e.suffix == "я" && hasSuffixFold(word, "ія") {
			add = []string{"ї", "ю", "єю"}
		}
		if e.suffix == "" && takesSoftEndings(lang, lowerLast) {
			add = []string{"а", "у", "ем", "е"}
			if lang == "uk" {
				add = []string{"а", "у", "еві", "ем", "і", "е"}
			}
		}
		forms = withEnding(nil, word, e.drop, add...)
		if lang == "uk" && e.suffix == "" {
			for i, a := range add {
				if a == "і" {
					forms[i] = ukVelarLocative(word, forms[i])
				}
			}
		}
		return forms, e.suffix
	}
	return nil, ""
}

// ruLabelsFor is the labels of a ruEndings row; -ия nouns have one form
// for the genitive, dative and locative (Франции).
func ruLabelsFor(word, row string) []caseMask {
	if row == "я" && hasSuffixFold(word, "ия") {
		return []caseMask{cGDL, cDL, cA, cI}
	}
	if row == "" && takesSoftEndings("ru", lastLower(word)) {
		return []caseMask{cGA, cD, cI, cL}
	}
	return ruCaseLabels[row]
}

// ukLabelsFor is the labels of a ukEndings row. A person's genitive is
// never the -у or -ю of things and places (Віктору, Ігорю are datives;
// Ірану, Китаю, Ізраїлю are genitives too).
func ukLabelsFor(word, row string, g gender) []caseMask {
	u := cGDL
	if g != genderNone {
		u = cDL
	}
	switch {
	case row == "":
		return []caseMask{cGA, u, cDL, cI, cL, 0}
	case g == genderNone && (row == "й" || row == "ь"):
		return []caseMask{cGA, caseGen | caseDat, cDL, cI, cL}
	}
	return ukCaseLabels[row]
}

func lastLower(word string) rune {
	r, _ := utf8.DecodeLastRuneInString(word)
	return cyrillicLower(r)
}

func isCyrillicLetter(r rune) bool { return r >= cyrBase && r < cyrBase+cyrSpan }

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}

// casesOf is the cases in which word is the form of right (lang's
// grammar); 0 when it is none of its forms.
func casesOf(right, word, lang string, role nameRole, g gender) caseMask {
	w := cyrFold(word)
	var c caseMask
	for _, lf := range labelledCaseForms(right, lang, role, g) {
		if cyrFold(lf.form) == w {
			c |= lf.cases
		}
	}
	return c
}

// agreeInCase reports whether a person's name whose words are each spelled
// right (words lined up with form's) also agrees in case: a given name in
// an oblique case with the family name left in the nominative is no right
// form when the family name declines for a man in the text's language
// ("з Віталієм Кличко" in Ukrainian, which declines -ко; "с Дональдом Трамп";
// but "с Виталием Кличко" in Russian, which does not, is right), nor is a
// given and a family name declined in two cases (declinedAlike). The claim
// is made for a masculine given name only (in a consonant, -й or -о), and
// never for a woman: her family name in a consonant or -о does not decline.
func (s speller) agreeInCase(form, words []string) bool {
	n := len(form)
	if !s.cyrillic || n < 2 || len(words) != n || s.g == genderFemale || s.g == genderNone ||
		(s.lang != "ru" && s.lang != "uk") {
		return true
	}
	given, family := form[0], form[n-1]
	if cyrFold(words[0]) == cyrFold(given) || !masculineGivenName(given) {
		return true
	}
	if cyrFold(words[n-1]) != cyrFold(family) {
		return s.declinedAlike(given, family, words[0], words[n-1])
	}
	gc := casesOf(given, words[0], s.lang, roleGiven, s.g)
	if gc == 0 || gc&caseNom != 0 {
		return true
	}
	for _, lf := range labelledCaseForms(family, s.lang, roleFamily, genderMale) {
		if lf.cases&gc != 0 && lf.cases != caseAll && cyrFold(lf.form) != cyrFold(family) {
			return false
		}
	}
	return true
}

// declinedAlike reports whether a man's given and family name, both
// declined, share a case: "Владимире Путину" (a locative beside a dative)
// is no right form. A word whose case the tables do not label agrees with
// anything.
func (s speller) declinedAlike(given, family, gw, fw string) bool {
	gc := casesOf(given, gw, s.lang, roleGiven, s.g)
	fc := casesOf(family, fw, s.lang, roleFamily, s.g)
	return gc == 0 || fc == 0 || gc&fc != 0
}

// masculineGivenName reports a given name that ends as men's names do in
// Russian and Ukrainian: a hard consonant, -й, or -о (Петро, Дмитро).
func masculineGivenName(given string) bool {
	last := lastLower(given)
	return last == 'й' || last == 'о' || isCyrillicConsonant(last)
}
