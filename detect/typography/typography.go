// Package typography checks the typography of a translated text (spaces MT
// puts before hyphens and after currency signs, spaced ellipses, unpaired
// quotes and brackets) and finds paragraphs that MT broke in two. It is pure:
// text and spans in, findings with byte offsets out.
package typography

import (
	"cmp"
	"slices"

	"lector/detect/finding"
	"lector/detect/segment"
)

// Check names are part of the `lector check` contract.
const (
	CheckSpaceBeforeHyphen    = "space-before-hyphen"
	CheckSpaceAfterCurrency   = "space-after-currency"
	CheckSpacedEllipsis       = "spaced-ellipsis"
	CheckSpaceBeforeClosing   = "space-before-closing-quote"
	CheckDoubleSpace          = "double-space"
	CheckUnpairedQuote        = "unpaired-quote"
	CheckUnpairedBracket      = "unpaired-bracket"
	CheckBrokenParagraph      = "broken-paragraph"
	ellipsisSuggestion        = "..." // ASCII, so that the fix never changes the text's script or font coverage
	confidenceHyphen          = 0.85
	confidenceCurrency        = 0.9
	confidenceEllipsis        = 0.9
	confidenceDoubleSpace     = 0.9
	confidenceClosingCurly    = 0.85 // the mark says it closes
	confidenceClosingStraight = 0.75 // parity says it closes
	confidenceUnpaired        = 0.6
	confidenceUnpairedSingle  = 0.5 // straight and curly single quotes double as apostrophes
)

// Check runs every typography and segmentation check over text, whose spans
// came from segment.Split; findings are ordered by Start. Offsets are into text.
//
// The checks (Finding.Check; Kind is typography unless said otherwise):
// space-before-hyphen, space-after-currency, spaced-ellipsis (suggests
// "..."), space-before-closing-quote, double-space (only inside a span),
// unpaired-quote, unpaired-bracket, and broken-paragraph (segmentation),
// whose finding covers the white space between two paragraphs and suggests
// what to join them with. The result is nil when nothing is found.
//
// Spans that do not fit text (negative, reversed, past the end, or starting
// before the previous span ends) are ignored rather than trusted, so that a
// bad caller gets fewer findings, never a panic or an offset outside text.
func Check(text string, spans []segment.Span) []finding.Finding {
	paras := typoParagraphs(text, spans)
	s := typoScanner{text: text}
	for k, p := range paras {
		s.beginParagraph(p)
		s.scanParagraph()
		closure := s.endParagraph()
		if k > 0 {
			s.checkBreak(paras[k-1], p, closure)
		}
	}
	s.finish()
	slices.SortStableFunc(s.out, func(a, b finding.Finding) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), cmp.Compare(a.Check, b.Check))
	})
	return s.out
}

// typoParagraph is the stretch of text from the first span of a paragraph to
// the end of its last span. Checks within a paragraph look at this whole
// stretch, because a segmenter may cut a sentence inside ". . ." or before a
// closing quote, and the fault must still be seen.
type typoParagraph struct {
	start, end int
	spans      []segment.Span
}

func typoParagraphs(text string, spans []segment.Span) []typoParagraph {
	valid := validSpans(text, spans)
	var paras []typoParagraph
	for lo := 0; lo < len(valid); {
		hi := lo + 1
		for hi < len(valid) && valid[hi].Paragraph == valid[lo].Paragraph {
			hi++
		}
		paras = append(paras, typoParagraph{start: valid[lo].Start, end: valid[hi-1].End, spans: valid[lo:hi:hi]})
		lo = hi
	}
	return paras
}

// validSpans returns the spans that fit text, in order. Spans from
// segment.Split all fit, and a megabyte of text has thousands of them: they
// are copied only from the first one that does not fit.
func validSpans(text string, spans []segment.Span) []segment.Span {
	var valid []segment.Span
	prevEnd := 0
	for i, sp := range spans {
		if sp.Start < prevEnd || sp.End <= sp.Start || sp.End > len(text) {
			if valid == nil {
				valid = append(make([]segment.Span, 0, len(spans)), spans[:i]...)
			}
			continue
		}
		prevEnd = sp.End
		if valid != nil {
			valid = append(valid, sp)
		}
	}
	if valid == nil {
		return spans
	}
	return valid
}

// typoScanner carries the state of one Typography call: the findings so far,
// the paragraph being scanned, and the quotes and brackets still open, which
// may cross a paragraph break.
type typoScanner struct {
	text     string
	out      []finding.Finding
	para     typoParagraph
	spanIdx  int     // the span of para that the scan has reached
	run      typoRun // spaces just before a possible closing quote, decided when the quote is read
	quotes   typoStack
	brackets typoStack
	guill    typoGuillemets
	closure  typoClosure
}

// typoRun is a run of spaces [start, end); empty when start == end.
type typoRun struct{ start, end int }

func (s *typoScanner) add(kind, check string, start, end int, suggestion string, confidence float64) {
	s.out = append(s.out, finding.Finding{
		Kind:       kind,
		Check:      check,
		Start:      start,
		End:        end,
		Text:       s.text[start:end],
		Suggestion: suggestion,
		Confidence: confidence,
	})
}

func (s *typoScanner) beginParagraph(p typoParagraph) {
	s.para = p
	s.spanIdx = 0
	s.run = typoRun{}
	s.closure = typoClosure{}
	s.quotes.markCarried()
	s.brackets.markCarried()
	s.guill.beginParagraph(&s.quotes)
}

// endParagraph reports the marks that were carried into this paragraph and
// are still open (a quotation may run over one paragraph break, not two, unless
// each new paragraph reopens it) and single quotes, which never carry.
func (s *typoScanner) endParagraph() typoClosure {
	s.quotes.dropUnclosed(s, CheckUnpairedQuote, true)
	s.brackets.dropUnclosed(s, CheckUnpairedBracket, false)
	return s.closure
}

// finish reports every mark still open at the end of the text.
func (s *typoScanner) finish() {
	s.quotes.markCarried()
	s.brackets.markCarried()
	s.quotes.dropUnclosed(s, CheckUnpairedQuote, true)
	s.brackets.dropUnclosed(s, CheckUnpairedBracket, false)
}
