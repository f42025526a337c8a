package glossary

import (
	"math/bits"
	"unicode/utf8"
)

// scan finds the leftmost-longest matches in text for the given languages.
//
// Most words of a text start no term. scan looks at the text eight bytes at
// a time. Most blocks have no byte that a term may start with (for a
// glossary of capitalised names: no capital) and cost a handful of
// arithmetic operations. In the others it finds, without a branch per word,
// the ASCII words that start there with such a byte; a short one is hashed
// and put to the first-word filter inline, the rest go to tryWordAt. Eight
// bytes with a non-ASCII byte go to the word-by-word scanner instead, from
// the start of the word they are in.
func (m *Matcher) scan(text string, seeds []uint64) []found {
	var hits []found
	var ts tokenStream
	// Every word that starts before boundary has been dealt with, and
	// boundary is not inside a word. before is 0x80 when the byte before i
	// is part of a word that starts at or after boundary.
	i, boundary, before := 0, 0, uint64(0)
	upperOnly := m.startsUpperOnly()
	for i+8 <= len(text) {
		x := load64(text, i)
		if x&highBits != 0 {
			i = m.scanSpan(text, m.wordStartBefore(text, i, boundary), i+8, seeds, &ts, &hits)
			boundary, before = i, 0
			continue
		}
		var startable uint64
		if upperOnly {
			startable = asciiUpperLanes(x)
		} else {
			startable = m.startLanes(x)
		}
		if startable == 0 { // most blocks: no word lanes needed
			before = 0
			if m.runes.asciiWord[text[i+7]] != 0 {
				before = 0x80
			}
			i += 8
			continue
		}
		lanes := asciiWordLanes(x)
		candidates := lanes &^ (lanes<<8 | before) & startable
		before = lanes >> 56 & 0x80
		next := i + 8
		for candidates != 0 {
			p := i + bits.TrailingZeros64(candidates)>>3
			end, rejected := m.rejectShortWord(text, p, seeds)
			if !rejected {
				end = m.tryWordAt(text, p, seeds, &ts, &hits)
			}
			if end >= i+8 {
				next, boundary, before = end, end, 0
				break
			}
			candidates &^= 1<<(8*(end-i)) - 1 // the lanes before end
		}
		i = next
	}
	m.scanSpan(text, m.wordStartBefore(text, i, boundary), len(text), seeds, &ts, &hits)
	return hits
}

// rejectShortWord is the cheap test of most candidate words: an ASCII word
// of up to seven bytes, read with one load, that the first-word filter of
// the one language says starts no term. It returns the word's end when it
// rejects it; anything else goes to tryWordAt.
func (m *Matcher) rejectShortWord(text string, p int, seeds []uint64) (end int, rejected bool) {
	if len(seeds) != 1 || p+9 > len(text) {
		return 0, false
	}
	x := load64(text, p)
	lanes := asciiWordLanes(x)
	n := bits.TrailingZeros64(^lanes&highBits) >> 3
	if n == 8 || text[p+n] >= utf8.RuneSelf || text[p+n] == '\'' {
		return 0, false // longer, maybe non-ASCII, maybe a possessive: the general path
	}
	hash := foldLanes(x, lanes) & (1<<(8*n) - 1)
	if m.first.mayStart(firstKey(seeds[0], hash)) {
		return 0, false
	}
	return p + n, true
}

// startsUpperOnly reports whether every ASCII byte a term may start with is
// a capital letter, as in a glossary of names: then capitals are found with
// a few arithmetic operations instead of eight table loads.
func (m *Matcher) startsUpperOnly() bool {
	for c := 0; c < utf8.RuneSelf; c++ {
		if m.startBytes[c] != 0 && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

// asciiUpperLanes returns 0x80 in each byte of x, all ASCII, that is a
// capital letter.
func asciiUpperLanes(x uint64) uint64 {
	return ((x | highBits) - 'A'*lowBits) & (('Z'|0x80)*lowBits - x) & highBits
}

// startLanes returns 0x80 in each byte of x that a term may start with.
func (m *Matcher) startLanes(x uint64) uint64 {
	b := &m.startBytes
	return uint64(b[byte(x)]) | uint64(b[byte(x>>8)])<<8 | uint64(b[byte(x>>16)])<<16 |
		uint64(b[byte(x>>24)])<<24 | uint64(b[byte(x>>32)])<<32 | uint64(b[byte(x>>40)])<<40 |
		uint64(b[byte(x>>48)])<<48 | uint64(b[byte(x>>56)])<<56
}

// isWordByte reports a byte that may be part of a word: an ASCII letter or
// digit, or any byte of a non-ASCII rune.
func (m *Matcher) isWordByte(c byte) bool {
	return c >= utf8.RuneSelf || m.runes.asciiWord[c] != 0
}

// wordStartBefore returns i, or the start of the word i is inside of, never
// going back past boundary.
func (m *Matcher) wordStartBefore(text string, i, boundary int) int {
	for i > boundary && m.isWordByte(text[i-1]) {
		i--
	}
	return i
}

// tryWordAt reads the word starting at p and matches from it when it may
// start a term; it returns where the scan goes on.
func (m *Matcher) tryWordAt(text string, p int, seeds []uint64, ts *tokenStream, hits *[]found) int {
	sc := scanner{text: text, pos: p, table: m.runes}
	var t token
	sc.word(&t)
	altHash := uint64(0)
	if t.altEnd > 0 {
		altHash = wordHash(text[t.start:t.altEnd], m.runes)
	}
	if !m.startsTerm(t.hash, altHash, seeds) {
		return t.end
	}
	return m.matchAt(text, sc, t, seeds, ts, hits)
}

// scanSpan matches word by word from start, which is not inside a word,
// until it has passed limit; it returns where it stopped.
func (m *Matcher) scanSpan(text string, start, limit int, seeds []uint64, ts *tokenStream, hits *[]found) int {
	sc := scanner{text: text, pos: start, table: m.runes}
	var t token
	for sc.pos < limit {
		t.gap = sc.skipGap()
		if sc.pos >= len(text) {
			break
		}
		sc.word(&t)
		altHash := uint64(0)
		if t.altEnd > 0 {
			altHash = wordHash(text[t.start:t.altEnd], m.runes)
		}
		if m.startsTerm(t.hash, altHash, seeds) {
			sc.pos = m.matchAt(text, sc, t, seeds, ts, hits)
		}
	}
	return sc.pos
}
