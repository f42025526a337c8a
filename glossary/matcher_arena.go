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
// Header layout, little-endian: entry uint32, term uint32 (index in the
// entry's Terms), lang uint16, words uint8, status uint8, case-sensitive
// uint8, form length uint16, one byte of padding.
const termHeaderSize = 16

// termRef is a decoded header.
type termRef struct {
	entry, term   uint32
	lang          uint16
	words, status uint8
	caseSensitive bool
	form          string
}

type termArena struct {
	b strings.Builder
}

// add appends a term and returns its offset; ok is false when the form or
// the arena is too big for the header's fields.
func (a *termArena) add(r termRef) (offset uint32, ok bool) {
	if len(r.form) > math.MaxUint16 || a.b.Len()+termHeaderSize+len(r.form) > math.MaxUint32 {
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
	a.b.Write(h[:])
	a.b.WriteString(r.form)
	return offset, true
}

// termAt decodes the term at offset in the arena.
func termAt(arena string, offset uint32) termRef {
	h := arena[offset : offset+termHeaderSize]
	n := uint32(h[13]) | uint32(h[14])<<8
	start := offset + termHeaderSize
	return termRef{
		entry:         uint32(h[0]) | uint32(h[1])<<8 | uint32(h[2])<<16 | uint32(h[3])<<24,
		term:          uint32(h[4]) | uint32(h[5])<<8 | uint32(h[6])<<16 | uint32(h[7])<<24,
		lang:          uint16(h[8]) | uint16(h[9])<<8,
		words:         h[10],
		status:        h[11],
		caseSensitive: h[12] == 1,
		form:          arena[start : start+n],
	}
}

// termStatusAt reads only the status, for ranking candidates.
func termStatusAt(arena string, offset uint32) uint8 {
	return arena[offset+11]
}
