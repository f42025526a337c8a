package names

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestHashDirIsHashRange holds the directory to hashRange, the search it
// replaces, on lists of index elements it must not be fooled by: even
// hashes, one hash with many entries, a skewed list (every hash in the
// first bucket, a few at the very end), the ends of the range, short and
// empty lists; asked for every hash in the list, its neighbours, and
// hashes it lacks.
func TestHashDirIsHashRange(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	elem := func(hash uint64, idx int) uint64 { return hash<<entryBits | uint64(idx)&entryMask }
	var even, runs, skewed []uint64
	for i := range 20_000 {
		even = append(even, elem(r.Uint64(), i))
		runs = append(runs, elem(uint64(i/700)<<30, i))
		skewed = append(skewed, elem(uint64(r.IntN(1000)), i))
	}
	top := uint64(math.MaxUint64) >> entryBits
	skewed = append(skewed, elem(top, 1), elem(top, 2), elem(top-1, 3))
	lists := map[string][]uint64{
		"even": even, "runs": runs, "skewed": skewed, "short": {elem(5, 1), elem(9, 2), elem(9, 3)},
		"ends": {elem(0, 0), elem(0, 1), elem(top, 0)}, "empty": nil,
	}
	for name, list := range lists {
		slices.Sort(list)
		d := newHashDir(list)
		queries := []uint64{0, 1, top, top - 1, top / 2}
		for _, x := range list {
			h := x >> entryBits
			queries = append(queries, h, h-1, h+1)
		}
		for range 2000 {
			queries = append(queries, r.Uint64()>>entryBits)
		}
		for _, q := range queries {
			want, got := hashRange(list, q), d.rangeOf(list, q)
			if len(got) != len(want) || len(got) > 0 && &got[0] != &want[0] {
				t.Fatalf("%s: rangeOf(%d) = %d elements, hashRange %d", name, q, len(got), len(want))
			}
		}
	}
}

// TestRightDirFindsEveryRightForm asks an index's directory for every
// right-form hash it holds, and for the index of the entries a text
// mentions.
func TestRightDirFindsEveryRightForm(t *testing.T) {
	f := NewFuzzy(benchEntries(30_000))
	sub := f.subIndex([]int32{0, 7, 500, 29_999})
	for _, ix := range []*Fuzzy{f, sub} {
		if len(ix.rightDir.dir) == 0 {
			t.Fatal("no directory")
		}
		for _, x := range ix.right {
			h := x >> entryBits
			want, got := hashRange(ix.right, h), ix.rightDir.rangeOf(ix.right, h)
			if !slices.Equal(got, want) || !slices.Contains(got, x) {
				t.Fatalf("rangeOf(%d) = %v, want %v", h, got, want)
			}
		}
	}
}
