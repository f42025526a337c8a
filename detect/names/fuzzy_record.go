package names

import (
	"encoding/binary"
	"slices"
	"unicode/utf8"
)

// An entry's record holds, ready to compare, every variant of its family-name
// slot and of its given-name slot: per term, the folded word, and for a
// Cyrillic term its romanization by every scheme of its language, of the
// word and of each case form (CaseForms), without duplicates. A large
// glossary puts hundreds of candidates in front of a name-like run, so a
// candidate must be judged from one read of contiguous bytes: no
// romanizing, no inflecting, no visit to the entry's terms. Which variants
// count, and as what, depends on the text's language and is decided at
// lookup time from the term headers, exactly as slotView decides it (the
// tests compare the two); the rare shapes a record cannot express are
// marked for slotView.
//
// Layout (integers are bytes unless noted):
//
//	entry index (uint32, little endian), flags, term count,
//	offset of the family section (uint16, little endian)
//	per term: language length, language, info (status, Cyrillic, words)
//	given-name section: the given-name variants of each term of two words or more
//	family section: the family-name variants of each term of one word or more
//	variants: count, then per variant: bytes shared with the previous one,
//	          tag (high two bits) and length of the rest (low six), the rest
//
// The given-name section comes first: a two-word run is compared with the
// given name first, where nearly every candidate fails, and then the rest of
// the record is never read.
//
// A variant's tag says how it is produced: by BGN/PCGN from the nominative
// (tagNominal), from a right case form (tagCase) or from a relative's form
// (tagRelative), or by another scheme (tagOther). In Cyrillic text only
// BGN/PCGN counts, and of a term that is not right there only the
// nominative.

const (
	recordLive byte = 1 // flags: compare through slotView
)

const (
	tagNominal  byte = 1
	tagCase     byte = 2
	tagRelative byte = 4
	tagOther    byte = 8
)

// A stored variant carries one tag, in two bits: a variant produced several
// ways keeps the way that counts in the most views (the nominative, then a
// case form), and a relative's form is stored apart from the same string as
// a right one.
var storedTags = [4]byte{tagOther, tagNominal, tagCase, tagRelative}

func storedTag(tag byte) byte {
	switch {
	case tag&tagRelative != 0:
		return 3
	case tag&tagNominal != 0:
		return 1
	case tag&tagCase != 0:
		return 2
	}
	return 0
}

// maxStoredVariant is the longest rest of a variant the format holds.
const maxStoredVariant = 63

// term info byte: status in bits 0-1, Cyrillic in bit 2, words in bits 4-7.
const (
	infoPreferred  = 0
	infoAdmitted   = 1
	infoDeprecated = 2
	infoOther      = 3
	infoCyrillic   = 4
	maxRecordWords = 15
)

func statusInfo(s Status) byte {
	switch s {
	case Preferred:
		return infoPreferred
	case Admitted:
		return infoAdmitted
	case Deprecated:
		return infoDeprecated
	}
	return infoOther
}

// recordBuilder holds the scratch buffers of appendRecord.
type recordBuilder struct {
	raw    []string // raw words of the terms, term after term
	ends   []int    // term i's words are raw[ends[i-1]:ends[i]]
	forms  []string
	vars   []byte // variant bytes
	vends  []int  // variant i is vars[vends[i-1]:vends[i]]
	tags   []byte
	family []byte // the family section being built
	agree  *schemeAgreement
	agreed []uint32   // agree.agreeing of each of forms
	view   recordView // for the initials of the record built
}

// recordHeader is the size of the fixed part of a record.
const recordHeader = 8

