package glossary

import "unicode/utf8"

// The hash of a word is defined over the UTF-8 bytes of its case-folded
// runes, taken eight at a time as little-endian words: a word of up to eight
// bytes hashes to those bytes themselves (no byte of a word is zero, so the
// length is implied), a longer one mixes its chunks. The ASCII fast path
// folds and hashes eight bytes in a few instructions; the rune-by-rune path
// feeds the same bytes, so both agree.
type wordHasher struct {
	h      uint64
	acc    uint64
	k      uint // bytes in acc
	chunks int
}

func (w *wordHasher) chunk(c uint64) {
	if w.chunks == 0 {
		w.h = c
	} else {
		w.h = mix64(w.h) ^ c
	}
	w.chunks++
}

// partial starts a chunk with n bytes; only called on a chunk boundary.
func (w *wordHasher) partial(c uint64, n int) {
	w.acc, w.k = c, uint(n)
}

func (w *wordHasher) byte(b byte) {
	w.acc |= uint64(b) << (8 * w.k)
	w.k++
	if w.k == 8 {
		w.chunk(w.acc)
		w.acc, w.k = 0, 0
	}
}

func (w *wordHasher) rune(r rune) {
	if r < utf8.RuneSelf {
		w.byte(byte(r))
		return
	}
	var buf [utf8.UTFMax]byte
	for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
		w.byte(b)
	}
}

func (w *wordHasher) sum() uint64 {
	if w.k > 0 || w.chunks == 0 {
		w.chunk(w.acc)
		w.acc, w.k = 0, 0
	}
	return w.h
}

const (
	highBits = 0x8080808080808080
	lowBits  = 0x0101010101010101
)

// load64 reads eight bytes of s from i, little-endian; the compiler turns
// it into a single load.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// asciiWordLanes returns 0x80 in each byte of x that is an ASCII letter or
// digit, 0 elsewhere. Each test works on 7-bit lanes with the high bit set
// first, so that no borrow crosses a lane.
func asciiWordLanes(x uint64) uint64 {
	ascii := ^x & highBits
	low7 := x &^ highBits
	lower := low7 | 0x20*lowBits
	letter := ((lower | highBits) - 'a'*lowBits) & (('z'|0x80)*lowBits - lower)
	digit := ((low7 | highBits) - '0'*lowBits) & (('9'|0x80)*lowBits - low7)
	return (letter | digit) & ascii & highBits
}

// foldLanes lower-cases the ASCII letters of x: a letter lane gets bit 0x20.
func foldLanes(x, lanes uint64) uint64 {
	return x | lanes>>2
}
