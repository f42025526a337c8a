package glossary

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// Rune properties the tokenizer needs, packed into one uint32 per rune so
// that the common scripts (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic,
// Indic, Thai, ...) cost one table load instead of several binary searches
// through the unicode range tables.
const (
	runeFoldMask  = 1<<21 - 1 // the case-folded rune
	runeWord      = 1 << 24   // letter, number or mark: part of a word
	runeSpaceless = 1 << 25   // script written without spaces: one rune, one word
	runeMark      = 1 << 26   // combining mark: attaches to the previous rune
	runeSpace     = 1 << 27   // white space that is not a line break
	runeHyphen    = 1 << 28   // hyphen-like: - ‐ ‑ ‒ –
	runeApos      = 1 << 29   // apostrophe-like: ' ’ ‘ ʼ `
	runeNewline   = 1 << 30   // a single line break
	runeBreak     = 1 << 31   // never inside a name: paragraph separator
)

// runeTableSize covers every script up to the CJK punctuation block.
const runeTableSize = 0x3000

// runeTables holds the properties of the runes below runeTableSize, and for
// the ASCII fast path the folded form of each letter and digit.
type runeTables struct {
	props     [runeTableSize]uint32
	asciiWord [128]byte // folded letter or digit; 0 for any other byte
}

// runeTable is built once, lazily, and never written afterwards.
var runeTable = sync.OnceValue(func() *runeTables {
	t := new(runeTables)
	for r := rune(0); r < runeTableSize; r++ {
		t.props[r] = runeProps(r)
		if r < utf8.RuneSelf && t.props[r]&runeWord != 0 {
			t.asciiWord[r] = byte(t.props[r] & runeFoldMask)
		}
	}
	return t
})

// info returns the packed properties of r, from the table when it can.
func (t *runeTables) info(r rune) uint32 {
	if uint32(r) < runeTableSize {
		return t.props[r]
	}
	return runeProps(r)
}

// runeProps computes the packed properties of r from the unicode tables.
func runeProps(r rune) uint32 {
	p := uint32(foldRune(r)) & runeFoldMask
	switch {
	case r == 0x02BC: // modifier letter apostrophe is a letter, but Ukrainian writes it as an apostrophe
		return p | runeApos
	case r == '\'' || r == '`' || r == 0x2018 || r == 0x2019 || r == 0x2032:
		return p | runeApos
	case r == '-' || r == 0x2010 || r == 0x2011 || r == 0x2012 || r == 0x2013:
		return p | runeHyphen
	case r == '\n' || r == 0x85 || r == 0x2028:
		return p | runeNewline
	case r == 0x2029:
		return p | runeBreak
	case r == '\r': // CR before LF must not count as a second line break
		return p | runeSpace
	case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
		return p | runeSpace
	case unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me):
		return p | runeWord | runeMark
	case unicode.IsLetter(r) || unicode.IsNumber(r):
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai,
			unicode.Lao, unicode.Khmer, unicode.Myanmar) {
			return p | runeWord | runeSpaceless
		}
		return p | runeWord
	}
	return p
}

// foldRune maps r to one representative of its simple case-folding orbit,
// the same for every member: the lower-case ASCII letter when the orbit has
// one (so K, k and the Kelvin sign agree), else the smallest rune of the orbit
// (so Σ, σ and final ς agree).
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < utf8.RuneSelf {
			return foldRune(f)
		}
		if f < least {
			least = f
		}
	}
	return least
}

// asciiLower maps an ASCII byte to its folded form.
func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
