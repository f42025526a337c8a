package names

import (
	"math/bits"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// The hot path of exact matching, in the order a call runs it: Find and
// Check; the languages that apply (langChain); scan, which skips most of a
// text eight bytes at a time and hands the words that may start a term to
// matchAt; the window lookups (longestAt, tryWindow) and the comparison
// that confirms a match (verify); the Hit made of it. Below them, what
// they stand on: the word scanner and its gap classes, the word hashes,
// the SWAR helpers and the rune tables. The index they read (the first-word
// filter, the window table and the term arena) is in matcher_index.go; how
// the index is built is in matcher.go.

// Find returns every occurrence in text of every term of the text's
// language, right forms included (Check is empty for them): non-overlapping,
// leftmost and then longest first, ordered by Start.
//
//   - Languages: a text in "en-GB" is matched with the "en-GB", "en" and
//     "und" terms; an unknown tag only with its own and "und" terms.
//   - Words: a match covers whole words (letters, numbers and marks of any
//     script; each Han, kana or Thai letter is a word). For a possessive
//     ("Angela Merkel's", "the Obamas' ") it covers the name without the
//     apostrophe and s, and the suggestion is the bare name.
//   - Gaps: a space or a hyphen in a term matches spaces with at most one
//     line break and at most one hyphen-like sign (- ‐ ‑ ‒ –), except that
//     a right form's hyphen must be in the text (the fuzzy index flags
//     "Frank Walter Steinmeier" for Frank-Walter Steinmeier); an apostrophe
//     matches any apostrophe (' ’ ‘ ʼ); other punctuation matches itself.
//   - Case: case-sensitive terms match exactly, or in all capitals
//     ("ILON MUSK", confidence 0.9, suggestion in capitals); others match
//     in any case under simple Unicode case folding.
//   - Ties between terms of the same length: the more exact case, then a
//     right form before a wrong one, then the smaller entry key.
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
	m.scoreFalseFriendsLang(text, lang, hits)
	return hits
}

// Check returns the hits to flag: deprecated forms (CheckVariant) and false
// friends (CheckFalseFriend) whose context makes them likely enough.
func (m *Matcher) Check(text, lang string) []Hit {
	hits := m.Find(text, lang)
	return appendFlagged(hits[:0], hits)
}

// Flagged returns, in a new slice, the hits of Find that Check returns: a
// caller that needs both scans the text once.
func Flagged(hits []Hit) []Hit { return appendFlagged(nil, hits) }

func appendFlagged(dst, hits []Hit) []Hit {
	for _, h := range hits {
		if h.Check == "" || (h.Check == CheckFalseFriend && h.Confidence < FalseFriendThreshold) {
			continue
		}
		dst = append(dst, h)
	}
	return dst
}

// langChain returns the glossary languages that apply to a text in lang,
// most specific first: "en-GB" uses "en-GB" terms, then "en" terms, then
// "und" (language-neutral) terms.
func (m *Matcher) langChain(lang string) []uint64 {
	var tags []string
	if t, err := language.Parse(lang); err == nil {
		for ; ; t = t.Parent() {
			tags = append(tags, t.String())
			// Base guesses a language for "und" (English): only an exact one.
			if base, conf := t.Base(); conf == language.Exact && base.String() != t.String() {
				tags = append(tags, base.String())
			}
			if t.IsRoot() {
				break
			}
		}
	} else {
		tags = append(tags, strings.ToLower(strings.TrimSpace(lang)), "und")
	}
	var seeds []uint64
	seen := map[uint16]bool{}
	for _, tag := range tags {
		if id, ok := m.langIDs[tag]; ok && !seen[id] {
			seen[id] = true
			seeds = append(seeds, langSeed(id))
		}
	}
	return seeds
}

// langSeed makes the same word hash differently in each language, so that
// one table serves every language of the glossary.
func langSeed(id uint16) uint64 {
	return mix64(uint64(id)*0x9e3779b97f4a7c15 + 0x632be59bd9b4e019)
}

