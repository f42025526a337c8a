package lexicon

import (
	"hash/maphash"
	"math/bits"
)

// table is a set of keys as 32-bit fingerprints grouped by bucket: a key's
// 64-bit hash picks its bucket with its top bits and its fingerprint with
// its low 32, so a lookup reads one directory entry and a bucket of one or
// two fingerprints, two cache lines at most. Bit 0 of a fingerprint is not
// part of the hash but the key's flag (listed in lower case). With 2^k
// buckets a key is 31+k hash bits (47 or more here): a word not in the
// table is reported present with a probability below 1e-9.
//
// Memory: 4 bytes a key and 4 to 8 a bucket's directory entry, about 7
// bytes a word against some 50 for a map[string]struct{} of the same words.
type table struct {
	seed  maphash.Seed
	shift uint     // 64 - k
	dir   []uint32 // bucket b holds fps[dir[b]:dir[b+1]]
	fps   []uint32
}

// newTable builds the table from the keys' hashes (made with seed), each
// with bit 0 set to the key's flag.
func newTable(seed maphash.Seed, hashes []uint64) table {
	k := 0
	if len(hashes) > 1 {
		k = bits.Len(uint(len(hashes))) - 1 // 2^k <= n: one to two keys a bucket
	}
	t := table{seed: seed, shift: uint(64 - k), dir: make([]uint32, 1<<k+1), fps: make([]uint32, len(hashes))}
	for _, h := range hashes { // counting sort by bucket
		t.dir[t.bucket(h)+1]++
	}
	for b := 1; b < len(t.dir); b++ {
		t.dir[b] += t.dir[b-1]
	}
	next := append([]uint32(nil), t.dir[:len(t.dir)-1]...)
	for _, h := range hashes {
		b := t.bucket(h)
		t.fps[next[b]] = uint32(h)
		next[b]++
	}
	return t
}

func (t *table) bucket(h uint64) uint64 {
	if t.shift == 64 {
		return 0
	}
	return h >> t.shift
}

// lookup reports whether key is present and its flag.
func (t *table) lookup(key []byte) (found, flag bool) {
	if len(t.fps) == 0 {
		return false, false
	}
	h := maphash.Bytes(t.seed, key)
	b := t.bucket(h)
	fp := uint32(h) &^ 1
	for _, f := range t.fps[t.dir[b]:t.dir[b+1]] {
		if f&^1 == fp {
			return true, f&1 == 1
		}
	}
	return false, false
}

// bytes is the table's memory.
func (t *table) bytes() int { return 4 * (len(t.dir) + len(t.fps)) }
