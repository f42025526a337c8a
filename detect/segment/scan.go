package segment

import (
	"strings"
	"unicode/utf8"
)

// The token scan: one pass over the bytes finds tokens and notes the little
// the rules need about each, so that plain words cost almost nothing.

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
