package typography

import (
	"unicode"

	"lector/detect/finding"
)

// typoQuoteAction is what a quote mark does to the open quotations.
type typoQuoteAction int

const (
	typoQuoteIgnore typoQuoteAction = iota // an apostrophe, or a mark that cannot be placed
	typoQuoteOpen
	typoQuoteClose // closes the mark at the returned index
	typoQuoteStray // a closer with nothing to close
)

// quote handles the quote mark r at i. run is the space just before it, if
// any: before a closing quote it is a space-before-closing-quote finding,
// otherwise it may be a double space.
func (s *typoScanner) quote(i int, r rune, size int) {
	run := s.run
	s.run = typoRun{}
	prev, _ := s.runeBefore(i)
	next, _ := s.runeAt(i + size)
	// The neighbours say which way a mark faces: a straight quote after a
	// space and before a word opens, after a word and before a space closes.
	ctx := typoQuoteContext{
		afterSpace:  prev < 0 || typoIsSpaceRune(prev) || typoOpensContext(prev),
		beforeSpace: next < 0 || typoIsSpaceRune(next) || typoClosesContext(next),
		inWord:      unicode.IsLetter(prev) && unicode.IsLetter(next),
		nextDigit:   typoIsDigit(next),
		prevDigit:   typoIsDigit(prev),
	}
	if r == '\'' || r == '‘' {
		ctx.elision = typoIsElision(s.text[i+size : s.para.end])
	}
	action, idx := s.resolveQuote(r, ctx)
	consumed := false
	switch action {
	case typoQuoteOpen:
		s.openQuote(typoMark{r: r, start: i, size: size, spaced: next >= 0 && typoIsSpaceRune(next)})
	case typoQuoteClose:
		m := s.quotes.closeAt(s, idx, CheckUnpairedQuote)
		s.noteClosed(m, i)
		consumed = s.spaceBeforeClosing(run, m, i, size)
	case typoQuoteStray:
		s.add(finding.KindTypography, CheckUnpairedQuote, i, i+size, "", confidenceUnpaired)
	}
	if !consumed && run.end > run.start {
		s.doubleSpace(run)
	}
}

type typoQuoteContext struct {
	afterSpace, beforeSpace, inWord, nextDigit, prevDigit bool
	elision                                               bool // 'em, 'til: an apostrophe that starts a word
}

// typoIsElision: words that start with an apostrophe in English news.
func typoIsElision(after string) bool {
	k := 0
	for k < len(after) && k < 6 && (after[k] >= 'a' && after[k] <= 'z' || after[k] >= 'A' && after[k] <= 'Z') {
		k++
	}
	if k < len(after) && typoIsLetterOrDigit(rune(after[k])) {
		return false
	}
	switch after[:k] {
	case "em", "til", "cause", "tis", "twas", "n", "s", "t", "Tis", "Twas":
		return true
	}
	return false
}

// resolveQuote decides what the mark r does. Straight double quotes face
// whichever way their neighbours say; when the neighbours do not say (spaces
// on both sides, as in `else. " During`), parity decides: a quotation is
// open, so this closes it.
func (s *typoScanner) resolveQuote(r rune, c typoQuoteContext) (typoQuoteAction, int) {
	q := &s.quotes
	switch r {
	case '"':
		opens := c.afterSpace && !c.beforeSpace
		closes := !c.afterSpace && c.beforeSpace
		idx := q.find('"', '"')
		switch {
		case opens:
			return typoQuoteOpen, -1
		case idx >= 0:
			return typoQuoteClose, idx
		case closes && c.prevDigit:
			return typoQuoteIgnore, -1 // inches: a 12" screen
		case closes:
			return typoQuoteStray, -1
		}
		return typoQuoteOpen, -1
	case '\'':
		// Only a quote-like ' counts: "don't", "Trump's", "Obamas'" and
		// Ukrainian "м'ясо" are apostrophes.
		switch {
		case c.inWord, c.elision:
		case c.afterSpace && !c.beforeSpace && !c.nextDigit:
			return typoQuoteOpen, -1
		case !c.afterSpace && c.beforeSpace:
			if idx := q.find('\'', '\''); idx >= 0 {
				return typoQuoteClose, idx
			}
		}
		return typoQuoteIgnore, -1
	case '„', '‚':
		return typoQuoteOpen, -1
	case '“': // closes German „…“, opens English “…”
		if idx := q.find('„', '„'); idx >= 0 {
			return typoQuoteClose, idx
		}
		return typoQuoteOpen, -1
	case '”': // closes “…” and Polish „…”; Swedish ”…” opens with it too
		if idx := q.find('“', '„'); idx >= 0 {
			return typoQuoteClose, idx
		}
		if idx := q.find('”', '”'); idx >= 0 {
			return typoQuoteClose, idx
		}
		if c.afterSpace && !c.beforeSpace {
			return typoQuoteOpen, -1
		}
		return typoQuoteStray, -1
	case '‘': // closes German ‚…‘, opens English ‘…’; ‘90s is an apostrophe
		if idx := q.find('‚', '‚'); idx >= 0 {
			return typoQuoteClose, idx
		}
		if c.inWord || c.nextDigit || c.elision {
			return typoQuoteIgnore, -1
		}
		return typoQuoteOpen, -1
	case '’': // also the typographic apostrophe: don’t, Trump’s
		if c.inWord {
			return typoQuoteIgnore, -1
		}
		if idx := q.find('‘', '‚'); idx >= 0 {
			return typoQuoteClose, idx
		}
		return typoQuoteIgnore, -1
	case '«', '»':
		opener := s.guill.opener(r, c)
		if r == opener {
			return typoQuoteOpen, -1
		}
		if idx := q.find(opener, opener); idx >= 0 {
			return typoQuoteClose, idx
		}
		return typoQuoteStray, -1
	}
	return typoQuoteIgnore, -1
}

