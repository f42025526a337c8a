package names

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestRadixSort32 holds the candidates' radix sort to slices.Sort, on
// offsets spread over the whole 32 bits and on offsets with many repeats.
func TestRadixSort32(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, tc := range []struct {
		n     int
		limit uint32
	}{{0, 1}, {1, 1}, {300, 1 << 31}, {5000, ^uint32(0)}, {5000, 97}} {
		offs := make([]uint32, tc.n)
		for i := range offs {
			offs[i] = r.Uint32N(tc.limit) + r.Uint32N(2)*(^uint32(0)-tc.limit)
		}
		want := slices.Sorted(slices.Values(offs))
		radixSort32(offs, make([]uint32, len(offs)))
		if !slices.Equal(offs, want) {
			t.Errorf("n=%d limit=%d: not sorted like slices.Sort", tc.n, tc.limit)
		}
	}
}
