package names

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldedName is a form folded for indexing in one pass: its words without
// particles, space-separated, plus where the family name (last word) is.
type foldedName struct {
	words     []byte // folded words joined by single spaces
	lastStart int    // start of the last word in words
	lastRaw   string // the last word as written, for other romanizations
}

// foldNameWords folds form like nameWords(FoldName(form)) but without the
// intermediate strings; NewFuzzy calls it for every term of every entry.
func foldNameWords(dst []byte, form string) foldedName {
	n := foldedName{words: dst[:0]}
	for start, i := nextNameWord(form, 0); start < i; start, i = nextNameWord(form, i) {
		mark := len(n.words)
		if mark > 0 {
			n.words = append(n.words, ' ')
		}
		wordStart := len(n.words)
		n.words = appendFoldedTranslit(n.words, form[start:i], SchemeBGN)
		if w := n.words[wordStart:]; len(w) == 0 || len(w) <= maxParticleBytes && particles[string(w)] {
			n.words = n.words[:mark]
			continue
		}
		n.lastStart, n.lastRaw = wordStart, form[start:i]
	}
	return n
}

// nextNameWord returns the bounds of the first word at or after i, as
// isFoldWordRune defines words; start == end when no word is left.
func nextNameWord(form string, i int) (start, end int) {
	for i < len(form) {
		if c := form[i]; c < utf8.RuneSelf { // most names of a large glossary are ASCII
			if isFoldWordByte(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(form[i:])
		if isFoldWordRune(r) {
			break
		}
		i += size
	}
	start = i
	for i < len(form) {
		if c := form[i]; c < utf8.RuneSelf {
			if !isFoldWordByte(c) {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(form[i:])
		if !isFoldWordRune(r) {
			break
		}
		i += size
	}
	return start, i
}

// isFoldWordByte is isFoldWordRune for an ASCII byte.
func isFoldWordByte(c byte) bool {
	lower := c | 0x20 // the ASCII letters' case bit; no other byte lands in a to z
	return 'a' <= lower && lower <= 'z' || '0' <= c && c <= '9' || c == '\'' || c == '`' || c == '"'
}

// isFoldWordRune: letters, digits, combining marks and the marks that
// romanizations put inside words (Czin'pin) belong to a word; hyphens and
// everything else separate words, as in foldLatin.
func isFoldWordRune(r rune) bool {
	if r >= 'Ѐ' && r <= 'ӿ' {
		return r >= 'А' && r <= 'я' || r >= 'Ѐ' && r <= 'џ' || r == 'Ґ' || r == 'ґ'
	}
	return r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= 0x80 && (unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || isNameMark(r)) ||
		r == '\'' || r == '`' || r == '"'
}

// buildDir sizes the bucket directory at about eight keys per bucket.
func (f *Fuzzy) buildDir() {
	f.dirBits = 8
	for f.dirBits < 26 && len(f.keys)>>(f.dirBits+3) > 0 {
		f.dirBits++
	}
	f.dir = make([]uint32, 1<<f.dirBits+1)
	b := uint64(0)
	for i, k := range f.keys {
		for top := k >> (64 - f.dirBits); b <= top; b++ {
			f.dir[b] = uint32(i)
		}
	}
	for ; b < uint64(len(f.dir)); b++ {
		f.dir[b] = uint32(len(f.keys))
	}
}

// xFamily returns the GOST 7.79 romanization of a Cyrillic family name with
// х, which GOST and the scholarly system write x (Xasbulatov) where BGN
// writes kh: the phonetic key reads x as ks, so these need a key of their own.
func xFamily(word string) string {
	if !strings.ContainsRune(word, 'х') && !strings.ContainsRune(word, 'Х') {
		return ""
	}
	var buf [64]byte
	return string(appendFoldedTranslit(buf[:0], word, SchemeGOST))
}

// radixSort sorts keys in place by their bits from lowBit up, in passes
// of equal-width digits, least significant first. It is stable, so keys that
// agree on those bits keep their order. For the tens of millions of index
// keys of a large glossary it is several times faster than a comparison
// sort; digits of 8 to 11 bits keep the scatter within the caches.
func radixSort(keys []uint64, lowBit, passes uint) {
	if len(keys) < 1<<12 {
		slices.Sort(keys)
		return
	}
	width := (64 - lowBit) / passes
	mask := uint64(1)<<width - 1
	tmp := make([]uint64, len(keys))
	src, dst := keys, tmp
	count := make([]int, 1<<width)
	for shift := lowBit; shift < 64; shift += width {
		clear(count)
		for _, k := range src {
			count[(k>>shift)&mask]++
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, k := range src {
			d := (k >> shift) & mask
			dst[count[d]] = k
			count[d]++
		}
		src, dst = dst, src
	}
	if passes%2 == 1 {
		copy(keys, src)
	}
}
