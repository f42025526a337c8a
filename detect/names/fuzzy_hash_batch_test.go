package names

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestHashRangesIsHashRange holds the searches made in step to hashRange,
// query by query, on lists of hashed elements as the index builds them:
// even hashes, long runs of one hash, a skewed list, lists too short to
// interpolate and the empty list, with batches of every size around a lane.
func TestHashRangesIsHashRange(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	const maxHash = 1<<(64-entryBits) - 1
	element := func(hash uint64) uint64 { return hash<<entryBits | uint64(r.IntN(1<<entryBits)) }
	lists := map[string][]uint64{"empty": nil}
	for name, hashOf := range map[string]func(i int) uint64{
		"even":   func(int) uint64 { return r.Uint64() & maxHash },
		"runs":   func(i int) uint64 { return uint64(i/300) << 30 },
		"skewed": func(i int) uint64 { return uint64(r.IntN(1000)) + uint64(i/4990)*(maxHash-1000) },
	} {
		list := make([]uint64, 5000)
		for i := range list {
			list[i] = element(hashOf(i))
		}
		lists[name] = list
	}
	lists["short"] = []uint64{element(5), element(9), element(9), element(12)}
	for name, list := range lists {
		slices.Sort(list)
		queries := []uint64{0, 1, maxHash, maxHash - 1}
		for _, x := range list {
			h := x >> entryBits
			queries = append(queries, h, h-1&maxHash, h+1&maxHash)
		}
		for range 500 {
			queries = append(queries, r.Uint64()&maxHash)
		}
		for size := 1; size <= 2*hashLanes+1; size++ {
			for start := 0; start+size <= len(queries); start += size {
				batch := queries[start : start+size]
				for q, got := range hashRanges(list, batch) {
					if want := hashRange(list, batch[q]); !sameRange(got, want) {
						t.Fatalf("%s: hashRanges for hash %d = %d elements at %p, want %d at %p", name, batch[q], len(got), got, len(want), want)
					}
				}
			}
		}
	}
	if got := hashRanges(lists["even"], nil); len(got) != 0 {
		t.Errorf("hashRanges of no hashes = %v", got)
	}
}

// sameRange reports whether a and b are the same stretch of one list.
func sameRange(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	return len(a) == 0 || &a[0] == &b[0]
}
