package names

import (
	"runtime"
	"slices"
	"strings"
	"sync"
)

// Fuzzy finds names close to a glossary name that are not one of its forms:
// "Isaxon" for Isaacson, "Mileya" (Russian genitive Милея) for Milei,
// "Zhaiir Bolsonar" for Jair Bolsonaro. It is immutable after NewFuzzy and
// safe for concurrent use.
//
// The index holds, per entry, only the phonetic keys of its family names (the
// last word of each term, Cyrillic romanized by BGN/PCGN, and by GOST when it
// has х) with their one-symbol deletions, the folded family words, and
// hashes of the right forms; the transliterations and case forms a candidate
// is compared with are generated at lookup time for the few entries that
// survive the index and the family-word screen. A million two-term names
// take about 140 MB of index besides the entries themselves.
type Fuzzy struct {
	entries []Entry
	// keys is sorted; each element is a phonetic-key hash (high bits) and an
	// entry index (low entryBits bits).
	keys []uint64
	// dir[b] is the first index in keys whose top dirBits bits are ≥ b: one
	// read finds the few keys of a bucket instead of a binary search through
	// a hundred megabytes.
	dir     []uint32
	dirBits uint
	// right is sorted by hash; each element is the hash of language + folded
	// right form (preferred, admitted, and the family name of a person's
	// multi-word right form) in the high bits and its entry index in the low.
	right []uint64
	// families holds each entry's distinct folded family words (Cyrillic by
	// BGN/PCGN), space-separated; entry i's are families[famEnd[i-1]:famEnd[i]].
	// They let candidates be screened without romanizing anything.
	families string
	famEnd   []uint32
	// byKey is sorted; each element is the hash of an entry key in the high
	// bits and the entry's index in the low: the exact matcher reports keys,
	// and the document context needs the entries behind them.
	byKey []uint64
}

// entryBits bounds the index to 16.7M entries; later entries are ignored.
const (
	entryBits = 24
	entryMask = 1<<entryBits - 1
)

// NewFuzzy indexes entries. The slice is kept, not copied; do not modify it.
// Large glossaries are indexed by one goroutine per CPU, each over a range of
// entries; the parts are concatenated in order, so the index is the same as
// a sequential build.
func NewFuzzy(entries []Entry) *Fuzzy {
	if len(entries) > entryMask {
		entries = entries[:entryMask]
	}
	f := &Fuzzy{entries: entries, famEnd: make([]uint32, len(entries)), byKey: make([]uint64, len(entries))}
	workers := min(runtime.GOMAXPROCS(0), 1+len(entries)/minEntriesPerWorker)
	parts := make([]indexPart, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(entries)/workers, (w+1)*len(entries)/workers
		wg.Go(func() { parts[w] = indexRange(entries, lo, hi) })
	}
	wg.Wait()
	var nKeys, nRight, nFams int
	for _, p := range parts {
		nKeys, nRight, nFams = nKeys+len(p.keys), nRight+len(p.right), nFams+len(p.fams)
	}
	f.keys, f.right = make([]uint64, 0, nKeys), make([]uint64, 0, nRight)
	fams := make([]byte, 0, nFams)
	for w, p := range parts {
		lo := w * len(entries) / workers
		for j, end := range p.famEnd {
			f.famEnd[lo+j] = uint32(len(fams)) + end
		}
		fams = append(fams, p.fams...)
		f.keys = append(f.keys, p.keys...)
		f.right = append(f.right, p.right...)
	}
	f.families = string(fams)
	for i := range entries {
		f.byKey[i] = hashString(entries[i].Key)<<entryBits | uint64(i)
	}
	// Only the hash bits need sorting: a stable sort keeps each hash's entries
	// in index order, and an entry never adds the same hash twice.
	radixSort(f.keys, entryBits, 4)
	radixSort(f.right, entryBits, 4)
	radixSort(f.byKey, entryBits, 4)
	f.buildDir()
	f.right = slices.Compact(f.right)
	return f
}

