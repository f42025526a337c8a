package detect

import (
	"flag"
	"os"
	"testing"

	"lector/detect/names"
	"lector/detect/names/namestest"
)

var qualityReport = flag.Bool("quality.report", false, "print the quality corpora's full table (make quality)")

// largeGlossaryNames is how many generated names the large-glossary scenario
// adds to the corpora glossary: a news glossary of realistic size, where
// nearly every mangled name is near some other entry too.
const largeGlossaryNames = 200_000

// corpusFloor holds one language's figures in one scenario at today's values.
// A change that loses an item or adds a false flag fails; one that does
// better should raise the floor (never lower one).
type corpusFloor struct {
	found     int // wrong items found with the right suggestion, at least
	maxFalse  int // findings that fix no wrong item, at most
	maxOKFlag int // must-not-flag items flagged, at most
}

// corpusFloors: scenario → language → floor.
var corpusFloors = map[string]map[string]corpusFloor{
	"corpus glossary": {
		"en": {found: 403, maxFalse: 2, maxOKFlag: 0},
		"de": {found: 353, maxFalse: 3, maxOKFlag: 1},
		"ru": {found: 344, maxFalse: 8, maxOKFlag: 3},
		"uk": {found: 370, maxFalse: 7, maxOKFlag: 0},
	},
	"corpus glossary + 200k generated names": {
		"en": {found: 403, maxFalse: 2, maxOKFlag: 0},
		"de": {found: 353, maxFalse: 3, maxOKFlag: 1},
		"ru": {found: 344, maxFalse: 8, maxOKFlag: 3},
		"uk": {found: 370, maxFalse: 7, maxOKFlag: 0},
	},
}

var corpusKindFloors = map[string]map[string]int{
	"en": {"scheme": 129, "phonetic": 18, "diacritics": 28, "inflection": 106, "false-friend": 10, "split-joined": 7, "given-name": 41, "patronymic": 5, "particle": 15, "family-only": 44},
	"de": {"scheme": 130, "phonetic": 29, "diacritics": 41, "inflection": 51, "false-friend": 10, "split-joined": 11, "given-name": 30, "patronymic": 3, "particle": 15, "family-only": 33},
	"ru": {"scheme": 100, "phonetic": 38, "diacritics": 17, "inflection": 47, "false-friend": 7, "split-joined": 18, "given-name": 29, "patronymic": 2, "particle": 14, "family-only": 72},
	"uk": {"scheme": 134, "phonetic": 28, "diacritics": 19, "inflection": 37, "false-friend": 16, "split-joined": 10, "given-name": 40, "patronymic": 4, "particle": 13, "family-only": 69},
}

var corpusSize = map[string][2]int{"en": {431, 425}, "de": {373, 515}, "ru": {371, 506}, "uk": {398, 566}}

// Every corpus is large enough that no rule is tuned to one article.
const (
	minCorpusTexts = 12
	minCorpusWrong = 150
	minCorpusOK    = 100
)

type corpusScenarioScore struct {
	name   string
	byLang map[string]corpusScore
}

// TestQualityCorpus checks the corpora with the corpora glossary and with the
// same glossary plus 200k generated names, holds every figure to its floor,
// and with -quality.report prints the full table:
//
//	go test ./detect -run TestQualityCorpus -v -quality.report
func TestQualityCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 200k-name checker")
	}
	corpora := map[string][]corpusText{}
	for _, lang := range corpusLangs {
		corpora[lang] = loadCorpus(t, lang)
	}
	entries := loadGlossary(t, corpusGlossary)
	checkers := []struct {
		name    string
		checker *Checker
	}{
		{"corpus glossary", New(entries)},
		{"corpus glossary + 200k generated names", New(withGeneratedNames(entries, largeGlossaryNames))},
	}
	var scores []corpusScenarioScore
	for _, c := range checkers {
		sc := corpusScenarioScore{name: c.name, byLang: map[string]corpusScore{}}
		for _, lang := range corpusLangs {
			sc.byLang[lang] = scoreCorpus(t, c.checker, corpora[lang])
		}
		scores = append(scores, sc)
	}
	for _, lang := range corpusLangs {
		s := scores[0].byLang[lang]
		if s.texts < minCorpusTexts || s.wrong < minCorpusWrong || s.ok < minCorpusOK {
			t.Errorf("%s corpus: %d texts, %d wrong items, %d must-not-flag items; want at least %d, %d, %d",
				lang, s.texts, s.wrong, s.ok, minCorpusTexts, minCorpusWrong, minCorpusOK)
		}
		if want, ok := corpusSize[lang]; ok && (s.wrong != want[0] || s.ok != want[1]) {
			t.Errorf("%s corpus: %d wrong and %d must-not-flag items, want %d and %d (update corpusSize with the corpus)",
				lang, s.wrong, s.ok, want[0], want[1])
		}
	}
	for _, sc := range scores {
		for _, lang := range corpusLangs {
			s, floor := sc.byLang[lang], corpusFloors[sc.name][lang]
			if s.found < floor.found || s.findings-s.correct > floor.maxFalse || s.okFlagged > floor.maxOKFlag {
				t.Errorf("%s, %s: found %d (want ≥ %d), %d findings fix no item (want ≤ %d), %d must-not-flag items flagged (want ≤ %d)",
					sc.name, lang, s.found, floor.found, s.findings-s.correct, floor.maxFalse, s.okFlagged, floor.maxOKFlag)
			}
		}
	}
	for lang, kinds := range corpusKindFloors {
		for v, min := range kinds {
			if k := scores[0].byLang[lang].kinds[v]; k == nil || k.found < min {
				t.Errorf("corpus glossary, %s, %s: found fewer than %d", lang, v, min)
			}
		}
	}
	if *qualityReport {
		writeQualityReport(os.Stdout, scores)
	}
}

// withGeneratedNames adds n generated person names (namestest.Names, English
// preferred forms) to entries.
func withGeneratedNames(entries []names.Entry, n int) []names.Entry {
	out := make([]names.Entry, 0, len(entries)+n)
	out = append(out, entries...)
	for _, name := range namestest.Names(n, 16) {
		out = append(out, names.Entry{Key: name, Type: "person",
			Terms: []names.Term{{Lang: "en", Form: name, Status: names.Preferred, CaseSensitive: true}}})
	}
	return out
}
