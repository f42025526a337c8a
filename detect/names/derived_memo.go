package names

import "lector/detect/lexicon"

// derivedMemo remembers, by family name as written, what the lexicons said
// of it: whether its Cyrillic spelling in Russian and in Ukrainian is a word
// (cyrillicCandidates), and whether English translates it
// (translatedCandidates), and whether its spelling's stem begins a
// candidate of another entry (mayMeet). Every answer depends on the family name alone, and
// family names recur: a glossary of a million people has far fewer family
// names than entries (65,548 in the 1M names of BenchmarkNew1M), and a
// lookup in this small table costs a fraction of a lexicon's (half of
// WithDerivedFalseFriends' time at 1M names went to the lexicons). It holds
// at most derivedMemoMax names, and once full it is asked only while it
// answers at least one question in three: a glossary of distinct names pays
// neither a table of them all nor a lookup that finds nothing.
type derivedMemo struct {
	// slots is an open-addressing table, at most half full: the high 32
	// bits of a name's hash and its index + 1 (0 marks an empty slot).
	slots   []uint64
	keys    []byte   // the names, one after another (a map's keys point into entries all over the heap)
	ends    []uint32 // name i is keys[ends[i-1]:ends[i]]
	answers []uint16 // by name
	// The name asked last and its index (-1: not kept): the questions
	// about one entry's family name (two spellings, the translations) come
	// one after another.
	last    string
	lastIdx int
	// lastAnswers are the answers about last when it is not kept.
	lastAnswers uint16
	// asked and answered count the questions since the table filled, and
	// off is set when too few found their answer in it.
	asked, answered int
	off             bool
}

const derivedMemoMax = 1 << 17

// The bits of a name's answers: known, then the answer, per question.
const (
	memoRu uint16 = 1 << iota
	memoRuWord
	memoUk
	memoUkWord
	memoTranslations
	memoHasTranslations
	memoRuMeet
	memoRuMeets
	memoUkMeet
	memoUkMeets
)

// spellBit is the known bit of lang's spelling (the answer is the bit
// above it), or 0 for a language the memo does not keep.
func spellBit(lang string) uint16 {
	switch lang {
	case "ru":
		return memoRu
	case "uk":
		return memoUk
	}
	return 0
}

// meetBit is the known bit of mayMeet's answer in lang (the answer is the
// bit above it), or 0 for a language the memo does not keep.
func meetBit(lang string) uint16 {
	switch lang {
	case "ru":
		return memoRuMeet
	case "uk":
		return memoUkMeet
	}
	return 0
}

// get returns the answers noted about family.
func (m *derivedMemo) get(family string) uint16 {
	if m.off {
		return 0
	}
	if family != m.last || m.last == "" {
		m.last, m.lastIdx, m.lastAnswers = family, m.find(family), 0
	}
	if m.lastIdx < 0 {
		return m.lastAnswers
	}
	return m.answers[m.lastIdx]
}

// index returns the index of family in the memo, adding it if it is new,
// or -1 when the memo keeps no more names.
func (m *derivedMemo) index(family string) int {
	if m.off {
		return -1
	}
	m.get(family)
	if m.lastIdx < 0 {
		m.lastIdx = m.add(family, m.lastAnswers)
	}
	return m.lastIdx
}

// meetAt is mayMeet's answer noted for name k in lang, and whether one is.
func (m *derivedMemo) meetAt(k int, lang string) (meets, known bool) {
	bit := meetBit(lang)
	v := m.answers[k]
	return v&(bit<<1) != 0, bit != 0 && v&bit != 0
}

// noteMeetAt notes mayMeet's answer for name k in lang.
func (m *derivedMemo) noteMeetAt(k int, lang string, meets bool) {
	bit := meetBit(lang)
	if meets {
		bit |= bit << 1
	}
	m.answers[k] |= bit
}