// appendRecord appends the record of entry e (index idx) to dst.
func (b *recordBuilder) appendRecord(dst []byte, e entryRef, idx int) []byte {
	start := len(dst)
	dst = binary.LittleEndian.AppendUint32(dst, uint32(idx))
	dst = append(dst, 0, 0, 0, 0)
	flags, count := byte(0), 0
	b.raw, b.ends = b.raw[:0], b.ends[:0]
	var terms [255]uint32  // the indexes of the terms the record holds
	var cyrillic [255]bool // of each of terms
	for k, t := range e.Terms() {
		if t.Status == FalseFriend {
			continue
		}
		n := len(b.raw)
		b.raw = appendRawNameWords(b.raw, t.Form)
		m := len(b.raw) - n
		if count == len(terms) || len(t.Lang) > 255 || m > maxRecordWords {
			flags |= recordLive
			b.raw = b.raw[:n]
			break
		}
		terms[count], cyrillic[count] = uint32(k), cyrillicForm(t.Form)
		b.ends = append(b.ends, len(b.raw))
		info := statusInfo(t.Status) | byte(m)<<4
		if cyrillic[count] {
			info |= infoCyrillic
		}
		count++
		dst = append(append(append(dst, byte(len(t.Lang))), t.Lang...), info)
	}
	b.family = b.family[:0]
	g := b.gender(e, terms[:count], cyrillic[:count])
	for k, ti := range terms[:count] {
		t := e.Term(int(ti))
		words := b.raw[b.endOf(b.ends, k-1):b.ends[k]]
		m, cyr := len(words), cyrillic[k]
		var ok bool
		if m >= 2 {
			if dst, ok = b.appendVariants(dst, words[0], t.Lang, cyr, roleGiven, g); !ok {
				flags |= recordLive
			}
		}
		if m >= 1 {
			if b.family, ok = b.appendVariants(b.family, words[m-1], t.Lang, cyr, roleFamily, g); !ok {
				flags |= recordLive
			}
		}
	}
	famOff := len(dst) - start
	if famOff > 1<<16-1 {
		flags, famOff = flags|recordLive, 0
	}
	dst = append(dst, b.family...)
	dst[start+4], dst[start+5] = flags, byte(count)
	binary.LittleEndian.PutUint16(dst[start+6:], uint16(famOff))
	return dst
}

// gender is entryGender from the words already split; cyrillic says which
// terms are Cyrillic.
func (b *recordBuilder) gender(e entryRef, terms []uint32, cyrillic []bool) gender {
	if e.Type() != "person" {
		return genderNone
	}
	for k, ti := range terms {
		t := e.Term(int(ti))
		words := b.raw[b.endOf(b.ends, k-1):b.ends[k]]
		if isRight(t.Status) && cyrillic[k] && len(words) > 0 {
			if g := surnameGender(words[len(words)-1]); g != genderUnknown {
				return g
			}
		}
	}
	return genderUnknown
}

// appendVariants appends the variant list of one term word; ok is false
// when a variant or the list is too long for the format.
func (b *recordBuilder) appendVariants(dst []byte, raw, lang string, cyr bool, role nameRole, g gender) ([]byte, bool) {
	b.vars, b.vends, b.tags = b.vars[:0], b.vends[:0], b.tags[:0]
	if !cyr {
		b.add(raw, SchemeBGN, tagNominal)
	} else {
		right, relatives := nameCaseForms(raw, lang, role, g)
		b.forms = append(append(b.forms[:0], raw), right...)
		b.agreed = b.agreed[:0]
		for _, form := range b.forms {
			b.agreed = append(b.agreed, b.agree.agreeing(form))
		}
		schemes := termSchemes(lang)
		for _, s := range schemes.all() {
			for i, form := range b.forms {
				tag := tagOther
				switch {
				case s == SchemeBGN && i == 0:
					tag = tagNominal
				case s == SchemeBGN:
					tag = tagCase
				case b.agreed[i]&(1<<s) != 0:
					continue // the BGN/PCGN variant, added already
				}
				b.add(form, s, tag)
			}
		}
		for _, form := range relatives {
			b.add(form, SchemeBGN, tagRelative)
		}
	}
	if len(b.vends) > 255 {
		return append(dst, 0), false
	}
	dst = append(dst, byte(len(b.vends)))
	prev, ok := []byte(nil), true
	for i, end := range b.vends {
		v := b.vars[b.endOf(b.vends, i-1):end]
		p := 0
		for p < len(prev) && p < len(v) && prev[p] == v[p] && p < 255 {
			p++
		}
		if len(v)-p > maxStoredVariant {
			v, ok = v[:p+maxStoredVariant], false
		}
		dst = append(dst, byte(p), storedTag(b.tags[i])<<6|byte(len(v)-p))
		dst = append(dst, v[p:]...)
		prev = v
	}
	return dst, ok
}

