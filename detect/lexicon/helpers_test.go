package lexicon

import "hash/maphash"

// seedTable fills l with keys, every other one common.
func seedTable(l *Lexicon, keys []string) {
	seed := maphash.MakeSeed()
	hashes := make([]uint64, len(keys))
	for i, k := range keys {
		hashes[i] = maphash.String(seed, Key(k))&^1 | uint64(1-i%2)
	}
	l.t, l.n = newTable(seed, hashes), len(keys)
}
