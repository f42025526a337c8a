package review

import (
	"strings"
	"unicode/utf8"

	"lector/apperr"
)

// MaxTextBytes is the largest text Split accepts, in bytes.
const MaxTextBytes = 8 << 20

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
		return nil, apperr.New(apperr.TooLarge, "error.text_too_large", map[string]any{"Limit": MaxTextBytes})
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
	innerStop                             // a stop comes before the trail: \"world.Today\"
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

// Byte classes of the token scan.
const (
	bytePlain = iota // nothing to note
	byteAlnum        // ASCII letter or digit
	byteSpace        // ASCII white space ends the token
	byteQuote        // '"'
	byteAt           // '@': e-mail address
	byteColon        // ':': maybe "://"
	byteParen        // '(' or ')'
	byteStop         // '.', '!', '?'
	byteMulti        // a UTF-8 lead or continuation byte
)

// byteClasses is an immutable lookup table for scanToken, built once.
var byteClasses = func() (table [256]uint8) {
	for _, c := range " \t\n\v\f\r" {
		table[c] = byteSpace
	}
	table['"'], table['@'], table[':'] = byteQuote, byteAt, byteColon
	table['('], table[')'] = byteParen, byteParen
	table['.'], table['!'], table['?'] = byteStop, byteStop, byteStop
	for c := utf8.RuneSelf; c < 256; c++ {
		table[c] = byteMulti
	}
	for c := '0'; c <= 'z'; c++ {
		if isAlnum(c) {
			table[c] = byteAlnum
		}
	}
	return table
}()

// scanToken finds the end of the token at i and notes what the later rules
// need to know about it, so that they can skip plain words.
func (s *splitter) scanToken(i int) (end, firstStop int, flags tokenFlag) {
	text := s.text
	firstStop = -1
	for i < len(text) {
		c := text[i]
		class := byteClasses[c]
		if class <= byteAlnum {
			i++
			continue
		}
		switch class {
		case byteSpace:
			return i, firstStop, flags
		case byteQuote:
			flags |= quoteSeen
		case byteAt:
			flags |= urlish
		case byteColon:
			flags |= colonSeen
		case byteParen:
			flags |= pairSeen
		case byteStop:
			if firstStop < 0 {
				firstStop = i
			}
		case byteMulti:
			// Lead bytes of "…", "‼", "。", "！", "？" and their kin, and of
			// the quotation marks « » “ ” „ ‹ ›.
			if (c == 0xE2 || c == 0xE3 || c == 0xEF) && firstStop < 0 {
				firstStop = i
			}
			if c == 0xC2 || c == 0xE2 {
				flags |= pairSeen
			}
			n, space := spaceAt(text, i)
			if space {
				return i, firstStop, flags
			}
			i += n
			continue
		}
		i++
	}
	return i, firstStop, flags
}

// addToken records a token and works out its shape.
func (s *splitter) addToken(start, end, firstStop int, flags tokenFlag) {
	text := s.text
	t := token{start: int32(start), end: int32(end), flags: flags}
	if firstStop < 0 && flags&(quoteSeen|pairSeen|colonSeen) == 0 && isPlainWord(text[start:end]) {
		t.coreStart, t.wordStart, t.trailStart, t.base = int32(start), int32(start), int32(end), int32(len(s.toks))
		s.toks = append(s.toks, t)
		return
	}
	word := text[start:end]
	if flags&colonSeen != 0 && strings.Contains(word, "://") || strings.HasPrefix(word, "www.") {
		t.flags |= urlish
	}
	p := start
	for p < end {
		r, n := rune(text[p]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[p:end])
		}
		if !isOpener(r) {
			break
		}
		p += n
	}
	t.coreStart, t.wordStart = int32(p), int32(p)
	dots := 0
	q := end
	for q > p {
		r, n := rune(text[q-1]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeLastRuneInString(text[p:q])
		}
		if k := terminatorKind(r); k != termNone {
			t.term = max(t.term, uint8(k))
			if r == '.' {
				dots++
			}
		} else if !isCloser(r, s.rules.germanQuotes) {
			break
		} else if t.term == termNone {
			t.flags |= closedAfterStop // for now: a closer with no stop yet
		}
		q -= n
	}
	t.trailStart = int32(q)
	if firstStop >= 0 && firstStop < q {
		t.flags |= innerStop
	}
	if t.term == termNone {
		t.flags &^= closedAfterStop
	}
	if dots >= 2 {
		t.term = max(t.term, termEllipsis)
	}
	if dots == 1 && t.term == termPeriod {
		t.flags |= singleDot
	}
	if t.term != termNone && q > start {
		if c := text[q-1]; c == '[' || c == '(' {
			t.flags |= bracketed
		}
	}
	if word == "." || (t.flags&singleDot != 0 && start == q && text[start] == '.') {
		// Number the lone dots of a spaced ellipsis ". . . .".
		t.flags |= loneDot
		t.dotRun = 1
		if n := len(s.toks); n > 0 && s.toks[n-1].flags&loneDot != 0 {
			t.dotRun = s.toks[n-1].dotRun + 1
		}
	}
	if c := word[0]; (c >= utf8.RuneSelf || c == '"' || c == ')' || c == ']' || c == '}') &&
		len(s.toks) > 0 && t.flags&lineStart == 0 && s.isLoneCloser(word, t.flags) {
		t.flags |= attached
	}
	t.base = int32(len(s.toks))
	if t.flags&attached != 0 {
		t.base = s.toks[len(s.toks)-1].base
	}
	if t.flags&quoteSeen != 0 {
		s.noteQuote(word, t.flags&attached != 0)
	}
	s.toks = append(s.toks, t)
}

// isPlainWord reports a token that starts and ends with a Latin or Cyrillic
// letter or a digit: no opener, no trail, nothing for the rules to look at
// but its place. Most tokens are such words, and skip the full analysis.
func isPlainWord(word string) bool {
	first, last := word[0], word[len(word)-1]
	if byteClasses[first] != byteAlnum && first != 0xD0 && first != 0xD1 {
		return false
	}
	if byteClasses[last] == byteAlnum {
		return true
	}
	// The last rune is Cyrillic: a continuation byte after 0xD0 or 0xD1.
	return len(word) >= 2 && last&0xC0 == 0x80 && (word[len(word)-2] == 0xD0 || word[len(word)-2] == 0xD1)
}

// isLoneCloser reports a token made only of closing quotes or brackets, as
// machine translation leaves them: `else. " During`. A detached ASCII quote
// closes unless the last quote in the paragraph already closed one; with no
// quote before it, the quotation most likely began in an earlier paragraph.
func (s *splitter) isLoneCloser(word string, flags tokenFlag) bool {
	if flags&quoteSeen != 0 && s.quoteSeenHere && !s.lastQuoteOpened {
		return false
	}
	for _, r := range word {
		if !isCloser(r, s.rules.germanQuotes) || r == '\'' {
			return false
		}
	}
	return true
}

// noteQuote records whether the last ASCII double quote of a token opens a
// quotation (`"We`) or closes one (`said."`, or a detached closer).
func (s *splitter) noteQuote(word string, closer bool) {
	s.quoteSeenHere = true
	if closer {
		s.lastQuoteOpened = false
		return
	}
	if strings.Trim(word, `"`) == "" {
		s.lastQuoteOpened = true // a detached opening quote: `said: " We`
		return
	}
	rest := word[strings.LastIndexByte(word, '"')+1:]
	s.lastQuoteOpened = strings.TrimLeft(rest, `.,:;!?…)]’”»'`) != ""
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
		s.innerCuts(k)
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
