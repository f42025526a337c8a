package names

import (
	"slices"
	"strings"
)

// inflectLike puts each word of a Cyrillic suggestion in the case form, of
// those lang has for it, nearest in spelling to the run's word in the same
// place: "Кулебы" in a Ukrainian text is "Кулеби", not "Кулеба", and
// "Зеленским" is "Зеленським". Suggestions whose words do not line up with
// the run's stay as they are.
func inflectLike(sugg, run, lang string, g gender) string {
	return inflectGoverned(sugg, run, lang, g, 0)
}

// inflectGoverned is inflectLike where the word before the run governs
// the cases governed (case_governed.go); 0 when none.
func inflectGoverned(sugg, run, lang string, g gender, governed caseMask) string {
	if !isCyrillicLang(lang) || !IsCyrillic(run) || !IsCyrillic(sugg) {
		return sugg
	}
	runWords := appendRawNameWords(nil, trimPossessive(run))
	type place struct{ start, end int }
	var places []place
	var choices [][]labelledForm
	var shown []shownCase
	for start, end := nextNameWord(sugg, 0); start < end; start, end = nextNameWord(sugg, end) {
		i := len(places)
		if i >= len(runWords) {
			return sugg
		}
		role := roleOf(i, len(runWords))
		if len(runWords) == 1 {
			role = roleFamily
		}
		places = append(places, place{start, end})
		forms, sh := wordCases(sugg[start:end], runWords[i], lang, role, g, len(runWords) == 1)
		if linkingPart(sugg, start, end) { // case_compound.go
			forms = []labelledForm{{sugg[start:end], caseAll}}
		}
		choices = append(choices, forms)
		sh = ukDativeShown(sh, runWords[i], lang, g, governed) // case_uk_dative.go
		shown = append(shown, governedShown(sh, governed))
	}
	if len(places) != len(runWords) {
		return sugg
	}
	keepNominatives(choices, runWords)
	picked := agreeingForms(choices, runWords, shown)
	var b strings.Builder
	pos := 0
	for i, p := range places {
		b.WriteString(sugg[pos:p.start])
		b.WriteString(picked[i])
		pos = p.end
	}
	b.WriteString(sugg[pos:])
	return b.String()
}

// caseMismatch is what a form in another case than the run's word shows
// adds to its spelling distance: more than Russian -е against Ukrainian -і
// (Москве, Москві), less than a letter. A case read from the ending alone
// (casesByEnding) costs endingMismatch: the run is spelled far from the
// right form, so the spelling of a form says little and the ending more
// ("Джорджия" is the nominative Джорджа, not the nearer genitive Джорджи).
const (
	caseMismatch   = 0.6
	endingMismatch = 2
)

// shownCase is the cases a word of the run shows and what a form in none
// of them adds to its distance.
type shownCase struct {
	cases    caseMask
	mismatch float64
}

// casesShown is the cases like (a word of the run) shows as a form, in
// Russian or Ukrainian, of a nominative spelled nearly as right: "Минске"
// is Russian's Минск in the locative, so Ukrainian "Мінську", not the
// nominative "Мінськ" it is as near to. 0 when no reading is that near.
func casesShown(like, right string, role nameRole, g gender) shownCase {
	r := []rune(cyrFold(right))
	var c caseMask
	for _, lang := range spellingLangs {
		for _, nom := range append(nominatives(like, lang), like) {
			if spellingDistance([]rune(cyrFold(nom)), r) <= 0.6 {
				c |= casesOf(nom, like, lang, role, g)
			}
		}
	}
	if c == 0 {
		return shownCase{casesByEnding(like, right, role, g), endingMismatch} // case_reading.go
	}
	return shownCase{c, caseMismatch}
}

// caseChoices are the forms right may take in place of like, with their
// cases: right alone when like declines it as a woman's name it is not.
func caseChoices(right, like, lang string, role nameRole, g gender) []labelledForm {
	if g == genderNone && feminineSoftPlace(right, like, lang) {
		return softFeminineForms(right, lang) // case_soft_feminine.go
	}
	if ukNeuterPlace(right, lang, g) {
		return ukNeuterForms(right) // case_neuter_uk.go
	}
	if stem := ukOPlaceStem(right, lang, g); stem != "" {
		return ukOPlaceForms(right, stem) // case_o_places.go
	}
	if feminineInstrumental(like) && !endsInA(right) || declinedAsA(like, right) { // case_declined_as_a.go
		// "Меркелью", "Меркеллю": the text declines the name as a woman's,
		// and a woman's surname that does not end in -а/-я does not decline.
		return []labelledForm{{right, caseAll}}
	}
	forms := labelledCaseForms(right, lang, role, g)
	if g == genderNone && lang == "ru" {
		// A Russian place in -ь is read in the feminine forms too, so that
		// no right form is flagged whichever its gender (caseLabelsOf,
		// fuzzy_feminine_soft.go); a suggestion takes them only for a
		// place known to be feminine (above): Ярославле, not Ярославли.
		fem := feminineSoftForms(right)
		forms = slices.DeleteFunc(forms, func(lf labelledForm) bool { return slices.Contains(fem, lf.form) })
	}
	return forms
}

