package typography

import (
	"os"
	"testing"

	"lector/detect/segment"
)

// FuzzTypography: whatever the text, Typography does not panic and every
// finding has valid offsets and Text == text[Start:End].
//
//	go test ./review -run '^$' -fuzz FuzzTypography -fuzztime 60s -fuzzminimizetime 5s
//
// (Minimizing an input with thousands of findings takes the default minute,
// during which the fuzzer reports 0 execs/sec; a shorter limit keeps it busy.)
func FuzzTypography(f *testing.F) {
	if b, err := os.ReadFile("../../seeds/000_02e3862b8b13521d.txt"); err == nil {
		f.Add(string(b))
	}
	for _, tc := range typoCases() {
		f.Add(tc.text)
	}
	for _, s := range typoGarbage() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		spans := paragraphSpansForTest(text)
		typoAssertValid(t, text, Check(text, spans))
	})
}

// typoGarbage is input that is not UTF-8, or barely text.
func typoGarbage() []string {
	return []string{
		"\xff\xfe $ \xe2\x82 5 \"\xc2",
		"\xe2\x80\x9c\xe2\x80",            // “ and a cut ”
		"$\xe2\x82\xac \xc2\xab\xc2",      // $€ « and a cut »
		"( \xbb\xab ) \x80 -\xff",         // stray continuation bytes
		"\"\n\n\"\n\n\"\n\n",              // quotes alone in paragraphs
		"1.\n\n\xff8",                     // a split number with garbage
		". . \xff. . .",                   // an ellipsis with garbage
		"\xc2\xa0\xc2\xa0word\xc2\xa0 \"", // no-break spaces
	}
}

func TestTypographyGarbage(t *testing.T) {
	for _, text := range typoGarbage() {
		typoAssertValid(t, text, Check(text, paragraphSpansForTest(text)))
	}
	text := "\xff high -ranking \xfe"
	got := typoStrip(Check(text, paragraphSpansForTest(text)))
	typoAssertFindings(t, got, typoResolve(t, text, []typoExpect{{"space-before-hyphen", "high⟦ -⟧ranking", "-"}}))
}

// TestTypographySpans: with several spans in a paragraph, as Split makes
// them, the spaces between spans are not a double space, a fault cut by a
// span boundary is still seen, and spans that do not fit the text are
// ignored.
func TestTypographySpans(t *testing.T) {
	text := `He said "no more. " Then.  Ok . . . fine.`
	//        0         1         2         3         4
	spans := []segment.Span{
		{Paragraph: 0, Index: 0, Start: 0, End: 17, Text: `He said "no more.`},
		{Paragraph: 0, Index: 1, Start: 18, End: 25, Text: `" Then.`},
		{Paragraph: 0, Index: 2, Start: 27, End: 33, Text: `Ok . .`},
		{Paragraph: 0, Index: 3, Start: 34, End: 41, Text: `. fine.`},
	}
	want := []typoExpect{
		{"space-before-closing-quote", `more.⟦ "⟧ Then`, `"`},
		{"spaced-ellipsis", `Ok ⟦. . .⟧ fine`, "..."},
	}
	got := Check(text, spans)
	typoAssertValid(t, text, got)
	typoAssertFindings(t, typoStrip(got), typoResolve(t, text, want))

	bad := []segment.Span{{Start: -1, End: 3}, {Start: 5, End: 2}, {Start: 0, End: 1000}, {Start: 30, End: 41}, {Start: 20, End: 35}}
	got = Check(text, bad)
	typoAssertValid(t, text, got)
	if Check("", nil) != nil || Check(text, nil) != nil {
		t.Error("no spans should give no findings")
	}
}
