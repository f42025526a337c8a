package names

import "slices"

// The right forms and the entry keys of a large glossary are sorted hashes,
// millions of them, and a binary search through tens of megabytes waits for
// memory at nearly every one of its twenty-odd steps. Hashes are spread
// evenly, so the place of a hash is close to its value's share of the range:
// a few steps of interpolation narrow the search to a small stretch, and a
// binary search finishes it. A skewed list costs only the few steps.

// interpolationSteps bounds the interpolation before the binary search.
const interpolationSteps = 4

// searchHashes returns the index of the first element of sorted that is h
// or more, as slices.BinarySearch does.
func searchHashes(sorted []uint64, h uint64) int {
	lo, hi := 0, len(sorted) // the answer is in [lo, hi]
	for range interpolationSteps {
		if hi-lo < 64 {
			break
		}
		first, last := sorted[lo], sorted[hi-1]
		switch {
		case h <= first:
			return lo
		case h > last:
			return hi
		}
		// first < h <= last: the guess lies in [lo, hi-1].
		guess := lo + int(float64(h-first)/float64(last-first)*float64(hi-1-lo))
		guess = min(max(guess, lo), hi-1)
		if sorted[guess] < h {
			lo = guess + 1
		} else {
			hi = guess
		}
	}
	i, _ := slices.BinarySearch(sorted[lo:hi], h)
	return lo + i
}
