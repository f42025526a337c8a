package detect

import (
	"strings"
	"unicode"
)

// serbianLatin is Gaj's Latin alphabet for each letter of Serbian Cyrillic,
// one to one (two letters for љ, њ, џ): the alphabet Serbian news is also
// written in, and the one MT leaves a name in that it did not translate
// ("Merc" for Мерц, whose right form is Merz).
var serbianLatin = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'ђ': "đ", 'е': "e", 'ж': "ž", 'з': "z", 'и': "i",
	'ј': "j", 'к': "k", 'л': "l", 'љ': "lj", 'м': "m", 'н': "n", 'њ': "nj", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'ћ': "ć", 'у': "u", 'ф': "f", 'х': "h", 'ц': "c", 'ч': "č", 'џ': "dž", 'ш': "š",
}

// inSerbianLatin reports whether the target word w is the Serbian source
// word src written in Gaj's Latin letters (case aside).
func inSerbianLatin(w, src, sourceLang string) bool {
	if baseLang(sourceLang) != "sr" {
		return false
	}
	var b strings.Builder
	for _, r := range strings.ToLower(src) {
		l, ok := serbianLatin[r]
		if !ok {
			if r > unicode.MaxASCII && unicode.In(r, unicode.Cyrillic) {
				return false
			}
			l = string(r)
		}
		b.WriteString(l)
	}
	return strings.EqualFold(b.String(), w)
}
