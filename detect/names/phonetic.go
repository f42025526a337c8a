package names

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// FoldName reduces a name to the space in which Fuzzy compares names:
// Cyrillic romanized by BGN/PCGN, lowercase ASCII letters and digits, words
// separated by one space, hyphens as word breaks, apostrophes and primes
// dropped (Czin'pin = Czinpin), diacritics stripped (Mileï = Milei).
func FoldName(s string) string {
	if isFoldedASCII(s) {
		return s // most words of a Latin text: nothing to fold, nothing to copy
	}
	if IsCyrillic(s) {
		s = Transliterate(s, SchemeBGN)
	}
	return foldLatin(s)
}

// isFoldedASCII reports a word that folds to itself: lowercase ASCII
// letters and digits only.
func isFoldedASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return s != ""
}

// foldLatin is FoldName for text already in Latin script.
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
			f := asciiFoldRune(r)
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
	case '\'', '’', '‘', '`', 'ʹ', 'ʺ', 'ʼ', 'ʻ', '"', '´', '′', '″':
		return true
	}
	return false
}

// foldRune maps a non-ASCII letter to ASCII: ligatures and letters without a
// decomposition by table, the rest by stripping combining marks.
func asciiFoldRune(r rune) string {
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
	case 'š', 'Š':
		return "sh" // ISO 9 and Czech-style romanizations: Šojgu = Shoigu
	case 'ž', 'Ž':
		return "zh"
	case 'č', 'Č':
		return "ch"
	case 'ŝ', 'Ŝ':
		return "shch"
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
//	ts, tz, cz     → c      (Tsoi = Czoi; and c before e, i, y: Cygankov)
//	c (else), ck, q, k → k  (Carlson = Karlson)
//	x → ks, z → s           (Isaxon = Isaacson = Ayzekson)
//	w → v, ph → f, th → t
//	j after a vowel is the vowel group's й (Milej = Miley = Milei)
//	tsch → C, schtsch, chtch → S  (German and French ч, щ)
//	g → h                   (Ukrainian г: Honhadze = Gongadze)
//	gi, ci before a, o, u   → j, C (Italian: Giorgia = Dzhordzha)
//	j, z, ch by convention  (shape_key.go: Jelzin = Yeltsin, Nemzow =
//	                        Nemtsov, Chodorkowski = Khodorkovsky,
//	                        Michoustine = Mishustin)
//
// Double letters collapse, every vowel group (y included) is one 'a', and a
// final vowel group is dropped because Russian case endings and MT both
// change it: Mileya = Milei = Miley, Bolsonar = Bolsonaro = Bolsonaru.
func phoneticKey(word string) string {
	var buf [64]byte
	return string(appendPhoneticKey(buf[:0], word))
}

// appendPhoneticKey appends the key of word to dst; see phoneticKey. The
// letters whose sound depends on the romanization convention (j, z, ch) are
// read by the convention the word shows (detectConvention), so that Jelzin,
// Eltsine and Yeltsin, Chodorkowski and Khodorkovsky get one key.
func appendPhoneticKey(dst []byte, word string) []byte {
	start := len(dst)
	conv := detectConvention(word)
	for i := 0; i < len(word); {
		code, n := phoneticCode(word[i:], conv)
		atStart := i == 0
		i += n
		last := byte(0)
		if len(dst) > start {
			last = dst[len(dst)-1]
		}
		if code == "j" && n == 1 {
			switch {
			case last == 'a' && conv != convFrench:
				continue // j after a vowel is й: Milej = Miley, Shojgu = Shoigu
			case (conv == convGerman || conv == convScholarly) && i < len(word) && isKeyVowel(word[i]) &&
				(atStart || last != 'a'):
				code = "a" // iotation: Jelzin = Yeltsin, Zjuganov = Zyuganov
			}
		}
		for j := 0; j < len(code); j++ {
			last := byte(0)
			if len(dst) > start {
				last = dst[len(dst)-1]
			}
			if last == code[j] || (last == 'c' && code[j] == 's') {
				continue // doubles collapse; ts+z (Tszinpin) = cz (Czinpin)
			}
			dst = append(dst, code[j])
		}
	}
	if n := len(dst); n-start > 1 && dst[n-1] == 'a' {
		dst = dst[:n-1]
	}
	return dst
}

// phoneticCode returns the code of the letter group at the start of s and
// the number of bytes the group takes.
func phoneticCode(s string, conv keyConvention) (string, int) {
	switch {
	case strings.HasPrefix(s, "schtsch"):
		return "S", 7 // German щ
	case strings.HasPrefix(s, "chtch"):
		return "S", 5 // French щ
	case strings.HasPrefix(s, "tsch"):
		return "C", 4 // German ч
	case strings.HasPrefix(s, "shch"):
		return "S", 4
	case strings.HasPrefix(s, "dzh"):
		return "j", 3
	case strings.HasPrefix(s, "tch"):
		return "C", 3
	case strings.HasPrefix(s, "sch"), strings.HasPrefix(s, "shh"):
		return "S", 3 // German sch, GOST shh (щ)
	case strings.HasPrefix(s, "ckij"), strings.HasPrefix(s, "ckii"), strings.HasPrefix(s, "ckyj"):
		return "c", 1 // scholarly -цкий: Trockij = Trotskiy
	case len(s) >= 3 && (s[0] == 'g' || s[0] == 'c') && s[1] == 'i' && strings.IndexByte("aou", s[2]) >= 0:
		// Italian gi, ci before a vowel are дж, ч: a Latin name read
		// through Russian comes back as Dzhordzha or Jorja for Giorgia.
		if s[0] == 'g' {
			return "j", 2
		}
		return "C", 2
	}
	if len(s) >= 2 {
		switch s[:2] {
		case "zh", "dj":
			return "j", 2
		case "sh":
			return "S", 2
		case "ch":
			switch conv {
			case convGerman, convScholarly:
				return "h", 2 // х: Chodorkowski = Khodorkovsky
			case convFrench:
				return "S", 2 // ш: Michoustine = Mishustin
			}
			return "C", 2
		case "kh":
			return "h", 2
		case "ts", "tz", "cz":
			return "c", 2
		case "ck":
			return "k", 2
		case "ph":
			return "f", 2
		case "th":
			return "t", 2
		}
	}
	switch c := s[0]; c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return "a", 1
	case 'c':
		if len(s) > 1 && (s[1] == 'e' || s[1] == 'i' || s[1] == 'y') {
			return "c", 1 // romanized ц: Cygankov = Tsygankov
		}
		return "k", 1
	case 'g':
		return "h", 1 // Ukrainian г is h: Honhadze = Gongadze, Serhiy = Sergiy
	case 'q':
		return "k", 1
	case 'x':
		return "ks", 1
	case 'z':
		if conv == convGerman {
			return "c", 1 // German z is ц: Nemzow = Nemtsov
		}
		return "s", 1
	case 'w':
		return "v", 1
	default:
		return s[:1], 1
	}
}

// Damerau returns the optimal-string-alignment distance between a and b
// (insertions, deletions, substitutions, adjacent transpositions), or
// max+1 as soon as the distance is known to exceed max.
func Damerau(a, b string, max int) int {
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