// known counts a question bit asked of get's answers v, and turns the memo
// off when, full, it answers fewer than one in three.
func (m *derivedMemo) known(v, bit uint16) bool {
	if len(m.answers) < derivedMemoMax {
		return v&bit != 0
	}
	m.asked++
	if v&bit != 0 {
		m.answered++
	}
	if m.asked >= 1<<16 && 3*m.answered < m.asked {
		m.off = true
	}
	return v&bit != 0
}

// find returns the index of family, or -1.
func (m *derivedMemo) find(family string) int {
	if len(m.slots) == 0 {
		return -1
	}
	h := hashString(family) &^ (1<<32 - 1)
	mask := uint64(len(m.slots) - 1)
	for i := h >> 32 & mask; m.slots[i] != 0; i = (i + 1) & mask {
		if m.slots[i]&^(1<<32-1) == h {
			k := int(m.slots[i]&(1<<32-1)) - 1
			if string(m.key(k)) == family { // no copy: a comparison
				return k
			}
		}
	}
	return -1
}

// key returns name k's bytes (a string would be a copy per lookup).
func (m *derivedMemo) key(k int) []byte {
	start := uint32(0)
	if k > 0 {
		start = m.ends[k-1]
	}
	return m.keys[start:m.ends[k]]
}

// add keeps family with its answers, unless the memo is full.
func (m *derivedMemo) add(family string, answers uint16) int {
	if len(m.answers) >= derivedMemoMax {
		return -1
	}
	if 2*(len(m.answers)+1) > len(m.slots) {
		m.slots = make([]uint64, max(1024, 2*len(m.slots)))
		for k := range m.answers {
			m.insert(hashString(string(m.key(k))), k)
		}
	}
	k := len(m.answers)
	m.keys = append(m.keys, family...)
	m.ends = append(m.ends, uint32(len(m.keys)))
	m.answers = append(m.answers, answers)
	m.insert(hashString(family), k)
	return k
}

func (m *derivedMemo) insert(h uint64, k int) {
	h &^= 1<<32 - 1
	mask := uint64(len(m.slots) - 1)
	i := h >> 32 & mask
	for m.slots[i] != 0 {
		i = (i + 1) & mask
	}
	m.slots[i] = h | uint64(k+1)
}

// spellingIsWord is derivedIsWord(lang, string(spelling)), remembered by
// family, of which spelling is the spelling in lang.
func (m *derivedMemo) spellingIsWord(family, lang string, spelling []byte) bool {
	bit := spellBit(lang)
	if bit == 0 {
		return derivedIsWord(lang, string(spelling))
	}
	if v := m.get(family); m.known(v, bit) {
		return v&(bit<<1) != 0
	}
	word := derivedIsWord(lang, string(spelling))
	if word {
		bit |= bit << 1
	}
	m.note(family, bit)
	return word
}

// hasTranslations is lexicon.HasTranslations(family), remembered.
func (m *derivedMemo) hasTranslations(family string) bool {
	if v := m.get(family); m.known(v, memoTranslations) {
		return v&memoHasTranslations != 0
	}
	has := lexicon.HasTranslations(family)
	bits := memoTranslations
	if has {
		bits |= memoHasTranslations
	}
	m.note(family, bits)
	return has
}

// mayMeet is meets(), remembered by family for lang: mayMeet's answer for
// a family name, which holds for one pass of otherSpellings (its heads).
func (m *derivedMemo) mayMeet(family, lang string, meets func() bool) bool {
	bit := meetBit(lang)
	if bit == 0 {
		return meets()
	}
	if v := m.get(family); m.known(v, bit) {
		return v&(bit<<1) != 0
	}
	ok := meets()
	if ok {
		bit |= bit << 1
	}
	m.note(family, bit)
	return ok
}

// note adds bits to the answers about family.
func (m *derivedMemo) note(family string, bits uint16) {
	if m.off {
		return
	}
	v := m.get(family) | bits
	switch {
	case m.lastIdx >= 0:
		m.answers[m.lastIdx] = v
	default:
		m.lastIdx = m.add(family, v)
		m.lastAnswers = v
	}
}