// cyrillicForm is IsCyrillic(form), with an ASCII form (most forms of a
// large glossary) answered from its bytes.
func cyrillicForm(form string) bool {
	for i := 0; i < len(form); i++ {
		if form[i] >= utf8.RuneSelf {
			return IsCyrillic(form[i:])
		}
	}
	return false
}

// endOf is ends[i], or 0 for i < 0.
func (b *recordBuilder) endOf(ends []int, i int) int {
	if i < 0 {
		return 0
	}
	return ends[i]
}

// add adds the romanization of form by s with tag, or merges the tag into
// the same variant added before.
func (b *recordBuilder) add(form string, s Scheme, tag byte) {
	off := len(b.vars)
	b.vars = appendFoldedTranslit(b.vars, form, s)
	v := b.vars[off:]
	if len(v) == 0 {
		b.vars = b.vars[:off]
		return
	}
	for i, end := range b.vends {
		if string(b.vars[b.endOf(b.vends, i-1):end]) == string(v) && (b.tags[i] == tagRelative) == (tag == tagRelative) {
			b.tags[i] |= tag
			b.vars = b.vars[:off]
			return
		}
	}
	b.vends = append(b.vends, len(b.vars))
	b.tags = append(b.tags, tag)
}

// recordTerm is one term of a parsed record.
type recordTerm struct {
	lang []byte
	info byte
}

func (t recordTerm) status() byte   { return t.info & 3 }
func (t recordTerm) cyrillic() bool { return t.info&infoCyrillic != 0 }
func (t recordTerm) words() int     { return int(t.info >> 4) }

// recordView is a parsed record seen from one language.
type recordView struct {
	rec    []byte
	idx    int32
	live   bool
	terms  []recordTerm
	given  int // offset of the given-name section
	family int // offset of the family section
	base   int // index of the term of the preferred form in the language, or -1
	lang   string
	cyr    bool
	buf    [255 + maxStoredVariant]byte // a variant being decoded
}

// parse reads the header of the record at the start of rec.
func (v *recordView) parse(rec []byte, lang string) {
	v.rec, v.lang, v.cyr = rec, lang, isCyrillicLang(lang)
	v.idx = int32(binary.LittleEndian.Uint32(rec))
	v.live = rec[4]&recordLive != 0
	count := int(rec[5])
	v.family = int(binary.LittleEndian.Uint16(rec[6:]))
	v.terms = v.terms[:0]
	p := recordHeader
	for range count {
		n := int(rec[p])
		v.terms = append(v.terms, recordTerm{lang: rec[p+1 : p+1+n], info: rec[p+1+n]})
		p += 2 + n
	}
	v.given = p
	v.base = v.preferred()
}

// length is the size of the parsed record, for a caller walking records.
func (v *recordView) length() int {
	p := v.family
	for _, t := range v.terms {
		if t.words() >= 1 {
			p = skipVariants(v.rec, p)
		}
	}
	return p
}

func skipVariants(rec []byte, p int) int {
	count := int(rec[p])
	p++
	for range count {
		p += 2 + int(rec[p+1]&maxStoredVariant)
	}
	return p
}

