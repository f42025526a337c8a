package segment

import (
	"slices"
	"strings"
)

// Parentheses and quotations are kept whole, as pragmatic_segmenter does:
// `He teaches science (He worked as an engineer. He liked it.) at the
// University.` and `«Мы не знаем. Это секрет», — сказал он.` are one segment
// each. Only pairs that match inside the paragraph and span at most
// maxEnclosedTokens tokens count, so a stray mark cannot swallow a page.

const maxEnclosedTokens = 100

// markEnclosed fills s.enclosed so that s.enclosed[k] > 0 when the gap after
// token k lies inside a matched pair.
func (s *splitter) markEnclosed() {
	s.enclosed = s.enclosed[:0]
	s.opens, s.openMarks = s.opens[:0], s.openMarks[:0]
	matched := false
	for k, t := range s.toks {
		if t.flags&(pairSeen|quoteSeen) == 0 {
			continue
		}
		word := s.text[t.start:t.end]
		for i, r := range word {
			switch {
			case r == '"':
				s.asciiQuote(k, i, word)
			case closingMarkOf(r, s.rules.germanQuotes) != 0:
				s.openMarks = append(s.openMarks, closingMarkOf(r, s.rules.germanQuotes))
				s.opens = append(s.opens, k)
			default:
				matched = s.closeMark(k, r) || matched
			}
		}
		if t.flags&quoteSeen != 0 {
			matched = s.closeQuoteTail(k, word) || matched
		}
	}
	if !matched {
		return
	}
	// Prefix sums over the marks recorded in s.enclosed as +1/-1 pairs.
	depth := 0
	for k := range s.enclosed {
		depth += s.enclosed[k]
		s.enclosed[k] = depth
	}
}

// closingMarkOf returns the mark that closes the opening mark r, or 0.
func closingMarkOf(r rune, german bool) rune {
	switch r {
	case '(':
		return ')'
	case '«':
		return '»'
	case '‹':
		return '›'
	case '„':
		if german {
			return '“'
		}
		return '”'
	case '“':
		if german {
			return 0
		}
		return '”'
	}
	return 0
}

// closeMark pops the innermost open mark when r closes it.
func (s *splitter) closeMark(k int, r rune) bool {
	n := len(s.opens)
	if n == 0 || s.openMarks[n-1] != r {
		return false
	}
	open := s.opens[n-1]
	s.opens, s.openMarks = s.opens[:n-1], s.openMarks[:n-1]
	if open == k || k-open > maxEnclosedTokens {
		return false
	}
	if n := len(s.toks) + 1; len(s.enclosed) < n {
		s.enclosed = slices.Grow(s.enclosed[:0], n)[:n]
		clear(s.enclosed)
	}
	s.enclosed[open]++
	s.enclosed[k]--
	return true
}

// asciiQuote opens a quotation at a `"` that starts a word (`"We`) or
// stands alone without closing one. A word with an even number of quotes
// (`"absurd"`) opens and closes nothing; closing is closeQuoteTail's.
func (s *splitter) asciiQuote(k, i int, word string) {
	if i != 0 || s.toks[k].flags&attached != 0 || strings.Count(word, `"`)%2 == 0 {
		return
	}
	s.openMarks = append(s.openMarks, '"')
	s.opens = append(s.opens, k)
}

// closeQuoteTail closes a quotation at a `"` that ends a word (`great."`,
// `boring,"`) or at a detached closing quote.
func (s *splitter) closeQuoteTail(k int, word string) bool {
	if strings.Count(word, `"`)%2 == 0 {
		return false
	}
	last := strings.LastIndexByte(word, '"')
	if last == 0 && s.toks[k].flags&attached == 0 {
		return false
	}
	if strings.TrimLeft(word[last+1:], `.,:;!?…)]’”»'`) != "" {
		return false
	}
	return s.closeMark(k, '"')
}

// isEnclosed reports whether the gap after token k is inside a pair.
func (s *splitter) isEnclosed(k int) bool {
	return k < len(s.enclosed) && s.enclosed[k] > 0
}
