package glossary

import "lector/detect/names"

// Names turns entries into the detection engine's input. Strings are
// shared, not copied, and every entry's terms go into one backing array, so
// that a million entries cost two allocations and the stored entries (IDs,
// notes, sources, times) can be dropped once the engine is built.
func Names(entries []Entry) []names.Entry {
	n := 0
	for i := range entries {
		n += len(entries[i].Terms)
	}
	terms := make([]names.Term, 0, n)
	out := make([]names.Entry, len(entries))
	for i := range entries {
		e := &entries[i]
		start := len(terms)
		for _, t := range e.Terms {
			terms = append(terms, names.Term{Lang: t.Lang, Form: t.Form, Status: t.Status, CaseSensitive: t.CaseSensitive})
		}
		out[i] = names.Entry{Key: e.Key, Type: e.Type, Terms: terms[start:len(terms):len(terms)]}
	}
	return out
}
