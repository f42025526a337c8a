package glossary

import (
	"encoding/binary"
	"math"
	"strings"
)

// The indexed terms live in one string, the arena: per term a fixed header
// and then the form's bytes. The window table points into it, so verifying a
// candidate reads one slot and one nearby run of bytes instead of chasing
// Entry, Terms and the form's own allocation, and a million terms make two
// allocations, not a million.
//
// The record also holds what a hit reports about the term's entry, its key
// and its preferred form in the term's language, so that building a hit
// does not touch the entries either; each is stored only when it differs
// from the form.
//
// Header layout, little-endian: entry uint32, term uint32 (index in the
// entry's Terms), lang uint16, words uint8, status uint8, case-sensitive
// uint8, form length uint16, key length uint16, preferred length uint16,
// type id uint8, flags uint8; then form, key and preferred.
const termHeaderSize = 20

const (
	keyIsForm       = 1 << 0
	preferredIsForm = 1 << 1
)

// termRef is a decoded header.
type termRef struct {
	entry, term    uint32
	lang           uint16
	words, status  uint8
	caseSensitive  bool
	typeID         uint8
	form           string
	key, preferred string
}

type termArena struct {
	b strings.Builder
}

// add appends a term and returns its offset; ok is false when the form or
// the arena is too big for the header's fields.
func (a *termArena) add(r termRef) (offset uint32, ok bool) {
	var flags byte
	key, preferred := r.key, r.preferred
	if key == r.form {
		key, flags = "", flags|keyIsForm
	}
	if preferred == r.form {
		preferred, flags = "", flags|preferredIsForm
	}
	size := termHeaderSize + len(r.form) + len(key) + len(preferred)
	if len(r.form) > math.MaxUint16 || len(key) > math.MaxUint16 || len(preferred) > math.MaxUint16 ||
		a.b.Len()+size > math.MaxUint32 {
		return 0, false
	}
	offset = uint32(a.b.Len())
	var h [termHeaderSize]byte
	binary.LittleEndian.PutUint32(h[0:], r.entry)
	binary.LittleEndian.PutUint32(h[4:], r.term)
	binary.LittleEndian.PutUint16(h[8:], r.lang)
	h[10], h[11] = r.words, r.status
	if r.caseSensitive {
		h[12] = 1
	}
	binary.LittleEndian.PutUint16(h[13:], uint16(len(r.form)))
	binary.LittleEndian.PutUint16(h[15:], uint16(len(key)))
	binary.LittleEndian.PutUint16(h[17:], uint16(len(preferred)))
	h[19] = r.typeID<<2 | flags
	a.b.Write(h[:])
	a.b.WriteString(r.form)
	a.b.WriteString(key)
	a.b.WriteString(preferred)
	return offset, true
}

// termAt decodes the term at offset in the arena.
func termAt(arena string, offset uint32) termRef {
	h := arena[offset : offset+termHeaderSize]
	u16 := func(i int) uint32 { return uint32(h[i]) | uint32(h[i+1])<<8 }
	formAt := offset + termHeaderSize
	keyAt := formAt + u16(13)
	preferredAt := keyAt + u16(15)
	r := termRef{
		entry:         uint32(h[0]) | uint32(h[1])<<8 | uint32(h[2])<<16 | uint32(h[3])<<24,
		term:          uint32(h[4]) | uint32(h[5])<<8 | uint32(h[6])<<16 | uint32(h[7])<<24,
		lang:          uint16(u16(8)),
		words:         h[10],
		status:        h[11],
		caseSensitive: h[12] == 1,
		typeID:        h[19] >> 2,
		form:          arena[formAt:keyAt],
		key:           arena[keyAt:preferredAt],
		preferred:     arena[preferredAt : preferredAt+u16(17)],
	}
	if h[19]&keyIsForm != 0 {
		r.key = r.form
	}
	if h[19]&preferredIsForm != 0 {
		r.preferred = r.form
	}
	return r
}

// termStatusAt reads only the status, for ranking candidates.
func termStatusAt(arena string, offset uint32) uint8 {
	return arena[offset+11]
}
