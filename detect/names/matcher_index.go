package names

import (
	"encoding/binary"
	"math"
	"math/bits"
	"strings"
)

// The index Matcher.scan reads: a first-word filter and table that say
// whether a word may start a term and how long its terms are, a window
// table from the hash of a run of words to its terms, and the arena that
// holds every indexed term compactly.

// The two hash tables of the matcher are flat open-addressing arrays with
// linear probing, sized at build time to at most half full. A lookup of an
// ordinary word is one hashed load that finds an empty slot, and the slots of
// the words that recur in a text stay in cache.

// tableSize returns a power of two at least twice n, and its log2.
func tableSize(n int) (size int, log2 uint) {
	log2 = uint(bits.Len(uint(2*n - 1)))
	if log2 < 4 {
		log2 = 4
	}
	return 1 << log2, log2
}

// bitFilter is a one-hash Bloom filter: one bit per key, from bits of the
// hash below the ones that index the tables, so that the filter and the
// table fail independently. "No" is certain and costs one load that stays
// in cache; the tables behind it are much bigger.
type bitFilter struct {
	bits []uint64
	mask uint64
}

// newBitFilter sizes a filter to at least bitsPerKey bits for n keys.
func newBitFilter(n, bitsPerKey int) bitFilter {
	size, _ := tableSize(bitsPerKey * n / 2) // tableSize doubles
	return bitFilter{bits: make([]uint64, max(1, size/64)), mask: uint64(size - 1)}
}

func (f *bitFilter) add(h uint64) {
	bit := (h >> 20) & f.mask
	f.bits[bit>>6] |= 1 << (bit & 63)
}

func (f *bitFilter) has(h uint64) bool {
	bit := (h >> 20) & f.mask
	return f.bits[bit>>6]&(1<<(bit&63)) != 0
}

// firstWordTable maps (language, first word) to the lengths in words of the
// shortest and the longest term that start with that word. A slot holds the
// hash with its low 12 bits replaced by the two lengths, so a slot is never
// zero once used. It grows as first words are added: names share first
// words ("John", "Maria"), and a table sized to the distinct ones stays in
// cache while a text is scanned.
//
// A bitmap of 32 bits per first word in front of it answers "no" for most
// words with one load and a branch that is almost always taken the same way;
// the probe of the table itself is much harder on the branch predictor.
type firstWordTable struct {
	slots  []uint64
	count  int
	shift  uint
	mask   uint64
	filter bitFilter
}

const (
	firstWordLenMask = 0xFFF
	firstWordLenBits = 6 // maxTermWords < 1<<6
)

func packLengths(shortest, longest int) uint64 {
	return uint64(shortest)<<firstWordLenBits | uint64(longest)
}

func newFirstWordTable(n int) firstWordTable {
	var t firstWordTable
	t.resize(min(n, 1024))
	return t
}

// resize makes room for n first words and puts the present ones back.
func (t *firstWordTable) resize(n int) {
	old := t.slots
	size, log2 := tableSize(n)
	t.slots, t.shift, t.mask = make([]uint64, size), 64-log2, uint64(size-1)
	t.filter = newBitFilter(n, 32)
	for _, slot := range old {
		if slot != 0 {
			t.insert(slot)
		}
	}
}

// insert puts a packed slot in its place; the key is not present.
func (t *firstWordTable) insert(slot uint64) {
	t.filter.add(slot)
	i := slot >> t.shift
	for t.slots[i] != 0 {
		i = (i + 1) & t.mask
	}
	t.slots[i] = slot
}

// mayStart is the filter: false means no term starts with the word.
func (t *firstWordTable) mayStart(h uint64) bool {
	return t.filter.has(h)
}

func (t *firstWordTable) add(h uint64, words int) {
	key := h &^ firstWordLenMask
	for i := h >> t.shift; ; i = (i + 1) & t.mask {
		slot := t.slots[i]
		if slot == 0 {
			break
		}
		if slot&^firstWordLenMask == key {
			shortest, longest := unpackLengths(slot)
			t.slots[i] = key | packLengths(min(shortest, words), max(longest, words))
			return
		}
	}
	if 2*(t.count+1) > len(t.slots) {
		t.resize(2 * (t.count + 1))
	}
	t.insert(key | packLengths(words, words))
	t.count++
}

func unpackLengths(slot uint64) (shortest, longest int) {
	return int(slot>>firstWordLenBits) & (1<<firstWordLenBits - 1), int(slot) & (1<<firstWordLenBits - 1)
}

// lengths returns the lengths of the shortest and the longest term starting
// with the word hashed to h; longest is 0 when no term does.
func (t *firstWordTable) lengths(h uint64) (shortest, longest int) {
	if !t.mayStart(h) {
		return 0, 0
	}
	key := h &^ firstWordLenMask
	for i := h >> t.shift; ; i = (i + 1) & t.mask {
		slot := t.slots[i]
		if slot&^firstWordLenMask == key {
			return unpackLengths(slot)
		}
		if slot == 0 {
			return 0, 0
		}
	}
}

// windowTable maps the hash of a whole term (its words and gaps, in its
// language) to the term's offset in the arena. Terms that share a folded
// form, such as "US" and "us", take one slot each with the same hash. Hash
// and offset share a slot, so a lookup touches one cache line.
//
// A slot is eight bytes: the low 32 bits of the hash (its top bits chose
// the slot) above the term's offset plus one, 0 marking an empty slot. A
// term in a lookup's probe run whose hash differs only in the bits not kept
// (odds of 2^-32 each) is returned too, and the scan verifies every
// candidate against the text (Matcher.verify): a slot of the whole hash and
// an offset takes sixteen bytes, 16 MB more at a million names.
type windowTable struct {
	slots []uint64
	shift uint
	mask  uint64
	// terms has every term's window; prefixes every window that a longer
	// term starts with. They spare the scan a cache miss on windows that
	// are no term, and on extending a window no term extends.
	terms, prefixes bitFilter
}

