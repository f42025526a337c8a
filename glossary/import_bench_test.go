package glossary

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/gorm"

	"lector/database/dbtest"
)

// impGeneratedCSV is n generated entries as a glossary CSV.
func impGeneratedCSV(tb testing.TB, n int) []byte {
	var buf bytes.Buffer
	if err := WriteCSV(&buf, impGenerate(n, 1)); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkImport100k: a generated 100,000-entry CSV through ParseCSV and
// Import into an empty database.
func BenchmarkImport100k(b *testing.B) {
	data := impGeneratedCSV(b, 100_000)
	ctx := context.Background()
	b.Run("lector", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			db := dbtest.New(b)
			b.StartTimer()
			entries, err := ParseCSV(bytes.NewReader(data), "generated.csv")
			if err != nil {
				b.Fatal(err)
			}
			if _, err := Import(ctx, db, entries, ImportOptions{KeepEntryNotes: true}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("copy", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			db := dbtest.New(b)
			entries, err := ParseCSV(bytes.NewReader(data), "generated.csv")
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			impCopyBaseline(ctx, b, db, entries)
		}
	})
}

// impCopyBaseline stores entries with PostgreSQL COPY, raw: ids chosen
// here, no plan, no checks, no audit. It is the floor an import can reach.
func impCopyBaseline(ctx context.Context, tb testing.TB, db *gorm.DB, entries []Entry) {
	conn, err := dbtest.SQL(tb, db).Conn(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn()
		tx, err := pc.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx)
		now := time.Now()
		entryRows := make([][]any, len(entries))
		var termRows [][]any
		for i, e := range entries {
			id := int64(i + 1)
			entryRows[i] = []any{id, e.Key, e.Type, e.Note, now, now}
			for _, t := range e.Terms {
				termRows = append(termRows, []any{id, t.Lang, t.Form, string(t.Status), t.CaseSensitive, t.Note, t.Source})
			}
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"glossary_entries"}, []string{"id", "key", "type", "note", "created_at", "updated_at"},
			pgx.CopyFromRows(entryRows)); err != nil {
			return err
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"glossary_terms"}, []string{"entry_id", "lang", "form", "status", "case_sensitive", "note", "source"},
			pgx.CopyFromRows(termRows)); err != nil {
			return err
		}
		return tx.Commit(ctx)
	})
	if err != nil {
		tb.Fatal(err)
	}
}
