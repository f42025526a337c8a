package names

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// maxTermWords is the longest term, in words, the matcher indexes; longer
// terms are skipped. It also bounds the look-ahead while scanning a text.
const maxTermWords = 32

// Matcher finds the terms of a glossary in texts. It is built once and is
// safe for concurrent use. It keeps a reference to the entries it was built
// from, which must not be changed afterwards (suggestions for wrong forms
// are read from them).
//
// Memory, on top of the entries: an arena of 18 bytes per term plus its
// form (and its entry's preferred form when it differs from it), a
// window table of 32 to 64 bytes per term, and a first-word table of 16 to
// 32 bytes per distinct first word; about 70 MB for a million names.
//
// How a text is matched: it is cut into words (runs of letters, numbers and
// marks of any script) and gaps; a term is found when a window of words
// hashes, in the text's language, to a term's words and gaps and then
// compares equal to them. Most words are skipped after a look at their first
// byte or a one-bit filter; see scan.
type Matcher struct {
	entries entryTable
	// derived holds, by entry index, the entries that gained derived false
	// friends (NewMatcherWithDerived), in place of entries' own.
	derived  map[uint32]*Entry
	arena    string // the indexed terms, see termArena
	first    firstWordTable
	windows  windowTable
	langIDs  map[string]uint16 // canonical BCP 47 tag → language id
	types    []string          // entry types by id; a glossary has a handful
	runes    *runeTables
	hasTerms bool
	// startBytes[c] is 0 when no term can match a word starting with the
	// ASCII byte c, 0x80 (a SWAR lane flag) for every other byte.
	startBytes [256]byte
}

const (
	codePreferred uint8 = iota
	codeAdmitted
	codeDeprecated
	codeFalseFriend
)

func statusCode(s Status) (uint8, bool) {
	switch s {
	case Preferred:
		return codePreferred, true
	case Admitted:
		return codeAdmitted, true
	case Deprecated:
		return codeDeprecated, true
	case FalseFriend:
		return codeFalseFriend, true
	}
	return 0, false
}

// NewMatcher indexes every term of entries. Terms with an unknown status or
// no word in them are skipped; so are terms of more than 32 words.
func NewMatcher(entries []Entry) *Matcher { return newMatcher(entries, nil) }

// NewMatcherWithDerived is NewMatcher(WithDerivedFalseFriends(entries))
// without the copy of every entry that takes: the few entries with derived
// false friends are kept apart.
func NewMatcherWithDerived(entries []Entry) *Matcher {
	var derived map[uint32]*Entry
	if lists := derivedTermLists(entries); len(lists) > 0 {
		derived = make(map[uint32]*Entry, len(lists))
		for i, terms := range lists {
			derived[uint32(i)] = &Entry{Key: entries[i].Key, Type: entries[i].Type, Terms: terms}
		}
	}
	return newMatcher(entries, derived)
}

// entry is entry ei as indexed: with its derived false friends, if any.
func (m *Matcher) entry(ei uint32) entryRef {
	if e, ok := m.derived[ei]; ok {
		return refOf(e)
	}
	return m.entries.at(int32(ei))
}

func newMatcher(entries []Entry, derived map[uint32]*Entry) *Matcher {
	m := &Matcher{
		entries: newEntryTable(entries),
		derived: derived,
		langIDs: map[string]uint16{},
		runes:   runeTable(),
	}
	n, size := 0, 0
	for i := range entries {
		e := m.entry(uint32(i))
		n += e.NumTerms()
		for _, t := range e.Terms() {
			size += termHeaderSize + len(t.Form)
			// What termArena.add stores beside the form: sized exactly, a
			// million names' arena is not grown and copied to twice its size.
			if p := e.Preferred(t.Lang); p != t.Form {
				size += len(p)
			}
		}
	}
	m.first, m.windows = newFirstWordTable(n), newWindowTable(n)
	for c := utf8.RuneSelf; c < 256; c++ {
		m.startBytes[c] = 0x80
	}
	rawLangs := map[string]uint16{} // canonicalizing a tag is slow; glossaries use few
	var arena termArena
	arena.b.Grow(size)
	for ei := range entries {
		for ti := range m.entry(uint32(ei)).NumTerms() {
			m.index(&arena, uint32(ei), uint32(ti), rawLangs)
		}
	}
	m.arena = arena.b.String()
	m.hasTerms = m.arena != ""
	return m
}

