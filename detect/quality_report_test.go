package detect

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// writeQualityReport prints the corpora's figures: per language, per kind of
// variation and language, the large-glossary difference, and the ten weakest
// (language, kind) cells with examples. `make quality` prints it.
func writeQualityReport(w io.Writer, scenarios []corpusScenarioScore) {
	for _, sc := range scenarios {
		fmt.Fprintf(w, "\n== %s\n\n", sc.name)
		writeLangTable(w, sc.byLang)
		fmt.Fprintf(w, "\nper kind of variation: wrong kinds: found with the right suggestion / items, recall, and p: precision, the share\nof the flagged items of the kind that got the right suggestion; must-not-flag kinds: left alone / items\n\n")
		writeKindTable(w, sc.byLang)
	}
	if len(scenarios) > 1 {
		fmt.Fprintf(w, "\n== difference: %s minus %s\n\n", scenarios[1].name, scenarios[0].name)
		fmt.Fprintf(w, "%-5s %8s %10s %10s %12s\n", "lang", "found", "findings", "ok flagged", "false flags")
		for _, lang := range corpusLangs {
			a, b := scenarios[0].byLang[lang], scenarios[1].byLang[lang]
			fmt.Fprintf(w, "%-5s %+8d %+10d %+10d %+12d\n", lang, b.found-a.found, b.findings-a.findings,
				b.okFlagged-a.okFlagged, (b.findings-b.correct)-(a.findings-a.correct))
		}
	}
	fmt.Fprintf(w, "\n== the ten weakest kinds of %s, all languages together, with examples\n\n", scenarios[0].name)
	writeWeakestKinds(w, scenarios[0].byLang, 10)
	fmt.Fprintf(w, "\n== the ten weakest (language, kind) cells of %s, at least 3 items and not all right, with examples\n\n", scenarios[0].name)
	writeWeakest(w, scenarios[0].byLang, 10)
	writeFloors(w, scenarios)
}

func writeLangTable(w io.Writer, byLang map[string]corpusScore) {
	fmt.Fprintf(w, "%-5s %5s %6s %6s %7s %6s %9s %8s %9s %4s %10s %10s\n",
		"lang", "texts", "wrong", "found", "recall", "other", "findings", "correct", "precision", "ok", "ok flagged", "elsewhere")
	var all corpusScore
	for _, lang := range corpusLangs {
		s := byLang[lang]
		writeLangRow(w, lang, s)
		all = addScores(all, s)
		all.elsewhere = append(all.elsewhere, s.elsewhere...)
	}
	writeLangRow(w, "all", all)
	fmt.Fprintf(w, "(found: with the right suggestion; other: flagged with another suggestion; elsewhere: findings on no marked item)\n")
}

func writeLangRow(w io.Writer, lang string, s corpusScore) {
	fmt.Fprintf(w, "%-5s %5d %6d %6d %7.3f %6d %9d %8d %9.3f %4d %10d %10d\n", lang, s.texts, s.wrong, s.found,
		s.recall(), s.otherSuggestion, s.findings, s.correct, s.precision(), s.ok, s.okFlagged, len(s.elsewhere))
}

func writeKindTable(w io.Writer, byLang map[string]corpusScore) {
	fmt.Fprintf(w, "%-14s", "kind")
	for _, lang := range append(slices.Clone(corpusLangs), "all") {
		fmt.Fprintf(w, " %19s", lang)
	}
	fmt.Fprintln(w)
	for _, v := range qualityVariations {
		ok := isOKVariation(v)
		fmt.Fprintf(w, "%-14s", v)
		var all kindScore
		for _, lang := range corpusLangs {
			k := byLang[lang].kinds[v]
			if k == nil {
				k = &kindScore{}
			}
			fmt.Fprintf(w, " %19s", kindCell(k, ok))
			all.addCounts(k)
		}
		fmt.Fprintf(w, " %19s\n", kindCell(&all, ok))
	}
}

func kindCell(k *kindScore, ok bool) string {
	if k.items == 0 {
		return "-"
	}
	if ok {
		return fmt.Sprintf("%d/%d %3.0f%%", k.items-k.flagged, k.items, 100*k.rate(true))
	}
	if k.found+k.otherSuggestion == 0 {
		return fmt.Sprintf("%d/%d %3.0f%%   p -", k.found, k.items, 100*k.rate(false))
	}
	return fmt.Sprintf("%d/%d %3.0f%% p%3.0f", k.found, k.items, 100*k.rate(false), 100*k.precision())
}

// precision of a wrong kind: of its items the engine flagged, the share
// flagged with the right suggestion.
func (k *kindScore) precision() float64 { return ratio(k.found, k.found+k.otherSuggestion) }

// isOKVariation: the kinds of item that must not be flagged.
func isOKVariation(v string) bool {
	i := slices.Index(qualityVariations, v)
	return i >= slices.Index(qualityVariations, "other-case")
}

