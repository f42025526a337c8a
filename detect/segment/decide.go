package segment

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// The boundary decision: does the sentence end after token k? Each rule
// looks at the stop itself, the word before it and the word after it.

type wordClass uint8

const (
	classNone  wordClass = iota // nothing follows in the paragraph
	classUpper                  // a capital letter
	classLower
	classDigit
	classOther // a symbol, or a letter of a script without case
)

// nextWord is the start of the text after a candidate stop, past any
// opening quotes, brackets and dashes: `" — Он`, `(He`, `„Und`.
type nextWord struct {
	class   wordClass
	word    string // the letters and digits the next word starts with
	initial bool   // a single letter followed by a period: "E." or "В."
}

// abbrevInitial marks a single letter with a period: an initial ("Jonas E.
// Smith") or the pronoun I, which the same rule serves.
const abbrevInitial abbrevKind = 1 << 7

// maxSkipped bounds how many punctuation-only tokens nextWord looks past,
// which keeps the scan linear on inputs such as a megabyte of dashes.
const maxSkipped = 3

func (s *splitter) nextWord(k int) nextWord {
	text := s.text
	for skipped := 0; k < len(s.toks) && skipped < maxSkipped; k, skipped = k+1, skipped+1 {
		p, end := int(s.toks[k].start), int(s.toks[k].end)
		for p < end {
			r, n := utf8.DecodeRuneInString(text[p:end])
			if !isOpener(r) && !isDash(r) && !isCloser(r, true) {
				break
			}
			p += n
		}
		if p == end {
			continue
		}
		r, n := utf8.DecodeRuneInString(text[p:end])
		nw := nextWord{class: classOther}
		switch {
		case isUpperRune(r):
			nw.class = classUpper
		case isLowerRune(r):
			nw.class = classLower
		case isDigitRune(r):
			nw.class = classDigit
		default:
			return nw
		}
		q := p + n
		for q < end {
			r, n := utf8.DecodeRuneInString(text[q:end])
			if !isAlnum(r) {
				break
			}
			q += n
		}
		nw.word = text[p:q]
		nw.initial = q == p+n && q < end && text[q] == '.'
		return nw
	}
	if k >= len(s.toks) {
		return nextWord{class: classNone}
	}
	return nextWord{class: classOther}
}

// boundaryAfter decides the gap between token k and token k+1.
func (s *splitter) boundaryAfter(k int, lineItems bool) bool {
	next := s.toks[k+1]
	if next.flags&listStart != 0 {
		return true
	}
	newline := next.flags&lineStart != 0
	if newline && lineItems {
		return true
	}
	if next.flags&attached != 0 {
		return false
	}
	base := s.toks[k].base
	if s.toks[base].flags&listMarker != 0 || s.isEnclosed(k) {
		return false
	}
	return s.endsSentence(int(base), k+1, newline)
}

// endsSentence applies the stop of token b to the word at token next. A line
// break in between makes a lower-case continuation end the sentence too,
// except after abbreviations and ellipses.
func (s *splitter) endsSentence(b, next int, newline bool) bool {
	t := &s.toks[b]
	switch {
	case t.term == termNone:
		return false
	case t.flags&loneDot != 0:
		return s.spacedEllipsisEnds(b, next)
	case s.toks[next].flags&loneDot != 0:
		return t.term == termPeriod && s.periodBeforeEllipsisEnds(next)
	}
	nw := s.nextWord(next)
	switch t.term {
	case termCJK:
		return true
	case termBang:
		// "Yahoo! in the accounting department", "«Куда?» — спросил он".
		return nw.class != classLower || newline
	case termEllipsis:
		// "I mean... well" and "[...]" go on; "that.... She left" ends.
		if t.flags&bracketed != 0 {
			return false
		}
		return nw.class == classUpper || newline && nw.class != classLower
	}
	return s.periodEnds(t, nw, newline)
}

