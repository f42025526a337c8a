package detect

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"lector/detect/finding"
	"lector/detect/names"
	"lector/detect/names/namestest"
)

// truthItem is one hand-checked error of a test article: where it is, what
// the reviewer should be told to write instead, and why it is an error. The
// corpora (testdata/quality/corpus) also mark what must not be flagged (OK:
// a right form in another case, an ordinary word, a family name alone), and
// say of every item which kind of variation it is (see qualityVariations).
type truthItem struct {
	finding.Finding        // the finding a check should report: kind, check, offsets, text, suggestion
	Variation       string `json:"variation,omitempty"`
	OK              bool   `json:"ok,omitempty"` // right as it stands: a finding over it is a false flag
	Why             string `json:"why"`
}

// truthFile is a ground-truth file of detect/testdata/quality.
type truthFile struct {
	Article string      `json:"article"` // path from the module root
	Lang    string      `json:"lang"`
	Note    string      `json:"note"`
	MT      string      `json:"mt,omitempty"`     // the MT output the article is, verbatim (corpora)
	Source  string      `json:"source,omitempty"` // the text that was machine-translated (corpora)
	Items   []truthItem `json:"items"`
}

// loadTruth reads a truth file and its article and checks that every item
// quotes the article exactly at its offsets.
func loadTruth(t *testing.T, name string) (truthFile, string) {
	t.Helper()
	raw, err := os.ReadFile("testdata/quality/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var truth truthFile
	if err := json.Unmarshal(raw, &truth); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	article, err := os.ReadFile("../" + truth.Article)
	if err != nil {
		t.Fatal(err)
	}
	text := string(article)
	for _, it := range truth.Items {
		if it.Start < 0 || it.End > len(text) || it.Start >= it.End || text[it.Start:it.End] != it.Text {
			t.Fatalf("%s: item %d..%d %q does not quote the article", name, it.Start, it.End, it.Text)
		}
		if it.Why == "" {
			t.Errorf("%s: item %d..%d %q has no why", name, it.Start, it.End, it.Text)
		}
	}
	return truth, text
}

// loadGlossary reads a CSV glossary, path from the module root.
func loadGlossary(t testing.TB, path string) []names.Entry {
	var entries []names.Entry
	for _, e := range namestest.ReadCSV(t, "../"+path) {
		entry := names.Entry{Key: e.Key, Type: e.Type}
		for _, term := range e.Terms {
			entry.Terms = append(entry.Terms, names.Term{Lang: term.Lang, Form: term.Form, Status: names.Status(term.Status), CaseSensitive: term.CaseSensitive})
		}
		entries = append(entries, entry)
	}
	return entries
}

// preferredOnly keeps, of every entry, only its preferred forms in langs: a
// glossary that lists no wrong form at all.
func preferredOnly(entries []names.Entry, langs ...string) []names.Entry {
	out := make([]names.Entry, 0, len(entries))
	for _, e := range entries {
		kept := e
		kept.Terms = nil
		for _, term := range e.Terms {
			if term.Status == names.Preferred && containsLang(langs, term.Lang) {
				kept.Terms = append(kept.Terms, term)
			}
		}
		out = append(out, kept)
	}
	return out
}

func containsLang(langs []string, lang string) bool {
	for _, l := range langs {
		if l == lang {
			return true
		}
	}
	return false
}

// isNameKind separates the glossary checks from typography and
// segmentation; a finding only counts for an item of the same side.
func isNameKind(kind string) bool { return kind == finding.KindName || kind == finding.KindTerm }

// matchesTruth reports whether finding f fixes item: the spans overlap and
// both replacements give the same text over the union of the two spans, so
// "Isaxon" → "Isaacson" and "Walter Isaxon" → "Walter Isaacson" are one fix.
func matchesTruth(text string, f finding.Finding, item truthItem) bool {
	if isNameKind(f.Kind) != isNameKind(item.Kind) || f.Start >= item.End || item.Start >= f.End {
		return false
	}
	lo, hi := min(f.Start, item.Start), max(f.End, item.End)
	want := text[lo:item.Start] + item.Suggestion + text[item.End:hi]
	got := text[lo:f.Start] + f.Suggestion + text[f.End:hi]
	return got == want
}

// qualityScore counts one scenario: items found and findings that are right.
type qualityScore struct {
	items, found      int
	findings, correct int
	missed            []truthItem
	wrong             []finding.Finding
}

func (s qualityScore) recall() float64    { return ratio(s.found, s.items) }
func (s qualityScore) precision() float64 { return ratio(s.correct, s.findings) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// score compares findings with the truth items that keep(kind) selects;
// strict also demands the same check name.
func score(text string, items []truthItem, findings []finding.Finding, keep func(kind string) bool, strict bool) qualityScore {
	var s qualityScore
	same := func(f finding.Finding, it truthItem) bool {
		return matchesTruth(text, f, it) && (!strict || f.Check == it.Check)
	}
	for _, it := range items {
		if !keep(it.Kind) || it.OK {
			continue
		}
		s.items++
		if anyFinding(findings, func(f finding.Finding) bool { return keep(f.Kind) && same(f, it) }) {
			s.found++
		} else {
			s.missed = append(s.missed, it)
		}
	}
	for _, f := range findings {
		if !keep(f.Kind) {
			continue
		}
		s.findings++
		if anyItem(items, func(it truthItem) bool { return !it.OK && same(f, it) }) {
			s.correct++
		} else {
			s.wrong = append(s.wrong, f)
		}
	}
	return s
}

func anyFinding(fs []finding.Finding, ok func(finding.Finding) bool) bool {
	for _, f := range fs {
		if ok(f) {
			return true
		}
	}
	return false
}

func anyItem(items []truthItem, ok func(truthItem) bool) bool {
	for _, it := range items {
		if ok(it) {
			return true
		}
	}
	return false
}

// flatten collects the findings of checked segments.
func flatten(checked []Checked) []finding.Finding {
	var out []finding.Finding
	for _, c := range checked {
		out = append(out, c.Findings...)
	}
	return out
}

// describe lists what a scenario missed and flagged wrongly, for failures.
func (s qualityScore) describe() string {
	var b strings.Builder
	for _, it := range s.missed {
		fmt.Fprintf(&b, "\n  missed %d..%d %q → %q (%s)", it.Start, it.End, it.Text, it.Suggestion, it.Check)
	}
	for _, f := range s.wrong {
		fmt.Fprintf(&b, "\n  false flag %d..%d %q → %q (%s %.2f)", f.Start, f.End, f.Text, f.Suggestion, f.Check, f.Confidence)
	}
	return b.String()
}
