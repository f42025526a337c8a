package typography

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"lector/detect/finding"
)

const (
	confidenceSplitDecimal   = 0.95 // "$ 1." + "8 billion"
	confidenceSplitComma     = 0.9  // "1," + "8 млрд", "$ 1," + "800"
	confidenceCloserAtStart  = 0.9  // `"the killer.` + `" With`
	confidencePunctAtStart   = 0.85 // ", he said"
	confidenceQuoteCarried   = 0.8  // a quotation opened above is closed below
	confidenceLowerNoStop    = 0.8  // "... the head of" + "the department"
	confidenceLowerAfterStop = 0.6  // "... the U.S." + "army said"
	confidenceDanglingEnd    = 0.7  // "... said Vladimir," + "Putin"
)

// checkBreak looks at the break between paragraphs p and q. A break is
// wrong when it cuts a number or a sentence; a paragraph with no final stop
// followed by one that starts with a capital is a heading, not a break.
// The finding covers the white space between the two, and the suggestion
// is what to join them with.
func (s *typoScanner) checkBreak(p, q typoParagraph, c typoClosure) {
	if c.continued {
		return // the quotation runs on, reopened as English style wants
	}
	last := s.text[p.start:p.end]
	first := s.text[q.start:q.end]
	join, confidence := "", 0.0
	switch {
	case typoSplitNumber(last, first):
		join, confidence = "", confidenceSplitDecimal
		if last[len(last)-1] == ',' {
			confidence = confidenceSplitComma
		}
	case c.atStart:
		join, confidence = "", confidenceCloserAtStart
	case typoStartsWithPunct(first):
		join, confidence = "", confidencePunctAtStart
	case c.closed:
		join, confidence = " ", confidenceQuoteCarried
	case typoStartsLowercase(first):
		join, confidence = typoJoinAfter(last), confidenceLowerNoStop
		if typoEndsSentence(last) {
			confidence = confidenceLowerAfterStop
		}
	case typoDanglingEnd(last) && !typoIsListItem(last) && !typoIsListItem(first):
		join, confidence = typoJoinAfter(last), confidenceDanglingEnd
	default:
		return
	}
	s.add(finding.KindSegmentation, CheckBrokenParagraph, p.end, q.start, join, confidence)
}

// typoSplitNumber: "… $ 1." then "8 billion …" is the figure 1.8 cut in
// two. Both halves must be short digit runs and the second must be followed
// by a magnitude or a percent sign, so that "in 2014." + "2022 saw", "$ 5." +
// "5 days later" and a list "1." / "2. Next" are not taken for one figure.
func typoSplitNumber(last, first string) bool {
	n := len(last)
	if n < 2 || (last[n-1] != '.' && last[n-1] != ',') {
		return false
	}
	k := n - 1
	for k > 0 && typoIsDigit(rune(last[k-1])) {
		k--
	}
	if d := n - 1 - k; d < 1 || d > 3 {
		return false
	}
	if k > 0 {
		if b := last[k-1]; b == '.' || b == ',' || b < utf8.RuneSelf && unicode.IsLetter(rune(b)) {
			return false
		}
	}
	m := 0
	for m < len(first) && typoIsDigit(rune(first[m])) {
		m++
	}
	if m < 1 || m > 3 {
		return false
	}
	if last[n-1] == ',' && m == 3 {
		return true // "15," + "000 terminals": a thousands separator
	}
	return typoStartsWithMagnitude(strings.TrimPrefix(first[m:], " "))
}

// typoStartsWithMagnitude: the words (or their starts) that follow a figure
// in news copy, in English, Russian, Ukrainian and German.
func typoStartsWithMagnitude(rest string) bool {
	for _, word := range [...]string{
		"%", "percent", "per cent", "thousand", "million", "billion", "trillion", "bn", "mln",
		"тыс", "млн", "млрд", "трлн", "процент",
		"тис", "мільйон", "мільярд", "трильйон", "відсот",
		"Tsd", "Tausend", "Mio", "Million", "Mrd", "Milliarde", "Billion", "Prozent",
	} {
		if strings.HasPrefix(rest, word) {
			return true
		}
	}
	return false
}

