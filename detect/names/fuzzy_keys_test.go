package names

import (
	"slices"
	"testing"

	"lector/detect/names/namestest"
)

// TestKeyGroupsReachEveryEntry holds the grouped keys to what one key per
// entry and hash gives: every hash reaches exactly the records of the
// entries that have it, whatever their initials, in the index built in
// parallel parts and in a sub-index. The glossary mixes the seed's entries
// (several terms, Cyrillic forms, х), names whose family names recur, and
// names of Latin and Cyrillic forms.
func TestKeyGroupsReachEveryEntry(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 120k-name glossary")
	}
	entries := append(readGlossaryCSV(t, "../../seeds/glossary.csv"), berlinGlossary()...)
	entries = append(entries, entriesFromNames(namestest.Names(80_000, 3))...)
	entries = append(entries, benchEntries(40_000)...)
	f := NewFuzzy(entries)
	var sub []int32
	for i := 0; i < len(entries); i += 7 {
		sub = append(sub, int32(i))
	}
	for _, tt := range []struct {
		name  string
		index *Fuzzy
		idxs  []int32
	}{{"whole", f, nil}, {"sub-index", f.subIndex(sub), sub}} {
		want := entryPostings(f, entries, tt.idxs)
		if len(want) == 0 {
			t.Fatal("no keys at all")
		}
		checked, pairs := 0, 0
		for h, posts := range want {
			pairs += len(posts)
			if checked++; checked%5 != 0 && len(posts) < 50 {
				continue // every hash shared by many, a fifth of the others
			}
			for _, initials := range []uint64{0xff, 1, 1 << 5} {
				var wantOffs []uint32
				for _, p := range posts {
					if p&(initials<<initialsShift) != 0 {
						wantOffs = append(wantOffs, uint32(p&offsetMask)*recordAlign)
					}
				}
				got := tt.index.appendPostings(nil, h, initials<<initialsShift, givenFilter{}, tt.index.dir, tt.index.dirBits)
				slices.Sort(got)
				if !slices.Equal(slices.Compact(got), wantOffs) {
					t.Fatalf("%s: hash %x, initials %b: records %v, want %v", tt.name, h, initials, got, wantOffs)
				}
			}
		}
		if tt.idxs == nil && len(tt.index.keys) >= pairs {
			t.Errorf("%s: %d keys for %d entries' keys: the family names' keys are not shared", tt.name, len(tt.index.keys), pairs)
		}
	}
}

// entryPostings is the index as one key per entry and hash: for every key
// hash (keyHashMask bits), the postings of the entries (of idxs, or all)
// that have it, in entry order, computed without the memo or the groups.
func entryPostings(f *Fuzzy, entries []Entry, idxs []int32) map[uint64][]uint64 {
	if idxs == nil {
		for i := range entries {
			idxs = append(idxs, int32(i))
		}
	}
	out := map[uint64][]uint64{}
	for _, i := range idxs {
		var hashes []uint64
		for _, t := range entries[i].Terms {
			if name := foldNameWords(nil, t.Form); t.Status != FalseFriend && len(name.words) > 0 {
				for _, h := range appendFamilyHashes(nil, name) {
					hashes = appendUniqueHash(hashes, h&keyHashMask)
				}
			}
		}
		off := f.recOff[i]
		post := uint64(recordInitials(f.records[off:]))<<initialsShift | recordGivenSummary(f.records[off:]) | uint64(off/recordAlign)
		for _, h := range hashes {
			out[h] = append(out[h], post)
		}
	}
	return out
}
