package names

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSearchHashesIsBinarySearch compares searchHashes with
// slices.BinarySearch on lists it must not be fooled by: even hashes, long
// runs of one value, a skewed list (most values tiny, a few huge), the ends
// of the range, and lists too short to interpolate. The right forms'
// directory (fuzzy_right_dir.go) is held to hashRange on the same lists,
// read as index elements, for each query's hash and the next.
func TestSearchHashesIsBinarySearch(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for name, list := range hashSearchLists(r) {
		d := newHashDir(list)
		queries := []uint64{0, 1, math.MaxUint64, math.MaxUint64 - 1, 1 << 63}
		for _, x := range list {
			queries = append(queries, x, x-1, x+1)
		}
		for range 2000 {
			queries = append(queries, r.Uint64())
		}
		for _, q := range queries {
			want, _ := slices.BinarySearch(list, q)
			if got := searchHashes(list, q); got != want {
				t.Fatalf("%s: searchHashes(%d) = %d, want %d", name, q, got, want)
			}
			for _, h := range [...]uint64{q >> entryBits, q>>entryBits + 1} {
				want, got := hashRange(list, h), d.rangeOf(list, h)
				if len(got) != len(want) || len(got) > 0 && &got[0] != &want[0] {
					t.Fatalf("%s: rangeOf(%d) = %d elements, hashRange %d", name, h, len(got), len(want))
				}
			}
		}
	}
}

// hashSearchLists are the sorted lists a search of hashes must not be
// fooled by.
func hashSearchLists(r *rand.Rand) map[string][]uint64 {
	even := make([]uint64, 5000)
	for i := range even {
		even[i] = r.Uint64()
	}
	runs := make([]uint64, 5000)
	for i := range runs {
		runs[i] = uint64(i/700) << 40
	}
	skewed := make([]uint64, 5000)
	for i := range skewed {
		skewed[i] = uint64(r.IntN(1000))
	}
	skewed[len(skewed)-1], skewed[len(skewed)-2] = math.MaxUint64, math.MaxUint64-1
	lists := map[string][]uint64{
		"even": even, "runs": runs, "skewed": skewed, "ends": {0, 0, 1, math.MaxUint64 - 1, math.MaxUint64},
		"short": {5, 9, 9, 12}, "empty": nil,
	}
	for _, list := range lists {
		slices.Sort(list)
	}
	return lists
}
