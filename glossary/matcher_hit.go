package glossary

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Confidence of the hits that do not depend on context.
const (
	confidenceExact = 0.99 // a wrong form written exactly as in the glossary
	confidenceCaps  = 0.9  // a case-sensitive form found in capitals: "ILON MUSK"
)

// statusName maps a status code back to its Status.
func statusName(code uint8) Status {
	switch code {
	case codePreferred:
		return Preferred
	case codeAdmitted:
		return Admitted
	case codeDeprecated:
		return Deprecated
	}
	return FalseFriend
}

// hit turns a match into a Hit. False friends get their confidence later,
// from the whole text.
func (m *Matcher) hit(text string, start int, mt match) Hit {
	ref := termAt(m.arena, mt.term)
	h := Hit{
		Start:      start,
		End:        mt.end,
		Text:       text[start:mt.end],
		Status:     statusName(ref.status),
		Entry:      ref.preferred,
		EntryKey:   ref.key,
		EntryType:  m.types[ref.typeID],
		Confidence: 1,
	}
	if mt.quality == matchCaps {
		h.Confidence = confidenceCaps
	}
	switch ref.status {
	case codeDeprecated:
		h.Check = CheckVariant
		h.Confidence = min(h.Confidence, confidenceExact)
	case codeFalseFriend:
		h.Check = CheckFalseFriend
	default:
		return h
	}
	e := &m.entries[ref.entry]
	t := &e.Terms[ref.term]
	h.Suggestion = m.suggestion(e, t, int(ref.words))
	if isAllCaps(h.Text) && !isAllCaps(t.Form) {
		h.Suggestion = strings.ToUpper(h.Suggestion)
	}
	return h
}

// suggestion picks the right form to replace a wrong one of the given length
// in words: the preferred form if it has that length, else an admitted form
// of that length ("mask" → "Musk", not "Elon Musk"), else the preferred form.
func (m *Matcher) suggestion(e *Entry, wrong *Term, words int) string {
	preferred := e.Preferred(wrong.Lang)
	if m.countWords(preferred) == words {
		return preferred
	}
	for i := range e.Terms {
		t := &e.Terms[i]
		if t.Status == Admitted && t.Lang == wrong.Lang && m.countWords(t.Form) == words {
			return t.Form
		}
	}
	return preferred
}

func (m *Matcher) countWords(s string) int {
	sc := newScanner(s, m.runes)
	var t token
	n := 0
	for sc.next(&t) {
		n++
	}
	return n
}

// foldEqual reports whether a and b are equal under simple case folding.
func foldEqual(a, b string, table *runeTables) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb && table.info(ra)&runeFoldMask != table.info(rb)&runeFoldMask {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == b
}

// isAllCaps reports whether s has at least two letters and all of its cased
// letters are capitals, as in a headline or a shouted name.
func isAllCaps(s string) bool {
	upper := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2
}