// spacedEllipsisEnds handles the last "." of ". . ." or ". . . .". Three
// spaced dots mark an omission inside a sentence; a fourth is the period.
// When the word before the dots had its own period the sentence ended there
// (see periodBeforeEllipsisEnds), and the dots open the next one.
func (s *splitter) spacedEllipsisEnds(b, next int) bool {
	if s.toks[next].flags&loneDot != 0 {
		return false
	}
	run := s.toks[b].dotRun
	if before := b - int(run); before >= 0 && s.toks[before].term == termPeriod {
		return false
	}
	return run >= 4 && s.nextWord(next).class == classUpper
}

// periodBeforeEllipsisEnds: "compounds. . . . The practice" ends after
// "compounds." when three spaced dots and a capital follow.
func (s *splitter) periodBeforeEllipsisEnds(next int) bool {
	j := next
	for j < len(s.toks) && s.toks[j].flags&loneDot != 0 {
		j++
	}
	if j-next < 3 || j == len(s.toks) {
		return false
	}
	return s.nextWord(j).class == classUpper
}

// periodEnds decides a single period after a word, a number or an
// abbreviation.
func (s *splitter) periodEnds(t *token, nw nextWord, newline bool) bool {
	word := s.text[t.wordStart:t.trailStart]
	if t.flags&urlish == 0 {
		if isNumber(word) {
			return s.numberEnds(word, nw, newline)
		}
		// A quotation or bracket closing after an abbreviation's period
		// closes the sentence too: `"I live in the U.S." Mary said`.
		kind := s.abbreviation(word, nw.class)
		if t.flags&closedAfterStop != 0 && kind != abbrevInitial {
			kind = 0
		}
		if kind != 0 {
			switch {
			case nw.class != classUpper:
				return false
			case kind&abbrevFinal != 0:
				return true
			case newline && kind&(abbrevTitle|abbrevInitial) == 0:
				return true
			}
			// "in the U.S. He left" ends; "the U.S. Government" does not.
			return !nw.initial && s.isStarter(nw.word)
		}
	}
	return nw.class != classLower || newline
}

// numberEnds: "$100.00. It is" ends. In German a small number before a
// capitalised noun is an ordinal ("am 3. Oktober", "der 2. Weltkrieg").
func (s *splitter) numberEnds(word string, nw nextWord, newline bool) bool {
	if s.rules.ordinalDates && isSmallInt(word) {
		switch nw.class {
		case classUpper:
			return !s.inSet(s.rules.months, nw.word) && s.isStarter(nw.word)
		case classLower, classDigit:
			return false
		}
		return true
	}
	return nw.class != classLower || newline
}

// abbreviation reports how word behaves as an abbreviation, or 0 when it is
// an ordinary word. next is the class of the word that follows.
func (s *splitter) abbreviation(word string, next wordClass) abbrevKind {
	r, n := utf8.DecodeRuneInString(word)
	if n == len(word) {
		if n > 0 && unicode.IsLetter(r) {
			return abbrevInitial
		}
		return 0
	}
	low := s.lower(word)
	if low == nil {
		return 0
	}
	if kind, ok := s.rules.abbrevs[string(low)]; ok {
		if kind == abbrevNumeric && next != classDigit {
			return 0
		}
		return kind
	}
	if isInitialism(word) {
		return abbrevPlain
	}
	if s.rules.streetSuffix && bytes.HasSuffix(low, []byte("str")) {
		return abbrevPlain
	}
	return 0
}

// isInitialism reports dotted short letter groups: "U.S", "Ph.D", "т.зв",
// "куб.м" (the final period is not part of word).
func isInitialism(word string) bool {
	const longestGroup = 3
	group, groups := 0, 1
	for _, r := range word {
		switch {
		case r == '.':
			if group == 0 {
				return false
			}
			group = 0
			groups++
		case unicode.IsLetter(r):
			group++
			if group > longestGroup {
				return false
			}
		default:
			return false
		}
	}
	return groups > 1 && group > 0
}

func (s *splitter) isStarter(word string) bool {
	return s.inSet(s.rules.starters, word)
}

func (s *splitter) inSet(set map[string]bool, word string) bool {
	low := s.lower(word)
	return low != nil && set[string(low)]
}

// lower returns word in lower case in the scratch buffer, nil when too long.
func (s *splitter) lower(word string) []byte {
	low := lowerInto(s.scratch, word)
	if low != nil {
		s.scratch = low
	}
	return low
}
