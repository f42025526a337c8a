package names

// A run of k words can only match an entry whose preferred form has k
// words (two-word runs: two or more; see scoreEntry), and a large glossary
// puts thousands of candidates in front of a run of three or four
// capitalised words ("Each Mirolvi Rostajo Itgor": a sentence's first word
// before a name) whose records would each be read from memory only to find
// that their names are shorter. wordClasses says, two bits per record,
// how many words the entry's longest term has, so that such candidates are
// ruled out without reading their records. It never rules out a candidate
// the comparison could accept: a record's slot count is the word count of
// one of its terms, and a view built from the entry (slotView, for the
// records marked live) counts the same words or fewer.

// wordClass is a record's class: its longest term's words, capped.
const (
	classOneWord  = 0 // no term of two words or more
	classTwoWords = 1
	classThree    = 2
	classFour     = 3 // four words or more, or a record compared through slotView
)

// wordClasses holds two bits per recordAlign bytes of records: the class of
// the record that starts there.
type wordClasses []uint64

// newWordClasses classifies the records of f.
func newWordClasses(records []byte, recOff []uint32) wordClasses {
	c := make(wordClasses, (len(records)/recordAlign+31)/32)
	for _, off := range recOff {
		if int(off)+recordHeader > len(records) {
			continue
		}
		c.set(off, recordClass(records[off:]))
	}
	return c
}

// recordClass reads the word counts of a record's terms from its header.
func recordClass(rec []byte) uint64 {
	if rec[4]&recordLive != 0 {
		return classFour
	}
	most, p := 0, recordHeader
	for range int(rec[5]) {
		n := int(rec[p])
		most = max(most, int(rec[p+1+n]>>4))
		p += 2 + n
	}
	return uint64(min(max(most-1, 0), classFour))
}

func (c wordClasses) set(off uint32, class uint64) {
	u := off / recordAlign
	c[u/32] |= class << (u % 32 * 2)
}

// mayHave reports whether the record at off may have a term of k words or
// more (k from 2 to 4; every record has one of one word or more).
func (c wordClasses) mayHave(off uint32, k int) bool {
	if c == nil {
		return true
	}
	u := off / recordAlign
	return int(c[u/32]>>(u%32*2)&3) >= min(k, 4)-1
}
