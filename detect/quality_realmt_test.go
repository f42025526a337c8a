package detect

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lector/detect/finding"
	"lector/detect/names"
)

// The real-MT corpus (testdata/quality/mt, SOURCES.md "Real-MT corpus"):
// news-style texts written for these tests in Russian, Ukrainian,
// Belarusian, Macedonian and Serbian, machine-translated by Apertium, its
// output kept verbatim, every glossary name of the output marked in a
// truth file. The same outputs are checked alone (Check) and against their
// sources (CheckPair); nothing here runs Apertium.

// realMTGlossary adds to the corpus glossary the places and people of the
// Macedonian and Serbian texts and every name's form in the source
// languages the corpus glossary lacks (be, mk, sr).
const realMTGlossary = "detect/testdata/quality/mt/glossary.csv"

// realMTDirections are Apertium's modes, in report order.
var realMTDirections = []string{"rus-ukr", "ukr-rus", "bel-rus", "mkd-eng", "hbs-eng"}

// realMTText is one machine translation with its source.
type realMTText struct {
	corpusText
	pair, source, sourceLang string
}

// realMTHead is what a real-MT truth file adds to a corpus truth file.
type realMTHead struct {
	Source     string `json:"source"`
	SourceLang string `json:"source_lang"`
	Pair       string `json:"pair"`
	MT         string `json:"mt"`
}

// loadRealMT reads every truth file of the corpus, its article (Apertium's
// output) and its source, and checks what the corpora's loader checks.
func loadRealMT(t *testing.T) map[string][]realMTText {
	t.Helper()
	paths, err := filepath.Glob("testdata/quality/mt/truth/*_truth.json")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]realMTText{}
	for _, p := range paths {
		name := strings.TrimPrefix(filepath.ToSlash(p), "testdata/quality/")
		truth, text := loadTruth(t, name)
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var head realMTHead
		if err := json.Unmarshal(raw, &head); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !slices.Contains(realMTDirections, head.Pair) {
			t.Fatalf("%s: unknown pair %q", name, head.Pair)
		}
		if want := "detect/testdata/quality/" + head.MT; truth.Article != want {
			t.Errorf("%s: article %s is not the MT output %s", name, truth.Article, want)
		}
		source, err := os.ReadFile("../" + head.Source)
		if err != nil {
			t.Fatal(err)
		}
		for _, it := range truth.Items {
			if !slices.Contains(qualityVariations, it.Variation) {
				t.Errorf("%s: %q: unknown variation %q", name, it.Text, it.Variation)
			}
			if !it.OK && (it.Suggestion == "" || it.Suggestion == it.Text) {
				t.Errorf("%s: %q: a wrong item needs a suggestion that changes it", name, it.Text)
			}
		}
		out[head.Pair] = append(out[head.Pair], realMTText{corpusText: corpusText{name: name, truth: truth, text: text},
			pair: head.Pair, source: string(source), sourceLang: head.SourceLang})
	}
	return out
}

// realMTScore is one direction checked both ways.
type realMTScore struct {
	direction     string
	texts         int
	alone, paired corpusScore
	alignment     int // alignment findings with the source: each sentence has its counterpart, so none is right
	// added: the name findings CheckPair gives that Check does not, as
	// "text: check "span" → suggestion", for the report.
	added []string
}

