package detect

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"lector/detect/finding"
)

// The corpora of testdata/quality/corpus: texts in en, de, ru and uk, real
// MT output among them, each with a truth file that marks every wrong name
// with its right form and every right form, ordinary word or family name
// alone that must not be flagged, and says which kind of variation each item
// is. They are checked with corpus_glossary.csv, which lists only preferred
// forms: the engine has to find every wrong form by itself. Where the texts
// come from, and how the truth files are made from annotated sources
// (testdata/quality/gen), is in testdata/quality/SOURCES.md.

const corpusGlossary = "detect/testdata/quality/corpus_glossary.csv"

var corpusLangs = []string{"en", "de", "ru", "uk"}

// qualityVariations are the kinds of variation, in report order: the wrong
// kinds first, then the kinds of item that must not be flagged.
var qualityVariations = []string{
	"scheme", "phonetic", "diacritics", "inflection", "false-friend", "split-joined",
	"given-name", "patronymic", "particle", "family-only",
	"other-case", "ordinary-word", "right-family", "right-form",
}

// corpusText is one text of a corpus with its truth.
type corpusText struct {
	name  string // truth file, relative to testdata/quality
	truth truthFile
	text  string
}

// loadCorpus reads every text of one language's corpus and checks its truth
// file: the language, known variations, a suggestion on every wrong item.
func loadCorpus(t *testing.T, lang string) []corpusText {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata/quality/corpus", lang, "*_truth.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Fatalf("no corpus for %s", lang)
	}
	var out []corpusText
	for _, p := range paths {
		name := strings.TrimPrefix(filepath.ToSlash(p), "testdata/quality/")
		truth, text := loadTruth(t, name)
		if truth.Lang != lang {
			t.Errorf("%s: lang %q in the %s corpus", name, truth.Lang, lang)
		}
		for _, it := range truth.Items {
			if !slices.Contains(qualityVariations, it.Variation) {
				t.Errorf("%s: %q: unknown variation %q", name, it.Text, it.Variation)
			}
			if !it.OK && (it.Suggestion == "" || it.Suggestion == it.Text) {
				t.Errorf("%s: %q: a wrong item needs a suggestion that changes it", name, it.Text)
			}
		}
		out = append(out, corpusText{name: name, truth: truth, text: text})
	}
	return out
}

// kindScore counts one kind of variation. For the wrong kinds: items, those
// found with the right suggestion, and those flagged with another one. For
// the kinds that must not be flagged: items, and those flagged (found stays 0).
type kindScore struct {
	items, found, otherSuggestion, flagged int
	missed                                 []string // examples: text → right form, or the false flag
}

// recall is found over items; for a must-not-flag kind it is the share left alone.
func (k *kindScore) rate(ok bool) float64 {
	if ok {
		return ratio(k.items-k.flagged, k.items)
	}
	return ratio(k.found, k.items)
}

// addCounts adds o's counts to k's (not its examples).
func (k *kindScore) addCounts(o *kindScore) {
	k.items += o.items
	k.found += o.found
	k.otherSuggestion += o.otherSuggestion
	k.flagged += o.flagged
}

// corpusScore is one language's corpus checked with one checker.
type corpusScore struct {
	texts             int
	wrong, found      int // wrong items; found with the right suggestion
	otherSuggestion   int // wrong items flagged, but not with the right suggestion
	ok, okFlagged     int // must-not-flag items; flagged all the same
	findings, correct int // name findings; those that fix a wrong item
	elsewhere         []string
	kinds             map[string]*kindScore
}

func (s corpusScore) recall() float64    { return ratio(s.found, s.wrong) }
func (s corpusScore) precision() float64 { return ratio(s.correct, s.findings) }

// addScores adds b's counts to a's (not its examples or kinds).
func addScores(a, b corpusScore) corpusScore {
	a.texts += b.texts
	a.wrong += b.wrong
	a.found += b.found
	a.otherSuggestion += b.otherSuggestion
	a.ok += b.ok
	a.okFlagged += b.okFlagged
	a.findings += b.findings
	a.correct += b.correct
	return a
}

// kind returns the score of a variation, made on first use.
func (s *corpusScore) kind(v string) *kindScore {
	if s.kinds[v] == nil {
		s.kinds[v] = &kindScore{}
	}
	return s.kinds[v]
}

// scoreCorpus checks every text and counts per item and per finding. Only
// name findings count: the corpora mark names, not typography.
func scoreCorpus(t testing.TB, checker *Checker, texts []corpusText) corpusScore {
	return scoreCorpusWith(t, texts, func(ct corpusText) ([]Checked, error) { return checker.Check(ct.text, ct.truth.Lang) })
}

// scoreCorpusWith is scoreCorpus with the check given: Check, or CheckPair
// with the text's source (the real-MT corpus).
func scoreCorpusWith(t testing.TB, texts []corpusText, check func(corpusText) ([]Checked, error)) corpusScore {
	s := corpusScore{kinds: map[string]*kindScore{}}
	for _, ct := range texts {
		checked, err := check(ct)
		if err != nil {
			t.Fatal(err)
		}
		var findings, fixesNone []finding.Finding
		for _, f := range flatten(checked) {
			if !isNameKind(f.Kind) {
				continue
			}
			findings = append(findings, f)
			if !anyItem(ct.truth.Items, func(it truthItem) bool { return !it.OK && matchesTruth(ct.text, f, it) }) {
				fixesNone = append(fixesNone, f)
			}
		}
		s.texts++
		for _, it := range ct.truth.Items {
			k := s.kind(it.Variation)
			k.items++
			overlapping := func(f finding.Finding) bool { return f.Start < it.End && it.Start < f.End }
			if it.OK {
				// A finding that fixes a wrong neighbour ("Кирилл" in
				// "Кирилл Буданов") does not flag the right word with it.
				s.ok++
				if i := slices.IndexFunc(fixesNone, overlapping); i >= 0 {
					s.okFlagged++
					k.flagged++
					k.missed = append(k.missed, fixesNone[i].Text+" → "+fixesNone[i].Suggestion)
				}
				continue
			}
			s.wrong++
			switch {
			case anyFinding(findings, func(f finding.Finding) bool { return matchesTruth(ct.text, f, it) }):
				s.found++
				k.found++
			case anyFinding(findings, overlapping):
				s.otherSuggestion++
				k.otherSuggestion++
				i := slices.IndexFunc(findings, overlapping)
				k.missed = append(k.missed, it.Text+" → "+it.Suggestion+" (flagged → "+findings[i].Suggestion+")")
			default:
				k.missed = append(k.missed, it.Text+" → "+it.Suggestion)
			}
		}
		s.findings += len(findings)
		s.correct += len(findings) - len(fixesNone)
		for _, f := range fixesNone {
			if !anyItem(ct.truth.Items, func(it truthItem) bool { return f.Start < it.End && it.Start < f.End }) {
				s.elsewhere = append(s.elsewhere, f.Text+" → "+f.Suggestion)
			}
		}
	}
	return s
}
