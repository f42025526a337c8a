package glossary

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
func (m *Matcher) scan(text string, seeds []uint64) []Hit {
	var hits []Hit
	ts := tokenStream{sc: newScanner(text, m.runes)}
	var candidates [8]uint32
	for {
		if ts.count == 0 { // the common case: no word read ahead
			if ts.done || !ts.sc.next(&ts.ring[ts.head]) {
				return hits
			}
			ts.count = 1
		}
		t0 := &ts.ring[ts.head]
		best := match{}
		for _, seed := range seeds {
			w := windowStart(seed, t0.hash)
			if maxWords := m.first.maxWords(w); maxWords > 0 {
				m.longestAt(&ts, text, w, maxWords, &best, candidates[:0])
			}
			if t0.altEnd > 0 {
				alt := windowStart(seed, wordHash(text[t0.start:t0.altEnd], m.runes))
				m.tryWindow(&ts, text, alt, 1, true, &best, candidates[:0])
			}
		}
		if best.quality == 0 {
			ts.advance(1)
			continue
		}
		hits = append(hits, m.hit(text, t0.start, best))
		ts.advance(best.words)
	}
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