// openQuote pushes m, unless the paragraph starts by reopening a quotation
// carried from the last one: the English convention for a quotation that
// runs over paragraphs. Straight quotes may nest ("the so-called "DNR" is"),
// as machine translation writes them for «„“».
func (s *typoScanner) openQuote(m typoMark) {
	if idx := s.quotes.find(m.r, m.r); idx >= 0 && m.start == s.para.start && s.quotes.marks[idx].carried {
		s.quotes.marks[idx] = m
		s.closure.continued = true
		return
	}
	s.quotes.push(m)
}

// spaceBeforeClosing reports the spaces in run when they sit between a word
// and the closer at i of the quotation m. A quotation opened with a space
// after it (« mot ») is spaced on purpose and is left alone.
func (s *typoScanner) spaceBeforeClosing(run typoRun, m typoMark, i, size int) bool {
	if run.end != i || run.start <= s.para.start || m.spaced {
		return false
	}
	if prev, _ := s.runeBefore(run.start); typoIsSpaceRune(prev) {
		return false
	}
	confidence := confidenceClosingCurly
	if m.r == '"' {
		confidence = confidenceClosingStraight
	}
	s.add(finding.KindTypography, CheckSpaceBeforeClosing, run.start, i+size, s.text[i:i+size], confidence)
	return true
}

// typoGuillemets remembers which way « » face in the current paragraph:
// «…» in Russian, Ukrainian and French, »…« in German.
type typoGuillemets struct{ decided, reversed bool }

func (g *typoGuillemets) beginParagraph(quotes *typoStack) {
	if !quotes.has('«') && !quotes.has('»') {
		*g = typoGuillemets{}
	}
}

// opener returns the guillemet that opens in this paragraph, deciding it at
// the first one: a » that faces a word after a space opens German »…«.
func (g *typoGuillemets) opener(r rune, c typoQuoteContext) rune {
	if !g.decided {
		g.decided = true
		g.reversed = r == '»' && c.afterSpace && !c.beforeSpace
	}
	if g.reversed {
		return '»'
	}
	return '«'
}

func typoIsQuoteRune(r rune) bool {
	switch r {
	case '"', '\'', '«', '»', '„', '“', '”', '‘', '’', '‚':
		return true
	}
	return false
}

func typoIsSingleQuote(r rune) bool { return r == '\'' || r == '‘' || r == '’' || r == '‚' }

// typoOpensContext: marks after which a quote faces forward, as after a space.
func typoOpensContext(r rune) bool {
	switch r {
	case '(', '[', '{', '—', '–', '/', '“', '„', '«', '‘', '‚':
		return true
	}
	return false
}

// typoClosesContext: marks before which a quote faces back, as before a space.
func typoClosesContext(r rune) bool {
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '}', '…', '—', '–', '-', '”', '»', '’', '"', '\'':
		return true
	}
	return false
}

func typoIsSpaceRune(r rune) bool { return r >= 0 && unicode.IsSpace(r) }

func typoIsLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
