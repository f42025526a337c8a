package typography

import (
	"testing"

	"lector/detect/internal/enginetest"

	"lector/detect/finding"
)

// TestTypographySeedArticle pins every finding on the seed article, and
// only those: the title ("... into Ukraine - WSJ", no stop, then a capital)
// is a heading, "Ukraine - WSJ" is a dash, "non-Yanfa" and "Trump's" are
// fine, and every other quotation is closed.
func TestTypographySeedArticle(t *testing.T) {
	text := enginetest.ReadText(t, "../../seeds/000_02e3862b8b13521d.txt")
	want := []finding.Finding{
		typoWant(finding.KindTypography, "space-after-currency", 1785, 1787, "$ ", "$", 0.9),            // "the amount of $ 1."
		typoWant(finding.KindSegmentation, "broken-paragraph", 1789, 1791, "\n\n", "", 0.95),            // "$ 1." / "8 billion": the figure 1.8
		typoWant(finding.KindTypography, "space-before-closing-quote", 2437, 2439, " \"", "\"", 0.75),   // "anything else. \""
		typoWant(finding.KindTypography, "space-before-hyphen", 2636, 2638, " -", "-", 0.85),            // "super -secret"
		typoWant(finding.KindTypography, "spaced-ellipsis", 2707, 2712, ". . .", "...", 0.9),            // "I know about . . ."
		typoWant(finding.KindSegmentation, "broken-paragraph", 2712, 2714, "\n\n", " ", 0.8),            // the quotation goes on: "... boring,\" Musk said"
		typoWant(finding.KindTypography, "space-before-closing-quote", 2974, 2976, " \"", "\"", 0.75),   // "security policy. \""
		typoWant(finding.KindSegmentation, "broken-paragraph", 4735, 4737, "\n\n", "", 0.9),             // "\"the killer." / "\" With the keys"
		typoWant(finding.KindTypography, "space-before-hyphen", 5080, 5082, " -", "-", 0.85),            // "Kim Jong -in"
		typoWant(finding.KindTypography, "space-before-hyphen", 5407, 5409, " -", "-", 0.85),            // "other high -ranking Russian officials"
		typoWant(finding.KindTypography, "space-before-hyphen", 7402, 7404, " -", "-", 0.85),            // "\"high -ranking Russians\""
		typoWant(finding.KindTypography, "space-after-currency", 11400, 11402, "$ ", "$", 0.9),          // "up to $ 45 million"
		typoWant(finding.KindTypography, "space-before-closing-quote", 11720, 11722, " \"", "\"", 0.75), // "efficiency. \""
		typoWant(finding.KindTypography, "unpaired-quote", 11764, 11765, "\"", "", 0.6),                 // "\"there is only one candidate ...": the article is cut off
	}
	got := Check(text, paragraphSpansForTest(text))
	typoAssertValid(t, text, got)
	typoAssertFindings(t, got, want)
}

func typoWant(kind, check string, start, end int, text, suggestion string, confidence float64) finding.Finding {
	return finding.Finding{Kind: kind, Check: check, Start: start, End: end, Text: text, Suggestion: suggestion, Confidence: confidence}
}

func typoAssertFindings(t *testing.T, got, want []finding.Finding) {
	t.Helper()
	for k := 0; k < max(len(got), len(want)); k++ {
		switch {
		case k >= len(got):
			t.Errorf("missing %+v", want[k])
		case k >= len(want):
			t.Errorf("unexpected %+v", got[k])
		case got[k] != want[k]:
			t.Errorf("finding %d:\n got %+v\nwant %+v", k, got[k], want[k])
		}
	}
}

// TestTypographyCleanSamples: well-set news text in four languages gets no
// finding at all; each sample holds the look-alikes of the faults (dashes,
// minus signs, apostrophes, "z. B.", enumerations, headings, nested quotes).
func TestTypographyCleanSamples(t *testing.T) {
	for _, name := range []string{"clean_en.txt", "clean_ru.txt", "clean_uk.txt", "clean_de.txt"} {
		text := enginetest.ReadText(t, "testdata/"+name)
		for _, f := range Check(text, paragraphSpansForTest(text)) {
			t.Errorf("%s: false positive %s %q at %d (…%s…)", name, f.Check, f.Text, f.Start, text[max(0, f.Start-20):min(len(text), f.End+20)])
		}
	}
}
