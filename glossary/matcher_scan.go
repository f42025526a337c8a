package glossary

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
// entry and wrong for another is not flagged; otherwise the first found.
func (m *Matcher) better(a, b match) bool {
	if a.end != b.end {
		return a.end > b.end
	}
	if a.quality != b.quality {
		return a.quality > b.quality
	}
	return termStatusAt(m.arena, a.term) < termStatusAt(m.arena, b.term)
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
