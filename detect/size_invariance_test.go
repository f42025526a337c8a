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

// sizeArticles are the articles whose findings must not depend on the size
// of the glossary, all in English.
var sizeArticles = []string{
	"seeds/000_02e3862b8b13521d.txt",
	"detect/names/testdata/fuzzy/article_berlin.txt",
	"detect/testdata/quality/second_article.txt",
}

// TestFindingsIgnoreUnrelatedNames checks that a glossary's findings in a
// text do not change when a million unrelated names join it: no cap on the
// candidates looked at, no tie broken by where an entry sits in the index.
// The generated entries come first and their keys sort first, so that any
// decision made by index or key order between a real entry and a generated
// one would show.
func TestFindingsIgnoreUnrelatedNames(t *testing.T) {
	start := time.Now()
	generated := generatedPersons(sizeInvarianceNames)
	seed := loadGlossary(t, "seeds/glossary.csv")
	second := loadGlossary(t, secondGlossary)
	for _, g := range []struct {
		name    string
		entries []names.Entry
	}{
		{"seed glossary", seed},
		{"seed glossary, en+ru preferred only", enRuPreferred(seed)},
		{"second glossary, en+ru preferred only", enRuPreferred(second)},
	} {
		t.Run(g.name, func(t *testing.T) {
			alone := New(g.entries)
			large := New(append(generated[:len(generated):len(generated)], g.entries...))
			for _, path := range sizeArticles {
				raw, err := os.ReadFile("../" + path)
				if err != nil {
					t.Fatal(err)
				}
				want := checkFlat(t, alone, string(raw), "en")
				got := checkFlat(t, large, string(raw), "en")
				compareFindings(t, path, want, got)
			}
			runtime.GC()
		})
	}
	t.Logf("%d generated names, %d glossaries: %v", sizeInvarianceNames, 3, time.Since(start).Round(time.Millisecond))
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
	t.Logf("%s: %d findings alone, %d with the generated names", label, len(want), len(got))
}
