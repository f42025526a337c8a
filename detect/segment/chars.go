package segment

import (
	"unicode"
	"unicode/utf8"
)

// Character classes of the segmenter. They are switches rather than tables
// so the hot loops stay allocation free and branch on bytes first.

// spaceAt reports whether the rune at text[i] is white space, and its width.
// Invalid bytes are ordinary one-byte non-space characters, so offsets taken
// from this scan always stay on rune boundaries.
func spaceAt(text string, i int) (size int, space bool) {
	b := text[i]
	if b < utf8.RuneSelf {
		switch b {
		case ' ', '\t', '\n', '\r', '\v', '\f':
			return 1, true
		}
		return 1, false
	}
	// Only these lead bytes can start a Unicode space (U+0085, U+00A0,
	// U+1680, U+2000..U+205F, U+3000); decode nothing else.
	if b != 0xC2 && b != 0xE1 && b != 0xE2 && b != 0xE3 {
		_, n := utf8.DecodeRuneInString(text[i:])
		return n, false
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	return n, r != utf8.RuneError && unicode.IsSpace(r)
}

// trimSpace narrows text[a:b] to exclude surrounding white space.
func trimSpace(text string, a, b int) (int, int) {
	for a < b {
		n, space := spaceAt(text, a)
		if !space {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if r == utf8.RuneError || !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return a, b
}

// Kinds of sentence-final punctuation, in rising strength: a run that holds
// both "?" and "..." is a question, not an ellipsis.
const (
	termNone     = 0
	termPeriod   = 1
	termEllipsis = 2 // "..", "...", "…": only a boundary before a capital
	termBang     = 3 // "?" "!" and their relatives
	termCJK      = 4 // "。" and full-width marks: always a boundary
)

// terminatorKind classifies one rune of sentence-final punctuation.
func terminatorKind(r rune) int {
	switch r {
	case '.':
		return termPeriod
	case '…':
		return termEllipsis
	case '!', '?', '‼', '⁇', '⁈', '⁉':
		return termBang
	case '。', '！', '？', '｡':
		return termCJK
	}
	return termNone
}

// isCloser reports runes that may follow the final stop and still belong to
// the sentence: closing quotes and brackets. "“" closes in German only.
func isCloser(r rune, germanQuotes bool) bool {
	switch r {
	case '"', '\'', '’', '”', '»', '›', ')', ']', '}', '」', '』', '）':
		return true
	case '“':
		return germanQuotes
	}
	return false
}

// Classes of the punctuation and symbols around a sentence's words.
const (
	markNone   = iota
	markOpener // may precede the first word of a sentence
	markDash   // introduces speech or an aside between sentences
	markBullet // starts a list item anywhere in a paragraph
)

// markKind classifies one rune of the punctuation around sentences. Hyphens
// and asterisks are bullets only at the start of a line (see listMarker).
func markKind(r rune) int {
	switch r {
	case '"', '\'', '‘', '‚', '“', '„', '«', '‹', '(', '[', '{', '¿', '¡', '「', '『', '（':
		return markOpener
	case '-', '–', '—', '―', '‒':
		return markDash
	case '•', '◦', '▪', '▫', '‣', '⁃', '●', '○', '■', '□', '►', '▶', '➢', '✓', '✔', '·':
		return markBullet
	}
	return markNone
}

func isOpener(r rune) bool { return markKind(r) == markOpener }

func isDash(r rune) bool { return markKind(r) == markDash }

func isBullet(r rune) bool { return markKind(r) == markBullet }

// isAlnum reports letters and digits; invalid bytes are neither.
func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// isUpperRune treats title case as upper case.
func isUpperRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'A' <= r && r <= 'Z'
	}
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isLowerRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z'
	}
	return unicode.IsLower(r)
}

func isDigitRune(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// isNumber reports a figure such as "1,000", "$100.00" or "1026.253.553":
// optional currency or sign, then digits with group and decimal marks.
func isNumber(word string) bool {
	i := 0
	for i < len(word) {
		r, n := utf8.DecodeRuneInString(word[i:])
		if r == '+' || r == '-' || r == '−' || r == '#' || unicode.Is(unicode.Sc, r) {
			i += n
			continue
		}
		break
	}
	if i == len(word) || !isDigitRune(rune(word[i])) {
		return false
	}
	for ; i < len(word); i++ {
		switch c := word[i]; {
		case '0' <= c && c <= '9', c == ',', c == '.', c == '\'':
		default:
			return false
		}
	}
	last := word[len(word)-1]
	return '0' <= last && last <= '9'
}

// isSmallInt reports a bare integer of one to three digits: the shape of a
// German ordinal ("am 3. Oktober") and of a list number.
func isSmallInt(word string) bool {
	if len(word) == 0 || len(word) > 3 {
		return false
	}
	for i := 0; i < len(word); i++ {
		if word[i] < '0' || word[i] > '9' {
			return false
		}
	}
	return true
}
