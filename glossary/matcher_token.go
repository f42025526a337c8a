package glossary

import (
	"math/bits"
	"unicode/utf8"
)

// A text is matched as a sequence of words, maximal runs of letters, numbers
// and marks of any script, and of the gaps between them. Terms are cut the
// same way, so "Musk" never matches inside "Musket" and "Kim Jong-un" matches
// "Kim Jong un". A gap is reduced to a class; a term's gaps must have the
// same classes as the text's.
const (
	gapBreak = uint64(0)                  // a gap no term spans: a sentence end, a paragraph break
	gapJoin  = uint64(0x9e3779b97f4a7c15) // spaces with at most one line break and at most one hyphen
	gapApos  = uint64(0xc2b2ae3d27d4eb4f) // exactly one apostrophe: O'Brien, Хав'єр
	gapEmpty = uint64(0x165667b19e3779f9) // no gap: between two words of a script without spaces
	gapLit   = uint64(0x27d4eb2f165667c5) // mixed into the hash of any other short gap: "U.S", "AT&T"
)

// maxLiteralGap is the longest gap, in runes, that may be kept literally.
const maxLiteralGap = 8

const (
	fnvOffset = uint64(14695981039346656037)
	fnvPrime  = uint64(1099511628211)
)

// token is one word of a text. Hash is over the case-folded word so that one
// table serves case-sensitive and case-insensitive terms; the exact case is
// checked when a candidate is verified.
type token struct {
	start, end int
	hash       uint64 // of the folded word, see wordHasher; mixed later with its window
	gap        uint64 // class of the gap before this word
	// altEnd is where the word ends without its final s when it is a plural
	// possessive ("the Musks' companies"), 0 otherwise.
	altEnd int
}

// scanner cuts a string into tokens, left to right.
type scanner struct {
	text  string
	pos   int
	table *runeTables
}

func newScanner(text string, table *runeTables) scanner {
	return scanner{text: text, table: table}
}

// next reads the next token into t; it reports false at the end of the text.
func (sc *scanner) next(t *token) bool {
	t.gap = sc.skipGap()
	if sc.pos >= len(sc.text) {
		return false
	}
	sc.word(t)
	return true
}

// skipGap advances to the next word and returns the class of what it skipped.
func (sc *scanner) skipGap() uint64 {
	s, i, table := sc.text, sc.pos, sc.table
	// Most gaps are one space before an ASCII word.
	if i+1 < len(s) && s[i] == ' ' && s[i+1] < utf8.RuneSelf && table.asciiWord[s[i+1]] != 0 {
		sc.pos = i + 1
		return gapJoin
	}
	var runes, newlines, hyphens, apos, other int
	lit := fnvOffset
	lastSpace := false
	for i < len(s) {
		var p uint32
		if c := s[i]; c < utf8.RuneSelf {
			p = table.props[c]
			if p&runeWord != 0 {
				break
			}
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			p = table.info(r)
			if p&runeWord != 0 {
				break
			}
			i += size
		}
		runes++
		switch {
		case p&(runeSpace|runeNewline) != 0:
			if p&runeNewline != 0 {
				newlines++
			}
			if !lastSpace {
				lit = (lit ^ ' ') * fnvPrime
			}
			lastSpace = true
			continue
		case p&runeHyphen != 0:
			hyphens++
			lit = (lit ^ '-') * fnvPrime
		case p&runeApos != 0:
			apos++
			lit = (lit ^ '\'') * fnvPrime
		case p&runeBreak != 0:
			other += maxLiteralGap + 1
		default:
			other++
			lit = (lit ^ uint64(p&runeFoldMask)) * fnvPrime
		}
		lastSpace = false
	}
	sc.pos = i
	switch {
	case runes == 0:
		return gapEmpty
	case other == 0 && apos == 0 && newlines <= 1 && hyphens <= 1:
		return gapJoin
	case apos == 1 && runes == 1:
		return gapApos
	case runes <= maxLiteralGap && newlines <= 1 && other <= maxLiteralGap:
		return mix64(lit ^ gapLit)
	}
	return gapBreak
}

