package names

import "strings"

// Russian and Ukrainian write names with a capital, and adjectives and
// participles, those made from names included ("путинский"), in lower case.
// A lowercase word with an adjective's ending is therefore an adjective or
// a participle, even one the lexicon does not list ("белоусый",
// "рыжеусая"), not a mangled family name (Белоусов) that shares its stem:
// MT and writers keep a name's capital, and a name turned into a word is a
// word of the lexicon, which the false-friend rules read.

// cyrillicAdjectiveEndings are the long endings of Russian and Ukrainian
// adjectives and participles, longest first; the short ones (-а, -е, -і)
// are every noun's too.
var cyrillicAdjectiveEndings = [...]string{
	"ого", "его", "ому", "ему", "ими", "ыми",
	"ый", "ий", "ій", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ых", "их", "ым", "им", "ую", "юю", "ої", "ою", "єю",
}

// isLowerAdjective reports whether word, a lowercase token of a text in
// Russian or Ukrainian, ends like an adjective.
func isLowerAdjective(lang, word string) bool {
	if lang != "ru" && lang != "uk" {
		return false
	}
	for _, e := range cyrillicAdjectiveEndings {
		if strings.HasSuffix(word, e) {
			return true
		}
	}
	return false
}
