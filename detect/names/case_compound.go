package names

import "unicode/utf8"

// A compound place name whose first part ends in a linking vowel declines
// in its last part only: Івано-Франківськ → в Івано-Франківську,
// Ивано-Франковск → в Ивано-Франковске. The first part is a stem with the vowel that joins it, no word
// of its own, so it keeps its form in every case; a first part that is a
// word declines with the last (Кам'янець-Подільський → Кам'янця-
// Подільського).

// linkingPart reports whether the word at sugg[start:end] is the first
// part of a compound joined by a hyphen and ends in the linking vowel -о-
// or -е- (as Ukrainian and Russian compounds do).
func linkingPart(sugg string, start, end int) bool {
	if end >= len(sugg) || sugg[end] != '-' || utf8.RuneCountInString(sugg[start:end]) < 3 {
		return false
	}
	last := lastLower(sugg[start:end])
	return last == 'о' || last == 'е'
}
