package segment

import "unicode/utf8"

// List items: "1.", "2)", "1.)", "(a)", "iii)", "a." and bullets. A marker
// starts an item when it opens a line, follows a bullet, or continues a
// numbering that is already running in the paragraph ("1. … 2. …").

// Marker shapes and kinds; a style is shape*markerKinds+kind.
const (
	shapeDot      = iota // "1."
	shapeDotParen        // "1.)"
	shapeParen           // "1)"
	shapeEnclosed        // "(1)"
	markerShapes
)

const (
	kindDigit = iota
	kindLetter
	kindRoman
	markerKinds
)

// marker is what parseMarker found at the start of a token.
type marker struct {
	bullet bool // a bullet leads the token
	bare   bool // the token is nothing but the bullet
	style  int  // -1 when there is no numbered marker
	value  int
	// alt is the style of the other reading of "i)", "v)", "x)": a letter
	// or a roman numeral; -1 when there is none.
	alt, altValue int
}

// parseMarker reads an optional bullet and a list number that make up the
// whole token. Hyphens, dashes and asterisks count as bullets only at the
// start of a line, where they cannot be a dash inside a sentence.
func parseMarker(word string, atLineStart bool) marker {
	m := marker{style: -1, alt: -1}
	// Most tokens are words: no bullet in front, no "." or ")" behind.
	if first, last := word[0], word[len(word)-1]; first < utf8.RuneSelf && first != '-' && first != '*' && last != '.' && last != ')' {
		return m
	}
	if r, n := utf8.DecodeRuneInString(word); isBullet(r) || atLineStart && (isDash(r) || r == '*') {
		m.bullet = true
		word = word[n:]
		m.bare = word == ""
	}
	shape := -1
	switch {
	case len(word) >= 3 && word[0] == '(' && word[len(word)-1] == ')':
		shape, word = shapeEnclosed, word[1:len(word)-1]
	case len(word) >= 3 && word[len(word)-2:] == ".)":
		shape, word = shapeDotParen, word[:len(word)-2]
	case len(word) >= 2 && word[len(word)-1] == ')':
		shape, word = shapeParen, word[:len(word)-1]
	case len(word) >= 2 && word[len(word)-1] == '.':
		shape, word = shapeDot, word[:len(word)-1]
	default:
		return m
	}
	kind, value := markerValue(word, shape == shapeDot)
	if kind >= 0 {
		m.style, m.value = shape*markerKinds+kind, value
	}
	if v := romanValue(word); kind == kindLetter && shape != shapeDot && v > 0 {
		m.alt, m.altValue = shape*markerKinds+kindRoman, v
	}
	return m
}

// markerValue reads the number of a list marker: up to three digits, one
// letter, or a lower-case roman numeral. With a period only lower-case
// letters count, since "E." is an initial; roman numerals need a bracket.
func markerValue(x string, withPeriod bool) (kind, value int) {
	if isSmallInt(x) {
		v := 0
		for i := 0; i < len(x); i++ {
			v = v*10 + int(x[i]-'0')
		}
		return kindDigit, v
	}
	if len(x) == 1 {
		c := x[0]
		if 'a' <= c && c <= 'z' {
			return kindLetter, int(c-'a') + 1
		}
		if 'A' <= c && c <= 'Z' && !withPeriod {
			return kindLetter, int(c-'A') + 1
		}
		return -1, 0
	}
	if withPeriod {
		return -1, 0
	}
	if v := romanValue(x); v > 0 {
		return kindRoman, v
	}
	return -1, 0
}

// romanValue reads a lower-case roman numeral from i to x, or returns 0.
func romanValue(x string) int {
	switch x {
	case "i":
		return 1
	case "ii":
		return 2
	case "iii":
		return 3
	case "iv":
		return 4
	case "v":
		return 5
	case "vi":
		return 6
	case "vii":
		return 7
	case "viii":
		return 8
	case "ix":
		return 9
	case "x":
		return 10
	}
	return 0
}

// markLists sets listStart on tokens that begin a list item and listMarker
// on the numbers of items, whose own period never ends a sentence.
func (s *splitter) markLists() {
	type seen struct {
		k, value int
		ok       bool
	}
	var last [markerShapes * markerKinds]seen
	afterBullet := false
	for k := range s.toks {
		t := &s.toks[k]
		if c := s.text[t.end-1]; byteClasses[s.text[t.start]] == byteAlnum && c != '.' && c != ')' {
			afterBullet = false // a plain word: the common case, decided cheaply
			continue
		}
		m := parseMarker(s.text[t.start:t.end], t.flags&lineStart != 0)
		if m.bullet {
			t.flags |= listStart
		}
		if m.style < 0 {
			afterBullet = m.bare
			continue
		}
		switch {
		case t.flags&lineStart != 0 || m.bullet:
			t.flags |= listStart | listMarker
		case afterBullet:
			t.flags |= listMarker
		case s.midParagraphItem(k, m.style):
			if p := last[m.style]; p.ok && p.value == m.value-1 {
				s.toks[p.k].flags |= listStart | listMarker
				t.flags |= listStart | listMarker
			}
		default:
			afterBullet = false
			continue
		}
		last[m.style] = seen{k: k, value: m.value, ok: true}
		if m.alt >= 0 {
			last[m.alt] = seen{k: k, value: m.altValue, ok: true}
		}
		afterBullet = false
	}
}

// midParagraphItem reports whether a marker inside a line may start an item:
// the item must begin with a capital. In German "am 3. Oktober und am 4.
// November" looks like a list, so there a period-marker needs a new line.
func (s *splitter) midParagraphItem(k, style int) bool {
	if s.rules.ordinalDates && style == shapeDot*markerKinds+kindDigit {
		return false
	}
	return k+1 < len(s.toks) && s.nextWord(k+1).class == classUpper
}
