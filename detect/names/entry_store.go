package names

import (
	"math"
	"strings"
)

// entryTable holds a glossary's entries as a handful of pointer-free
// slices the collector neither scans nor follows: every key and form in one
// string, and fixed-size records of offsets into it. A million names held
// as []Entry cost 107 MB, most of it the headers of small strings and of
// Entry and Term values and the malloc rounding of each form; read them
// through entryRef (entry_table.go).
type entryTable struct {
	text     string // every key and form, one after another
	entries  []entryRec
	terms    []termRec // an entry's terms are terms[first:first+nTerms]
	types    []string  // entryRec.typ → the entry's type
	langs    []string  // termRec.lang → the term's language tag, as given
	statuses []Status  // termRec.status → the term's status, as given
}

type entryRec struct {
	key, keyLen uint32 // the key is text[key:key+keyLen]
	first       uint32
	nTerms      uint32
	typ         uint32
}

type termRec struct {
	form, formLen uint32 // the form is text[form:form+formLen]
	lang          uint32
	status        uint16
	flags         uint16
}

const (
	termCaseSensitive = 1 << iota
	termDerived
)

// term is terms[k] as a Term.
func (t *entryTable) term(k int) Term {
	r := &t.terms[k]
	return Term{
		Lang:          t.langs[r.lang],
		Form:          t.text[r.form : r.form+r.formLen],
		Status:        t.statuses[r.status],
		CaseSensitive: r.flags&termCaseSensitive != 0,
		Derived:       r.flags&termDerived != 0,
	}
}

// newEntryTable copies entries into a table. Offsets are 32-bit: entries
// past 4 GB of keys and forms are left out, as NewFuzzy leaves out those
// past entryMask.
func newEntryTable(entries []Entry) *entryTable {
	size, nTerms := 0, 0
	n := len(entries)
	for i := range entries {
		e := &entries[i]
		grown := size + len(e.Key)
		for k := range e.Terms {
			grown += len(e.Terms[k].Form)
		}
		if grown > math.MaxUint32 {
			n = i
			break
		}
		size, nTerms = grown, nTerms+len(e.Terms)
	}
	t := &entryTable{entries: make([]entryRec, 0, n), terms: make([]termRec, 0, nTerms)}
	var text strings.Builder
	text.Grow(size)
	types, langs, statuses := map[string]uint32{}, map[string]uint32{}, map[Status]uint16{}
	for i := range n {
		e := &entries[i]
		typ, ok := types[e.Type]
		if !ok {
			typ = uint32(len(t.types))
			types[e.Type] = typ
			t.types = append(t.types, e.Type)
		}
		t.entries = append(t.entries, entryRec{key: uint32(text.Len()), keyLen: uint32(len(e.Key)),
			first: uint32(len(t.terms)), nTerms: uint32(len(e.Terms)), typ: typ})
		text.WriteString(e.Key)
		for k := range e.Terms {
			term := &e.Terms[k]
			lang, ok := langs[term.Lang]
			if !ok {
				lang = uint32(len(t.langs))
				langs[term.Lang] = lang
				t.langs = append(t.langs, term.Lang)
			}
			t.terms = append(t.terms, termRec{form: uint32(text.Len()), formLen: uint32(len(term.Form)), lang: lang,
				status: t.statusID(statuses, term.Status), flags: termFlags(term)})
			text.WriteString(term.Form)
		}
	}
	t.text = text.String()
	return t
}

// statusID interns s. A glossary has the four statuses; a table of more
// than 65,535 distinct ones (none of them valid past the fourth) keeps the
// rest as "", which is no valid status either.
func (t *entryTable) statusID(ids map[Status]uint16, s Status) uint16 {
	if id, ok := ids[s]; ok {
		return id
	}
	if len(t.statuses) == math.MaxUint16 {
		s = ""
		if id, ok := ids[s]; ok {
			return id
		}
	}
	id := uint16(len(t.statuses))
	ids[s] = id
	t.statuses = append(t.statuses, s)
	return id
}

func termFlags(t *Term) uint16 {
	var f uint16
	if t.CaseSensitive {
		f |= termCaseSensitive
	}
	if t.Derived {
		f |= termDerived
	}
	return f
}
