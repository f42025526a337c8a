package glossary

import "unicode/utf8"

// maxTermWords is the longest term, in words, the matcher indexes; longer
// terms are skipped. It also bounds the look-ahead while scanning a text.
const maxTermWords = 32

// Matcher finds the terms of a glossary in texts. It is built once and is
// safe for concurrent use. It keeps a reference to the entries it was built
// from, which must not be changed afterwards (suggestions for wrong forms
// are read from them).
//
// Memory, on top of the entries: an arena of 20 bytes per term plus its
// form (and its entry's key and preferred form when they differ from it), a
// window table of 32 to 64 bytes per term, and a first-word table of 16 to
// 32 bytes per distinct first word; about 70 MB for a million names.
//
// How a text is matched: it is cut into words (runs of letters, numbers and
// marks of any script) and gaps; a term is found when a window of words
// hashes, in the text's language, to a term's words and gaps and then
// compares equal to them. Most words are skipped after a look at their first
// byte or a one-bit filter; see scan.
type Matcher struct {
	entries  []Entry
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
func NewMatcher(entries []Entry) *Matcher {
	n, size := 0, 0
	for i := range entries {
		n += len(entries[i].Terms)
		for _, t := range entries[i].Terms {
			size += termHeaderSize + len(t.Form)
		}
	}
	m := &Matcher{
		entries: entries,
		first:   newFirstWordTable(n),
		windows: newWindowTable(n),
		langIDs: map[string]uint16{},
		runes:   runeTable(),
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		m.startBytes[c] = 0x80
	}
	rawLangs := map[string]uint16{} // canonicalizing a tag is slow; glossaries use few
	var arena termArena
	arena.b.Grow(size) // keys and preferred forms, when not the form itself, grow it further
	for ei := range entries {
		for ti := range entries[ei].Terms {
			m.index(&arena, uint32(ei), uint32(ti), rawLangs)
		}
	}
	m.arena = arena.b.String()
	m.hasTerms = m.arena != ""
	return m
}

// index adds one term to the tables.
func (m *Matcher) index(arena *termArena, ei, ti uint32, rawLangs map[string]uint16) {
	t := &m.entries[ei].Terms[ti]
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
	e := &m.entries[ei]
	offset, ok := arena.add(termRef{
		entry: ei, term: ti, lang: lang, words: uint8(words),
		status: status, caseSensitive: t.CaseSensitive, form: t.Form,
		key: e.Key, preferred: e.Preferred(t.Lang), typeID: m.typeID(e.Type),
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

// Find returns every occurrence in text of every term of the text's
// language, right forms included (Check is empty for them): non-overlapping,
// leftmost and then longest first, ordered by Start.
//
//   - Languages: a text in "en-GB" is matched with the "en-GB", "en" and
//     "und" terms; an unknown tag only with its own and "und" terms.
//   - Words: a match covers whole words (letters, numbers and marks of any
//     script; each Han, kana or Thai letter is a word). For a possessive
//     ("Ilon Musk's", "the Musks' ") it covers the name without the
//     apostrophe and s, and the suggestion is the bare name.
//   - Gaps: a space or a hyphen in a term matches spaces with at most one
//     line break and at most one hyphen-like sign (- ‐ ‑ ‒ –); an apostrophe
//     matches any apostrophe (' ’ ‘ ʼ); other punctuation matches itself.
//   - Case: case-sensitive terms match exactly, or in all capitals
//     ("ILON MUSK", confidence 0.9, suggestion in capitals); others match
//     in any case under simple Unicode case folding.
//   - Ties between terms of the same length: the more exact case, then a
//     right form before a wrong one, then glossary order.
//
// Wrong forms carry a Suggestion and a Confidence (0.99 for a deprecated
// form); false friends carry the confidence their context gives them, and
// Check drops the unlikely ones.
func (m *Matcher) Find(text, lang string) []Hit {
	if !m.hasTerms {
		return nil
	}
	seeds := m.langChain(lang)
	if len(seeds) == 0 {
		return nil
	}
	matches := m.scan(text, seeds)
	if len(matches) == 0 {
		return nil
	}
	hits := make([]Hit, len(matches))
	for i, f := range matches {
		hits[i] = m.hit(text, f.start, f.match)
	}
	m.scoreFalseFriends(text, hits)
	return hits
}

// Check returns the hits to flag: deprecated forms (CheckVariant) and false
// friends (CheckFalseFriend) whose context makes them likely enough.
func (m *Matcher) Check(text, lang string) []Hit {
	hits := m.Find(text, lang)
	flagged := hits[:0]
	for _, h := range hits {
		if h.Check == "" || (h.Check == CheckFalseFriend && h.Confidence < FalseFriendThreshold) {
			continue
		}
		flagged = append(flagged, h)
	}
	return flagged
}
