package lexicon

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// AppendKey appends the lookup key of word to dst and returns the extended
// slice. The key is what the tables store, so the generator and the lookup
// must agree on it: the word in NFC, in lower case, with
//
//   - ё folded to е: Russian prints ё and е interchangeably ("еще", "ещё");
//   - ß folded to ss: German upper case and Swiss spelling write "STRASSE";
//   - typographic apostrophes (’ ʼ ‘ ` ′) folded to ': Ukrainian writes
//     "м’ясо" and "м'ясо" alike;
//   - stress marks (combining acute and grave left after NFC) and soft
//     hyphens dropped: dictionaries and textbooks stress "мука́", texts do not.
//
// ASCII words take a fast path that does not allocate.
func AppendKey(dst []byte, word string) []byte {
	ascii := true
	for i := 0; i < len(word); i++ {
		if word[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		for i := 0; i < len(word); i++ {
			c := word[i]
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case c == '`':
				c = '\''
			}
			dst = append(dst, c)
		}
		return dst
	}
	if !quickNFC(word) {
		// A copy goes to norm, which keeps what it is given as far as the
		// compiler can tell: callers' words stay on their stacks.
		return appendFolded(dst, norm.NFC.Bytes([]byte(word)))
	}
	return appendFolded(dst, word)
}

// appendFolded is AppendKey's rune loop over a word in NFC.
func appendFolded[S string | []byte](dst []byte, word S) []byte {
	for i := 0; i < len(word); {
		r, size := decodeRune(word[i:])
		i += size
		switch r {
		case 'ё', 'Ё':
			r = 'е'
		case 'ß', 'ẞ':
			dst = append(dst, 's', 's')
			continue
		case '’', 'ʼ', '‘', '`', '′':
			r = '\''
		case '\u0301', '\u0300', '\u00ad':
			continue
		default:
			switch {
			case 'А' <= r && r <= 'Я':
				r += 'а' - 'А'
			case 'Ѐ' <= r && r <= 'Џ':
				r += 'ѐ' - 'Ѐ'
			case r >= 'а' && r <= 'я' || r >= 'ѐ' && r <= 'џ':
			default:
				r = unicode.ToLower(r)
			}
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

func decodeRune[S string | []byte](s S) (rune, int) {
	if len(s) > 0 && s[0] < utf8.RuneSelf {
		return rune(s[0]), 1
	}
	return utf8.DecodeRuneInString(string(s)) // no copy: the conversion does not escape
}

// Key is AppendKey as a string.
func Key(word string) string { return string(AppendKey(nil, word)) }

// quickNFC reports, cheaply, that s is certainly in NFC: every rune is below
// the combining diacritics (ASCII, Latin-1, Latin Extended, IPA) or in the
// Cyrillic block, or one of the apostrophes AppendKey folds, and none of
// them changes under NFC or composes with a neighbour of the same set
// (TestQuickNFC checks each). The norm package's own check costs a
// microsecond and an allocation, longer than the lookup itself.
func quickNFC(s string) bool {
	for _, r := range s {
		if !(r < 0x300 || 0x400 <= r && r <= 0x4ff || r == '’' || r == 'ʼ' || r == '‘' || r == '′') {
			return false
		}
	}
	return true
}