// minEntriesPerWorker keeps small glossaries on one goroutine.
const minEntriesPerWorker = 50_000

// indexPart is the index of a range of entries, before merging and sorting.
type indexPart struct {
	keys, right []uint64
	fams        []byte
	famEnd      []uint32 // relative to fams
}

// indexRange folds every term of entries[lo:hi] once: phonetic keys (and
// their deletions) of family names, family words, and right-form hashes.
func indexRange(entries []Entry, lo, hi int) indexPart {
	p := indexPart{
		keys:   make([]uint64, 0, (hi-lo)*12),
		right:  make([]uint64, 0, (hi-lo)*4),
		famEnd: make([]uint32, hi-lo),
	}
	var hashes []uint64
	var keyBuf [64]byte
	var buf []byte
	for i := lo; i < hi; i++ {
		e := &entries[i]
		hashes = hashes[:0]
		famStart := len(p.fams)
		for _, t := range e.Terms {
			if t.Status == FalseFriend {
				continue
			}
			name := foldNameWords(buf, t.Form)
			buf = name.words
			if len(name.words) == 0 {
				continue
			}
			family := name.words[name.lastStart:]
			hashes = appendKeyHashes(hashes, appendPhoneticKey(keyBuf[:0], string(family)))
			p.fams = appendFamily(p.fams, famStart, family)
			if alt := xFamily(name.lastRaw); alt != "" {
				hashes = appendKeyHashes(hashes, appendPhoneticKey(keyBuf[:0], alt))
				p.fams = appendFamily(p.fams, famStart, []byte(alt))
			}
			if t.Status == Preferred || t.Status == Admitted {
				p.right = append(p.right, rightHashBytes(t.Lang, name.words)<<entryBits|uint64(i))
				if e.Type == "person" && name.lastStart > 0 {
					p.right = append(p.right, rightHashBytes(t.Lang, family)<<entryBits|uint64(i))
				}
			}
		}
		for _, h := range hashes {
			p.keys = append(p.keys, h<<entryBits|uint64(i))
		}
		p.famEnd[i-lo] = uint32(len(p.fams))
	}
	return p
}

// appendKeyHashes adds the hash of key and, for keys long enough to stay
// specific, the hashes of every key with one symbol deleted (SymSpell): two
// keys then meet when they differ by one insertion, deletion or
// substitution. Hashing the deletions in place avoids building the strings.
func appendKeyHashes(hashes []uint64, key []byte) []uint64 {
	if len(key) == 0 {
		return hashes
	}
	hashes = appendUniqueHash(hashes, hashSkip(key, -1))
	if len(key) < minDeleteKey {
		return hashes
	}
	for i := range key {
		hashes = appendUniqueHash(hashes, hashSkip(key, i))
	}
	return hashes
}

func appendUniqueHash(list []uint64, h uint64) []uint64 {
	if slices.Contains(list, h) {
		return list
	}
	return append(list, h)
}

// hashSkip is hashString of key without the byte at skip (none if -1).
func hashSkip(key []byte, skip int) uint64 {
	h := uint64(fnvOffset)
	for i, c := range key {
		if i != skip {
			h = (h ^ uint64(c)) * fnvPrime
		}
	}
	return h
}

// minDeleteKey: deleting from a key of four symbols ("mask") leaves
// three-symbol keys that thousands of entries share in a million-name
// glossary; shorter keys are matched exactly (or through inflection stems).
const minDeleteKey = 5

// candidates appends to buf every entry whose family-name keys are near the
// keys of one of words (the last word of a run, and its German genitive
// stem), each once, in index order. Every entry that shares a key is
// returned, however many: which of them is the best match is for the
// comparison to say, not for the order of the index. An entry met through
// the key of a word or of one of its inflection stems (not only through a
// one-symbol deletion) is marked viaKey; only those can pass the phonetic
// test of nearFamily.
func (f *Fuzzy) candidates(buf []candidate, words ...string) []candidate {
	start := len(buf)
	for _, word := range words {
		buf = f.appendCandidates(buf, word)
	}
	found := buf[start:]
	slices.Sort(found)
	out := found[:0]
	for _, c := range found {
		if len(out) == 0 || out[len(out)-1].index() != c.index() {
			out = append(out, c)
		}
	}
	return buf[:start+len(out)]
}

