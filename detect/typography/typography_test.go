package typography

import (
	"strings"
	"testing"
	"unicode"

	"lector/detect/finding"
	"lector/detect/segment"
)

// paragraphSpansForTest stands in for Split, which is written elsewhere: one
// span per paragraph (paragraphs are separated by blank lines), trimmed.
func paragraphSpansForTest(text string) []segment.Span {
	var spans []segment.Span
	start, end := -1, -1 // the paragraph being collected
	flush := func() {
		if start >= 0 {
			spans = append(spans, segment.Span{Paragraph: len(spans), Index: len(spans), Start: start, End: end, Text: text[start:end]})
		}
		start, end = -1, -1
	}
	for lineStart := 0; lineStart < len(text); {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		line := text[lineStart:lineEnd]
		if trimmed := strings.TrimLeftFunc(line, unicode.IsSpace); trimmed == "" {
			flush()
		} else {
			if start < 0 {
				start = lineStart + len(line) - len(trimmed)
			}
			end = lineStart + len(strings.TrimRightFunc(line, unicode.IsSpace))
		}
		lineStart = lineEnd + 1
	}
	flush()
	return spans
}

// typoExpect is one expected finding in a table case. at is a piece of the
// input with the finding's text between ⟦ and ⟧, so that the offsets in the
// table are exact without being counted by hand.
type typoExpect struct {
	check, at, suggestion string
}

type typoCase struct {
	name string
	text string
	want []typoExpect
}

func TestTypographyTable(t *testing.T) {
	for _, tc := range typoCases() {
		t.Run(tc.name, func(t *testing.T) {
			got := Check(tc.text, paragraphSpansForTest(tc.text))
			typoAssertValid(t, tc.text, got)
			typoAssertFindings(t, typoStrip(got), typoResolve(t, tc.text, tc.want))
		})
	}
}

// typoResolve turns expectations into findings with offsets into text.
func typoResolve(t *testing.T, text string, want []typoExpect) []finding.Finding {
	t.Helper()
	var out []finding.Finding
	for _, w := range want {
		open, end := strings.Index(w.at, "⟦"), strings.Index(w.at, "⟧")
		if open < 0 || end < open {
			t.Fatalf("expectation %q has no ⟦...⟧", w.at)
		}
		plain := w.at[:open] + w.at[open+len("⟦"):end] + w.at[end+len("⟧"):]
		base := strings.Index(text, plain)
		if base < 0 {
			t.Fatalf("expectation %q is not in the text", plain)
		}
		start := base + open
		stop := start + end - open - len("⟦")
		kind := finding.KindTypography
		if w.check == "broken-paragraph" {
			kind = finding.KindSegmentation
		}
		out = append(out, finding.Finding{Kind: kind, Check: w.check, Start: start, End: stop, Text: text[start:stop], Suggestion: w.suggestion})
	}
	return out
}

// typoStrip drops the confidence, which the table does not pin (the seed
// test does).
func typoStrip(fs []finding.Finding) []finding.Finding {
	out := make([]finding.Finding, len(fs))
	for k, f := range fs {
		f.Confidence = 0
		out[k] = f
	}
	return out
}

// typoAssertValid checks what every caller relies on: offsets on rune
// boundaries (an invalid byte counts as a rune, as in a range loop), Text
// equal to text[Start:End], known kinds, confidence in (0, 1], order by Start,
// no overlap.
func typoAssertValid(t testing.TB, text string, fs []finding.Finding) {
	t.Helper()
	boundary := make(map[int]bool, len(text)+1)
	for i := range text {
		boundary[i] = true
	}
	boundary[len(text)] = true
	for k, f := range fs {
		if f.Start < 0 || f.End < f.Start || f.End > len(text) || !boundary[f.Start] || !boundary[f.End] {
			t.Fatalf("finding %d has bad offsets: %+v", k, f)
		}
		if f.Text != text[f.Start:f.End] {
			t.Fatalf("finding %d: Text %q is not text[%d:%d] %q", k, f.Text, f.Start, f.End, text[f.Start:f.End])
		}
		if f.Kind != finding.KindTypography && f.Kind != finding.KindSegmentation {
			t.Fatalf("finding %d: kind %q", k, f.Kind)
		}
		if f.Confidence <= 0 || f.Confidence > 1 {
			t.Fatalf("finding %d: confidence %v", k, f.Confidence)
		}
		// Each piece of text belongs to one finding, so that an editor can
		// apply every suggestion at once.
		if k > 0 && fs[k-1].End > f.Start {
			t.Fatalf("findings %d and %d overlap or are out of order: %+v, %+v", k-1, k, fs[k-1], f)
		}
	}
}

// TestTypographyTriggerTable: the lookup table stops the scan at exactly the
// bytes scanParagraph handles.
func TestTypographyTriggerTable(t *testing.T) {
	if len(typoTrigger) != 256 {
		t.Fatalf("typoTrigger has %d entries, want 256", len(typoTrigger))
	}
	for b := 0; b < 256; b++ {
		want := strings.IndexByte(" .\"'()[]{}\xc2\xe2", byte(b)) >= 0
		if got := typoTrigger[b] != 0; got != want {
			t.Errorf("typoTrigger[%#x] = %v, want %v", b, got, want)
		}
	}
}
