package glossary

import (
	"context"
	"fmt"
	"testing"

	"gorm.io/gorm"

	"lector/database/dbtest"
	"lector/detect/names/namestest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// TestLoadEntriesManyEntries passes the 65,535 bind parameters GORM's
// Preload would need for the entry ids.
func TestLoadEntriesManyEntries(t *testing.T) {
	if testing.Short() {
		t.Skip("70,000 entries")
	}
	db, entries := impImported(t, 70_000)
	got, err := LoadEntries(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(entries) {
		t.Fatalf("loaded %d entries, want %d", len(got), len(entries))
	}
	for i := range got {
		if got[i].Key != entries[i].Key || len(got[i].Terms) != len(entries[i].Terms) {
			t.Fatalf("entry %d: %s with %d terms, want %s with %d", i, got[i].Key, len(got[i].Terms), entries[i].Key, len(entries[i].Terms))
		}
	}
}

// impImported is a fresh database holding impGenerate(n, 1), imported,
// and those entries.
func impImported(tb testing.TB, n int) (*gorm.DB, []Entry) {
	tb.Helper()
	db := dbtest.New(tb)
	entries := impGenerate(n, 1)
	if _, err := Import(context.Background(), db, entries, ImportOptions{}); err != nil {
		tb.Fatal(err)
	}
	return db, entries
}

// impGenerate returns n entries of every type with several terms each, in
// key order, free of conflicts: every form is a generated name (unique), a
// name plus "x" (no syllable has an x), or a one-word surname, never
// preferred.
func impGenerate(n int, seed uint64) []Entry {
	names := namestest.Names(n, seed)
	types := []string{"person", "place", "organization", "term"}
	entries := make([]Entry, n)
	for i, name := range names {
		typ := types[i%len(types)]
		cs := typ != "term"
		e := Entry{Key: fmt.Sprintf("g%07d", i), Type: typ, Terms: []Term{
			{Lang: "en", Form: name, Status: Preferred, CaseSensitive: cs},
			{Lang: "en", Form: name + "x", Status: Deprecated, CaseSensitive: cs, Note: "a generated wrong form"},
			{Lang: "de", Form: name, Status: Preferred, CaseSensitive: cs, Source: "generated"},
		}}
		if i%3 == 0 {
			surname := name[lastSpace(name)+1:]
			e.Terms = append(e.Terms, Term{Lang: "en", Form: surname, Status: Admitted, CaseSensitive: cs})
		}
		entries[i] = e
	}
	return entries
}

func lastSpace(s string) int {
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ' ' {
			return i
		}
	}
	return -1
}
