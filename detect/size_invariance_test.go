package detect

import (
	"fmt"
	"os"
	"runtime"
	"testing"
	"time"

	"lector/detect/finding"
	"lector/detect/names"
	"lector/detect/names/namestest"
)

// sizeInvarianceNames is how many unrelated generated person names
// TestFindingsIgnoreUnrelatedNames adds to the glossary: the size the engine
// is built for.
const sizeInvarianceNames = 1_000_000

// sizeArticles are English articles whose findings must not depend on the
// size of the glossary.
var sizeArticles = []string{
	"seeds/000_02e3862b8b13521d.txt",
	"detect/names/testdata/fuzzy/article_berlin.txt",
	"detect/testdata/quality/second_article.txt",
}

// sizeText is one text to check, in its language.
type sizeText struct{ label, lang, text string }

// TestFindingsIgnoreUnrelatedNames checks that a glossary's findings in a
// text do not change when a million unrelated names join it: no cap on the
// candidates looked at, no tie broken by where an entry sits in the index.
// The generated entries come first and their keys sort first, so that any
// decision made by index or key order between a real entry and a generated
// one would show. The texts are the English articles and the held-out
// Russian, Ukrainian and German sentences, which exercise case forms, stand-in
// forms and relatives' names.
func TestFindingsIgnoreUnrelatedNames(t *testing.T) {
	start := time.Now()
	n := sizeInvarianceNames
	if raceDetector {
		n /= 10
	}
	generated := generatedPersons(n)
	var articles []sizeText
	for _, path := range sizeArticles {
		raw, err := os.ReadFile("../" + path)
		if err != nil {
			t.Fatal(err)
		}
		articles = append(articles, sizeText{path, "en", string(raw)})
	}
	var sentences []sizeText
	for _, c := range append(heldOutCases[:len(heldOutCases):len(heldOutCases)], validationCases...) {
		sentences = append(sentences, sizeText{c.lang + " " + c.text, c.lang, c.text})
	}
	seed := loadGlossary(t, "seeds/glossary.csv")
	second := loadGlossary(t, secondGlossary)
	people := append(heldOutGlossary("en", "ru", "uk", "de"), peopleGlossary(validationPeople, "en", "ru", "uk", "de")...)
	for _, g := range []struct {
		name    string
		entries []names.Entry
		texts   []sizeText
	}{
		{"seed glossary", seed, articles},
		{"seed glossary, en+ru preferred only", enRuPreferred(seed), articles},
		{"second glossary, en+ru preferred only", enRuPreferred(second), articles},
		{"held-out people, preferred forms", people, sentences},
		{"held-out people, en+ru preferred only", enRuPreferred(people), sentences},
	} {
		t.Run(g.name, func(t *testing.T) {
			alone := New(g.entries)
			large := New(append(generated[:len(generated):len(generated)], g.entries...))
			total := 0
			for _, text := range g.texts {
				want := checkFlat(t, alone, text.text, text.lang)
				got := checkFlat(t, large, text.text, text.lang)
				compareFindings(t, text.label, want, got)
				total += len(want)
			}
			t.Logf("%d texts, %d findings", len(g.texts), total)
			runtime.GC()
		})
	}
	t.Logf("%d generated names: %v", n, time.Since(start).Round(time.Millisecond))
}

// generatedPersons makes one person entry per generated name, its preferred
// English form, with keys that sort before every real key.
func generatedPersons(n int) []names.Entry {
	entries := make([]names.Entry, n)
	for i, name := range namestest.Names(n, 16) {
		entries[i] = names.Entry{Key: fmt.Sprintf("0gen%07d", i), Type: "person",
			Terms: []names.Term{{Lang: "en", Form: name, Status: names.Preferred, CaseSensitive: true}}}
	}
	return entries
}

func checkFlat(t *testing.T, c *Checker, text, lang string) []finding.Finding {
	t.Helper()
	checked, err := c.Check(text, lang)
	if err != nil {
		t.Fatal(err)
	}
	return flatten(checked)
}

// compareFindings reports every finding of want missing from got and back.
func compareFindings(t *testing.T, label string, want, got []finding.Finding) {
	t.Helper()
	key := func(f finding.Finding) string {
		return fmt.Sprintf("%d..%d %q %s → %q (%s %s)", f.Start, f.End, f.Text, f.Check, f.Suggestion, f.EntryKey, f.Entry)
	}
	in := func(fs []finding.Finding) map[string]bool {
		m := map[string]bool{}
		for _, f := range fs {
			m[key(f)] = true
		}
		return m
	}
	inWant, inGot := in(want), in(got)
	for _, f := range want {
		if !inGot[key(f)] {
			t.Errorf("%s: lost with the generated names: %s", label, key(f))
		}
	}
	for _, f := range got {
		if !inWant[key(f)] {
			t.Errorf("%s: added with the generated names: %s", label, key(f))
		}
	}
}