// scan finds the leftmost-longest matches in text for the given languages.
//
// Most words of a text start no term. scan looks at the text eight bytes at
// a time. Most blocks have no byte that a term may start with (for a
// glossary of capitalised names: no capital) and cost a handful of
// arithmetic operations. In the others it finds, without a branch per word,
// the ASCII words that start there with such a byte; a short one is hashed
// and put to the first-word filter inline, the rest go to tryWordAt. Eight
// bytes with a non-ASCII byte go to the word-by-word scanner instead, from
// the start of the word they are in.
func (m *Matcher) scan(text string, seeds []uint64) []found {
	var hits []found
	var ts tokenStream
	// Every word that starts before boundary has been dealt with, and
	// boundary is not inside a word. before is 0x80 when the byte before i
	// is part of a word that starts at or after boundary.
	i, boundary, before := 0, 0, uint64(0)
	upperOnly := m.startsUpperOnly()
	for i+8 <= len(text) {
		x := load64(text, i)
		if x&highBits != 0 {
			i = m.scanSpan(text, m.wordStartBefore(text, i, boundary), i+8, seeds, &ts, &hits)
			boundary, before = i, 0
			continue
		}
		var startable uint64
		if upperOnly {
			startable = asciiUpperLanes(x)
		} else {
			startable = m.startLanes(x)
		}
		if startable == 0 { // most blocks: no word lanes needed
			before = 0
			if m.runes.asciiWord[text[i+7]] != 0 {
				before = 0x80
			}
			i += 8
			continue
		}
		lanes := asciiWordLanes(x)
		candidates := lanes &^ (lanes<<8 | before) & startable
		before = lanes >> 56 & 0x80
		next := i + 8
		for candidates != 0 {
			p := i + bits.TrailingZeros64(candidates)>>3
			end, rejected := m.rejectShortWord(text, p, seeds)
			if !rejected {
				end = m.tryWordAt(text, p, seeds, &ts, &hits)
			}
			if end >= i+8 {
				next, boundary, before = end, end, 0
				break
			}
			candidates &^= 1<<(8*(end-i)) - 1 // the lanes before end
		}
		i = next
	}
	m.scanSpan(text, m.wordStartBefore(text, i, boundary), len(text), seeds, &ts, &hits)
	return hits
}

// rejectShortWord is the cheap test of most candidate words: an ASCII word
// of up to seven bytes, read with one load, that the first-word filter of
// the one language says starts no term. It returns the word's end when it
// rejects it; anything else goes to tryWordAt.
func (m *Matcher) rejectShortWord(text string, p int, seeds []uint64) (end int, rejected bool) {
	if len(seeds) != 1 || p+9 > len(text) {
		return 0, false
	}
	x := load64(text, p)
	lanes := asciiWordLanes(x)
	n := bits.TrailingZeros64(^lanes&highBits) >> 3
	if n == 8 || text[p+n] >= utf8.RuneSelf || text[p+n] == '\'' {
		return 0, false // longer, maybe non-ASCII, maybe a possessive: the general path
	}
	hash := foldLanes(x, lanes) & (1<<(8*n) - 1)
	if m.first.mayStart(firstKey(seeds[0], hash)) {
		return 0, false
	}
	return p + n, true
}

