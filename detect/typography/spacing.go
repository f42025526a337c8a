package typography

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"lector/detect/finding"
)

// scanParagraph makes one pass over the bytes of the current paragraph. Only
// a few bytes can start something worth a look (a space, a dot, a quote or a
// bracket, or the lead byte 0xC2 or 0xE2 of « » and the curly quotes); every
// other byte, including UTF-8 continuation bytes, is stepped over, which keeps
// the scan fast on Cyrillic as well as on Latin text.
func (s *typoScanner) scanParagraph() {
	t := s.text
	end := s.para.end
	for i := s.para.start; i < end; {
		c := t[i]
		if typoTrigger[c] == 0 {
			i++
			continue
		}
		switch c {
		case ' ':
			// One space before a word is most of the spaces in a text; only
			// a digit, a hyphen or a trigger after it can make a finding.
			if n := i + 1; n < end && typoTrigger[t[n]] == 0 && (t[n] > '9' || t[n] < '-') {
				i += 2
				continue
			}
			i = s.spaceRun(i)
			continue
		case '.':
			i = s.dots(i)
			continue
		case '"', '\'':
			s.quote(i, rune(c), 1)
		case '(', '[', '{':
			s.openBracket(i, c)
		case ')', ']', '}':
			s.closeBracket(i, c)
		default: // 0xC2 or 0xE2
			r, size := utf8.DecodeRuneInString(t[i:end])
			if typoIsQuoteRune(r) {
				s.quote(i, r, size)
			}
			i += size
			continue
		}
		i++
	}
}

// typoTrigger marks the bytes scanParagraph stops at. A string constant is
// an immutable lookup table.
const typoTrigger = "" +
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // 0x00
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // 0x10
	"\x01\x00\x01\x00\x00\x00\x00\x01\x01\x01\x00\x00\x00\x00\x01\x00" + // 0x20: space " ' ( ) .
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // 0x30
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // 0x40
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x01\x00\x00" + // 0x50: [ ]
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // 0x60
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x01\x00\x01\x00\x00" + // 0x70: { }
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // 0x80
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // 0x90
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // 0xA0
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // 0xB0
	"\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // 0xC0: lead of « »
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // 0xD0
	"\x00\x00\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" + // 0xE0: lead of the curly quotes
	"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00" //   0xF0

// spaceRun handles the run of spaces starting at i and returns where it ends.
// The run is given to at most one check, so that "$  5" is one finding, not a
// double space and a currency space.
func (s *typoScanner) spaceRun(i int) int {
	t := s.text
	j := i
	for j < s.para.end && t[j] == ' ' {
		j++
	}
	if j >= s.para.end {
		return j
	}
	// Most runs are one space between two words: look at the next byte
	// first and decode runes only when it may matter.
	switch next := t[j]; {
	case next >= '0' && next <= '9':
		if prev, size := s.runeBefore(i); typoIsCurrency(prev) {
			s.add(finding.KindTypography, CheckSpaceAfterCurrency, i-size, j, t[i-size:i], confidenceCurrency)
			return j
		}
	case next == '-':
		if prev, _ := s.runeBefore(i); s.isLooseHyphen(prev, j) {
			s.add(finding.KindTypography, CheckSpaceBeforeHyphen, i, j+1, "-", confidenceHyphen)
			return j
		}
	case next == '"' || next == '\'' || next == 0xC2 || next == 0xE2:
		if r, _ := s.runeAt(j); typoIsQuoteRune(r) {
			s.run = typoRun{i, j} // the quote decides: closing quote, or maybe a double space
			return j
		}
	}
	if j-i >= 2 {
		s.doubleSpace(typoRun{i, j})
	}
	return j
}

// isLooseHyphen tells a hyphen that lost its word ("high -ranking", "Kim Jong
// -in") from a dash ("Ukraine - WSJ": space after), a minus ("of -5": digit
// after) and a dash missing its second space before a capital ("Ukraine
// -WSJ"), which is left alone because it cannot be told from a compound.
func (s *typoScanner) isLooseHyphen(prev rune, hyphen int) bool {
	if !unicode.IsLetter(prev) && !unicode.IsDigit(prev) {
		return false
	}
	next, _ := s.runeAt(hyphen + 1)
	return unicode.IsLower(next)
}

// doubleSpace reports two or more spaces between words of one span. Spaces
// between spans (between sentences) and indentation are not this check's.
func (s *typoScanner) doubleSpace(r typoRun) {
	if r.end-r.start < 2 {
		return
	}
	prev, _ := s.runeBefore(r.start)
	next, _ := s.runeAt(r.end)
	if prev < 0 || next < 0 || unicode.IsSpace(prev) || unicode.IsSpace(next) {
		return
	}
	spans := s.para.spans
	for s.spanIdx < len(spans)-1 && spans[s.spanIdx].End <= r.start {
		s.spanIdx++
	}
	sp := spans[s.spanIdx]
	if sp.Start < r.start && r.end < sp.End {
		s.add(finding.KindTypography, CheckDoubleSpace, r.start, r.end, " ", confidenceDoubleSpace)
	}
}

// dots handles a dot at i: ". . ." (dots with spaces between) is a spaced
// ellipsis; "..." is left alone. It returns where scanning goes on.
func (s *typoScanner) dots(i int) int {
	t := s.text
	count, end, spaced := 1, i+1, false
	for {
		k := end
		for k < s.para.end && t[k] == ' ' {
			k++
		}
		if k >= s.para.end || t[k] != '.' {
			break
		}
		spaced = spaced || k > end
		count++
		end = k + 1
	}
	switch {
	case count >= 3 && spaced:
		suggestion := ellipsisSuggestion
		if count > 3 {
			suggestion = strings.Repeat(".", count) // an ellipsis and a full stop: keep every dot
		}
		s.add(finding.KindTypography, CheckSpacedEllipsis, i, end, suggestion, confidenceEllipsis)
		return end
	case !spaced:
		return end
	default: // ". ." is not an ellipsis; let the spaces after the first dot be looked at
		return i + 1
	}
}

// runeBefore returns the rune ending at i and its size, or -1 at the start
// of the paragraph.
func (s *typoScanner) runeBefore(i int) (rune, int) {
	if i <= s.para.start {
		return -1, 0
	}
	return utf8.DecodeLastRuneInString(s.text[s.para.start:i])
}

// runeAt returns the rune starting at i and its size, or -1 at the end of
// the paragraph.
func (s *typoScanner) runeAt(i int) (rune, int) {
	if i >= s.para.end {
		return -1, 0
	}
	return utf8.DecodeRuneInString(s.text[i:s.para.end])
}

func typoIsDigit(r rune) bool { return r >= '0' && r <= '9' }

func typoIsCurrency(r rune) bool {
	switch r {
	case '$', '€', '£', '¥', '₽', '₴':
		return true
	}
	return false
}