// writeWeakest lists the cells with the lowest rate (recall, or the share of
// must-not-flag items left alone) and what they missed or flagged.
func writeWeakest(w io.Writer, byLang map[string]corpusScore, n int) {
	type cell struct {
		lang, kind string
		k          *kindScore
		ok         bool
	}
	var cells []cell
	for _, lang := range corpusLangs {
		for v, k := range byLang[lang].kinds {
			if k.items >= 3 && k.rate(isOKVariation(v)) < 1 {
				cells = append(cells, cell{lang, v, k, isOKVariation(v)})
			}
		}
	}
	sort.Slice(cells, func(i, j int) bool {
		ri, rj := cells[i].k.rate(cells[i].ok), cells[j].k.rate(cells[j].ok)
		if ri != rj {
			return ri < rj
		}
		if cells[i].k.items != cells[j].k.items {
			return cells[i].k.items > cells[j].k.items
		}
		return cells[i].lang+cells[i].kind < cells[j].lang+cells[j].kind
	})
	for i, c := range cells[:min(n, len(cells))] {
		what := "found"
		if c.ok {
			what = "left alone"
		}
		var examples []string
		for _, m := range c.k.missed {
			if len(examples) < 4 && !slices.Contains(examples, m) {
				examples = append(examples, m)
			}
		}
		fmt.Fprintf(w, "%2d. %s %s: %s %s; e.g. %s\n", i+1, c.lang, c.kind, kindCell(c.k, c.ok), what, strings.Join(examples, "; "))
	}
}

// writeFloors prints today's figures as the Go literals of corpusFloors,
// corpusKindFloors and corpusSize, for whoever raises the floors.
func writeFloors(w io.Writer, scenarios []corpusScenarioScore) {
	fmt.Fprintf(w, "\n== today's figures as floors (quality_floors_test.go)\n\nvar corpusFloors = map[string]map[string]corpusFloor{\n")
	for _, sc := range scenarios {
		fmt.Fprintf(w, "\t%q: {\n", sc.name)
		for _, lang := range corpusLangs {
			s := sc.byLang[lang]
			fmt.Fprintf(w, "\t\t%q: {found: %d, maxFalse: %d, maxOKFlag: %d},\n", lang, s.found, s.findings-s.correct, s.okFlagged)
		}
		fmt.Fprintf(w, "\t},\n")
	}
	fmt.Fprintf(w, "}\n\nvar corpusKindFloors = map[string]map[string]int{\n")
	for _, lang := range corpusLangs {
		fmt.Fprintf(w, "\t%q: {", lang)
		sep := ""
		for _, v := range qualityVariations {
			if k := scenarios[0].byLang[lang].kinds[v]; k != nil && !isOKVariation(v) {
				fmt.Fprintf(w, "%s%q: %d", sep, v, k.found)
				sep = ", "
			}
		}
		fmt.Fprintf(w, "},\n")
	}
	fmt.Fprintf(w, "}\n\nvar corpusSize = map[string][2]int{")
	for i, lang := range corpusLangs {
		if i > 0 {
			fmt.Fprint(w, ", ")
		}
		s := scenarios[0].byLang[lang]
		fmt.Fprintf(w, "%q: {%d, %d}", lang, s.wrong, s.ok)
	}
	fmt.Fprintf(w, "}\n")
}

// writeWeakestKinds ranks the kinds over all languages by their rate and
// shows what each missed, a few examples from every language in turn.
func writeWeakestKinds(w io.Writer, byLang map[string]corpusScore, n int) {
	type kind struct {
		name     string
		all      kindScore
		examples []string
	}
	var kinds []kind
	for _, v := range qualityVariations {
		k := kind{name: v}
		for round := 0; round < 2; round++ {
			for _, lang := range corpusLangs {
				ks := byLang[lang].kinds[v]
				if ks == nil {
					continue
				}
				if round == 0 {
					k.all.addCounts(ks)
				}
				for _, m := range ks.missed {
					if ex := lang + ": " + m; !slices.Contains(k.examples, ex) {
						k.examples = append(k.examples, ex)
						break
					}
				}
			}
		}
		if k.all.items > 0 && k.all.rate(isOKVariation(v)) < 1 {
			kinds = append(kinds, k)
		}
	}
	sort.SliceStable(kinds, func(i, j int) bool {
		return kinds[i].all.rate(isOKVariation(kinds[i].name)) < kinds[j].all.rate(isOKVariation(kinds[j].name))
	})
	for i, k := range kinds[:min(n, len(kinds))] {
		fmt.Fprintf(w, "%2d. %s: %s; e.g. %s\n", i+1, k.name, strings.TrimSpace(kindCell(&k.all, isOKVariation(k.name))), strings.Join(k.examples, "; "))
	}
}
