package names

// A man's surname suggested for a woman. The run "Зеленській" (a
// Ukrainian dative) names a woman: her surname is Зеленская, his
// Зеленский, and the glossary may list him alone. The endings -ой, -ую
// (Russian) and -ій, -ої, -ою (Ukrainian) are a feminine surname's and
// never a man's of the same stem, so a family name alone that ends in one
// of them where the right form does not is suggested in the feminine
// counterpart, declined (Зеленской).

// feminineOnlyEnds are the endings of a feminine surname that no
// masculine form of a surname with a feminine counterpart takes.
var feminineOnlyEnds = [...]string{"ой", "ую", "ій", "ої", "ою"}

// womansNominative is the feminine counterpart of right (a man's surname
// in lang) when like ends as only a woman's surname does; "" otherwise.
func womansNominative(right, like, lang string, role nameRole, g gender) string {
	if g != genderMale || role != roleFamily {
		return ""
	}
	for _, end := range feminineOnlyEnds {
		if hasSuffixFold(like, end) && !hasSuffixFold(right, end) {
			if fem := femaleCounterparts(right, lang); len(fem) > 0 {
				return fem[0]
			}
			return ""
		}
	}
	return ""
}