// startsUpperOnly reports whether every ASCII byte a term may start with is
// a capital letter, as in a glossary of names: then capitals are found with
// a few arithmetic operations instead of eight table loads.
func (m *Matcher) startsUpperOnly() bool {
	for c := 0; c < utf8.RuneSelf; c++ {
		if m.startBytes[c] != 0 && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

// asciiUpperLanes returns 0x80 in each byte of x, all ASCII, that is a
// capital letter.
func asciiUpperLanes(x uint64) uint64 {
	return ((x | highBits) - 'A'*lowBits) & (('Z'|0x80)*lowBits - x) & highBits
}

// startLanes returns 0x80 in each byte of x that a term may start with.
func (m *Matcher) startLanes(x uint64) uint64 {
	b := &m.startBytes
	return uint64(b[byte(x)]) | uint64(b[byte(x>>8)])<<8 | uint64(b[byte(x>>16)])<<16 |
		uint64(b[byte(x>>24)])<<24 | uint64(b[byte(x>>32)])<<32 | uint64(b[byte(x>>40)])<<40 |
		uint64(b[byte(x>>48)])<<48 | uint64(b[byte(x>>56)])<<56
}

// isWordByte reports a byte that may be part of a word: an ASCII letter or
// digit, or any byte of a non-ASCII rune.
func (m *Matcher) isWordByte(c byte) bool {
	return c >= utf8.RuneSelf || m.runes.asciiWord[c] != 0
}

// wordStartBefore returns i, or the start of the word i is inside of, never
// going back past boundary.
func (m *Matcher) wordStartBefore(text string, i, boundary int) int {
	for i > boundary && m.isWordByte(text[i-1]) {
		i--
	}
	return i
}

// tryWordAt reads the word starting at p and matches from it when it may
// start a term; it returns where the scan goes on.
func (m *Matcher) tryWordAt(text string, p int, seeds []uint64, ts *tokenStream, hits *[]found) int {
	sc := scanner{text: text, pos: p, table: m.runes}
	var t token
	sc.word(&t)
	altHash := uint64(0)
	if t.altEnd > 0 {
		altHash = wordHash(text[t.start:t.altEnd], m.runes)
	}
	if !m.startsTerm(t.hash, altHash, seeds) {
		return t.end
	}
	return m.matchAt(text, sc, t, seeds, ts, hits)
}

// scanSpan matches word by word from start, which is not inside a word,
// until it has passed limit; it returns where it stopped.
func (m *Matcher) scanSpan(text string, start, limit int, seeds []uint64, ts *tokenStream, hits *[]found) int {
	sc := scanner{text: text, pos: start, table: m.runes}
	var t token
	for sc.pos < limit {
		t.gap = sc.skipGap()
		if sc.pos >= len(text) {
			break
		}
		sc.word(&t)
		altHash := uint64(0)
		if t.altEnd > 0 {
			altHash = wordHash(text[t.start:t.altEnd], m.runes)
		}
		if m.startsTerm(t.hash, altHash, seeds) {
			sc.pos = m.matchAt(text, sc, t, seeds, ts, hits)
		}
	}
	return sc.pos
}

// tokenStream holds the words from a candidate on, read as the matcher
// needs them: at most maxTermWords.
type tokenStream struct {
	sc    scanner
	words [maxTermWords]token
	count int // words read, the candidate included
	done  bool
}

// at returns the k-th word from the candidate, nil past the end of text.
func (ts *tokenStream) at(k int) *token {
	for ts.count <= k {
		if ts.done || !ts.sc.next(&ts.words[ts.count]) {
			ts.done = true
			return nil
		}
		ts.count++
	}
	return &ts.words[k]
}

// match is the best term found so far at the current word.
type match struct {
	term    uint32 // offset in the arena
	words   int
	end     int
	resume  int // where the scan goes on: end, or past the s of "Musks'"
	quality int // matchExact, matchFolded or matchCaps; 0 when none
}

const (
	matchCaps   = 1 // a case-sensitive term written in capitals: "ILON MUSK"
	matchFolded = 2 // a case-insensitive term in another case
	matchExact  = 3
)

// better reports whether a beats b: the longer match, then the more exact,
// then a right form over a wrong one, so that a form that is right for one
// entry and wrong for another is not flagged, then the smaller entry key.
func (m *Matcher) better(a, b match) bool {
	if a.end != b.end {
		return a.end > b.end
	}
	if a.quality != b.quality {
		return a.quality > b.quality
	}
	if sa, sb := termStatusAt(m.arena, a.term), termStatusAt(m.arena, b.term); sa != sb {
		return sa < sb
	}
	// Two entries share the form: the smaller key wins, so that which
	// entry a hit names never depends on where the index put the terms
	// (adding unrelated entries resizes it).
	return a.term != b.term && m.entryKey(a.term) < m.entryKey(b.term)
}

// found is a match in a text: hits are built once the scan is over, into a
// slice of the right size.
type found struct {
	start int
	match
}

// matchAt looks for the longest term starting at the candidate word t, sc
// being the scanner just after it; it appends the hit, if any, and returns
// where the scan goes on: after the match, or after the word.
func (m *Matcher) matchAt(text string, sc scanner, t token, seeds []uint64, ts *tokenStream, hits *[]found) int {
	var candidates [8]uint32
	ts.sc, ts.count, ts.done = sc, 1, false
	ts.words[0] = t
	best := match{}
	for _, seed := range seeds {
		w := windowStart(seed, t.hash)
		if shortest, longest := m.first.lengths(firstKey(seed, t.hash)); longest > 0 {
			m.longestAt(ts, text, w, shortest, longest, &best, candidates[:0])
		}
		if t.altEnd > 0 {
			alt := windowStart(seed, wordHash(text[t.start:t.altEnd], m.runes))
			m.tryWindow(ts, text, alt, 1, true, &best, candidates[:0])
		}
	}
	if best.quality == 0 {
		return t.end
	}
	*hits = append(*hits, found{t.start, best})
	return best.resume
}

// startsTerm reports whether a word (or its form without a possessive s,
// when altHash is not 0) starts a term in one of the languages.
func (m *Matcher) startsTerm(hash, altHash uint64, seeds []uint64) bool {
	for _, seed := range seeds {
		if _, longest := m.first.lengths(firstKey(seed, hash)); longest > 0 {
			return true
		}
		if _, longest := m.first.lengths(firstKey(seed, altHash)); altHash != 0 && longest > 0 {
			return true
		}
	}
	return false
}

// longestAt tries every window of shortest to longest words from the
// current one.
func (m *Matcher) longestAt(ts *tokenStream, text string, w uint64, shortest, longest int, best *match, buf []uint32) {
	for words := 1; words <= longest; words++ {
		last := ts.at(words - 1)
		if last == nil {
			return
		}
		if words > 1 {
			if last.gap == gapBreak || (words > 2 && !m.windows.prefixes.has(nonZero(w))) {
				return // no term goes on past the gap, or starts with these words
			}
			if last.altEnd > 0 && words >= shortest {
				alt := windowExtend(w, last.gap, wordHash(text[last.start:last.altEnd], m.runes))
				m.tryWindow(ts, text, alt, words, true, best, buf)
			}
			w = windowExtend(w, last.gap, last.hash)
		}
		if words >= shortest {
			m.tryWindow(ts, text, w, words, false, best, buf)
		}
	}
}

// tryWindow verifies the terms hashed to w against the current words.
func (m *Matcher) tryWindow(ts *tokenStream, text string, w uint64, words int, alt bool, best *match, buf []uint32) {
	for _, id := range m.windows.lookup(w, buf) {
		ref := termAt(m.arena, id)
		if int(ref.words) != words {
			continue
		}
		resume := ts.at(words - 1).end
		end := resume
		if alt {
			end = ts.at(words - 1).altEnd
		}
		quality := m.verify(ref, text, ts, words, alt)
		if quality == 0 {
			continue
		}
		if c := (match{term: id, words: words, end: end, resume: resume, quality: quality}); best.quality == 0 || m.better(c, *best) {
			*best = c
		}
	}
}

// verify compares the term's words and gaps with the current words, so that
// a hash collision can never produce a hit, and applies the term's case rule.
func (m *Matcher) verify(ref termRef, text string, ts *tokenStream, words int, alt bool) int {
	form := ref.form
	sc := newScanner(form, m.runes)
	var ft token
	exact := true
	right := ref.status == codePreferred || ref.status == codeAdmitted
	prevForm, prevText := 0, 0
	for k := 0; k < words; k++ {
		if !sc.next(&ft) {
			return 0
		}
		tt := ts.at(k)
		if k > 0 && ft.gap != tt.gap {
			return 0
		}
		// A right form's hyphens are part of its spelling: "Frank Walter
		// Steinmeier" is no right form of Frank-Walter Steinmeier (the
		// fuzzy index flags it). A wrong form matches either way.
		if k > 0 && right && hasHyphen(form[prevForm:ft.start]) != hasHyphen(text[prevText:tt.start]) {
			return 0
		}
		prevForm, prevText = ft.end, tt.end
		end := tt.end
		if alt && k == words-1 {
			end = tt.altEnd
		}
		got, want := text[tt.start:end], form[ft.start:ft.end]
		if got == want {
			continue
		}
		if !foldEqual(got, want, m.runes) {
			return 0
		}
		exact = false
	}
	switch {
	case exact:
		return matchExact
	case !ref.caseSensitive:
		return matchFolded
	case isAllCaps(text[ts.at(0).start:ts.at(words-1).end]):
		return matchCaps
	}
	return 0
}

// hasHyphen reports whether a gap between two words holds a hyphen.
func hasHyphen(gap string) bool { return strings.ContainsAny(gap, "-‐‑‒–") }

// Confidence of the hits that do not depend on context.
const (
	confidenceExact = 0.99 // a wrong form written exactly as in the glossary
	confidenceCaps  = 0.9  // a case-sensitive form found in capitals: "ILON MUSK"
)

// statusName maps a status code back to its Status.
func statusName(code uint8) Status {
	switch code {
	case codePreferred:
		return Preferred
	case codeAdmitted:
		return Admitted
	case codeDeprecated:
		return Deprecated
	}
	return FalseFriend
}

// hit turns a match into a Hit. False friends get their confidence later,
// from the whole text.
func (m *Matcher) hit(text string, start int, mt match) Hit {
	ref := termAt(m.arena, mt.term)
	h := Hit{
		Start:      start,
		End:        mt.end,
		Text:       text[start:mt.end],
		Status:     statusName(ref.status),
		Entry:      ref.preferred,
		EntryKey:   m.entries.at(int32(ref.entry)).Key(),
		EntryType:  m.types[ref.typeID],
		Confidence: 1,
	}
	if mt.quality == matchCaps {
		h.Confidence = confidenceCaps
	}
	switch ref.status {
	case codeDeprecated:
		h.Check = CheckVariant
		h.Confidence = min(h.Confidence, confidenceExact)
	case codeFalseFriend:
		h.Check = CheckFalseFriend
	default:
		return h
	}
	e := m.entry(ref.entry)
	t := e.Term(int(ref.term))
	h.Suggestion = m.suggestion(e, t, int(ref.words))
	h.translated = ref.status == codeFalseFriend && isTranslatedTerm(e, t)
	if isAllCaps(h.Text) && !isAllCaps(t.Form) {
		h.Suggestion = strings.ToUpper(h.Suggestion)
	}
	return h
}

// suggestion picks the right form to replace a wrong one of the given length
// in words: the preferred form if it has that length, else an admitted form
// of that length ("mask" → "Musk", not "Elon Musk"), else the preferred form.
func (m *Matcher) suggestion(e entryRef, wrong Term, words int) string {
	if s := translatedSuggestion(e, wrong); s != "" {
		return s
	}
	preferred := e.Preferred(wrong.Lang)
	if m.countWords(preferred) == words {
		return preferred
	}
	for i := range e.NumTerms() {
		t := e.Term(i)
		if t.Status == Admitted && t.Lang == wrong.Lang && m.countWords(t.Form) == words {
			return t.Form
		}
	}
	return preferred
}

func (m *Matcher) countWords(s string) int {
	sc := newScanner(s, m.runes)
	var t token
	n := 0
	for sc.next(&t) {
		n++
	}
	return n
}

// foldEqual reports whether a and b are equal under simple case folding.
func foldEqual(a, b string, table *runeTables) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb && table.info(ra)&runeFoldMask != table.info(rb)&runeFoldMask {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == b
}

// isAllCaps reports whether s has at least two letters and all of its cased
// letters are capitals, as in a headline or a shouted name.
func isAllCaps(s string) bool {
	upper := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2
}

// A text is matched as a sequence of words, maximal runs of letters, numbers
// and marks of any script, and of the gaps between them. Terms are cut the
// same way, so "Bush" never matches inside "Bushel", and a wrong form
// "Kim Jong -in" matches "Kim Jong-in" too. A gap is reduced to a class; a
// term's gaps must have the same classes as the text's (and a right form's
// hyphens must be there, see verify).
const (
	gapBreak = uint64(0)                  // a gap no term spans: a sentence end, a paragraph break
	gapJoin  = uint64(0x9e3779b97f4a7c15) // spaces with at most one line break and at most one hyphen
	gapApos  = uint64(0xc2b2ae3d27d4eb4f) // exactly one apostrophe: O'Brien, Хав'єр
	gapEmpty = uint64(0x165667b19e3779f9) // no gap: between two words of a script without spaces
	gapLit   = uint64(0x27d4eb2f165667c5) // mixed into the hash of any other short gap: "U.S", "AT&T"
)

// maxLiteralGap is the longest gap, in runes, that may be kept literally.
const maxLiteralGap = 8

const (
	fnvOffset = uint64(14695981039346656037)
	fnvPrime  = uint64(1099511628211)
)

// token is one word of a text. Hash is over the case-folded word so that one
// table serves case-sensitive and case-insensitive terms; the exact case is
// checked when a candidate is verified.
type token struct {
	start, end int
	hash       uint64 // of the folded word, see wordHasher; mixed later with its window
	gap        uint64 // class of the gap before this word
	// altEnd is where the word ends without its final s when it is a plural
	// possessive ("the Musks' companies"), 0 otherwise.
	altEnd int
}

// scanner cuts a string into tokens, left to right.
type scanner struct {
	text  string
	pos   int
	table *runeTables
}

func newScanner(text string, table *runeTables) scanner {
	return scanner{text: text, table: table}
}

// next reads the next token into t; it reports false at the end of the text.
func (sc *scanner) next(t *token) bool {
	t.gap = sc.skipGap()
	if sc.pos >= len(sc.text) {
		return false
	}
	sc.word(t)
	return true
}

// skipGap advances to the next word and returns the class of what it skipped.
func (sc *scanner) skipGap() uint64 {
	s, i, table := sc.text, sc.pos, sc.table
	// Most gaps are one space before an ASCII word.
	if i+1 < len(s) && s[i] == ' ' && s[i+1] < utf8.RuneSelf && table.asciiWord[s[i+1]] != 0 {
		sc.pos = i + 1
		return gapJoin
	}
	var runes, newlines, hyphens, apos, other int
	lit := fnvOffset
	lastSpace := false
	for i < len(s) {
		var p uint32
		if c := s[i]; c < utf8.RuneSelf {
			p = table.props[c]
			if p&runeWord != 0 {
				break
			}
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			p = table.info(r)
			if p&runeWord != 0 {
				break
			}
			i += size
		}
		runes++
		switch {
		case p&(runeSpace|runeNewline) != 0:
			if p&runeNewline != 0 {
				newlines++
			}
			if !lastSpace {
				lit = (lit ^ ' ') * fnvPrime
			}
			lastSpace = true
			continue
		case p&runeHyphen != 0:
			hyphens++
			lit = (lit ^ '-') * fnvPrime
		case p&runeApos != 0:
			apos++
			lit = (lit ^ '\'') * fnvPrime
		case p&runeBreak != 0:
			other += maxLiteralGap + 1
		default:
			other++
			lit = (lit ^ uint64(p&runeFoldMask)) * fnvPrime
		}
		lastSpace = false
	}
	sc.pos = i
	switch {
	case runes == 0:
		return gapEmpty
	case other == 0 && apos == 0 && newlines <= 1 && hyphens <= 1:
		return gapJoin
	case apos == 1 && runes == 1:
		return gapApos
	case runes <= maxLiteralGap && newlines <= 1 && other <= maxLiteralGap:
		return mix64(lit ^ gapLit)
	}
	return gapBreak
}

// word reads the word at sc.pos into t. ASCII words, most of any Latin text,
// are read eight bytes at a time.
func (sc *scanner) word(t *token) {
	s, i := sc.text, sc.pos
	start := i
	var wh wordHasher
	for i+8 <= len(s) {
		x := load64(s, i)
		lanes := asciiWordLanes(x)
		n := bits.TrailingZeros64(^lanes&highBits) >> 3
		if n == 8 {
			wh.chunk(foldLanes(x, lanes))
			i += 8
			continue
		}
		wh.partial(foldLanes(x, lanes)&(1<<(8*n)-1), n)
		i += n
		if s[i] < utf8.RuneSelf {
			sc.pos = i
			sc.finishWord(t, start, wh.sum())
			return
		}
		break // a non-ASCII rune: it may continue the word
	}
	i, wh = sc.wordSlow(start, i, wh)
	sc.pos = i
	sc.finishWord(t, start, wh.sum())
}

// wordSlow reads the rest of a word rune by rune.
func (sc *scanner) wordSlow(start, i int, wh wordHasher) (int, wordHasher) {
	s, table := sc.text, sc.table
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			f := table.asciiWord[c]
			if f == 0 {
				break
			}
			wh.byte(f)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		p := table.info(r)
		if p&runeWord == 0 {
			break
		}
		if p&runeSpaceless != 0 && p&runeMark == 0 {
			if i > start {
				break // a word of a script without spaces is one rune and its marks
			}
			wh.rune(rune(p & runeFoldMask))
			return sc.marks(i+size, wh)
		}
		wh.rune(rune(p & runeFoldMask))
		i += size
	}
	return i, wh
}

// finishWord fills t for the word text[start:sc.pos].
func (sc *scanner) finishWord(t *token, start int, hash uint64) {
	s, i := sc.text, sc.pos
	t.start, t.end, t.hash, t.altEnd = start, i, hash, 0
	if i-start > 1 && i < len(s) && (s[i-1] == 's' || s[i-1] == 'S') && (s[i] == '\'' || s[i] >= utf8.RuneSelf) && sc.pluralPossessiveAt(i) {
		t.altEnd = i - 1
	}
}

// marks hashes the combining marks from i on.
func (sc *scanner) marks(i int, wh wordHasher) (int, wordHasher) {
	for i < len(sc.text) {
		r, size := utf8.DecodeRuneInString(sc.text[i:])
		p := sc.table.info(r)
		if p&runeMark == 0 {
			break
		}
		wh.rune(rune(p & runeFoldMask))
		i += size
	}
	return i, wh
}

// wordHash returns the hash a token has when it is exactly s.
func wordHash(s string, table *runeTables) uint64 {
	sc := newScanner(s, table)
	var t token
	sc.word(&t)
	return t.hash
}

// pluralPossessiveAt reports whether an apostrophe at i ends a word: "Musks' ".
func (sc *scanner) pluralPossessiveAt(i int) bool {
	s := sc.text
	r, size := utf8.DecodeRuneInString(s[i:])
	if size == 0 || sc.table.info(r)&runeApos == 0 {
		return false
	}
	r, size = utf8.DecodeRuneInString(s[i+size:])
	return size == 0 || sc.table.info(r)&runeWord == 0
}

// mix64 is the murmur3 finalizer: it spreads every input bit over the output.
func mix64(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// firstKey is the key of a first word in the first-word table: one multiply
// (a bijection) puts well-mixed bits at the top, where the table index is.
func firstKey(langSeed, word uint64) uint64 {
	return (word ^ langSeed) * 0x9e3779b97f4a7c15
}

// windowStart and windowExtend hash a window of words and the gaps between
// them, in one language; a term hashes to the same value as its text window.
func windowStart(langSeed, word uint64) uint64 {
	return mix64(langSeed ^ word)
}

func windowExtend(window, gap, word uint64) uint64 {
	return mix64((window^gap)*0x9fb21c651e98df25 + word)
}

// The hash of a word is defined over the UTF-8 bytes of its case-folded
// runes, taken eight at a time as little-endian words: a word of up to eight
// bytes hashes to those bytes themselves (no byte of a word is zero, so the
// length is implied), a longer one mixes its chunks. The ASCII fast path
// folds and hashes eight bytes in a few instructions; the rune-by-rune path
// feeds the same bytes, so both agree.
type wordHasher struct {
	h      uint64
	acc    uint64
	k      uint // bytes in acc
	chunks int
}

func (w *wordHasher) chunk(c uint64) {
	if w.chunks == 0 {
		w.h = c
	} else {
		w.h = mix64(w.h) ^ c
	}
	w.chunks++
}

// partial starts a chunk with n bytes; only called on a chunk boundary.
func (w *wordHasher) partial(c uint64, n int) {
	w.acc, w.k = c, uint(n)
}

func (w *wordHasher) byte(b byte) {
	w.acc |= uint64(b) << (8 * w.k)
	w.k++
	if w.k == 8 {
		w.chunk(w.acc)
		w.acc, w.k = 0, 0
	}
}

func (w *wordHasher) rune(r rune) {
	if r < utf8.RuneSelf {
		w.byte(byte(r))
		return
	}
	var buf [utf8.UTFMax]byte
	for _, b := range buf[:utf8.EncodeRune(buf[:], r)] {
		w.byte(b)
	}
}

func (w *wordHasher) sum() uint64 {
	if w.k > 0 || w.chunks == 0 {
		w.chunk(w.acc)
		w.acc, w.k = 0, 0
	}
	return w.h
}

const (
	highBits = 0x8080808080808080
	lowBits  = 0x0101010101010101
)

// load64 reads eight bytes of s from i, little-endian; the compiler turns
// it into a single load.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// asciiWordLanes returns 0x80 in each byte of x that is an ASCII letter or
// digit, 0 elsewhere. Each test works on 7-bit lanes with the high bit set
// first, so that no borrow crosses a lane.
func asciiWordLanes(x uint64) uint64 {
	ascii := ^x & highBits
	low7 := x &^ highBits
	lower := low7 | 0x20*lowBits
	letter := ((lower | highBits) - 'a'*lowBits) & (('z'|0x80)*lowBits - lower)
	digit := ((low7 | highBits) - '0'*lowBits) & (('9'|0x80)*lowBits - low7)
	return (letter | digit) & ascii & highBits
}

// foldLanes lower-cases the ASCII letters of x: a letter lane gets bit 0x20.
func foldLanes(x, lanes uint64) uint64 {
	return x | lanes>>2
}

// Rune properties the tokenizer needs, packed into one uint32 per rune so
// that the common scripts (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic,
// Indic, Thai, ...) cost one table load instead of several binary searches
// through the unicode range tables.
const (
	runeFoldMask  = 1<<21 - 1 // the case-folded rune
	runeWord      = 1 << 24   // letter, number or mark: part of a word
	runeSpaceless = 1 << 25   // script written without spaces: one rune, one word
	runeMark      = 1 << 26   // combining mark: attaches to the previous rune
	runeSpace     = 1 << 27   // white space that is not a line break
	runeHyphen    = 1 << 28   // hyphen-like: - ‐ ‑ ‒ –
	runeApos      = 1 << 29   // apostrophe-like: ' ’ ‘ ʼ `
	runeNewline   = 1 << 30   // a single line break
	runeBreak     = 1 << 31   // never inside a name: paragraph separator
)

// runeTableSize covers every script up to the CJK punctuation block.
const runeTableSize = 0x3000

// runeTables holds the properties of the runes below runeTableSize, and for
// the ASCII fast path the folded form of each letter and digit.
type runeTables struct {
	props     [runeTableSize]uint32
	asciiWord [128]byte // folded letter or digit; 0 for any other byte
}

// runeTable is built once, lazily, and never written afterwards.
var runeTable = sync.OnceValue(func() *runeTables {
	t := new(runeTables)
	for r := rune(0); r < runeTableSize; r++ {
		t.props[r] = runeProps(r)
		if r < utf8.RuneSelf && t.props[r]&runeWord != 0 {
			t.asciiWord[r] = byte(t.props[r] & runeFoldMask)
		}
	}
	return t
})

// info returns the packed properties of r, from the table when it can.
func (t *runeTables) info(r rune) uint32 {
	if uint32(r) < runeTableSize {
		return t.props[r]
	}
	return runeProps(r)
}

// runeProps computes the packed properties of r from the unicode tables.
func runeProps(r rune) uint32 {
	p := uint32(foldRune(r)) & runeFoldMask
	switch {
	case r == 0x02BC: // modifier letter apostrophe is a letter, but Ukrainian writes it as an apostrophe
		return p | runeApos
	case r == '\'' || r == '`' || r == 0x2018 || r == 0x2019 || r == 0x2032:
		return p | runeApos
	case r == '-' || r == 0x2010 || r == 0x2011 || r == 0x2012 || r == 0x2013:
		return p | runeHyphen
	case r == '\n' || r == 0x85 || r == 0x2028:
		return p | runeNewline
	case r == 0x2029:
		return p | runeBreak
	case r == '\r': // CR before LF must not count as a second line break
		return p | runeSpace
	case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
		return p | runeSpace
	case unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me):
		return p | runeWord | runeMark
	case unicode.IsLetter(r) || unicode.IsNumber(r):
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai,
			unicode.Lao, unicode.Khmer, unicode.Myanmar) {
			return p | runeWord | runeSpaceless
		}
		return p | runeWord
	}
	return p
}

// foldRune maps r to one representative of its simple case-folding orbit,
// the same for every member: the lower-case ASCII letter when the orbit has
// one (so K, k and the Kelvin sign agree), else the smallest rune of the orbit
// (so Σ, σ and final ς agree).
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if f < utf8.RuneSelf {
			return foldRune(f)
		}
		if f < least {
			least = f
		}
	}
	return least
}

// asciiLower maps an ASCII byte to its folded form.
func asciiLower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
