package names

import "strings"

// A person may be named by the family name alone, so one word matched to a
// person of several words is suggested as the family name. A place of
// several words is not named by its last word: Mexico City is "Мехико" in
// Russian, one word, and "Mekhiko", that word transliterated back, is the
// whole city, not "City". A run of one word matched to a place whose form
// in some language is one word stands for the whole place.

// placeNamedWhole says whether e is a place with a form of one word in some
// language.
func placeNamedWhole(e entryRef) bool {
	if e.Type() != "place" {
		return false
	}
	for _, t := range e.Terms() {
		if len(strings.Fields(t.Form)) == 1 {
			return true
		}
	}
	return false
}
