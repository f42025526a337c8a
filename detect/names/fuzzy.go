package names

import (
	"bytes"
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
// The index maps the phonetic keys of every entry's family names (the last
// word of each term, Cyrillic romanized by BGN/PCGN, and by GOST when it has
// х), with their one-symbol deletions, to the entry's record: the variants of
// its family-name and given-name slots, ready to compare (see
// fuzzy_record.go). Right forms are hashed apart. A lookup compares the run
// with every entry its keys reach, each from one read of its record, however
// many there are (see fuzzy_search.go). A million two-term names of distinct
// family names take about 115 MB of index besides the entries themselves,
// 260 MB when each has a Russian form too (all romanizations of all case
// forms are in the records); family names that recur share their keys
// (fuzzy_keys.go), and a million generated names with 65,498 family names
// take about 80 MB.
type Fuzzy struct {
	entries entryTable
	// records holds every entry's record, in entry order.
	records []byte
	// keyGroups maps the family names' keys to the records of the entries
	// that have them (fuzzy_keys.go).
	keyGroups
	// dir[b] is the first index in keys whose top dirBits bits are ≥ b: one
	// read finds the few keys of a bucket instead of a binary search through
	// a hundred megabytes.
	dir     []uint32
	dirBits uint
	// right is sorted by hash; each element is the hash of language + folded
	// right form (preferred, admitted, and the family name and the given name
	// of a person's multi-word right form) in the high bits and its entry
	// index in the low.
	right []uint64
	// byKey is sorted; each element is the hash of an entry key in the high
	// bits and the entry's index in the low: the exact matcher reports keys,
	// and the document context needs the entries behind them.
	byKey []uint64
	// recOff[i] is the offset of entry i's record.
	recOff []uint32
	// classes rule out records by word count (fuzzy_words_class.go).
	classes wordClasses
	// mentionedOnly marks a subIndex of the entries a text mentions, the
	// only index untranslatedLone asks.
	mentionedOnly bool
	// long indexes the keys of the records a run of four words may match
	// (fuzzy_words_long.go); a subIndex has none.
	long longKeys
	// buffers keeps Check's token buffers between checks (*checkBuffers).
	buffers sync.Pool
	// gaj says whether any entry has a Serbian or Macedonian form
	// (fuzzy_gaj_latin.go).
	gaj gajPresence
}

// entryBits bounds the index to 16.7M entries; later entries are ignored.
// Records are addressed by 32-bit offsets; entries past 4 GB of records are
// left out of the key index.
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
	f := &Fuzzy{entries: newEntryTable(entries), byKey: make([]uint64, len(entries)), recOff: make([]uint32, len(entries))}
	workers := min(runtime.GOMAXPROCS(0), 1+len(entries)/minEntriesPerWorker)
	parts := make([]indexPart, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(entries)/workers, (w+1)*len(entries)/workers
		wg.Go(func() { parts[w] = indexRange(entries, lo, hi) })
	}
	wg.Wait()
	var nKeys, nGroups, nPosts, nRight, nRecords int
	for _, p := range parts {
		nKeys, nRight, nRecords = nKeys+len(p.keys), nRight+len(p.right), nRecords+len(p.records)
		nGroups, nPosts = nGroups+len(p.starts)-1, nPosts+len(p.posts)
	}
	f.keys, f.right = make([]uint64, 0, nKeys), make([]uint64, 0, nRight)
	f.starts, f.posts = append(make([]uint32, 0, nGroups+1), 0), make([]uint64, 0, nPosts)
	f.records = make([]byte, 0, nRecords)
	for w, p := range parts {
		base := uint64(len(f.records))
		if base+uint64(len(p.records)) > 1<<32 {
			break // past what a 32-bit offset addresses
		}
		groupBase, postBase := uint64(len(f.starts)-1), uint32(len(f.posts))
		for _, k := range p.keys {
			f.keys = append(f.keys, k+groupBase)
		}
		for _, s := range p.starts[1:] {
			f.starts = append(f.starts, s+postBase)
		}
		for _, post := range p.posts {
			f.posts = append(f.posts, post+base/recordAlign)
		}
		lo := w * len(entries) / workers
		for j, off := range p.recOff {
			f.recOff[lo+j] = uint32(base) + off
		}
		f.records = append(f.records, p.records...)
		f.right = append(f.right, p.right...)
		parts[w] = indexPart{} // garbage now, for the sorts below to reuse
	}
	for i := range entries {
		f.byKey[i] = hashString(entries[i].Key)<<entryBits | uint64(i)
	}
	f.sortKeys()
	radixSort(f.right, entryBits, 4)
	radixSort(f.byKey, entryBits, 4)
	f.buildDir()
	f.right = slices.Compact(f.right)
	f.classes = newWordClasses(f.records, f.recOff)
	f.long = newLongKeys(f)
	return f
}

