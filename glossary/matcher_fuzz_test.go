package glossary

import (
	"testing"
	"unicode/utf8"
)

// FuzzFind checks that any text, valid UTF-8 or not, gives hits that are in
// bounds, on rune boundaries, ordered, non-overlapping and self-consistent.
func FuzzFind(f *testing.F) {
	for _, seed := range []string{
		"Ilon Musk's mask", "Kim Jong -\nun", "Хавʼєр Мілей", "习近平主席", "U.S.A",
		"the Musks' \xff\xfe mask", "MASK said", "O’Brien’s", "Musk\u0301 Musk\u200d",
	} {
		f.Add(seed, "en")
	}
	m := NewMatcher(testEntries())
	f.Fuzz(func(t *testing.T, text, lang string) {
		prevEnd := 0
		for _, h := range m.Find(text, lang) {
			if h.Start < prevEnd || h.End <= h.Start || h.End > len(text) {
				t.Fatalf("hit %+v out of order or bounds (previous end %d, len %d)", h, prevEnd, len(text))
			}
			if !runeBoundary(text, h.Start) || !runeBoundary(text, h.End) {
				t.Fatalf("hit %+v not on rune boundaries", h)
			}
			if h.Text != text[h.Start:h.End] || h.Confidence < 0 || h.Confidence > 1 {
				t.Fatalf("inconsistent hit %+v", h)
			}
			prevEnd = h.End
		}
		for _, h := range m.Check(text, lang) {
			if h.Check == "" {
				t.Fatalf("Check returned a right form %+v", h)
			}
		}
	})
}

func runeBoundary(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}
