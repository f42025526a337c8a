package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldName reduces a name to the space in which Fuzzy compares names:
// Cyrillic romanized by BGN/PCGN, lowercase ASCII letters and digits, words
// separated by one space, hyphens as word breaks, apostrophes and primes
// dropped (Czin'pin = Czinpin), diacritics stripped (Mileï = Milei).
func foldName(s string) string {
	if IsCyrillic(s) {
		s = Transliterate(s, SchemeBGN)
	}
	return foldLatin(s)
}

// foldLatin is foldName for text already in Latin script.
func foldLatin(s string) string {
	b := make([]byte, 0, len(s))
	space := true // suppresses leading and repeated spaces
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			b = append(b, byte(r))
			space = false
		case r >= 'A' && r <= 'Z':
			b = append(b, byte(r+'a'-'A'))
			space = false
		case isNameMark(r):
			// dropped inside the word
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			f := foldRune(r)
			b = append(b, f...)
			space = space && f == ""
		default:
			if !space {
				b = append(b, ' ')
				space = true
			}
		}
	}
	if n := len(b); n > 0 && b[n-1] == ' ' {
		b = b[:n-1]
	}
	return string(b)
}

// isNameMark reports apostrophes, primes and similar marks that
// romanizations put inside a word and writers omit at will.
func isNameMark(r rune) bool {
	switch r {
	case '\'', '’', '‘', '`', 'ʹ', 'ʺ', 'ʼ', '"', '´':
		return true
	}
	return false
}

// foldRune maps a non-ASCII letter to ASCII: ligatures and letters without a
// decomposition by table, the rest by stripping combining marks.
func foldRune(r rune) string {
	switch r {
	case 'ß':
		return "ss"
	case 'æ', 'Æ':
		return "ae"
	case 'œ', 'Œ':
		return "oe"
	case 'ø', 'Ø':
		return "o"
	case 'ł', 'Ł':
		return "l"
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d"
	case 'ı':
		return "i"
	case 'þ', 'Þ':
		return "th"
	}
	var out []byte
	for _, d := range norm.NFD.String(string(r)) {
		if d < utf8.RuneSelf && unicode.IsLetter(d) {
			out = append(out, byte(unicode.ToLower(d)))
		}
	}
	return string(out)
}

// phoneticKey is a compact sound key for one folded word, built for names
// that travel between English and Slavic scripts. It keeps the consonant
// skeleton and marks each vowel group with 'a', so that the spellings one
// sound gets in different romanizations collide:
//
//	zh, j, dzh, dj → j      ("Zhair" = "Jair")
//	sh, sch, shch  → S      (Shchukin = Schukin)
//	ch, tch        → C
//	kh, h          → h      (Khavier = Havier)
//	ts, tz, cz     → c      (Tsoi = Czoi)
//	c (else), ck, q, k → k  (Carlson = Karlson)
//	x → ks, z → s           (Isaxon = Isaacson = Ayzekson)
//	w → v, ph → f, th → t
//
// Double letters collapse, every vowel group (y included) is one 'a', and a
// final vowel group is dropped because Russian case endings and MT both
// change it: Mileya = Milei = Miley, Bolsonar = Bolsonaro = Bolsonaru.
func phoneticKey(word string) string {
	b := make([]byte, 0, len(word))
	emit := func(c byte) {
		if len(b) == 0 || b[len(b)-1] != c {
			b = append(b, c)
		}
	}
	w := word
	for i := 0; i < len(w); {
		rest := w[i:]
		switch {
		case strings.HasPrefix(rest, "shch"):
			emit('S')
			i += 4
		case strings.HasPrefix(rest, "dzh"):
			emit('j')
			i += 3
		case strings.HasPrefix(rest, "tch"):
			emit('C')
			i += 3
		case strings.HasPrefix(rest, "sch"):
			emit('S')
			i += 3
		default:
			i += phoneticPair(rest, emit)
		}
	}
	if n := len(b); n > 1 && b[n-1] == 'a' {
		b = b[:n-1]
	}
	return string(b)
}

// phoneticPair emits the code of the one- or two-letter group at the start
// of s and returns how many bytes it used.
func phoneticPair(s string, emit func(byte)) int {
	if len(s) >= 2 {
		switch s[:2] {
		case "zh", "dj":
			emit('j')
			return 2
		case "sh":
			emit('S')
			return 2
		case "ch":
			emit('C')
			return 2
		case "kh":
			emit('h')
			return 2
		case "ts", "tz", "cz":
			emit('c')
			return 2
		case "ck":
			emit('k')
			return 2
		case "ph":
			emit('f')
			return 2
		case "th":
			emit('t')
			return 2
		}
	}
	switch c := s[0]; c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		emit('a')
	case 'c', 'q':
		emit('k')
	case 'x':
		emit('k')
		emit('s')
	case 'z':
		emit('s')
	case 'w':
		emit('v')
	default:
		emit(c)
	}
	return 1
}

// damerau returns the optimal-string-alignment distance between a and b
// (insertions, deletions, substitutions, adjacent transpositions), or
// max+1 as soon as the distance is known to exceed max.
func damerau(a, b string, max int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	if len(a) > 62 || len(b) > 62 {
		return max + 1 // names are short; longer strings are not names
	}
	var rows [3][64]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], max+1)
}