// appendCandidates appends the entries under the keys of word, unsorted and
// with repetitions.
func (f *Fuzzy) appendCandidates(buf []candidate, word string) []candidate {
	var hashBuf [32]uint64
	var keyBuf [64]byte
	hashes := appendKeyHashes(hashBuf[:0], appendPhoneticKey(keyBuf[:0], word))
	whole := hashes[:1:1] // the word's own key; the rest are its deletions
	for _, stem := range inflectionStems(word) {
		whole = append(whole, hashSkip(appendPhoneticKey(keyBuf[:0], stem), -1))
	}
	for n, hk := range append(whole, hashes[1:]...) {
		var mark candidate = 1 // only via a deletion; sorts after the same entry via a key
		if n < len(whole) {
			mark = 0
		}
		h := hk << entryBits
		b := h >> (64 - f.dirBits)
		i, end := int(f.dir[b]), int(f.dir[b+1])
		for i < end && f.keys[i]&^entryMask < h {
			i++
		}
		for ; i < end && f.keys[i]&^entryMask == h; i++ {
			buf = append(buf, candidate(f.keys[i]&entryMask)<<1|mark)
		}
	}
	return buf
}

// candidate is an entry index shifted left by one; the low bit is set when
// the entry was met only through a deletion of a key.
type candidate uint32

func (c candidate) index() int32 { return int32(c >> 1) }
func (c candidate) viaKey() bool { return c&1 == 0 }

// inflectionStems strips romanized Russian and Ukrainian endings whose
// consonant survives the phonetic key (instrumental -om/-em/-ym, Ukrainian
// dative -ovi/-evi, adjectival -ogo/-omu), so "Maskom", "Maskovi" find Musk
// (Маск) and "Navalnogo" finds Navalny.
func inflectionStems(word string) []string {
	var out []string
	for _, end := range [...]string{
		"om", "em", "ym", "im", "ovi", "evi", "yem", "iem", "oyu", "eyu",
		"ogo", "ego", "omu", "emu", "ovo", "ova",
	} {
		if len(word) > len(end)+2 && strings.HasSuffix(word, end) {
			out = append(out, word[:len(word)-len(end)])
		}
	}
	return out
}

// rightEntries returns the entries folded is a right form of in lang, in
// index order: every one of them, since several people share a family name
// ("Musk" of Elon and of Kimbal) and a text that names one names them all as
// far as the index can tell.
func (f *Fuzzy) rightEntries(lang, folded string) []uint64 {
	return hashRange(f.right, rightHash(lang, folded))
}

// entriesWithKey returns the index elements of the entries whose key is key
// (hash collisions included; check the key).
func (f *Fuzzy) entriesWithKey(key string) []uint64 {
	return hashRange(f.byKey, hashString(key))
}

// hashRange returns the elements of sorted whose high bits are hash.
func hashRange(sorted []uint64, hash uint64) []uint64 {
	h := hash << entryBits
	i, _ := slices.BinarySearch(sorted, h)
	j := i
	for j < len(sorted) && sorted[j]&^entryMask == h {
		j++
	}
	return sorted[i:j]
}

func rightHash(lang, folded string) uint64 {
	return hashString(lang + "\x00" + folded)
}

// rightHashBytes is rightHash for a folded name in a buffer.
func rightHashBytes(lang string, folded []byte) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(lang); i++ {
		h = (h ^ uint64(lang[i])) * fnvPrime
	}
	h *= fnvPrime // the zero byte
	for _, c := range folded {
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// hashString is 64-bit FNV-1a: deterministic, so indexes are reproducible.
func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}
