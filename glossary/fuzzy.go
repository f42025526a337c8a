package glossary

import (
	"slices"
	"strings"
)

// Fuzzy finds names close to a glossary name that are not one of its forms:
// "Isaxon" for Isaacson, "Mileya" (Russian genitive Милея) for Milei,
// "Zhaiir Bolsonar" for Jair Bolsonaro. It is immutable after NewFuzzy and
// safe for concurrent use.
//
// The index holds, per entry, only the phonetic keys of its family names (the
// last word of each term, Cyrillic romanized by BGN/PCGN) and their one-letter
// deletions; the transliterations and case forms a candidate is compared with
// are generated at lookup time for the few entries the index returns. That
// keeps a million-name glossary in tens of megabytes.
type Fuzzy struct {
	entries []Entry
	// keys is sorted; each element is a phonetic-key hash (high bits) and an
	// entry index (low entryBits bits).
	keys []uint64
	// right is sorted; hashes of language + folded right form (preferred,
	// admitted, and the family name of a person's multi-word right form).
	right []uint64
}

// entryBits bounds the index to 16.7M entries; later entries are ignored.
const (
	entryBits = 24
	entryMask = 1<<entryBits - 1
)

// maxCandidates caps the entries verified per run. Runs whose key collides
// with more entries than that are unusually generic (very short keys) and the
// first candidates by hash order are as good as any.
const maxCandidates = 48

// NewFuzzy indexes entries. The slice is kept, not copied; do not modify it.
func NewFuzzy(entries []Entry) *Fuzzy {
	if len(entries) > entryMask {
		entries = entries[:entryMask]
	}
	f := &Fuzzy{entries: entries}
	f.keys = make([]uint64, 0, len(entries)*8)
	f.right = make([]uint64, 0, len(entries)*4)
	var keys []string
	for i := range entries {
		e := &entries[i]
		keys = keys[:0]
		for _, t := range e.Terms {
			if t.Status == FalseFriend {
				continue
			}
			words := nameWords(foldName(t.Form))
			if len(words) == 0 {
				continue
			}
			keys = appendKeyWithDeletes(keys, phoneticKey(words[len(words)-1]))
			if t.Status == Preferred || t.Status == Admitted {
				f.right = append(f.right, rightHash(t.Lang, strings.Join(words, " ")))
				if e.Type == "person" && len(words) > 1 {
					f.right = append(f.right, rightHash(t.Lang, words[len(words)-1]))
				}
			}
		}
		for _, k := range keys {
			f.keys = append(f.keys, hashString(k)<<entryBits|uint64(i))
		}
	}
	slices.Sort(f.keys)
	f.keys = slices.Compact(f.keys)
	slices.Sort(f.right)
	f.right = slices.Compact(f.right)
	return f
}

// appendKeyWithDeletes adds key and, for keys long enough to stay specific,
// every key with one symbol deleted (SymSpell): two keys then meet when they
// differ by one insertion, deletion or substitution.
func appendKeyWithDeletes(keys []string, key string) []string {
	if key == "" {
		return keys
	}
	keys = appendUniqueString(keys, key)
	if len(key) < minDeleteKey {
		return keys
	}
	for i := range len(key) {
		keys = appendUniqueString(keys, key[:i]+key[i+1:])
	}
	return keys
}

// minDeleteKey: deleting from a key of three symbols ("mal") leaves two-symbol
// keys that match a large share of any big glossary.
const minDeleteKey = 4

func appendUniqueString(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// candidates returns the indexes of entries whose family-name keys are near
// the keys of word, the last word of a run.
func (f *Fuzzy) candidates(word string, buf []int32) []int32 {
	var keys []string
	pk := phoneticKey(word)
	keys = appendKeyWithDeletes(keys, pk)
	for _, stem := range inflectionStems(word) {
		keys = appendUniqueString(keys, phoneticKey(stem))
	}
	for _, k := range keys {
		h := hashString(k) << entryBits
		i, _ := slices.BinarySearch(f.keys, h)
		for ; i < len(f.keys) && f.keys[i]&^entryMask == h; i++ {
			idx := int32(f.keys[i] & entryMask)
			if !slices.Contains(buf, idx) {
				buf = append(buf, idx)
			}
			if len(buf) >= maxCandidates {
				return buf
			}
		}
	}
	return buf
}

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

// isRight reports whether folded is a right form in lang.
func (f *Fuzzy) isRight(lang, folded string) bool {
	_, ok := slices.BinarySearch(f.right, rightHash(lang, folded))
	return ok
}

func rightHash(lang, folded string) uint64 {
	return hashString(lang + "\x00" + folded)
}

// hashString is 64-bit FNV-1a: deterministic, so indexes are reproducible.
func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
