package names

// MergeEntries joins glossaries given apart (`lector check --glossary A
// --glossary B`): an entry of more whose key an earlier entry has adds its
// terms to that entry, as rows with the same id in one file make one entry.
// Kept apart, the two halves would be two people to the engine, and a rule
// that reads an entry's forms across languages (the suggestion in the text's
// language, the particles of another language's form) would see half of
// them. The first entry keeps its type; the order of entries and terms is
// the order read. base is not modified.
func MergeEntries(base []Entry, more ...[]Entry) []Entry {
	n := len(base)
	for _, m := range more {
		n += len(m)
	}
	out := make([]Entry, len(base), n)
	copy(out, base)
	index := make(map[string]int, n)
	for i, e := range out {
		if _, ok := index[e.Key]; !ok {
			index[e.Key] = i
		}
	}
	for _, m := range more {
		for _, e := range m {
			if i, ok := index[e.Key]; ok {
				terms := make([]Term, 0, len(out[i].Terms)+len(e.Terms))
				out[i].Terms = append(append(terms, out[i].Terms...), e.Terms...)
				continue
			}
			index[e.Key] = len(out)
			out = append(out, e)
		}
	}
	return out
}