// TestQualityRealMT checks Apertium's output alone and with its source,
// per direction, holds the figures to realMTFloors, and with
// -quality.report prints the tables and what was missed:
//
//	go test ./detect -run TestQualityRealMT -v -quality.report
func TestQualityRealMT(t *testing.T) {
	corpus := loadRealMT(t)
	c := New(names.MergeEntries(loadGlossary(t, corpusGlossary), loadGlossary(t, realMTGlossary)))
	var scores []realMTScore
	for _, dir := range realMTDirections {
		texts := corpus[dir]
		plain := make([]corpusText, len(texts))
		for i, tx := range texts {
			plain[i] = tx.corpusText
		}
		byName := map[string]realMTText{}
		for _, tx := range texts {
			byName[tx.name] = tx
		}
		sc := realMTScore{direction: dir, texts: len(texts)}
		sc.alone = scoreCorpusWith(t, plain, func(ct corpusText) ([]Checked, error) { return c.Check(ct.text, ct.truth.Lang) })
		sc.paired = scoreCorpusWith(t, plain, func(ct corpusText) ([]Checked, error) {
			tx := byName[ct.name]
			checked, err := c.CheckPair(ct.text, ct.truth.Lang, tx.source, tx.sourceLang)
			if err != nil {
				return nil, err
			}
			alone, err := c.Check(ct.text, ct.truth.Lang)
			if err != nil {
				return nil, err
			}
			sc.added = append(sc.added, addedFindings(strings.TrimSuffix(filepath.Base(ct.name), "_truth.json"), flatten(alone), flatten(checked))...)
			for _, f := range flatten(checked) {
				if f.Check == CheckSentenceNotInSource || f.Check == CheckSourceSentenceMissing {
					sc.alignment++
				}
			}
			return checked, nil
		})
		scores = append(scores, sc)
	}
	if *qualityReport || testing.Verbose() {
		var b strings.Builder
		writeRealMTReport(&b, scores, *qualityReport)
		t.Log("\n" + b.String())
	}
	for _, sc := range scores {
		if sc.texts < minRealMTTexts {
			t.Errorf("%s: %d texts, want at least %d", sc.direction, sc.texts, minRealMTTexts)
		}
		if want := realMTSize[sc.direction]; sc.alone.wrong != want[0] || sc.alone.ok != want[1] {
			t.Errorf("%s: %d wrong and %d must-not-flag items, want %d and %d (update realMTSize with the corpus)",
				sc.direction, sc.alone.wrong, sc.alone.ok, want[0], want[1])
		}
		for _, m := range []struct {
			mode string
			s    corpusScore
		}{{"target alone", sc.alone}, {"with source", sc.paired}} {
			if want := realMTFlaggedFloors[sc.direction][m.mode]; m.s.found+m.s.otherSuggestion < want {
				t.Errorf("%s, %s: %d wrong items flagged, want ≥ %d", sc.direction, m.mode, m.s.found+m.s.otherSuggestion, want)
			}
			fl := realMTFloors[sc.direction][m.mode]
			if m.s.found < fl.found || m.s.findings-m.s.correct > fl.maxFalse || m.s.okFlagged > fl.maxOKFlag {
				t.Errorf("%s, %s: found %d (want ≥ %d), %d findings fix no item (want ≤ %d), %d must-not-flag items flagged (want ≤ %d)",
					sc.direction, m.mode, m.s.found, fl.found, m.s.findings-m.s.correct, fl.maxFalse, m.s.okFlagged, fl.maxOKFlag)
			}
		}
		if sc.alignment > realMTMaxAlignment[sc.direction] {
			t.Errorf("%s: %d alignment findings with the source, want ≤ %d", sc.direction, sc.alignment, realMTMaxAlignment[sc.direction])
		}
	}
}

// writeRealMTReport prints, per direction, both ways of checking, the gain,
// and with details what the source-aware check still misses or flags
// wrongly.
func writeRealMTReport(w io.Writer, scores []realMTScore, details bool) {
	fmt.Fprintf(w, "== real MT (Apertium, testdata/quality/mt): names found with the right suggestion, target alone and with its source\n\n")
	fmt.Fprintf(w, "%-8s %-13s %5s %6s %6s %7s %6s %8s %9s %8s %9s %4s %10s\n",
		"pair", "checked", "texts", "wrong", "found", "recall", "other", "flagged", "findings", "correct", "precision", "ok", "ok flagged")
	var all [2]corpusScore
	for _, sc := range scores {
		for i, s := range []corpusScore{sc.alone, sc.paired} {
			fmt.Fprintf(w, "%-8s %-13s %5d %6d %6d %7.3f %6d %8.3f %9d %8d %9.3f %4d %10d\n", sc.direction, []string{"target alone", "with source"}[i],
				sc.texts, s.wrong, s.found, s.recall(), s.otherSuggestion, flaggedRate(s), s.findings, s.correct, s.precision(), s.ok, s.okFlagged)
			all[i] = addScores(all[i], s)
		}
	}
	for i, s := range all {
		fmt.Fprintf(w, "%-8s %-13s %5s %6d %6d %7.3f %6d %8.3f %9d %8d %9.3f %4d %10d\n", "all", []string{"target alone", "with source"}[i],
			"", s.wrong, s.found, s.recall(), s.otherSuggestion, flaggedRate(s), s.findings, s.correct, s.precision(), s.ok, s.okFlagged)
	}
	fmt.Fprintf(w, "(found: fixed with the right suggestion; other: flagged with another; flagged: (found + other) / wrong, the share a\nreviewer is pointed at; findings, correct: name findings and those that fix an item)\n")
	fmt.Fprintf(w, "\ngain of the source (with source minus target alone)\n%-8s %8s %8s %8s %10s %10s\n", "pair", "found", "recall", "flagged", "precision", "ok flagged")
	gain := func(name string, a, p corpusScore) {
		fmt.Fprintf(w, "%-8s %+8d %+8.3f %+8.3f %+10.3f %+10d\n", name, p.found-a.found, p.recall()-a.recall(),
			flaggedRate(p)-flaggedRate(a), p.precision()-a.precision(), p.okFlagged-a.okFlagged)
	}
	for _, sc := range scores {
		gain(sc.direction, sc.alone, sc.paired)
	}
	gain("all", all[0], all[1])
	fmt.Fprintf(w, "\nper kind of variation, all pairs: target alone | with source\n")
	for _, v := range qualityVariations {
		var k [2]kindScore
		for _, sc := range scores {
			for i, s := range []corpusScore{sc.alone, sc.paired} {
				if ks := s.kinds[v]; ks != nil {
					k[i].addCounts(ks)
				}
			}
		}
		if k[0].items > 0 {
			fmt.Fprintf(w, "%-14s %19s | %s\n", v, kindCell(&k[0], isOKVariation(v)), kindCell(&k[1], isOKVariation(v)))
		}
	}
	if !details {
		return
	}
	for _, sc := range scores {
		fmt.Fprintf(w, "\n%s with source, alignment findings %d; missed or other suggestion:", sc.direction, sc.alignment)
		for _, v := range qualityVariations {
			if k := sc.paired.kinds[v]; k != nil && !isOKVariation(v) && len(k.missed) > 0 {
				fmt.Fprintf(w, "\n  %s: %s", v, strings.Join(k.missed, "; "))
			}
		}
		var flagged []string
		for _, v := range qualityVariations {
			if k := sc.paired.kinds[v]; k != nil && isOKVariation(v) {
				flagged = append(flagged, k.missed...)
			}
		}
		if len(flagged) > 0 {
			fmt.Fprintf(w, "\n  right forms flagged: %s", strings.Join(flagged, "; "))
		}
		if len(sc.paired.elsewhere) > 0 {
			fmt.Fprintf(w, "\n  findings on no marked item: %s", strings.Join(sc.paired.elsewhere, "; "))
		}
		if len(sc.added) > 0 {
			fmt.Fprintf(w, "\n  name findings the source adds or changes: %s", strings.Join(sc.added, "; "))
		}
		fmt.Fprintln(w)
	}
	writeRealMTFloors(w, scores)
}

