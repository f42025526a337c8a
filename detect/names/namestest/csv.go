package namestest

import (
	"encoding/csv"
	"os"
	"testing"
)

// Entry is one entry of a glossary CSV, its rows in file order.
type Entry struct {
	Key, Type string
	Terms     []Term
}

// Term is one row of a glossary CSV.
type Term struct {
	Lang, Form, Status string
	CaseSensitive      bool
}

// ReadCSV reads a glossary in the CSV of the `lector glossary` contract
// (entry, type, lang, term, status, case_sensitive, note, source), entries
// in the order of their first row. It does not validate: the tests' files
// are known good, and the glossary package owns the real parser.
func ReadCSV(tb testing.TB, path string) []Entry {
	tb.Helper()
	file, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer file.Close()
	rows, err := csv.NewReader(file).ReadAll()
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	var entries []Entry
	index := map[string]int{}
	for _, row := range rows[1:] {
		i, ok := index[row[0]]
		if !ok {
			i = len(entries)
			index[row[0]] = i
			entries = append(entries, Entry{Key: row[0], Type: row[1]})
		}
		entries[i].Terms = append(entries[i].Terms, Term{Lang: row[2], Form: row[3], Status: row[4], CaseSensitive: row[5] == "true"})
	}
	return entries
}