// minEntriesPerWorker keeps small glossaries on one goroutine.
const minEntriesPerWorker = 50_000

// recordSample is how many records indexRange builds before it reserves
// room for the others.
const recordSample = 1000

// growLike reserves room in list, built from the first recordSample
// entries, for left more entries like them, and an eighth more.
func growLike[T any](list []T, left int) []T {
	per := len(list)/recordSample + 1
	return slices.Grow(list, per*left+per*left/8)
}

// indexPart is the index of a range of entries, before merging and sorting.
type indexPart struct {
	keyGroups // postings hold offsets into records
	right     []uint64
	records   []byte
	recOff    []uint32
}

// indexRange folds every term of entries[lo:hi] once: phonetic keys (and
// their deletions) of family names, right-form hashes, and records.
func indexRange(entries []Entry, lo, hi int) indexPart {
	sample := min(hi-lo, recordSample)
	p := indexPart{
		right:  make([]uint64, 0, sample*4),
		recOff: make([]uint32, hi-lo),
	}
	var hashes []uint64
	var buf []byte
	rb := recordBuilder{agree: newSchemeAgreement()}
	keys, groups := newFamilyKeys(hi-lo), newKeyGrouper(hi-lo)
	for i := lo; i < hi; i++ {
		if i == lo+recordSample && hi-lo > 2*recordSample {
			// Reserve room for the rest at the size of the first entries'
			// records and right forms: growing a slice of a hundred
			// megabytes step by step copies it over and over. The keys
			// are not reserved: how many there are depends on how many
			// family names recur, which the first entries do not tell.
			p.records = growLike(p.records, hi-i)
			p.right = growLike(p.right, hi-i)
		}
		e := &entries[i]
		hashes = hashes[:0]
		first, firstName := -1, ""
		for _, t := range e.Terms {
			if t.Status == FalseFriend {
				continue
			}
			var name foldedName
			var slot int
			name, hashes, slot = keys.termKeyHashes(buf, hashes, t.Form)
			buf = name.words
			if len(name.words) == 0 {
				continue
			}
			if first < 0 {
				first, firstName = slot, name.lastRaw
			}
			p.right = appendRightHashes(p.right, e.Type == "person", t, name, i)
		}
		for len(p.records)%recordAlign != 0 {
			p.records = append(p.records, 0)
		}
		off := uint64(len(p.records))
		p.recOff[i-lo] = uint32(off)
		p.records = rb.appendRecord(p.records, e, i)
		initials := uint64(rb.view.initials(p.records[off:]))<<initialsShift | rb.view.givenSummary(p.records[off:])
		keys.addEntry(groups, hashes, initials|off/recordAlign, first, firstName)
	}
	p.keyGroups = groups.finish()
	for len(p.records)%recordAlign != 0 {
		p.records = append(p.records, 0) // parts are concatenated: keep them aligned
	}
	return p
}

// appendRightHashes adds the right-form hashes of term t of entry i (a person
// when person), whose folded name is name: the whole form and, for a person, the
// family name and the given name alone ("Merkel", "Angela" are the person
// too).
func appendRightHashes(right []uint64, person bool, t Term, name foldedName, i int) []uint64 {
	if t.Status != Preferred && t.Status != Admitted || len(name.words) == 0 {
		return right
	}
	right = append(right, rightHashBytes(t.Lang, name.words)<<entryBits|uint64(i))
	if person && name.lastStart > 0 {
		given := name.words[:bytes.IndexByte(name.words, ' ')]
		right = append(right, rightHashBytes(t.Lang, name.words[name.lastStart:])<<entryBits|uint64(i),
			rightHashBytes(t.Lang, given)<<entryBits|uint64(i))
	}
	return right
}