// typoStartsWithPunct: a paragraph cannot start with a comma or a full stop
// (an ellipsis may start one).
func typoStartsWithPunct(first string) bool {
	switch first[0] {
	case ',', ';', ':', '!', '?', ')', ']', '}':
		return true
	case '.':
		return len(first) == 1 || first[1] != '.'
	}
	return false
}

// typoStartsLowercase: the first word is lower case throughout ("iPhone"
// and "eBay" are names) and is not a name particle ("de Gaulle", "von der
// Leyen").
func typoStartsLowercase(first string) bool {
	// `"the killer" is Putin` continues a sentence as much as `the killer` does.
	for len(first) > 0 {
		r, n := utf8.DecodeRuneInString(first)
		if r != '"' && r != '\'' && r != '“' && r != '„' && r != '«' && r != '‘' {
			break
		}
		first = first[n:]
	}
	r, _ := utf8.DecodeRuneInString(first)
	if !unicode.IsLower(r) {
		return false
	}
	end := 0
	for end < len(first) {
		r, n := utf8.DecodeRuneInString(first[end:])
		if !unicode.IsLetter(r) {
			break
		}
		if unicode.IsUpper(r) {
			return false
		}
		end += n
	}
	switch first[:end] {
	case "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "al", "el", "bin", "ibn", "dos", "das", "ter", "ten", "zu":
		return false
	}
	return true
}

// typoEndsSentence: the paragraph ends with a stop, perhaps inside closing
// quotes or brackets.
func typoEndsSentence(last string) bool {
	for len(last) > 0 {
		r, n := utf8.DecodeLastRuneInString(last)
		switch r {
		case '"', '\'', '”', '’', '»', '“', ')', ']', '}':
			last = last[:len(last)-n]
			continue
		case '.', '!', '?', '…', ':':
			return true
		}
		return false
	}
	return false
}

// typoDanglingEnd: no heading ends with a comma, a dash ("MOSCOW (Reuters)
// -"), a hyphen still waiting for its word, an article or conjunction, or a
// title that a name must follow ("Mr.").
func typoDanglingEnd(last string) bool {
	for _, title := range [...]string{" Mr.", " Mrs.", " Ms.", " Dr.", " Prof.", " Gen.", " Sen.", " Gov.", " Pres."} {
		if strings.HasSuffix(last, title) {
			return true
		}
	}
	r, size := utf8.DecodeLastRuneInString(last)
	switch r {
	case ',', ';':
		return true
	case '-', '–', '—':
		return typoHyphenEnd(last) || strings.HasSuffix(last[:len(last)-size], " ")
	}
	k := len(last)
	for k > 0 && last[k-1] >= 'a' && last[k-1] <= 'z' {
		k--
	}
	if k == 0 || last[k-1] != ' ' {
		return false
	}
	switch last[k:] {
	case "the", "a", "an", "and", "or", "of", "that":
		return true
	}
	return false
}

// typoJoinAfter is the text that joins a paragraph to the next: nothing
// after a word cut at its hyphen ("Russian-" + "American"), else a space.
func typoJoinAfter(last string) string {
	if typoHyphenEnd(last) {
		return ""
	}
	return " "
}

func typoHyphenEnd(last string) bool {
	n := len(last)
	if n < 2 || last[n-1] != '-' {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(last[:n-1])
	return unicode.IsLetter(r)
}

// typoIsListItem: "- item", "• item", "* item", "1. item", "2) item".
func typoIsListItem(p string) bool {
	r, n := utf8.DecodeRuneInString(p)
	switch r {
	case '-', '•', '*', '–', '—':
		return len(p) > n && p[n] == ' '
	}
	k := 0
	for k < len(p) && typoIsDigit(rune(p[k])) {
		k++
	}
	return k > 0 && k < len(p) && (p[k] == '.' || p[k] == ')')
}
