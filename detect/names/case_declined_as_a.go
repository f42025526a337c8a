package names

// A name in a consonant never takes the instrumental -ою, -ею, -єю of the
// -а declension (Russian -ой): a man's takes -ом/-ем, a woman's does not
// decline at all. A run that ends so where the right form ends in a
// consonant ("з Магучіхою" for Магучіх, "з Костюкою" for Костюк) declines
// the name as a woman's -а name, and the woman's name in a consonant stays
// as it is: the suggestion is the right form unchanged, as for "Меркелью"
// (feminineInstrumental). A name in -о is left out: Ukrainian declines a
// man's (з Кличком).

// declinedAsA reports whether like (a word of the run) ends in the -а
// declension's instrumental and right (its word of the suggestion) ends in
// a consonant.
func declinedAsA(like, right string) bool {
	if !isCyrillicConsonant(lastLower(right)) || len([]rune(like)) < 5 {
		return false
	}
	for _, end := range [...]string{"ою", "ею", "єю", "ой"} {
		if hasSuffixFold(like, end) {
			return true
		}
	}
	return false
}