// appendFamilyHashes adds the hashes of the keys of a folded name's family
// name (appendFamilyKeys), by BGN/PCGN and, for a Cyrillic х, by GOST.
func appendFamilyHashes(hashes []uint64, name foldedName) []uint64 {
	var keyBuf [64]byte
	hashes = appendFamilyKeys(hashes, appendPhoneticKey(keyBuf[:0], string(name.words[name.lastStart:])))
	if alt := xFamily(name.lastRaw); alt != "" {
		hashes = appendFamilyKeys(hashes, appendPhoneticKey(keyBuf[:0], alt))
	}
	return hashes
}

// subIndex is an index of some of f's entries (idxs) that shares f's
// entries and records: the keys and right forms alone are computed, and its
// hits are hits of f's entries. Its right forms are those of its entries
// only, so that a word that is also a word of the language ("Erdogan" in a
// German word list) is still judged against the entries the text mentions.
func (f *Fuzzy) subIndex(idxs []int32) *Fuzzy {
	sub := &Fuzzy{entries: f.entries, records: f.records, classes: f.classes, mentionedOnly: true}
	var hashes []uint64
	var buf []byte
	keys, groups := newFamilyKeys(len(idxs)), newKeyGrouper(len(idxs))
	var rv recordView // parses each record for its posting
	for _, idx := range idxs {
		hashes = hashes[:0]
		for _, t := range f.entry(idx).Terms() {
			if t.Status != FalseFriend {
				var name foldedName
				name, hashes, _ = keys.termKeyHashes(buf, hashes, t.Form)
				buf = name.words
				sub.right = appendRightHashes(sub.right, f.entry(idx).Type() == "person", t, name, int(idx))
			}
		}
		off := uint64(f.recOff[idx])
		initials := uint64(rv.initials(f.records[off:]))<<initialsShift | rv.givenSummary(f.records[off:])
		groups.add(hashes, initials|off/recordAlign)
	}
	sub.keyGroups = groups.finish()
	sub.sortKeys()
	slices.Sort(sub.right)
	sub.right = slices.Compact(sub.right)
	sub.buildDir()
	return sub
}

// appendFamilyKeys adds the hashes of a family name's key (appendKeyHashes)
// and, apart, of the key without its final consonant when a vowel precedes
// it: a name's last consonant is what a reading in another language most
// often loses (Модров read the English way is Модроу: key madr for madrav).
// Only a run's word that ends in a vowel looks those up (trimmedHash).
func appendFamilyKeys(hashes []uint64, key []byte) []uint64 {
	hashes = appendKeyHashes(hashes, key)
	if n := len(key); n >= 4 && key[n-2] == 'a' && key[n-1] != 'a' && n-2 >= minTrimmedKey {
		hashes = appendUniqueHash(hashes, trimmedHash(key[:n-2]))
	}
	return hashes
}

// minTrimmedKey: a shorter key without its last consonant would meet too
// many names.
const minTrimmedKey = 3

// trimmedHash is the hash of a key without its final consonant, kept apart
// from the hashes of whole keys.
func trimmedHash(key []byte) uint64 { return hashSkip(key, -1) ^ 0x9e3779b97f4a7c15 }