// index adds one term to the tables.
func (m *Matcher) index(arena *termArena, ei, ti uint32, rawLangs map[string]uint16) {
	e := m.entry(ei)
	t := e.Term(int(ti))
	status, ok := statusCode(t.Status)
	if !ok {
		return
	}
	lang, ok := rawLangs[t.Lang]
	if !ok {
		lang = m.langID(canonicalLang(t.Lang))
		rawLangs[t.Lang] = lang
	}
	seed := langSeed(lang)
	sc := newScanner(t.Form, m.runes)
	var tok token
	var first, window uint64
	var prefixes [maxTermWords]uint64
	words := 0
	for sc.next(&tok) {
		if words == maxTermWords {
			return
		}
		if words == 0 {
			first = firstKey(seed, tok.hash)
			window = windowStart(seed, tok.hash)
		} else {
			if tok.gap == gapBreak {
				return // a term with a paragraph break in it can never match
			}
			window = windowExtend(window, tok.gap, tok.hash)
		}
		prefixes[words] = window
		words++
	}
	if words == 0 {
		return
	}
	offset, ok := arena.add(termRef{
		entry: ei, term: ti, lang: lang, words: uint8(words),
		status: status, caseSensitive: t.CaseSensitive, form: t.Form,
		preferred: e.Preferred(t.Lang), typeID: m.typeID(e.Type()),
	})
	if !ok {
		return
	}
	m.first.add(first, words)
	m.windows.add(window, offset)
	for k := 1; k < words-1; k++ { // the proper prefixes of two words or more
		m.windows.prefixes.add(nonZero(prefixes[k]))
	}
	m.allowStart(t.Form, t.CaseSensitive)
}

// allowStart marks the bytes a word matching form may start with: the
// form's first byte, its capital (a name in capitals, "ILON MUSK"), and for
// a case-insensitive form every byte of the same letter.
func (m *Matcher) allowStart(form string, caseSensitive bool) {
	i := 0
	for i < len(form) && form[i] < utf8.RuneSelf && m.runes.asciiWord[form[i]] == 0 {
		i++ // the scanner skips what is not a word
	}
	if i == len(form) {
		return
	}
	c := form[i]
	if c >= utf8.RuneSelf {
		// Every non-ASCII byte is allowed anyway; but the long s and the
		// Kelvin sign fold to ASCII letters, so "ſam" matches "Sam".
		r, _ := utf8.DecodeRuneInString(form[i:])
		if f := m.runes.info(r) & runeFoldMask; 'a' <= f && f <= 'z' {
			m.startBytes[f-'a'+'A'] = 0x80 // in capitals: "SAM"
			if !caseSensitive {
				m.startBytes[f] = 0x80
			}
		}
		return
	}
	m.startBytes[c] = 0x80
	if 'a' <= c && c <= 'z' {
		m.startBytes[c-'a'+'A'] = 0x80
	}
	if !caseSensitive && 'A' <= c && c <= 'Z' {
		m.startBytes[c-'A'+'a'] = 0x80
	}
}

// typeID returns the id of an entry type; past 63 types, the last id is
// reused (the id has 6 bits), which only matters for absurd glossaries.
func (m *Matcher) typeID(typ string) uint8 {
	for i, t := range m.types {
		if t == typ {
			return uint8(i)
		}
	}
	if len(m.types) == 63 {
		return 62
	}
	m.types = append(m.types, typ)
	return uint8(len(m.types) - 1)
}

func (m *Matcher) langID(canonical string) uint16 {
	if id, ok := m.langIDs[canonical]; ok {
		return id
	}
	id := uint16(len(m.langIDs))
	m.langIDs[canonical] = id
	return id
}

// canonicalLang returns the canonical form of a BCP 47 tag, or the trimmed
// lower-case input when it is not one.
func canonicalLang(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return strings.ToLower(strings.TrimSpace(tag))
	}
	return t.String()
}