// addedFindings lists the name findings of paired that alone lacks (same
// span, check and suggestion).
func addedFindings(text string, alone, paired []finding.Finding) []string {
	var out []string
	for _, f := range paired {
		if isNameKind(f.Kind) && !slices.ContainsFunc(alone, func(a finding.Finding) bool {
			return a.Start == f.Start && a.End == f.End && a.Check == f.Check && a.Suggestion == f.Suggestion
		}) {
			out = append(out, fmt.Sprintf("%s: %s %q → %q", text, f.Check, f.Text, f.Suggestion))
		}
	}
	return out
}

// flaggedRate is the share of wrong items flagged at all, with the right
// suggestion or another (a sentence-wide "name missing" among them).
func flaggedRate(s corpusScore) float64 { return ratio(s.found+s.otherSuggestion, s.wrong) }

// writeRealMTFloors prints today's figures as the literals of
// quality_realmt_floors_test.go, for whoever raises the floors.
func writeRealMTFloors(w io.Writer, scores []realMTScore) {
	fmt.Fprintf(w, "\n== today's real-MT figures as floors (quality_realmt_floors_test.go)\n\nvar realMTFloors = map[string]map[string]corpusFloor{\n")
	for _, sc := range scores {
		fmt.Fprintf(w, "\t%q: {\n", sc.direction)
		for i, s := range []corpusScore{sc.alone, sc.paired} {
			fmt.Fprintf(w, "\t\t%q: {found: %d, maxFalse: %d, maxOKFlag: %d},\n", []string{"target alone", "with source"}[i],
				s.found, s.findings-s.correct, s.okFlagged)
		}
		fmt.Fprintf(w, "\t},\n")
	}
	fmt.Fprintf(w, "}\n\nvar realMTFlaggedFloors = map[string]map[string]int{\n")
	for _, sc := range scores {
		fmt.Fprintf(w, "\t%q: {\"target alone\": %d, \"with source\": %d},\n", sc.direction,
			sc.alone.found+sc.alone.otherSuggestion, sc.paired.found+sc.paired.otherSuggestion)
	}
	fmt.Fprintf(w, "}\n\nvar realMTSize = map[string][2]int{")
	for i, sc := range scores {
		if i > 0 {
			fmt.Fprint(w, ", ")
		}
		fmt.Fprintf(w, "%q: {%d, %d}", sc.direction, sc.alone.wrong, sc.alone.ok)
	}
	fmt.Fprintf(w, "}\n\nvar realMTMaxAlignment = map[string]int{")
	for i, sc := range scores {
		if i > 0 {
			fmt.Fprint(w, ", ")
		}
		fmt.Fprintf(w, "%q: %d", sc.direction, sc.alignment)
	}
	fmt.Fprintf(w, "}\n")
}
