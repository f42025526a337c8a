package names

// A Ukrainian -ові, -еві, -єві left on a person's name in a Russian text
// ("ответил Земанові") is a dative: Ukrainian gives a person the locative
// in -ові only after a preposition (на, при, о, у), and then the word before
// the run governs the locative (case_governed.go). Read by spelling alone,
// -ові is as near to the Russian locative -е as to the dative -у, and the
// locative would win ("Земане" for Земану).

// ukDativeShown narrows shown, the cases a word of the run shows, to the
// dative for a person's name (g is a person's gender) with a Ukrainian
// -ові, -еві or -єві in a Russian text, unless the word before the run
// governs the locative.
func ukDativeShown(shown shownCase, like, lang string, g gender, governed caseMask) shownCase {
	if lang != "ru" || g == genderNone || governed&caseLoc != 0 || shown.cases&caseDat == 0 {
		return shown
	}
	if !hasSuffixFold(like, "ові") && !hasSuffixFold(like, "еві") && !hasSuffixFold(like, "єві") {
		return shown
	}
	return shownCase{caseDat, max(shown.mismatch, endingMismatch)}
}