// preferred finds the term Entry.Preferred would return for the language:
// the first preferred term in it, else in English, else any.
func (v *recordView) preferred() int {
	en, any := -1, -1
	for i, t := range v.terms {
		if t.status() != infoPreferred {
			continue
		}
		switch {
		case string(t.lang) == v.lang:
			return i
		case string(t.lang) == "en" && en < 0:
			en = i
		case any < 0:
			any = i
		}
	}
	if en >= 0 {
		return en
	}
	return any
}

// standIn reports an entry with no right form in the language of a
// Cyrillic text (see standsIn in fuzzy_view.go).
func (v *recordView) standIn() bool {
	return v.cyr && !slices.ContainsFunc(v.terms, func(t recordTerm) bool {
		return string(t.lang) == v.lang && (t.status() == infoPreferred || t.status() == infoAdmitted)
	})
}

// slots is the number of words of the preferred form, the entry's slots.
func (v *recordView) slots() int {
	if v.base < 0 {
		return 0
	}
	return v.terms[v.base].words()
}

// needsLive reports the shapes evalFamily and evalGiven cannot compare: a
// record marked live, an entry seen through stand-ins (whose case forms
// follow the text's grammar, not their own), and a one-word preferred form
// beside longer terms, whose first words then share the one slot.
func (v *recordView) needsLive() bool {
	if v.live || v.standIn() && slices.ContainsFunc(v.terms, func(t recordTerm) bool {
		return t.cyrillic() && (t.status() == infoPreferred || t.status() == infoAdmitted)
	}) {
		return true
	}
	if v.slots() != 1 {
		return false
	}
	return slices.ContainsFunc(v.terms, func(t recordTerm) bool { return t.words() >= 2 })
}

// evalFamily and evalGiven compare w with the variants of the family-name
// slot (the last) and the given-name slot (the first, when the preferred
// form has two words or more), as slotView.evalSlot does.
// Unless phon is set, the phonetic test is skipped where a single word's
// verdict does not depend on it (see slotView.phonetic). With exact, only
// whether w is a variant, and which, is found out: dist is 1 otherwise.
func (v *recordView) evalFamily(w string, s *slotView, phon, exact bool) wordEvidence {
	return v.eval(w, s, v.family, 1, phon, exact)
}

func (v *recordView) evalGiven(w string, s *slotView) wordEvidence {
	return v.eval(w, s, v.given, 2, true, false)
}

// eval compares w with the section at p, which holds a list for every term
// of minWords words or more.
func (v *recordView) eval(w string, s *slotView, section, minWords int, phon, exact bool) wordEvidence {
	bound := maxWordDist
	if exact {
		bound = 0
	}
	ev := wordEvidence{dist: bound + 1, length: len(w)}
	s.bits.reset(w, bound)
	s.arena, s.near = s.arena[:0], s.near[:0]
	// The word of the preferred form comes first, right whatever its term
	// is: its BGN/PCGN nominative.
	if v.base >= 0 && v.terms[v.base].words() >= minWords {
		p := section
		for _, t := range v.terms[:v.base] {
			if t.words() >= minWords {
				p = skipVariants(v.rec, p)
			}
		}
		v.evalList(&ev, s, p, tagNominal, 0, true, kindRight)
	}
	p := section
	for _, t := range v.terms {
		if t.words() < minWords {
			continue
		}
		kind, ok := recordKind(t, v.lang, v.cyr)
		if !ok {
			p = skipVariants(v.rec, p)
			continue
		}
		// Which variants of the term count, as slotView.sources decides.
		var need, rel byte
		switch {
		case !t.cyrillic(): // a Latin word has one variant, its folded self
			need = tagNominal
		case kind == kindTranslit:
			need, rel = tagNominal|tagCase|tagOther, tagRelative
		case kind == kindRight && v.cyr:
			need, rel = tagNominal|tagCase, tagRelative
		default:
			need = tagNominal
		}
		p = v.evalList(&ev, s, p, need, rel, false, kind)
	}
	s.phonetic(&ev, w, phon)
	return ev
}

