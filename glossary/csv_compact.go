package glossary

import (
	"hash/maphash"
	"math/bits"
	"strings"
)

// The compact state of a CSV parse. At a million rows a map of the entry ids
// and the rows' own strings were most of what `lector check` held while it
// read its glossary: every kept id and form, a substring of its row, kept
// the whole row alive (the 55 MB of a million rows, twice over with the
// file itself), and a map of a million strings costs over 40 MB and most of
// the parse's time. The ids and forms are copied into large blocks instead,
// and the ids are found through a table of entry indices.

// csvType is an entry type, one of four: a byte, not a string, per entry.
type csvType uint8

var csvTypeNames = [...]string{"person", "place", "organization", "term"}

func parseCSVType(s string) (csvType, bool) {
	for i, name := range csvTypeNames {
		if s == name {
			return csvType(i), true
		}
	}
	return 0, false
}

// String returns the type's name, a constant.
func (t csvType) String() string { return csvTypeNames[t] }

// csvStrings copies strings into blocks of csvStringBlock bytes. A string
// it returns points into a block that is never written again where the
// string lies (a strings.Builder only appends while it has room), so a
// million names are a few dozen allocations and no row stays alive.
type csvStrings struct{ block strings.Builder }

const csvStringBlock = 1 << 20

func (c *csvStrings) copy(s string) string {
	if c.block.Cap()-c.block.Len() < len(s) {
		c.block = strings.Builder{}
		c.block.Grow(max(csvStringBlock, len(s)))
	}
	start := c.block.Len()
	c.block.WriteString(s)
	return c.block.String()[start:]
}

// csvKeyTable finds an entry's index by its id: open addressing, at most
// half full, each slot the high 32 bits of the id's hash and the entry's
// index plus one (0 marks a free slot); an id is compared in the entries
// only when its hash bits match. Eight bytes a slot against a map's
// string keys.
type csvKeyTable struct {
	slots []uint64
	seed  maphash.Seed
	count int
}

func newCSVKeyTable(n int) csvKeyTable {
	return csvKeyTable{slots: make([]uint64, csvTableSize(n)), seed: maphash.MakeSeed()}
}

// csvTableSize is a power of two at least twice n.
func csvTableSize(n int) int { return 1 << max(4, bits.Len(uint(2*n))) }

const csvHashBits = ^uint64(1<<32 - 1)

// find returns the index in entries of the entry with id key, or -1.
func (t *csvKeyTable) find(key string, entries []csvEntry) int {
	if n := len(entries); n > 0 && entries[n-1].key == key {
		return n - 1 // the rows of an entry usually follow one another
	}
	if len(t.slots) == 0 {
		return -1
	}
	h := maphash.String(t.seed, key)
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; t.slots[i] != 0; i = (i + 1) & mask {
		if t.slots[i]&csvHashBits == h&csvHashBits {
			if e := int(t.slots[i]&^csvHashBits) - 1; entries[e].key == key {
				return e
			}
		}
	}
	return -1
}

// add notes that entries[idx] is there; its id is not in the table yet.
func (t *csvKeyTable) add(entries []csvEntry, idx int) {
	if 2*(t.count+1) > len(t.slots) {
		// Only when the line count the table was sized by was short.
		if t.seed == (maphash.Seed{}) {
			t.seed = maphash.MakeSeed()
		}
		t.slots = make([]uint64, csvTableSize(2*(t.count+1)))
		for i := range idx {
			t.put(entries[i].key, i)
		}
	}
	t.put(entries[idx].key, idx)
	t.count++
}

func (t *csvKeyTable) put(key string, idx int) {
	h := maphash.String(t.seed, key)
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = h&csvHashBits | uint64(idx+1)
}
