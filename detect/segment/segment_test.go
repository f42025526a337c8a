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

func TestSplitEnglish(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"titles and times", "en", "Mr. Smith met Dr. Jones at 5 p.m. yesterday.", []string{"Mr. Smith met Dr. Jones at 5 p.m. yesterday."}},
		{"company ends sentence", "en", "Apple Inc. reported results. The stock rose.", []string{"Apple Inc. reported results.", "The stock rose."}},
		{"company inside sentence", "en", "Apple Inc. Chief Executive Tim Cook spoke.", []string{"Apple Inc. Chief Executive Tim Cook spoke."}},
		{"e.g. and i.e.", "en", "Big firms, e.g. Acme, i.e. the largest, won.", []string{"Big firms, e.g. Acme, i.e. the largest, won."}},
		{"et al.", "en", "Smith et al. found nothing. They tried again.", []string{"Smith et al. found nothing.", "They tried again."}},
		{"No. before a number", "en", "See No. 5 on the list. I said no. Then I left.", []string{"See No. 5 on the list.", "I said no.", "Then I left."}},
		{"initials", "en", "J. R. R. Tolkien wrote it. He died in 1973.", []string{"J. R. R. Tolkien wrote it.", "He died in 1973."}},
		{"money and decimals", "en", "It costs $1.8 billion. Pi is 3.14.", []string{"It costs $1.8 billion.", "Pi is 3.14."}},
		{"closing quote after stop", "en", `He said "Stop." Then he left.`, []string{`He said "Stop."`, "Then he left."}},
		{"typographic quotes", "en", "He said “Stop.” Then he left. ‘Go.’ She went.", []string{"He said “Stop.”", "Then he left.", "‘Go.’", "She went."}},
		{"bracket after stop", "en", "(He left.) Then she came.", []string{"(He left.)", "Then she came."}},
		{"stop runs", "en", "What?! No way!!! Really?", []string{"What?!", "No way!!!", "Really?"}},
		{"url and e-mail", "en", "Visit https://example.com/a.b?x=1. Then write to info@example.org. Thanks.", []string{"Visit https://example.com/a.b?x=1.", "Then write to info@example.org.", "Thanks."}},
		{"bare domain", "en", "Read it on bbc.co.uk today. It is free.", []string{"Read it on bbc.co.uk today.", "It is free."}},
		{"no space after stop", "en", "Hello world.Today is Tuesday.", []string{"Hello world.", "Today is Tuesday."}},
		{"U.S. before a noun", "en", "The U.S. economy grew. It was fast.", []string{"The U.S. economy grew.", "It was fast."}},
		{"U.S. at the end", "en", "I live in the U.S. He left.", []string{"I live in the U.S.", "He left."}},
		{"U.S. glued to a word", "en", "The U.S.Army base is big.", []string{"The U.S.Army base is big."}},
		{"ellipsis character", "en", "He waited… Then he left. He waited… and left.", []string{"He waited…", "Then he left.", "He waited… and left."}},
		{"three dots", "en", "He waited... Then he left.", []string{"He waited...", "Then he left."}},
		{"list after a colon", "en", "Steps:\n1. Open the box\n2. Take it out", []string{"Steps:", "1. Open the box", "2. Take it out"}},
		{"lettered list", "en", "(a) first item\n(b) second item\niii) third item", []string{"(a) first item", "(b) second item", "iii) third item"}},
		{"bullets on lines", "en", "Key points:\n- prices rose\n- wages fell", []string{"Key points:", "- prices rose", "- wages fell"}},
		{"lettered items in a line", "en", "Options: a) Red paint b) Blue paint c) Green paint", []string{"Options:", "a) Red paint", "b) Blue paint", "c) Green paint"}},
		{"roman items in a line", "en", "i) First thing ii) Second thing iii) Third thing", []string{"i) First thing", "ii) Second thing", "iii) Third thing"}},
		{"i) then ii)", "en", "Steps: i) Open it ii) Close it", []string{"Steps:", "i) Open it", "ii) Close it"}},
		{"negative number", "en", "Temperature was -5. Then it rose.", []string{"Temperature was -5.", "Then it rose."}},
		{"sections in a sentence", "en", "It applies under sections (a) and (b) only.", []string{"It applies under sections (a) and (b) only."}},
		{"line break inside a sentence", "en", "This is a line\nthat continues here.", []string{"This is a line\nthat continues here."}},
		{"line ends a sentence", "en", "First line.\nsecond line starts lower", []string{"First line.", "second line starts lower"}},
		{"abbreviation at line end", "en", "We met Mr.\nSmith today.", []string{"We met Mr.\nSmith today."}},
		{"month abbreviation", "en", "He was born on Jan. 5 in Ohio.", []string{"He was born on Jan. 5 in Ohio."}},
		{"time then starter", "en", "It opens at 10 a.m. The queue is long.", []string{"It opens at 10 a.m.", "The queue is long."}},
		{"street then starter", "en", "She lives on Baker St. The house is red.", []string{"She lives on Baker St.", "The house is red."}},
		{"Ph.D.", "en", "She has a Ph.D. in physics.", []string{"She has a Ph.D. in physics."}},
		{"quote after question", "en", `"Why?" he asked. "Because."`, []string{`"Why?" he asked.`, `"Because."`}},
		{"year starts sentence", "en", "It ended in 2021. 30 people died.", []string{"It ended in 2021.", "30 people died."}},
		{"parenthesis kept whole", "en", "He teaches science (He worked as an engineer. He liked it.) at the University. Then he left.",
			[]string{"He teaches science (He worked as an engineer. He liked it.) at the University.", "Then he left."}},
		{"quotation kept whole", "en", `He said: "We will win. The enemy will lose," and left. Then it rained.`,
			[]string{`He said: "We will win. The enemy will lose," and left.`, "Then it rained."}},
		{"curly quotation kept whole", "en", "“We will win. They will lose.” He left.", []string{"“We will win. They will lose.”", "He left."}},
		{"stray parenthesis", "en", "Prices rose (see the chart. Wages fell. Then it rained.", []string{"Prices rose (see the chart.", "Wages fell.", "Then it rained."}},
		{"quoted words", "en", `He called it "absurd". "It is fine," she said. Then she left.`, []string{`He called it "absurd".`, `"It is fine," she said.`, "Then she left."}},
		{"quote closes after abbreviation", "en", `"I live in the U.S." Mary said nothing.`, []string{`"I live in the U.S."`, "Mary said nothing."}},
		{"abbreviation at line end before a name", "en", "He works at Google Inc.\nThe company is big.", []string{"He works at Google Inc.", "The company is big."}},
		{"titles in a row", "en", "Rev. Dr. Martin Luther King Jr. spoke. He was brave.", []string{"Rev. Dr. Martin Luther King Jr. spoke.", "He was brave."}},
		{"sentence in brackets", "en", "The results are in. (See Table 1.) They are good.", []string{"The results are in.", "(See Table 1.)", "They are good."}},
		{"full-width stops", "und", "これはペンです。それはマーカーです。", []string{"これはペンです。", "それはマーカーです。"}},
	})
}