// evalList compares the word of s.bits with the variants of the list at p
// whose tag has a bit of need, as forms of kind, and with those whose tag
// has a bit of rel, as relatives' forms; with first, only the first of need.
// It returns the offset after the list (with first, after the variant
// compared): comparing a list walks it as skipping it would.
func (v *recordView) evalList(ev *wordEvidence, s *slotView, p int, need, rel byte, first bool, kind variantKind) int {
	rec := v.rec
	count := int(rec[p])
	p++
	for range count {
		shared, rest, tag := int(rec[p]), int(rec[p+1]&maxStoredVariant), storedTags[rec[p+1]>>6]
		n := shared + copy(v.buf[shared:], rec[p+2:p+2+rest])
		p += 2 + rest
		if tag&rel != 0 {
			s.consider(ev, v.buf[:n], kindRelative)
		}
		if tag&need == 0 {
			continue
		}
		s.consider(ev, v.buf[:n], kind)
		if first {
			return p
		}
	}
	return p
}

// recordKind is termKind for a term of a record.
func recordKind(t recordTerm, lang string, cyrText bool) (variantKind, bool) {
	switch {
	case string(t.lang) == lang && (t.status() == infoPreferred || t.status() == infoAdmitted):
		return kindRight, true
	case string(t.lang) == lang:
		return kindDeprecated, true
	}
	switch {
	case t.cyrillic() == cyrText:
		return kindForeign, true
	case t.cyrillic():
		return kindTranslit, true
	}
	return 0, false
}

// recordInitials is the set of the entry's initials: a bit (initialBit) for
// the first two letters of every variant a run's word may match exactly as
// the family name. A word with none of them is no exact variant of the
// entry, and the index says so without reading the record. A record
// compared through slotView gets every bit (it may hold forms the record
// lacks); the case forms of stand-ins share their word's initials.
func recordInitials(rec []byte) byte {
	var v recordView
	return v.initials(rec)
}

// initials is recordInitials with v as the scratch space, so that a build
// that reads a million records parses them all in one view.
func (v *recordView) initials(rec []byte) byte {
	v.parse(rec, "")
	if v.live {
		return 0xff
	}
	one, more := false, false
	for _, t := range v.terms {
		one = one || t.words() == 1
		more = more || t.words() >= 2
	}
	set := v.sectionInitials(v.family, 1)
	if one && more {
		// A one-word preferred form beside longer terms shares its slot
		// with their first words.
		set |= v.sectionInitials(v.given, 2)
	}
	return set
}

// sectionInitials is the initials of every variant of a section.
func (v *recordView) sectionInitials(p, minWords int) byte {
	var set byte
	for x := range v.sectionVariants(p, minWords) {
		set |= initialBit(string(x))
	}
	return set
}

// sectionVariants yields every variant of the section at p (a list for
// every term of minWords words or more), decoded into v.buf: each is valid
// until the next.
func (v *recordView) sectionVariants(p, minWords int) func(yield func([]byte) bool) {
	return func(yield func([]byte) bool) {
		for _, t := range v.terms {
			if t.words() < minWords {
				continue
			}
			count := int(v.rec[p])
			p++
			for range count {
				shared, rest := int(v.rec[p]), int(v.rec[p+1]&maxStoredVariant)
				n := shared + copy(v.buf[shared:], v.rec[p+2:p+2+rest])
				p += 2 + rest
				if !yield(v.buf[:n]) {
					return
				}
			}
		}
	}
}

// initialBit is the bit of a word's first two letters in recordInitials.
func initialBit(w string) byte {
	var h uint32
	if len(w) > 0 {
		h = uint32(w[0]) << 8
	}
	if len(w) > 1 {
		h |= uint32(w[1])
	}
	return 1 << ((h * 0x9E3779B1) >> 29)
}
