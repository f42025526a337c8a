package typography

import "lector/detect/finding"

// typoMark is an opening quote or bracket still waiting for its partner.
type typoMark struct {
	r       rune // the opening mark as written
	start   int  // byte offset into the text
	size    int
	spaced  bool // followed by white space, as in French « mot »: the space before its closer is then intended
	carried bool // opened before the current paragraph
}

// typoStack holds the open marks of one family (quotes, or brackets).
type typoStack struct{ marks []typoMark }

// typoSearchDepth bounds how far below the top a closer looks for its
// opener. Real text nests two or three deep; the bound keeps garbage such as
// a megabyte of "(" linear.
const typoSearchDepth = 8

func (st *typoStack) push(m typoMark) { st.marks = append(st.marks, m) }

// find returns the index of the nearest open mark that is a or b, or -1.
func (st *typoStack) find(a, b rune) int {
	for k, n := len(st.marks)-1, 0; k >= 0 && n < typoSearchDepth; k, n = k-1, n+1 {
		if r := st.marks[k].r; r == a || r == b {
			return k
		}
	}
	return -1
}

func (st *typoStack) has(r rune) bool {
	for _, m := range st.marks {
		if m.r == r {
			return true
		}
	}
	return false
}

// closeAt pops the mark at idx, which a closer has just matched. Marks
// opened after it and never closed are reported as unpaired: "(a [b) c" has
// an unpaired "[".
func (st *typoStack) closeAt(s *typoScanner, idx int, check string) typoMark {
	for _, m := range st.marks[idx+1:] {
		s.unpaired(check, m)
	}
	m := st.marks[idx]
	st.marks = st.marks[:idx]
	return m
}

func (st *typoStack) markCarried() {
	for k := range st.marks {
		st.marks[k].carried = true
	}
}

// dropUnclosed reports and drops the marks carried into the paragraph that
// has just ended, and, when singlesToo, single quotes opened in it: a single
// quote is too easily an apostrophe to be trusted across a paragraph break.
func (st *typoStack) dropUnclosed(s *typoScanner, check string, singlesToo bool) {
	kept := st.marks[:0]
	for _, m := range st.marks {
		if m.carried || (singlesToo && typoIsSingleQuote(m.r)) {
			s.unpaired(check, m)
			continue
		}
		kept = append(kept, m)
	}
	st.marks = kept
}

func (s *typoScanner) unpaired(check string, m typoMark) {
	confidence := confidenceUnpaired
	if typoIsSingleQuote(m.r) {
		confidence = confidenceUnpairedSingle
	}
	s.add(finding.KindTypography, check, m.start, m.start+m.size, "", confidence)
}

// typoClosure is what a paragraph did with the marks carried into it: it
// closed one (at its very first character, or later), or it reopened the
// quotation, as English does when a quotation runs over several paragraphs.
type typoClosure struct {
	closed, atStart, continued bool
}

// noteClosed records, for the paragraph-break check, that the mark m was
// closed by a closer at offset i.
func (s *typoScanner) noteClosed(m typoMark, i int) {
	if !m.carried {
		return
	}
	s.closure.closed = true
	if i == s.para.start {
		s.closure.atStart = true
	}
}

func (s *typoScanner) openBracket(i int, c byte) {
	if prev, _ := s.runeBefore(i); prev == ':' || prev == ';' {
		return // ":(" is a face
	}
	s.brackets.push(typoMark{r: rune(c), start: i, size: 1})
}

func (s *typoScanner) closeBracket(i int, c byte) {
	opener := rune('(')
	switch c {
	case ']':
		opener = '['
	case '}':
		opener = '{'
	}
	if idx := s.brackets.find(opener, opener); idx >= 0 {
		s.noteClosed(s.brackets.closeAt(s, idx, CheckUnpairedBracket), i)
		return
	}
	if c == ')' && s.isFaceOrEnumerator(i) {
		return
	}
	s.add(finding.KindTypography, CheckUnpairedBracket, i, i+1, "", confidenceUnpaired)
}

// isFaceOrEnumerator tells whether the ")" at i needs no "(": a face (":)",
// ":-)") or a list marker ("1)", "b)", "iv)") after a space or a line start.
func (s *typoScanner) isFaceOrEnumerator(i int) bool {
	prev, size := s.runeBefore(i)
	if prev == ':' || prev == ';' {
		return true
	}
	if prev == '-' {
		before, _ := s.runeBefore(i - size)
		return before == ':' || before == ';'
	}
	j, count := i, 0
	for count <= 3 {
		r, n := s.runeBefore(j)
		if r < 0 || typoIsSpaceRune(r) {
			break
		}
		if !typoIsLetterOrDigit(r) {
			return false
		}
		j -= n
		count++
	}
	return count >= 1 && count <= 3
}