// endsInVowel reports whether a folded word ends in a vowel letter.
func endsInVowel(word string) bool {
	return word != "" && strings.IndexByte("aeiouy", word[len(word)-1]) >= 0
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

// minDeleteKey: deleting from a key of four symbols ("cook") leaves
// three-symbol keys that thousands of entries share in a million-name
// glossary; shorter keys are matched exactly (or through inflection stems).
const minDeleteKey = 5

// A key holds a hash in the bits of keyHashMask and a group below them; a
// posting holds an entry's initials and its record offset (see keyGroups).
// Records start at multiples of recordAlign, so that an offset into 4 GB
// takes 29 bits. A key's hash keeps 27 bits, as when keys held the
// postings themselves: a lookup reaches the same records.
const (
	recordAlign   = 8
	initialsShift = 29
	keyHashMask   = ^uint64(1<<(initialsShift+8) - 1)
	offsetMask    = 1<<initialsShift - 1
)

// candidates appends to buf the record offset of every entry whose
// family-name keys are near the keys of one of words (the last word of a
// run, and its German genitive stem), each once, in entry order. Every entry
// that shares a key is returned, however many: which of them is the best
// match is for the comparison to say, not for the order of the index. With
// exact, only entries of which a word may be a family-name variant exactly
// are returned (see recordInitials).
func (f *Fuzzy) candidates(buf []uint32, exact bool, words ...string) []uint32 {
	return f.runCandidates(buf, exact, 1, givenFilter{}, words...)
}

// runCandidates is candidates for a run of k words, without the records
// whose terms are all shorter than k words (wordClasses.mayHave). A run of
// four words reads only the keys of records that may have four (longKeys);
// the others are filtered once sorted, when the class bits are read in
// the order they lie in.
func (f *Fuzzy) runCandidates(buf []uint32, exact bool, k int, given givenFilter, words ...string) []uint32 {
	start := len(buf)
	for _, word := range words {
		var initial uint64 = 0xff
		if exact {
			initial = uint64(initialBit(word))
		}
		buf = f.appendCandidates(buf, word, initial<<initialsShift, given, k)
	}
	found := buf[start:]
	if len(found) < minRadixCandidates {
		slices.Sort(found)
	} else {
		buf = slices.Grow(buf, len(found)) // the radix sort's scratch
		found = buf[start:]
		radixSort32(found, buf[len(buf):len(buf)+len(found)])
	}
	found = slices.Compact(found)
	if k >= 2 && f.classes != nil {
		found = slices.DeleteFunc(found, func(off uint32) bool { return !f.classes.mayHave(off, k) })
	}
	return buf[:start+len(found)]
}

// minRadixCandidates: below it a comparison sort of the candidates is
// faster than three counting passes.
const minRadixCandidates = 256

// radixSort32 sorts offs with tmp (as long) as scratch: three passes of 11
// bits, least significant first. A large glossary puts hundreds of
// candidates in front of a name-like run, which a comparison sort orders
// several times slower.
func radixSort32(offs, tmp []uint32) {
	var count [1 << 11]int32
	src, dst := offs, tmp
	for shift := 0; shift < 32; shift += 11 {
		clear(count[:])
		for _, o := range src {
			count[(o>>shift)&(1<<11-1)]++
		}
		var sum int32
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, o := range src {
			d := (o >> shift) & (1<<11 - 1)
			dst[count[d]] = o
			count[d]++
		}
		src, dst = dst, src
	}
	copy(offs, src) // three passes leave the result in tmp
}

// appendCandidates appends the records under the keys of word (its own,
// its one-symbol deletions, its inflection stems') whose initials meet
// initials, unsorted and with repetitions; for a run of k ≥ 4 words from
// the long keys (fuzzy_words_long.go).
func (f *Fuzzy) appendCandidates(buf []uint32, word string, initials uint64, given givenFilter, k int) []uint32 {
	var hashBuf [32]uint64
	var keyBuf [64]byte
	hashes := appendKeyHashes(hashBuf[:0], appendPhoneticKey(keyBuf[:0], word))
	for _, stem := range inflectionStems(word) {
		hashes = append(hashes, hashSkip(appendPhoneticKey(keyBuf[:0], stem), -1))
	}
	if endsInVowel(word) {
		hashes = append(hashes, trimmedHash(appendPhoneticKey(keyBuf[:0], word)))
	}
	for _, hk := range hashes {
		if k >= 4 && f.long.dir != nil {
			buf = f.long.appendPostings(buf, hk&keyHashMask, initials)
			continue
		}
		buf = f.appendPostings(buf, hk&keyHashMask, initials, given, f.dir, f.dirBits)
	}
	return buf
}

// inflectionStems strips romanized Russian and Ukrainian endings whose
// consonant survives the phonetic key (instrumental -om/-em/-ym, Ukrainian
// dative -ovi/-evi, adjectival -ogo/-omu), so "Trampom", "Trampovi" find Trump
// (Трамп) and "Navalnogo" finds Navalny.
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
// ("Bush" of George and of Jeb) and a text that names one names them all as
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
	i := searchHashes(sorted, h)
	j := i
	for j < len(sorted) && sorted[j]&^entryMask == h {
		j++
	}
	return sorted[i:j]
}

func rightHash(lang, folded string) uint64 {
	h := uint64(fnvOffset) // hashString(lang + "\x00" + folded), without the string
	for i := 0; i < len(lang); i++ {
		h = (h ^ uint64(lang[i])) * fnvPrime
	}
	h *= fnvPrime // the zero byte
	for i := 0; i < len(folded); i++ {
		h = (h ^ uint64(folded[i])) * fnvPrime
	}
	return h
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
