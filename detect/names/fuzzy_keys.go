package names

import "slices"

// keyGroups maps the phonetic keys of family names to the records of the
// entries that have them. The entries of a large glossary share family
// names (a million generated names have 65,548 of them), and so their keys:
// a key maps to a group, the entries whose family names give the very same
// keys, and a group lists its entries' records. A million such names take
// about a million keys and a million postings where one key per entry and
// key took eight million, which the build also sorted; a glossary of
// distinct family names takes what it took before, and a posting per entry.
// Which records a key reaches is the same either way.
type keyGroups struct {
	// keys is sorted by hash; each element is a phonetic-key hash (the bits
	// of keyHashMask) and a group (the bits below).
	keys []uint64
	// starts[g] is the first of group g's postings and starts[g+1] the end.
	starts []uint32
	// posts holds the postings, group after group, each group's in entry
	// order: an entry's initials (8 bits at initialsShift, see
	// recordInitials) and the offset of its record in units of recordAlign.
	posts []uint64
}

// groupMask is the bits of a key that hold its group.
const groupMask = ^keyHashMask

// appendPostings appends the record offset of every posting under the key
// hash h (keyHashMask bits) whose initials meet initials and that given
// passes (fuzzy_given_filter.go).
func (k *keyGroups) appendPostings(buf []uint32, h, initials uint64, given givenFilter, dir []uint32, dirBits uint) []uint32 {
	b := h >> (64 - dirBits)
	i, end := int(dir[b]), int(dir[b+1])
	for i < end && k.keys[i]&keyHashMask < h {
		i++
	}
	for ; i < end && k.keys[i]&keyHashMask == h; i++ {
		g := k.keys[i] & groupMask
		for _, p := range k.posts[k.starts[g]:k.starts[g+1]] {
			if p&initials != 0 && given.passes(p) {
				buf = append(buf, uint32(p&offsetMask)*recordAlign)
			}
		}
	}
	return buf
}

// keyGrouper builds keyGroups: entries are added in order, each with its
// key hashes, and an entry whose hashes are those of a group already made
// joins it.
type keyGrouper struct {
	keyGroups
	// listEnd[g] ends group g's keys in keys (before they are sorted).
	listEnd []uint32
	// table finds a group by its keys: open addressing, at most half full,
	// each slot the high 32 bits of the keys' fingerprint and the group + 1.
	table  []uint64
	prints []uint64 // each group's fingerprint, to grow table
	// entryGroup and entryPost are each entry's group (-1: no keys) and
	// posting, in the order added.
	entryGroup []int32
	entryPost  []uint64
	masked     []uint64
}

// newKeyGrouper reserves room for n entries.
func newKeyGrouper(n int) *keyGrouper {
	return &keyGrouper{entryGroup: make([]int32, 0, n), entryPost: make([]uint64, 0, n), table: make([]uint64, 1<<10)}
}

// join adds an entry with the posting post to group g.
func (k *keyGrouper) join(g int, post uint64) {
	k.entryGroup, k.entryPost = append(k.entryGroup, int32(g)), append(k.entryPost, post)
}

// add adds an entry with the key hashes hashes and the posting post, and
// returns its group (-1 without hashes).
func (k *keyGrouper) add(hashes []uint64, post uint64) int {
	if len(hashes) == 0 {
		k.entryGroup, k.entryPost = append(k.entryGroup, -1), append(k.entryPost, 0)
		return -1
	}
	// Only the hash bits of keyHashMask are looked up: entries whose hashes
	// agree on them are reached by the same lookups.
	k.masked = k.masked[:0]
	for _, h := range hashes {
		k.masked = append(k.masked, h&keyHashMask)
	}
	fp := fingerprint(k.masked)
	mask := uint64(len(k.table) - 1)
	i := fp & mask
	for ; k.table[i] != 0; i = (i + 1) & mask {
		if k.table[i]&^(1<<32-1) != fp&^(1<<32-1) {
			continue
		}
		if g := int(k.table[i]&(1<<32-1)) - 1; k.sameKeys(g) {
			k.join(g, post)
			return g
		}
	}
	g := len(k.listEnd)
	for _, h := range k.masked {
		k.keys = append(k.keys, h|uint64(g))
	}
	k.listEnd = append(k.listEnd, uint32(len(k.keys)))
	k.prints = append(k.prints, fp)
	k.table[i] = fp&^(1<<32-1) | uint64(g+1)
	if 2*len(k.prints) > len(k.table) {
		k.grow()
	}
	k.join(g, post)
	return g
}

// sameKeys reports whether group g's keys are k.masked, in order.
func (k *keyGrouper) sameKeys(g int) bool {
	start := uint32(0)
	if g > 0 {
		start = k.listEnd[g-1]
	}
	list := k.keys[start:k.listEnd[g]]
	if len(list) != len(k.masked) {
		return false
	}
	for j, key := range list {
		if key&keyHashMask != k.masked[j] {
			return false
		}
	}
	return true
}

// grow doubles the table.
func (k *keyGrouper) grow() {
	k.table = make([]uint64, 2*len(k.table))
	mask := uint64(len(k.table) - 1)
	for g, fp := range k.prints {
		i := fp & mask
		for k.table[i] != 0 {
			i = (i + 1) & mask
		}
		k.table[i] = fp&^(1<<32-1) | uint64(g+1)
	}
}

// fingerprint hashes a list of key hashes.
func fingerprint(list []uint64) uint64 {
	fp := uint64(len(list))
	for _, h := range list {
		fp = (fp ^ h>>(64-27) ^ h) * fnvPrime
		fp ^= fp >> 31
	}
	return fp
}

