package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lector/detect/names/namestest"
	"lector/glossary"
	"lector/review"
	"lector/seeds"
)

// writeNamesGlossary writes the seed glossary followed by generated person
// names, one en row each, as a glossary CSV of the contract with rows term
// rows in all; it returns the file's path.
func writeNamesGlossary(tb testing.TB, dir string, rows int) string {
	tb.Helper()
	seed, err := seeds.Glossary()
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, fmt.Sprintf("names-%d.csv", rows))
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	if err := glossary.WriteCSV(w, seed); err != nil {
		tb.Fatal(err)
	}
	for _, e := range seed {
		rows -= len(e.Terms)
	}
	for i, name := range namestest.Names(rows, 16) {
		fmt.Fprintf(w, "gen%d,person,en,%s,preferred,true,,\n", i, name)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// baselineCheck is `lector check --format json` as it was before the
// glossary streamed into the engine: every file parsed into stored entries
// (glossary.ParseCSV), then converted (review.NewChecker). The tests compare
// the command's output with it, and the benchmark its memory.
func baselineCheck(w io.Writer, glossaries []string, article string) error {
	var all []glossary.Entry
	for _, path := range glossaries {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		entries, err := glossary.ParseCSV(f, path)
		f.Close()
		if err != nil {
			return err
		}
		all = append(all, entries...)
	}
	text, err := os.ReadFile(article)
	if err != nil {
		return err
	}
	checked, err := review.NewChecker(all).Check(string(text), "en")
	if err != nil {
		return err
	}
	t, err := english()
	if err != nil {
		return err
	}
	return writeCheckJSON(w, t, checked)
}

// TestCheckGlossaryOutputUnchanged: with CSV glossaries, one file or two,
// `lector check` prints byte for byte what the code before the streaming
// parser printed, on the seed article with 20,000 generated names.
func TestCheckGlossaryOutputUnchanged(t *testing.T) {
	dir := t.TempDir()
	big := writeNamesGlossary(t, dir, 20_000)
	extra := filepath.Join(dir, "extra.csv")
	os.WriteFile(extra, []byte("entry,type,lang,term,status\n"+
		"x1,person,en,Ilon Mask,deprecated\nx1,person,en,Ilon Maskk,preferred\nx2,term,en,invasion,preferred\n"+
		"x1,person,ru,Илон Маскк,preferred\n"), 0o644)
	for _, files := range [][]string{{big}, {big, extra}, {extra, big}} {
		var want bytes.Buffer
		if err := baselineCheck(&want, files, seedArticlePath()); err != nil {
			t.Fatal(err)
		}
		args := []string{"check", "--format", "json"}
		for _, f := range files {
			args = append(args, "--glossary", f)
		}
		code, got, stderr := lector(t, "", append(args, seedArticlePath())...)
		if code != 1 {
			t.Fatalf("%v: exit %d, want 1: %s", files, code, stderr)
		}
		if got != want.String() {
			t.Errorf("%v: output differs from the baseline's\n got %s\nwant %s", files, got, want.String())
		}
		if n := strings.Count(got, `"check":`); n < 30 {
			t.Errorf("%v: %d flags, want the seed article's 30 or more", files, n)
		}
	}
}

// TestCheckGlossariesJoinByEntry: rows with the same entry id are one entry
// across --glossary files as within one file. The real-MT corpus keeps its
// Serbian and Macedonian forms in a file of its own beside the corpus
// glossary; checked with the two files, an English text gets the findings it
// gets with all the rows in one file ("Emanuela Makrona" → "Emmanuel Macron",
// not "Makrona" → "Macron" from an entry that lacks the English form).
func TestCheckGlossariesJoinByEntry(t *testing.T) {
	quality := filepath.Join("..", "..", "detect", "testdata", "quality")
	corpus := filepath.Join(quality, "corpus_glossary.csv")
	mt := filepath.Join(quality, "mt", "glossary.csv")
	one := filepath.Join(t.TempDir(), "one.csv")
	var rows bytes.Buffer
	for i, path := range []string{corpus, mt} {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 {
			_, data, _ = bytes.Cut(data, []byte("\n")) // the header once
		}
		rows.Write(data)
	}
	if err := os.WriteFile(one, rows.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"s01_macron", "s03_germany", "m04_trump_xi"} {
		article := filepath.Join(quality, "mt", "out", text+".txt")
		_, want, _ := lector(t, "", "check", "--format", "json", "--glossary", one, article)
		code, got, stderr := lector(t, "", "check", "--format", "json", "--glossary", corpus, "--glossary", mt, article)
		if code != 1 {
			t.Fatalf("%s: exit %d, want 1 (flags): %s", text, code, stderr)
		}
		if got != want {
			t.Errorf("%s: two files give\n%s\none file gives\n%s", text, got, want)
		}
	}
}
