package glossary

import (
	"math/bits"
	"unicode/utf8"
)

// tokenStream is a look-ahead window over the words of a text: the scan
// looks at most maxTermWords words ahead, so a small ring buffer holds them.
type tokenStream struct {
	sc    scanner
	ring  [2 * maxTermWords]token
	head  int // index in ring of the current word
	count int // words read ahead, the current one included
	done  bool
}

const ringMask = 2*maxTermWords - 1

// at returns the k-th word from the current one, nil past the end of text.
func (ts *tokenStream) at(k int) *token {
	for ts.count <= k {
		if ts.done {
			return nil
		}
		if !ts.sc.next(&ts.ring[(ts.head+ts.count)&ringMask]) {
			ts.done = true
			return nil
		}
		ts.count++
	}
	return &ts.ring[(ts.head+k)&ringMask]
}

// advance drops n words, which must have been read.
func (ts *tokenStream) advance(n int) {
	ts.head = (ts.head + n) & ringMask
	ts.count -= n
}

// match is the best term found so far at the current word.
type match struct {
	term    uint32
	words   int
	end     int
	quality int // matchExact, matchFolded or matchCaps; 0 when none
}

const (
	matchCaps   = 1 // a case-sensitive term written in capitals: "ILON MUSK"
	matchFolded = 2 // a case-insensitive term in another case
	matchExact  = 3
)

// better reports whether a beats b: the longer match, then the more exact,
// then a right form over a wrong one, so that a form that is right for one
// entry and wrong for another is not flagged; otherwise the first found.
func (m *Matcher) better(a, b match) bool {
	if a.end != b.end {
		return a.end > b.end
	}
	if a.quality != b.quality {
		return a.quality > b.quality
	}
	return m.terms[a.term].status < m.terms[b.term].status
}

// scan finds the leftmost-longest matches in text for the given languages.
// It reads words one at a time until one could start a term, and only then
// reads ahead and verifies.
func (m *Matcher) scan(text string, seeds []uint64) []Hit {
	var hits []Hit
	sc := newScanner(text, m.runes)
	var candidates [8]uint32
	var ts tokenStream // reused: its ring is too big to clear for every candidate
	for {
		var t token
		if !m.nextCandidate(&sc, &t, seeds) {
			return hits
		}
		ts.sc, ts.head, ts.count, ts.done = sc, 0, 1, false
		ts.ring[0] = t
		best := match{}
		for _, seed := range seeds {
			w := windowStart(seed, t.hash)
			if maxWords := m.first.maxWords(firstKey(seed, t.hash)); maxWords > 0 {
				m.longestAt(&ts, text, w, maxWords, &best, candidates[:0])
			}
			if t.altEnd > 0 {
				alt := windowStart(seed, wordHash(text[t.start:t.altEnd], m.runes))
				m.tryWindow(&ts, text, alt, 1, true, &best, candidates[:0])
			}
		}
		if best.quality > 0 {
			hits = append(hits, m.hit(text, t.start, best))
			sc.pos = best.end
		}
	}
}

// nextCandidate reads words into t until one starts a term in one of the
// languages; it reports false at the end of the text. Most words are short
// ASCII words after one space: they are read and looked up inline.
func (m *Matcher) nextCandidate(sc *scanner, t *token, seeds []uint64) bool {
	s := sc.text
	for {
		if i := sc.pos; i+10 <= len(s) {
			if s[i] == ' ' {
				i++
			}
			x := load64(s, i)
			lanes := asciiWordLanes(x)
			n := bits.TrailingZeros64(^lanes&highBits) >> 3
			if n > 0 && n < 8 && s[i+n] < utf8.RuneSelf && !(s[i+n] == '\'' && s[i+n-1]|0x20 == 's') {
				h := foldLanes(x, lanes) & (1<<(8*n) - 1)
				sc.pos = i + n
				if len(seeds) == 1 && !m.first.mayStart(firstKey(seeds[0], h)) {
					continue // most words: one multiply, one load
				}
				if m.startsTerm(h, 0, seeds) {
					*t = token{start: i, end: i + n, hash: h}
					return true
				}
				continue
			}
		}
		t.gap = sc.skipGap()
		if sc.pos >= len(s) {
			return false
		}
		sc.word(t)
		altHash := uint64(0)
		if t.altEnd > 0 {
			altHash = wordHash(s[t.start:t.altEnd], m.runes)
		}
		if m.startsTerm(t.hash, altHash, seeds) {
			return true
		}
	}
}

// startsTerm reports whether a word (or its form without a possessive s,
// when altHash is not 0) starts a term in one of the languages.
func (m *Matcher) startsTerm(hash, altHash uint64, seeds []uint64) bool {
	for _, seed := range seeds {
		if m.first.maxWords(firstKey(seed, hash)) > 0 {
			return true
		}
		if altHash != 0 && m.first.maxWords(firstKey(seed, altHash)) > 0 {
			return true
		}
	}
	return false
}

// longestAt tries every window of up to maxWords words from the current one.
func (m *Matcher) longestAt(ts *tokenStream, text string, w uint64, maxWords int, best *match, buf []uint32) {
	for words := 1; words <= maxWords; words++ {
		last := ts.at(words - 1)
		if last == nil {
			return
		}
		if words > 1 {
			if last.gap == gapBreak {
				return
			}
			if last.altEnd > 0 {
				alt := windowExtend(w, last.gap, wordHash(text[last.start:last.altEnd], m.runes))
				m.tryWindow(ts, text, alt, words, true, best, buf)
			}
			w = windowExtend(w, last.gap, last.hash)
		}
		m.tryWindow(ts, text, w, words, false, best, buf)
	}
}

// tryWindow verifies the terms hashed to w against the current words.
func (m *Matcher) tryWindow(ts *tokenStream, text string, w uint64, words int, alt bool, best *match, buf []uint32) {
	for _, id := range m.windows.lookup(w, buf) {
		ref := m.terms[id]
		if int(ref.words) != words {
			continue
		}
		end := ts.at(words - 1).end
		if alt {
			end = ts.at(words - 1).altEnd
		}
		quality := m.verify(ref, text, ts, words, alt)
		if quality == 0 {
			continue
		}
		if c := (match{term: id, words: words, end: end, quality: quality}); best.quality == 0 || m.better(c, *best) {
			*best = c
		}
	}
}

// verify compares the term's words and gaps with the current words, so that
// a hash collision can never produce a hit, and applies the term's case rule.
func (m *Matcher) verify(ref termRef, text string, ts *tokenStream, words int, alt bool) int {
	form := m.entries[ref.entry].Terms[ref.term].Form
	sc := newScanner(form, m.runes)
	var ft token
	exact := true
	for k := 0; k < words; k++ {
		if !sc.next(&ft) {
			return 0
		}
		tt := ts.at(k)
		if k > 0 && ft.gap != tt.gap {
			return 0
		}
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