// keepNominatives lets a word of a name of three words or more that the
// run leaves in the nominative (its spelling aside: Ким for Кім) stay so
// whatever case the others take, as the undeclined parts of an East Asian
// name do (Кім Чен Ину); in a name of two words the case of one is the
// other's ("Дональд Тоска" is "Дональд Туск", not "Дональд Туска") — unless
// every word of the run is a right form, which makes the case the words
// disagree in the very error ("Віталієм Кличко" is "Віталієм Кличком"):
// then the given name keeps the case it is in.
func keepNominatives(choices [][]labelledForm, runWords []string) {
	allRight := true
	for i, forms := range choices {
		w := cyrFold(runWords[i])
		right := false
		for _, lf := range forms {
			right = right || cyrFold(lf.form) == w
		}
		allRight = allRight && right
	}
	if allRight && len(choices) > 1 {
		// The given name, declined, says the case the family name lacks:
		// "Віталію Кличко" is the dative "Віталію Кличку". Where both are
		// declined and disagree ("Владимире Путину"), the family name's
		// case stands: MT takes a given name from its dictionary, ending
		// and all, and declines the name it transliterates.
		pin := 0
		if last := len(choices) - 1; declinedForm(choices[last], runWords[last]) {
			pin = last
		}
		w := cyrFold(runWords[pin])
		choices[pin] = slices.DeleteFunc(slices.Clone(choices[pin]), func(lf labelledForm) bool { return cyrFold(lf.form) != w })
		return
	}
	if len(choices) < 3 {
		return
	}
	for i, forms := range choices {
		if spellingDistance([]rune(cyrFold(forms[0].form)), []rune(cyrFold(runWords[i]))) <= 0.5 {
			choices[i] = []labelledForm{{forms[0].form, caseAll}}
		}
	}
}

// declinedForm reports whether word is one of forms in an oblique case
// only, not the nominative.
func declinedForm(forms []labelledForm, word string) bool {
	w := cyrFold(word)
	for _, lf := range forms {
		if cyrFold(lf.form) == w && lf.cases&caseNom == 0 {
			return true
		}
	}
	return false
}

// agreeingForms picks one form per word, all in one case: the case whose
// forms are nearest in spelling to the run's words altogether. The words of
// a name agree, so "Юлією Навальной" is "Юлією Навальною" (the instrumental
// the given name shows), though "Навальної" alone is as near to
// "Навальной". A form in none of the cases the run's word shows (shown,
// see casesShown) is farther by its mismatch: "Варшаві" is a dative or
// locative, so Russian "Варшаве", not the nearer genitive "Варшавы". Ties
// go to the nominative, then to the order of allCases.
func agreeingForms(choices [][]labelledForm, runWords []string, shown []shownCase) []string {
	targets := make([][]rune, len(runWords))
	for i, w := range runWords {
		targets[i] = []rune(cyrFold(w))
	}
	best := make([]string, len(choices))
	bestTotal := -1.0
	cur := make([]string, len(choices))
	for _, c := range allCases {
		total := 0.0
		ok := true
		for i, forms := range choices {
			form, d := "", -1.0
			for _, lf := range forms {
				if lf.cases&c == 0 {
					continue
				}
				fd := spellingDistance([]rune(cyrFold(lf.form)), targets[i])
				if shown[i].cases != 0 && lf.cases&shown[i].cases == 0 {
					fd += shown[i].mismatch
				}
				if d < 0 || fd < d {
					form, d = lf.form, fd
				}
			}
			if d < 0 {
				ok = false
				break
			}
			cur[i] = form
			total += d
		}
		if ok && (bestTotal < 0 || total < bestTotal) {
			bestTotal = total
			copy(best, cur)
		}
	}
	if bestTotal < 0 {
		for i, forms := range choices {
			best[i] = forms[0].form
		}
	}
	return best
}

// spellingDistance is an edit distance between two Cyrillic words in which
// the letters the East Slavic spellings trade for one another cost little:
// и/і/ы/ї, е/є/э, г/ґ, and a soft or hard sign or an apostrophe put in or
// left out; Russian -е against Ukrainian -і and й against ї a little more.
func spellingDistance(a, b []rune) float64 {
	prev := make([]float64, len(b)+1)
	cur := make([]float64, len(b)+1)
	for j := range prev {
		prev[j] = prefixCost(b[:j])
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = prev[0] + indelCost(a[i-1])
		for j := 1; j <= len(b); j++ {
			cur[j] = min(prev[j-1]+substCost(a[i-1], b[j-1]), prev[j]+indelCost(a[i-1]), cur[j-1]+indelCost(b[j-1]))
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func prefixCost(rs []rune) float64 {
	c := 0.0
	for _, r := range rs {
		c += indelCost(r)
	}
	return c
}

func indelCost(r rune) float64 {
	if r == 'ь' || r == 'ъ' || r == '\'' {
		return 0.3
	}
	return 1
}

// spellingClasses are the letters one East Slavic spelling writes where
// another writes their neighbour in the class.
var spellingClasses = [...]string{"иіыї", "еєэ", "гґ"}

func substCost(a, b rune) float64 {
	if a == b {
		return 0
	}
	for _, c := range spellingClasses {
		if strings.ContainsRune(c, a) && strings.ContainsRune(c, b) {
			return 0.2
		}
	}
	// Russian -е against Ukrainian -і (Москве, Москві); ї is й and і in
	// one letter (-ой, -ої).
	if a == 'е' && b == 'і' || a == 'і' && b == 'е' || a == 'й' && b == 'ї' || a == 'ї' && b == 'й' {
		return 0.5
	}
	return 1
}

// feminineInstrumental reports whether word has the instrumental ending of
// a feminine noun in a soft consonant (ru -ью, uk doubled consonant + ю:
// солью, сіллю), which no man's name takes.
func feminineInstrumental(word string) bool {
	r := []rune(strings.ToLower(word))
	n := len(r)
	switch {
	case n < 4 || r[n-1] != 'ю':
		return false
	case r[n-2] == 'ь':
		return true
	}
	return r[n-2] == r[n-3] && isCyrillicConsonant(r[n-2])
}
