package names

// A run of four capitalised words ("Each Mirolvi Rostajo Itgor": a
// sentence's first word before a three-word name) can only match a record
// of the class classFour (wordClasses), and a glossary has few of those:
// names of four words and more, and the records compared through slotView.
// The run's family-name keys still meet every record that shares them,
// tens of thousands in a large glossary, each read and dropped by its
// class. longKeys is the key index of the classFour records alone, so that
// such a run reads the few keys it can match: once sorted, the same
// candidates as the whole index filtered by class.

// longKeys is a flat key index over the records of class classFour: each
// element a key hash (keyHashMask bits) and a posting (initials and record
// offset, as keyGroups' postings), sorted by hash, with a directory as
// Fuzzy's.
type longKeys struct {
	keys    []uint64
	dir     []uint32
	dirBits uint
}

// newLongKeys selects from f's keys the postings of classFour records.
func newLongKeys(f *Fuzzy) longKeys {
	sub := Fuzzy{}
	for _, k := range f.keys {
		g := k & groupMask
		for _, p := range f.posts[f.starts[g]:f.starts[g+1]] {
			if f.classes.mayHave(uint32(p&offsetMask)*recordAlign, 4) {
				sub.keys = append(sub.keys, k&keyHashMask|p&postingMask)
			}
		}
	}
	sub.buildDir()
	return longKeys{keys: sub.keys, dir: sub.dir, dirBits: sub.dirBits}
}

// appendPostings appends the record offset of every posting under the key
// hash h whose initials meet initials, as keyGroups.appendPostings does.
func (l *longKeys) appendPostings(buf []uint32, h, initials uint64) []uint32 {
	b := h >> (64 - l.dirBits)
	i, end := int(l.dir[b]), int(l.dir[b+1])
	for i < end && l.keys[i]&keyHashMask < h {
		i++
	}
	for ; i < end && l.keys[i]&keyHashMask == h; i++ {
		if l.keys[i]&initials != 0 {
			buf = append(buf, uint32(l.keys[i]&offsetMask)*recordAlign)
		}
	}
	return buf
}
