// Package segment cuts a text into sentence segments with byte offsets. It
// is pure: no database, no HTTP, nothing of Lector's; the detection engine
// (package detect) and the review workflow both build on its spans.
package segment

import (
	"fmt"
	"unicode/utf8"
)

// MaxTextBytes is the largest text Split accepts, in bytes.
const MaxTextBytes = 8 << 20

// TooLargeError is Split's error for a text over MaxTextBytes; callers that
// answer users turn it into their own error with the limit.
type TooLargeError struct{ Size, Limit int }

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("text of %d bytes is over the limit of %d bytes", e.Size, e.Limit)
}

// Split cuts text into sentence segments, paragraph by paragraph. A line
// holding only white space separates paragraphs, and a paragraph break is
// always a segment break. lang is a BCP 47 tag; en, ru, uk and de have their
// own abbreviations, anything else gets language-neutral rules.
//
// The segmenter is rule based and conservative in the manner of
// pragmatic_segmenter: where a stop is ambiguous it keeps the sentence whole.
// It runs in time linear in len(text) and never panics on invalid UTF-8.
func Split(text, lang string) ([]Span, error) {
	if len(text) > MaxTextBytes {
		return nil, &TooLargeError{Size: len(text), Limit: MaxTextBytes}
	}
	s := splitter{
		text:  text,
		rules: rulesFor(lang),
		spans: make([]Span, 0, len(text)/100+1),
	}
	s.scan()
	return s.spans, nil
}

// token is a maximal run of non-space characters within a paragraph, with
// the shape the boundary rules look at: openers, word, trailing punctuation.
type token struct {
	// Offsets are int32: MaxTextBytes fits, and a smaller token keeps the
	// per-paragraph buffer in cache.
	start, end int32
	coreStart  int32 // after leading quotes and brackets
	wordStart  int32 // after coreStart or the last boundary inside the token
	trailStart int32 // where the final run of stops and closers begins
	base       int32 // index of the token whose stop an attached closer extends
	dotRun     int32 // for a lone "." token: its place in a run of them, from 1
	flags      tokenFlag
	term       uint8 // strongest stop in the trail (termNone when none)
}

type tokenFlag uint16

const (
	lineStart       tokenFlag = 1 << iota // first token of a line
	listStart                             // a list item starts here
	listMarker                            // the token is a list marker ("1.", "a)")
	attached                              // a lone closing quote that belongs to the token before
	loneDot                               // "." alone, part of a spaced ellipsis ". . ."
	bracketed                             // the stops are an omission mark "[...]"
	urlish                                // URL or e-mail address: inner dots never split
	singleDot                             // the trail holds exactly one period
	quoteSeen                             // the token holds an ASCII double quote
	colonSeen                             // the token holds a colon (maybe "://")
	pairSeen                              // the token may hold a bracket or quotation mark
	closedAfterStop                       // a quote or bracket closes after the stop: `U.S."`
	innerStop                             // a stop comes before the trail: "world.Today"
)

// splitter holds the state of one Split call. Buffers are reused from
// paragraph to paragraph.
type splitter struct {
	text      string
	rules     *langRules
	toks      []token
	cuts      []int // segment boundaries inside the current paragraph
	enclosed  []int // per token: how many brackets or quotations are open after it
	opens     []int // token indexes of unmatched opening marks (see markEnclosed)
	openMarks []rune
	spans     []Span
	paragraph int
	// lastQuoteOpened: the last ASCII double quote in the paragraph opened
	// a quotation, so a detached `"` that follows closes it.
	lastQuoteOpened bool
	quoteSeenHere   bool   // the paragraph has had an ASCII double quote
	scratch         []byte // lower-case buffer for word lookups
}

// scan walks the text once, collecting the tokens of each paragraph. Two
// line feeds in one run of white space mean a blank line in between: the
// paragraph ends there.
func (s *splitter) scan() {
	text := s.text
	newlines := 0
	for i := 0; i < len(text); {
		if text[i] == ' ' {
			i++
			continue
		}
		n, space := spaceAt(text, i)
		if space {
			if text[i] == '\n' {
				newlines++
			}
			i += n
			continue
		}
		if newlines >= 2 {
			s.flushParagraph()
		}
		start := i
		var firstStop int
		var flags tokenFlag
		i, firstStop, flags = s.scanToken(i)
		if newlines > 0 || len(s.toks) == 0 {
			flags |= lineStart
		}
		s.addToken(start, i, firstStop, flags)
		newlines = 0
	}
	s.flushParagraph()
}

// flushParagraph segments the collected paragraph and resets the buffers.
func (s *splitter) flushParagraph() {
	if len(s.toks) == 0 {
		return
	}
	s.markLists()
	s.markEnclosed()
	lineItems := s.isLineList()
	s.cuts = s.cuts[:0]
	for k := range s.toks {
		if s.toks[k].flags&innerStop != 0 {
			s.innerCuts(k)
		}
		if k+1 == len(s.toks) {
			break
		}
		// Fast path: no stop here and no line or item starting next.
		if s.toks[s.toks[k].base].term == termNone && s.toks[k+1].flags&(lineStart|listStart|attached) == 0 {
			continue
		}
		if s.boundaryAfter(k, lineItems) {
			s.cuts = append(s.cuts, int(s.toks[k].end))
		}
	}
	start, end := int(s.toks[0].start), int(s.toks[len(s.toks)-1].end)
	for _, c := range s.cuts {
		s.addSpan(start, c)
		start = c
	}
	s.addSpan(start, end)
	s.paragraph++
	s.toks = s.toks[:0]
	s.quoteSeenHere, s.lastQuoteOpened = false, false
}

func (s *splitter) addSpan(a, b int) {
	a, b = trimSpace(s.text, a, b)
	if a >= b {
		return
	}
	s.spans = append(s.spans, Span{Paragraph: s.paragraph, Index: len(s.spans), Start: a, End: b, Text: s.text[a:b]})
}

// isLineList reports a paragraph that is a list of short lines without
// punctuation, such as a scraped menu ("features\ncontact manager\n..."):
// each line is then a segment of its own.
func (s *splitter) isLineList() bool {
	const minLines, maxWords = 3, 3
	lines, words := 0, 0
	for k, t := range s.toks {
		if t.flags&lineStart != 0 {
			lines++
			words = 0
			if k > 0 && s.continuesLine(k-1) {
				return false
			}
		}
		words++
		if words > maxWords {
			return false
		}
	}
	return lines >= minLines && !s.continuesLine(len(s.toks)-1)
}

// continuesLine reports a line-final token that ends in a stop or in
// punctuation that asks for more (",", ":", ";", dash).
func (s *splitter) continuesLine(k int) bool {
	t := s.toks[k]
	if t.term != termNone {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s.text[t.start:t.end])
	return r == ',' || r == ':' || r == ';' || isDash(r)
}
