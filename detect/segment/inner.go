package segment

import "unicode/utf8"

// Boundaries inside a token, where a stop has no space after it:
// "Hello world.Today is Tuesday.Mr. Smith bought 1,000.That is a lot."
// Dotted abbreviations ("U.S.Army"), decimals, domains and e-mail addresses
// must survive, so the rule is strict: a word of two or more letters ending
// in lower case (or a number), a stop, then a capitalised word.

// innerCuts appends the boundaries inside token k and moves its wordStart
// past the last one, so the final stop is judged on the last word only.
func (s *splitter) innerCuts(k int) {
	t := &s.toks[k]
	const shortest = int32(len("a.Bc"))
	if t.flags&(urlish|attached|loneDot) != 0 || t.trailStart-t.coreStart < shortest ||
		t.flags&innerStop == 0 {
		return
	}
	text := s.text
	coreStart, trailStart, end := int(t.coreStart), int(t.trailStart), int(t.end)
	run := coreStart // start of the current run of letters and digits
	for i := coreStart; i < trailStart; {
		r, n := utf8.DecodeRuneInString(text[i:end])
		kind := terminatorKind(r)
		if kind == termNone {
			if !isAlnum(r) {
				run = i + n
			}
			i += n
			continue
		}
		// The trail is the longest suffix of stops and closers, so a run
		// that starts before it also ends before it.
		j, dots := i, 0
		for j < end {
			r, n := utf8.DecodeRuneInString(text[j:end])
			k := terminatorKind(r)
			if k == termNone {
				break
			}
			kind = max(kind, k)
			if r == '.' {
				dots++
			}
			j += n
		}
		if dots >= 2 {
			kind = max(kind, termEllipsis)
		}
		for j < end {
			r, n := utf8.DecodeRuneInString(text[j:end])
			if !isCloser(r, s.rules.germanQuotes) {
				break
			}
			j += n
		}
		if s.innerBoundary(text[run:i], kind, text[j:end]) {
			s.cuts = append(s.cuts, j)
			t.wordStart = int32(j)
		}
		run, i = j, j
	}
}

// innerBoundary decides a stop between left (the letters or digits before
// it) and rest (the token after it).
func (s *splitter) innerBoundary(left string, kind int, rest string) bool {
	if kind == termCJK {
		return true
	}
	r, n := utf8.DecodeRuneInString(rest)
	if !isUpperRune(r) {
		return false
	}
	if r2, _ := utf8.DecodeRuneInString(rest[n:]); !isLowerRune(r2) {
		return false
	}
	if left == "" {
		return false
	}
	if kind != termPeriod {
		return true
	}
	if isNumber(left) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(left)
	if utf8.RuneCountInString(left) < 2 || !isLowerRune(last) {
		return false
	}
	return s.abbreviation(left, classUpper) == 0
}
