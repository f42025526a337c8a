package names

import "slices"

// A check looks up every name its text mentions, hundreds of hashes in
// arrays of millions, and each search waits for memory at each of its few
// steps. Searched one after another, the waits add up; searched in step, a
// lane of searches asks for its memory together and the waits overlap.

// hashLanes is how many searches go in step: enough to overlap the waits,
// few enough that the lanes' state stays in registers and the first cache.
const hashLanes = 8

// hashRanges returns, for each hash, hashRange(sorted, hash), in order.
func hashRanges(sorted []uint64, hashes []uint64) [][]uint64 {
	out := make([][]uint64, len(hashes))
	var at [hashLanes]int
	for base := 0; base < len(hashes); base += hashLanes {
		lane := hashes[base:min(base+hashLanes, len(hashes))]
		searchHashesInStep(sorted, lane, at[:len(lane)])
		for q, hash := range lane {
			h := hash << entryBits
			i := at[q]
			j := i
			for j < len(sorted) && sorted[j]&^entryMask == h {
				j++
			}
			out[base+q] = sorted[i:j]
		}
	}
	return out
}

// searchHashesInStep sets at[q] to searchHashes(sorted, hashes[q]<<entryBits)
// for every q, taking each step of the searches for all of them before the
// next: the same interpolation steps, then the same binary search, so the
// answers are searchHashes' own.
func searchHashesInStep(sorted []uint64, hashes []uint64, at []int) {
	var lo, hi [hashLanes]int
	var h [hashLanes]uint64
	var done [hashLanes]bool
	for q, hash := range hashes {
		lo[q], hi[q], h[q], done[q] = 0, len(sorted), hash<<entryBits, false
	}
	n := len(hashes)
	for range interpolationSteps {
		for q := range n {
			if done[q] || hi[q]-lo[q] < 64 {
				continue
			}
			first, last := sorted[lo[q]], sorted[hi[q]-1]
			switch {
			case h[q] <= first:
				at[q], done[q] = lo[q], true
				continue
			case h[q] > last:
				at[q], done[q] = hi[q], true
				continue
			}
			guess := lo[q] + int(float64(h[q]-first)/float64(last-first)*float64(hi[q]-1-lo[q]))
			guess = min(max(guess, lo[q]), hi[q]-1)
			if sorted[guess] < h[q] {
				lo[q] = guess + 1
			} else {
				hi[q] = guess
			}
		}
	}
	for q := range n {
		if !done[q] {
			i, _ := slices.BinarySearch(sorted[lo[q]:hi[q]], h[q])
			at[q] = lo[q] + i
		}
	}
}
