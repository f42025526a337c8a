package names

import (
	"slices"
	"testing"
)

// TestRightDirFindsEveryRightForm asks an index's directory for every
// right-form hash it holds, and the index of the entries a text mentions.
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
