package names

// A run of four capitalised words ("Each Mirolvi Rostajo Itgor": a
// sentence's first word before a three-word name) can only match a record
// of the class classFour (wordClasses), and a glossary has few of those:
// names of four words and more, and the records compared through slotView.
// The run's family-name keys still meet every record that shares them,
// tens of thousands in a large glossary, each read and dropped by its
// class. longKeys is the key index of the classFour records alone, in the
// order of f.keys, so that such a run reads the few keys it can match: the
// same candidates, in the same order, as the whole index filtered by class.

// longKeys is a key index (keys and directory, as Fuzzy's) over the
// records of class classFour.
type longKeys struct {
	keys    []uint64
	dir     []uint32
	dirBits uint
}

// newLongKeys selects from f's keys those of classFour records.
func newLongKeys(f *Fuzzy) longKeys {
	sub := Fuzzy{}
	for _, k := range f.keys {
		if f.classes.mayHave(uint32(k&offsetMask)*recordAlign, 4) {
			sub.keys = append(sub.keys, k)
		}
	}
	sub.buildDir()
	return longKeys{keys: sub.keys, dir: sub.dir, dirBits: sub.dirBits}
}

// keysFor returns the key index a run of k words reads: the long keys for
// four words or more, when f has them (a subIndex has not), else all.
func (f *Fuzzy) keysFor(k int) (keys []uint64, dir []uint32, dirBits uint) {
	if k >= 4 && f.long.dir != nil {
		return f.long.keys, f.long.dir, f.long.dirBits
	}
	return f.keys, f.dir, f.dirBits
}
