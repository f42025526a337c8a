package names

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ffItem is one labelled sentence of testdata/context: a false friend in
// context and whether it stands for the person (name) or is the word.
type ffItem struct {
	file   string
	line   int
	lang   string
	entry  string
	name   bool // the label: the person is meant
	text   string
	start  int // the false friend, marked [[...]] in the file
	end    int
	tuning bool // in the tuning half; else held out
}

// loadFFItems reads every sentences_*.tsv: lang, entry key, label, text.
// The halves: within each (language, entry, label) group, in file order,
// items alternate between tuning and held out, so that both halves hold
// every language, false friend and label.
func loadFFItems(tb testing.TB) []ffItem {
	tb.Helper()
	files, err := filepath.Glob("testdata/context/sentences_*.tsv")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no sentences in testdata/context: %v", err)
	}
	var items []ffItem
	seen := map[string]int{}
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		line := 0
		for sc.Scan() {
			line++
			row := sc.Text()
			if strings.TrimSpace(row) == "" || strings.HasPrefix(row, "#") {
				continue
			}
			cols := strings.Split(row, "\t")
			if len(cols) != 4 || (cols[2] != "name" && cols[2] != "word") {
				tb.Fatalf("%s:%d: want lang, entry, name|word, text", path, line)
			}
			open, close := strings.Index(cols[3], "[["), strings.Index(cols[3], "]]")
			if open < 0 || close < open || strings.Count(cols[3], "[[") != 1 {
				tb.Fatalf("%s:%d: mark the false friend once with [[...]]", path, line)
			}
			text := cols[3][:open] + cols[3][open+2:close] + cols[3][close+2:]
			group := cols[0] + "/" + cols[1] + "/" + cols[2]
			items = append(items, ffItem{
				file: filepath.Base(path), line: line, lang: cols[0], entry: cols[1], name: cols[2] == "name",
				text: text, start: open, end: close - 2, tuning: seen[group]%2 == 0,
			})
			seen[group]++
		}
		f.Close()
		if err := sc.Err(); err != nil {
			tb.Fatal(err)
		}
	}
	return items
}

// ffCase is an item with its hits: what the scorer sees.
type ffCase struct {
	ffItem
	hits []Hit
	ff   int // index of the marked false friend in hits
}

// loadFFCases matches every item with the glossary of testdata/context and
// finds the marked false friend among the hits.
func loadFFCases(tb testing.TB) []ffCase {
	tb.Helper()
	m := NewMatcher(readGlossaryCSV(tb, "testdata/context/glossary.csv"))
	var cases []ffCase
	for _, it := range loadFFItems(tb) {
		hits := m.Find(it.text, it.lang)
		ff := -1
		for i, h := range hits {
			if h.Start == it.start && h.End == it.end && h.Check == CheckFalseFriend {
				ff = i
			}
		}
		if ff < 0 || hits[ff].EntryKey != it.entry {
			tb.Errorf("%s:%d: %q is no false friend of %s in %q: hits %+v", it.file, it.line,
				it.text[it.start:it.end], it.entry, it.text, hits)
			continue
		}
		cases = append(cases, ffCase{it, hits, ff})
	}
	return cases
}

// loadFFHalf is the tuning half of loadFFCases, or the held-out half.
func loadFFHalf(tb testing.TB, tuning bool) []ffCase {
	tb.Helper()
	var half []ffCase
	for _, c := range loadFFCases(tb) {
		if c.tuning == tuning {
			half = append(half, c)
		}
	}
	return half
}

// vector returns the cues of the case's false friend as model reads the
// text's other false friends.
func (c *ffCase) vector(model *ffModel) ffVector {
	ffs, vectors := falseFriendVectors(c.text, c.lang, c.hits, model)
	for j, i := range ffs {
		if i == c.ff {
			return vectors[j]
		}
	}
	panic("the marked false friend is gone")
}
