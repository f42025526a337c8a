package names

import "iter"

// How rule writers read the glossary's entries.
//
// The Fuzzy index and the Matcher keep the glossary in an entryTable, and
// its layout is theirs to change (it is to become offsets into one string
// table): read an entry only through these accessors, never through Entry's
// or Term's fields of the table's storage.
//
//	e := f.entry(idx)       // idx: an int32 entry index (runResult.entries, a posting's el&entryMask)
//	e.Key(), e.Type()       // the entry's key and type ("person", "place", …)
//	e.Preferred(lang)       // as Entry.Preferred
//	for k, t := range e.Terms() { … t.Form, t.Lang, t.Status, t.CaseSensitive, t.Derived … }
//	e.NumTerms(), e.Term(k) // term k, as Terms yields it
//	e.AnyTerm(func(t Term) bool { … }) // slices.ContainsFunc over the terms
//	f.numEntries()          // entries are 0 … numEntries()-1
//	e, ok := f.entryWithKey(key) // by Hit.EntryKey; f.named(word, lang) for a word of a text
//
// ByKey, Named and NamedByAdjective return *Entry for the callers outside the
// package (detect); rules inside it use entryWithKey and named instead.
// The Matcher reads its entries as m.entry(ei). A Term read here is a copy
// of the term: keep no pointer into it and never write to it. entryRef is a
// small value; pass it, not *Entry, to helpers that read an entry. Entry
// and Term stay the input types (glossary → checker) and the types of
// WithDerivedFalseFriends, which runs before the table is built.

// entryTable holds the entries a Fuzzy or a Matcher was built from.
type entryTable struct {
	list []Entry
}

func newEntryTable(entries []Entry) entryTable { return entryTable{list: entries} }

// len is the number of entries.
func (t *entryTable) len() int { return len(t.list) }

// at is entry i.
func (t *entryTable) at(i int32) entryRef { return entryRef{&t.list[i]} }

// entryRef is one entry of an entryTable, read through its methods.
type entryRef struct {
	e *Entry
}

// Key names the entry in hits (Hit.EntryKey).
func (r entryRef) Key() string { return r.e.Key }

// Type is the entry's type: "person", "place", "organization", ….
func (r entryRef) Type() string { return r.e.Type }

// Preferred is Entry.Preferred.
func (r entryRef) Preferred(lang string) string { return r.e.Preferred(lang) }

// NumTerms is the number of terms.
func (r entryRef) NumTerms() int { return len(r.e.Terms) }

// Term is a copy of term k, 0 ≤ k < NumTerms().
func (r entryRef) Term(k int) Term { return r.e.Terms[k] }

// Terms yields each term's index and a copy of it, in glossary order.
func (r entryRef) Terms() iter.Seq2[int, Term] {
	return func(yield func(int, Term) bool) {
		for k := range r.e.Terms {
			if !yield(k, r.e.Terms[k]) {
				return
			}
		}
	}
}

// AnyTerm reports whether pred holds for a term (slices.ContainsFunc over
// the terms).
func (r entryRef) AnyTerm(pred func(Term) bool) bool {
	for _, t := range r.Terms() {
		if pred(t) {
			return true
		}
	}
	return false
}

// entry is entry idx of the index.
func (f *Fuzzy) entry(idx int32) entryRef { return f.entries.at(idx) }

// numEntries is the number of entries the index was built from.
func (f *Fuzzy) numEntries() int { return f.entries.len() }

// refOf is e read through the accessors, for the public functions that take
// an Entry (InflectLike).
func refOf(e *Entry) entryRef { return entryRef{e} }

// input is the entry as an Entry, for the public functions that return one
// (ByKey, Named).
func (r entryRef) input() *Entry { return r.e }

// inputs is input of each of refs.
func inputs(refs []entryRef) []*Entry {
	if refs == nil {
		return nil
	}
	out := make([]*Entry, len(refs))
	for i, r := range refs {
		out[i] = r.input()
	}
	return out
}