// finish returns the groups with their postings; the keys are not sorted
// yet (NewFuzzy merges the parts of its workers first).
func (k *keyGrouper) finish() keyGroups {
	groups := len(k.listEnd)
	starts := make([]uint32, groups+1)
	for _, g := range k.entryGroup {
		if g >= 0 {
			starts[g+1]++
		}
	}
	for g := range groups {
		starts[g+1] += starts[g]
	}
	posts := make([]uint64, starts[groups])
	next := slices.Clone(starts[:groups])
	for j, g := range k.entryGroup {
		if g >= 0 {
			posts[next[g]] = k.entryPost[j]
			next[g]++
		}
	}
	return keyGroups{keys: k.keys, starts: starts, posts: posts}
}

// sortKeys sorts the keys by hash (their order within a hash does not
// matter: a lookup sorts what it finds) and drops repeated ones.
func (k *keyGroups) sortKeys() {
	radixSort(k.keys, 64-27, 3)
	k.keys = slices.Compact(k.keys)
}

// familyKeys remembers the key hashes of family names as written, and the
// key group of an entry that has those keys alone: a term's hashes depend
// on its last word only, and a large glossary's family names recur. It is
// an open-addressing table that starts afresh when it is three quarters
// full or its hashes fill maxFamilyHashes, so that a glossary of distinct
// names costs a bounded table and little more work than before. (A
// direct-mapped table, where a name evicted another of the same slot,
// computed the keys of the million generated names' 65,498 family names
// again and again.) The names are copied into one buffer of the table's own: a slot that
// pointed into the entries sent every lookup to a random place in a
// hundred megabytes of names.
type familyKeys struct {
	slots   []familySlot
	names   []byte // the slots' names, one after another
	used    int    // slots taken
	hashes  []uint64
	scratch []uint64
}

// familySlot is a family name's keys: its hashes and, once an entry with
// these keys alone has been grouped, that group (-1 before).
type familySlot struct {
	tag        uint32 // the high bits of the name's hash, to skip most comparisons
	nameOff    uint32 // the name, in familyKeys.names
	nameLen    uint32 // 0 in a free slot
	start, end uint32 // the hashes, in familyKeys.hashes
	group      int32
}

const (
	maxFamilySlots  = 1 << 17
	maxFamilyHashes = 1 << 21
	maxFamilyNames  = 1 << 24 // bytes
)

// newFamilyKeys sizes the table for n entries.
func newFamilyKeys(n int) *familyKeys {
	size := 16
	for size < 2*n && size < maxFamilySlots {
		size *= 2
	}
	return &familyKeys{slots: make([]familySlot, size)}
}

// holds reports whether slot s holds the family name name (tag: its hash's
// high bits).
func (m *familyKeys) holds(s *familySlot, tag uint32, name string) bool {
	return s.nameLen != 0 && s.tag == tag && int(s.nameLen) == len(name) &&
		string(m.names[s.nameOff:s.nameOff+s.nameLen]) == name
}

// termKeyHashes folds a term's form and adds the hashes of its family name's
// keys (appendFamilyHashes) to hashes, each once. It returns the family
// name's slot too, or -1 for a form without words.
func (m *familyKeys) termKeyHashes(buf []byte, hashes []uint64, form string) (foldedName, []uint64, int) {
	name := foldNameWords(buf, form)
	if len(name.words) == 0 {
		return name, hashes, -1
	}
	h := hashString(name.lastRaw)
	mask, tag := len(m.slots)-1, uint32(h>>32)
	slot := int(h) & mask
	for m.slots[slot].nameLen != 0 && !m.holds(&m.slots[slot], tag, name.lastRaw) {
		slot = (slot + 1) & mask
	}
	s := &m.slots[slot]
	if s.nameLen == 0 {
		if 4*(m.used+1) > 3*len(m.slots) || len(m.hashes) > maxFamilyHashes || len(m.names) > maxFamilyNames {
			clear(m.slots)
			m.hashes, m.names, m.used = m.hashes[:0], m.names[:0], 0
			slot = int(h) & mask
			s = &m.slots[slot]
		}
		m.used++
		start := len(m.hashes)
		m.scratch = appendFamilyHashes(m.scratch[:0], name)
		m.hashes = append(m.hashes, m.scratch...)
		off := len(m.names)
		m.names = append(m.names, name.lastRaw...)
		*s = familySlot{tag: tag, nameOff: uint32(off), nameLen: uint32(len(name.lastRaw)),
			start: uint32(start), end: uint32(len(m.hashes)), group: -1}
	}
	if len(hashes) == 0 { // a family name's hashes are distinct (appendFamilyHashes)
		return name, append(hashes, m.hashes[s.start:s.end]...), slot
	}
	for _, h := range m.hashes[s.start:s.end] {
		hashes = appendUniqueHash(hashes, h)
	}
	return name, hashes, slot
}

// addEntry adds to groups an entry with the key hashes hashes and the
// posting post; first is the slot of the family name of its first term
// with words (or -1), whose name is firstName. An entry whose hashes are
// that family name's alone joins the group the slot remembers.
func (m *familyKeys) addEntry(groups *keyGrouper, hashes []uint64, post uint64, first int, firstName string) {
	if first < 0 {
		groups.add(hashes, post)
		return
	}
	s := &m.slots[first]
	if !m.holds(s, uint32(hashString(firstName)>>32), firstName) || int(s.end-s.start) != len(hashes) {
		// Evicted meanwhile by another term's family name, or other terms
		// added keys of their own.
		groups.add(hashes, post)
		return
	}
	if s.group >= 0 {
		groups.join(int(s.group), post)
		return
	}
	s.group = int32(groups.add(hashes, post))
}