// word reads the word at sc.pos into t. ASCII words, most of any Latin text,
// are read eight bytes at a time.
func (sc *scanner) word(t *token) {
	s, i := sc.text, sc.pos
	start := i
	var wh wordHasher
	for i+8 <= len(s) {
		x := load64(s, i)
		lanes := asciiWordLanes(x)
		n := bits.TrailingZeros64(^lanes&highBits) >> 3
		if n == 8 {
			wh.chunk(foldLanes(x, lanes))
			i += 8
			continue
		}
		wh.partial(foldLanes(x, lanes)&(1<<(8*n)-1), n)
		i += n
		if s[i] < utf8.RuneSelf {
			sc.pos = i
			sc.finishWord(t, start, wh.sum())
			return
		}
		break // a non-ASCII rune: it may continue the word
	}
	i, wh = sc.wordSlow(start, i, wh)
	sc.pos = i
	sc.finishWord(t, start, wh.sum())
}

// wordSlow reads the rest of a word rune by rune.
func (sc *scanner) wordSlow(start, i int, wh wordHasher) (int, wordHasher) {
	s, table := sc.text, sc.table
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			f := table.asciiWord[c]
			if f == 0 {
				break
			}
			wh.byte(f)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		p := table.info(r)
		if p&runeWord == 0 {
			break
		}
		if p&runeSpaceless != 0 && p&runeMark == 0 {
			if i > start {
				break // a word of a script without spaces is one rune and its marks
			}
			wh.rune(rune(p & runeFoldMask))
			return sc.marks(i+size, wh)
		}
		wh.rune(rune(p & runeFoldMask))
		i += size
	}
	return i, wh
}

// finishWord fills t for the word text[start:sc.pos].
func (sc *scanner) finishWord(t *token, start int, hash uint64) {
	s, i := sc.text, sc.pos
	t.start, t.end, t.hash, t.altEnd = start, i, hash, 0
	if i-start > 1 && i < len(s) && (s[i-1] == 's' || s[i-1] == 'S') && (s[i] == '\'' || s[i] >= utf8.RuneSelf) && sc.pluralPossessiveAt(i) {
		t.altEnd = i - 1
	}
}

// marks hashes the combining marks from i on.
func (sc *scanner) marks(i int, wh wordHasher) (int, wordHasher) {
	for i < len(sc.text) {
		r, size := utf8.DecodeRuneInString(sc.text[i:])
		p := sc.table.info(r)
		if p&runeMark == 0 {
			break
		}
		wh.rune(rune(p & runeFoldMask))
		i += size
	}
	return i, wh
}

// wordHash returns the hash a token has when it is exactly s.
func wordHash(s string, table *runeTables) uint64 {
	sc := newScanner(s, table)
	var t token
	sc.word(&t)
	return t.hash
}

// pluralPossessiveAt reports whether an apostrophe at i ends a word: "Musks' ".
func (sc *scanner) pluralPossessiveAt(i int) bool {
	s := sc.text
	r, size := utf8.DecodeRuneInString(s[i:])
	if size == 0 || sc.table.info(r)&runeApos == 0 {
		return false
	}
	r, size = utf8.DecodeRuneInString(s[i+size:])
	return size == 0 || sc.table.info(r)&runeWord == 0
}

// mix64 is the murmur3 finalizer: it spreads every input bit over the output.
func mix64(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// firstKey is the key of a first word in the first-word table: one multiply
// (a bijection) puts well-mixed bits at the top, where the table index is.
func firstKey(langSeed, word uint64) uint64 {
	return (word ^ langSeed) * 0x9e3779b97f4a7c15
}

// windowStart and windowExtend hash a window of words and the gaps between
// them, in one language; a term hashes to the same value as its text window.
func windowStart(langSeed, word uint64) uint64 {
	return mix64(langSeed ^ word)
}

func windowExtend(window, gap, word uint64) uint64 {
	return mix64((window^gap)*0x9fb21c651e98df25 + word)
}
