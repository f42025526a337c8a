package segment

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// splitCase is one table row: a text, its language and the expected segment
// texts in order.
type splitCase struct {
	name string
	lang string
	text string
	want []string
}

func runSplitCases(t *testing.T, cases []splitCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := segmentTexts(t, c.text, c.lang)
			if !slices.Equal(got, c.want) {
				t.Errorf("Split(%q, %q)\n got  %q\n want %q", c.text, c.lang, got, c.want)
			}
			checkSpans(t, c.text, mustSplit(t, c.text, c.lang))
		})
	}
}

func mustSplit(t *testing.T, text, lang string) []Span {
	t.Helper()
	spans, err := Split(text, lang)
	if err != nil {
		t.Fatalf("Split: %v", err)
	}
	return spans
}

// checkSpans asserts the Span contract: in bounds, ordered, non-overlapping,
// on rune boundaries, trimmed, Text equal to the slice, Index and Paragraph
// counting from 0 without gaps.
func checkSpans(t *testing.T, text string, spans []Span) {
	t.Helper()
	boundary := runeBoundaries(text)
	prevEnd, prevPara := 0, 0
	for i, s := range spans {
		switch {
		case s.Index != i:
			t.Fatalf("span %d has Index %d", i, s.Index)
		case s.Start < prevEnd || s.Start >= s.End || s.End > len(text):
			t.Fatalf("span %d [%d,%d) out of order or bounds (previous end %d, len %d)", i, s.Start, s.End, prevEnd, len(text))
		case !boundary[s.Start] || !boundary[s.End]:
			t.Fatalf("span %d [%d,%d) not on rune boundaries", i, s.Start, s.End)
		case s.Text != text[s.Start:s.End]:
			t.Fatalf("span %d Text %q differs from the slice %q", i, s.Text, text[s.Start:s.End])
		case s.Paragraph != prevPara && s.Paragraph != prevPara+1 || i == 0 && s.Paragraph != 0:
			t.Fatalf("span %d jumps from paragraph %d to %d", i, prevPara, s.Paragraph)
		}
		if a, b := trimSpace(text, s.Start, s.End); a != s.Start || b != s.End {
			t.Fatalf("span %d %q has surrounding white space", i, s.Text)
		}
		prevEnd, prevPara = s.End, s.Paragraph
	}
}

// runeBoundaries marks every offset at which forward UTF-8 decoding stops,
// counting each invalid byte as a character of its own.
func runeBoundaries(text string) []bool {
	marks := make([]bool, len(text)+1)
	for i := 0; i < len(text); {
		marks[i] = true
		_, n := utf8.DecodeRuneInString(text[i:])
		i += n
	}
	marks[len(text)] = true
	return marks
}

func TestSplitSeedArticle(t *testing.T) {
	raw, err := os.ReadFile("../../seeds/000_02e3862b8b13521d.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	spans := mustSplit(t, text, "en")
	checkSpans(t, text, spans)
	want := map[int]Span{
		0: {Paragraph: 0, Index: 0, Start: 1, End: 102,
			Text: "Musk secretly communicates with Putin after the invasion of the Russian Federation into Ukraine - WSJ"},
		1: {Paragraph: 1, Index: 1, Start: 104, End: 234,
			Text: "Ilon Musk, the richest man in the world, has been in constant contact with Russian President Vladimir Putin since the end of 2022."},
		5: {Paragraph: 2, Index: 5, Start: 677, End: 697, Text: "WSJ writes about it."},
		// The blank line inside "$ 1.8 billion" is a hard break.
		11: {Paragraph: 4, Index: 11, Start: 1701, End: 1789,
			Text: "SpaceX, which manages the Starlink Service, won a secret contract for the amount of $ 1."},
		12: {Paragraph: 5, Index: 12, Start: 1791, End: 1879,
			Text: "8 billion in 2021 and is the main missile launch installation for the Pentagon and NASA."},
	}
	for i, w := range want {
		if i >= len(spans) || spans[i] != w {
			t.Errorf("span %d:\n got  %+v\n want %+v", i, spans[min(i, len(spans)-1)], w)
		}
	}
	// A detached closing quote stays with its sentence: `policy. "`.
	for _, s := range spans {
		if strings.HasPrefix(s.Text, `" One person`) {
			t.Errorf("detached closing quote opens a segment: %q", s.Text)
		}
	}
	if n := len(spans); n != 88 {
		t.Errorf("seed article has %d segments, want 88", n)
	}
}

func TestSplitContract(t *testing.T) {
	for _, text := range []string{"", " ", "\n\n\n", " \t\r\n \u00a0\u3000"} {
		spans, err := Split(text, "en")
		if err != nil || len(spans) != 0 {
			t.Errorf("Split(%q) = %v, %v; want no spans and no error", text, spans, err)
		}
	}

	big := strings.Repeat("a", MaxTextBytes+1)
	_, err := Split(big, "en")
	var tl *TooLargeError
	if !errors.As(err, &tl) || tl.Limit != MaxTextBytes || tl.Size != MaxTextBytes+1 {
		t.Errorf("over the limit: got %v, want a TooLargeError with the size and limit", err)
	}
	if _, err := Split(big[:MaxTextBytes], "en"); err != nil {
		t.Errorf("at the limit: %v", err)
	}

	text := "\n  One. Two.\n \t \nThree\n\n\n\nFour.\r\n\r\nFive."
	want := []Span{
		{0, 0, 3, 7, "One."}, {0, 1, 8, 12, "Two."},
		{1, 2, 17, 22, "Three"}, {2, 3, 26, 31, "Four."}, {3, 4, 35, 40, "Five."},
	}
	if got := mustSplit(t, text, "en"); !slices.Equal(got, want) {
		t.Errorf("paragraphs:\n got  %+v\n want %+v", got, want)
	}
}

func TestSplitLanguageTag(t *testing.T) {
	// German ordinals apply to every German tag; English splits there.
	const text = "Er kam am 3. Oktober."
	for _, lang := range []string{"de", "de-AT", "DE_de", "deu"} {
		if got := segmentTexts(t, text, lang); len(got) != 1 {
			t.Errorf("lang %q: %q, want one segment", lang, got)
		}
	}
	for _, lang := range []string{"en-GB", "fr", "", "x-not-a-tag"} {
		if got := segmentTexts(t, "I live in the U.S. He left.", lang); len(got) != 2 {
			t.Errorf("lang %q: %q, want two segments", lang, got)
		}
	}
}

func TestSplitInvalidUTF8(t *testing.T) {
	for _, text := range []string{
		"\xff\xfe. \xffHe left.", "Hello.\xe2\x80 World.", "a\xe2\x80\xa6\xa6 B\xc2", "\xc2\xa0\xc2. \xe2\x80\xa6\xe2",
		"\"\xff\" \xe2\x80\x9d. “\xff", "1.\n\xff2.\n\x80",
	} {
		spans := mustSplit(t, text, "en")
		checkSpans(t, text, spans)
	}
}
