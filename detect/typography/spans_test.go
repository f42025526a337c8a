package typography

import (
	"math/rand/v2"
	"slices"
	"testing"

	"lector/detect/segment"
)

// TestValidSpansKeepsTheSpansThatFit holds validSpans, which copies only
// from the first span that does not fit, to the rule written plainly: a span
// is kept when it is not empty, ends inside text and starts at or after the
// end of the last span kept.
func TestValidSpansKeepsTheSpansThatFit(t *testing.T) {
	text := "One. Two. Three.\n\nFour."
	sp := func(a, b int) segment.Span { return segment.Span{Start: a, End: b} }
	rows := []struct {
		name  string
		spans []segment.Span
	}{
		{"none", nil},
		{"all fit", []segment.Span{sp(0, 4), sp(5, 9), sp(10, 16), sp(18, 23)}},
		{"first empty", []segment.Span{sp(0, 0), sp(5, 9)}},
		{"overlap in the middle", []segment.Span{sp(0, 4), sp(3, 9), sp(10, 16)}},
		{"past the end last", []segment.Span{sp(0, 4), sp(18, 24)}},
		{"reversed", []segment.Span{sp(9, 5), sp(10, 16)}},
		{"negative", []segment.Span{sp(-3, 2), sp(5, 9)}},
	}
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			checkValidSpans(t, text, r.spans)
		})
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		spans := make([]segment.Span, rng.IntN(8))
		for i := range spans {
			spans[i] = sp(rng.IntN(30)-3, rng.IntN(30)-3)
		}
		checkValidSpans(t, text, spans)
	}
}

func checkValidSpans(t *testing.T, text string, spans []segment.Span) {
	t.Helper()
	var want []segment.Span
	prevEnd := 0
	for _, s := range spans {
		if s.Start >= prevEnd && s.End > s.Start && s.End <= len(text) {
			want = append(want, s)
			prevEnd = s.End
		}
	}
	if got := validSpans(text, spans); !slices.Equal(got, want) {
		t.Errorf("validSpans(%v) = %v, want %v", spans, got, want)
	}
}