func newWindowTable(n int) windowTable {
	size, log2 := tableSize(n)
	return windowTable{
		slots: make([]uint64, size), shift: 64 - log2, mask: uint64(size - 1),
		terms: newBitFilter(n, 16), prefixes: newBitFilter(n, 16),
	}
}

// nonZero keeps 0 free to mark an empty slot.
func nonZero(h uint64) uint64 {
	if h == 0 {
		return 1
	}
	return h
}

func (t *windowTable) add(h uint64, term uint32) {
	h = nonZero(h)
	t.terms.add(h)
	i := h >> t.shift
	for t.slots[i] != 0 {
		i = (i + 1) & t.mask
	}
	t.slots[i] = windowBits(h) | (uint64(term) + 1)
}

// windowBits is the part of a window hash a slot keeps, in its place.
func windowBits(h uint64) uint64 { return h << 32 }

// lookup appends to dst the terms whose window hash is h, in insertion order.
func (t *windowTable) lookup(h uint64, dst []uint32) []uint32 {
	h = nonZero(h)
	if !t.terms.has(h) {
		return dst
	}
	bits := windowBits(h)
	for i := h >> t.shift; t.slots[i] != 0; i = (i + 1) & t.mask {
		if t.slots[i]&^(1<<32-1) == bits {
			dst = append(dst, uint32(t.slots[i]-1))
		}
	}
	return dst
}

// The indexed terms live in one string, the arena: per term a fixed header
// and then the form's bytes. The window table points into it, so verifying a
// candidate reads one slot and one nearby run of bytes instead of chasing
// Entry, Terms and the form's own allocation, and a million terms make two
// allocations, not a million.
//
// The record also holds the term's entry's preferred form in the term's
// language, what a hit reports, only when it differs from the form. The
// entry's key is read from the entry when a hit is made (Matcher.entryKey):
// a copy cost a million generated names 9 MB for what only hits and ties
// between entries read.
//
// Header layout, little-endian: entry uint32, term uint32 (index in the
// entry's Terms), lang uint16, words uint8, status uint8, case-sensitive
// uint8, form length uint16, preferred length uint16, type id uint8 and
// flags; then form and preferred.
const termHeaderSize = 18

const preferredIsForm = 1 << 0

// termRef is a decoded header.
type termRef struct {
	entry, term   uint32
	lang          uint16
	words, status uint8
	caseSensitive bool
	typeID        uint8
	form          string
	preferred     string
}

type termArena struct {
	b strings.Builder
}

// add appends a term and returns its offset; ok is false when the form or
// the arena is too big for the header's fields.
func (a *termArena) add(r termRef) (offset uint32, ok bool) {
	var flags byte
	preferred := r.preferred
	if preferred == r.form {
		preferred, flags = "", flags|preferredIsForm
	}
	size := termHeaderSize + len(r.form) + len(preferred)
	if len(r.form) > math.MaxUint16 || len(preferred) > math.MaxUint16 || a.b.Len()+size > math.MaxUint32 {
		return 0, false
	}
	offset = uint32(a.b.Len())
	var h [termHeaderSize]byte
	binary.LittleEndian.PutUint32(h[0:], r.entry)
	binary.LittleEndian.PutUint32(h[4:], r.term)
	binary.LittleEndian.PutUint16(h[8:], r.lang)
	h[10], h[11] = r.words, r.status
	if r.caseSensitive {
		h[12] = 1
	}
	binary.LittleEndian.PutUint16(h[13:], uint16(len(r.form)))
	binary.LittleEndian.PutUint16(h[15:], uint16(len(preferred)))
	h[17] = r.typeID<<2 | flags
	a.b.Write(h[:])
	a.b.WriteString(r.form)
	a.b.WriteString(preferred)
	return offset, true
}

// termAt decodes the term at offset in the arena.
func termAt(arena string, offset uint32) termRef {
	h := arena[offset : offset+termHeaderSize]
	u16 := func(i int) uint32 { return uint32(h[i]) | uint32(h[i+1])<<8 }
	formAt := offset + termHeaderSize
	preferredAt := formAt + u16(13)
	r := termRef{
		entry:         uint32(h[0]) | uint32(h[1])<<8 | uint32(h[2])<<16 | uint32(h[3])<<24,
		term:          uint32(h[4]) | uint32(h[5])<<8 | uint32(h[6])<<16 | uint32(h[7])<<24,
		lang:          uint16(u16(8)),
		words:         h[10],
		status:        h[11],
		caseSensitive: h[12] == 1,
		typeID:        h[17] >> 2,
		form:          arena[formAt:preferredAt],
		preferred:     arena[preferredAt : preferredAt+u16(15)],
	}
	if h[17]&preferredIsForm != 0 {
		r.preferred = r.form
	}
	return r
}

// entryKey is the key of the entry of the term at offset in the arena; an
// entry with derived false friends has the same key as the glossary's.
func (m *Matcher) entryKey(offset uint32) string {
	h := m.arena[offset : offset+4]
	return m.entries.at(int32(uint32(h[0]) | uint32(h[1])<<8 | uint32(h[2])<<16 | uint32(h[3])<<24)).Key()
}

// termStatusAt reads only the status, for ranking candidates.
func termStatusAt(arena string, offset uint32) uint8 {
	return arena[offset+11]
}
