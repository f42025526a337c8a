package names

import (
	"testing"
	"unicode/utf8"
)

// FuzzCheck: Check must not panic on any input, including invalid UTF-8 and
// arbitrary known ranges, and every hit must be a valid, non-overlapping,
// in-order span of the text outside the flagged known ranges.
func FuzzCheck(f *testing.F) {
	f.Add("He met Ilon Musk and Mileya; Zhaiir Bolsonar said bammer.", 0, 4, true)
	f.Add("Taler Carlson interviewed Putin. \xff\xfe Jan Bremmer", 6, 12, false)
	f.Add("Хав'єр Мілей and Si Jinping's aide", -3, 100, true)
	f.Add("\xed\xa0\x80 Bashara Assad-al- -'s", 2, 1, false)
	fz := NewFuzzy(seedFuzzyGlossary(f))
	f.Fuzz(func(t *testing.T, text string, start, end int, flagged bool) {
		known := []Hit{{Start: start, End: end}}
		if flagged {
			known[0].Check = CheckVariant
		}
		for _, lang := range []string{"en", "ru"} {
			hits := fz.Check(text, lang, known)
			prevEnd := 0
			for _, h := range hits {
				if h.Start < prevEnd || h.End <= h.Start || h.End > len(text) {
					t.Fatalf("bad span %d..%d (prev end %d, len %d)", h.Start, h.End, prevEnd, len(text))
				}
				if h.Text != text[h.Start:h.End] || !utf8.ValidString(h.Text) {
					t.Fatalf("hit text %q does not match span %q", h.Text, text[h.Start:h.End])
				}
				if flagged && h.Start < end && start < h.End {
					t.Fatalf("hit %q overlaps a flagged known range", h.Text)
				}
				if h.Check != CheckFuzzy || h.Suggestion == "" || h.Confidence <= 0 || h.Confidence > 1 {
					t.Fatalf("malformed hit %+v", h)
				}
				prevEnd = h.End
			}
		}
	})
}
