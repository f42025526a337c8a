package testworld

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"lector/database/dbtest"
	"lector/review"
)

// BulkArticle stores an article of n segments, ten a paragraph, every tenth
// naming "Ilon Musk" (flagged, as CreateArticle would flag it), as fast as
// PostgreSQL takes rows: COPY, not INSERTs through the workflow. The rows
// are what CreateArticle stores for the same text (the segmenter's spans,
// the checker's findings), so every operation treats the article as one
// stored the usual way; 100,000 segments take a few seconds.
func (w *World) BulkArticle(t testing.TB, title string, n int) *review.Article {
	t.Helper()
	ctx := context.Background()
	var b strings.Builder
	for i := range n {
		switch {
		case i == 0:
		case i%10 == 0:
			b.WriteString("\n\n")
		default:
			b.WriteByte(' ')
		}
		if i%10 == 3 {
			fmt.Fprintf(&b, "Ilon Musk spoke about topic %d.", i)
		} else {
			fmt.Fprintf(&b, "This is sentence number %d of the text.", i)
		}
	}
	text := b.String()
	checked, err := w.Checker.Check(text, "en")
	if err != nil {
		t.Fatal(err)
	}
	if len(checked) != n {
		t.Fatalf("the text splits into %d segments, want %d", len(checked), n)
	}
	a := &review.Article{Title: title, Lang: "en", Text: text}
	if err := w.DB.WithContext(ctx).Omit("Segments").Create(a).Error; err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	segRows := make([][]any, n)
	for i, c := range checked {
		state := review.StateClean
		if len(c.Findings) > 0 {
			state = review.StateFlagged
		}
		segRows[i] = []any{a.ID, c.Index, c.Paragraph, c.Start, c.End, c.Text, c.Text, state, 1, now}
	}
	copyRows(t, w, "segments", []string{"article_id", "position", "paragraph", "start_offset", "end_offset", "mt_text",
		"current_text", "state", "revision", "updated_at"}, segRows)
	var ids []int64
	if err := w.DB.WithContext(ctx).Raw(`SELECT id FROM segments WHERE article_id = ? ORDER BY position`, a.ID).
		Scan(&ids).Error; err != nil {
		t.Fatal(err)
	}
	var flagRows [][]any
	for i, c := range checked {
		for _, f := range c.Findings {
			start, end := f.Start-c.Start, f.End-c.Start
			if start >= len(c.Text) {
				start, end = len(c.Text), len(c.Text)
			}
			var entry *int64
			if id := w.Checker.EntryID(f.EntryKey); id != 0 {
				entry = &id
			}
			flagRows = append(flagRows, []any{ids[i], f.Kind, f.Check, start, end, review.OffsetsMT, f.Text, f.Suggestion,
				f.Entry, entry, f.Confidence, review.FlagOpen, now})
		}
	}
	copyRows(t, w, "flags", []string{"segment_id", "kind", "check", "start_offset", "end_offset", "offsets_in", "text",
		"suggestion", "entry", "glossary_entry_id", "confidence", "status", "created_at"}, flagRows)
	if err := w.DB.WithContext(ctx).Exec(`ANALYZE segments; ANALYZE flags`).Error; err != nil {
		t.Fatal(err)
	}
	return a
}

// copyRows loads rows into table with COPY on one of the pool's
// connections.
func copyRows(t testing.TB, w *World, table string, columns []string, rows [][]any) {
	t.Helper()
	if len(rows) == 0 {
		return
	}
	conn, err := dbtest.SQL(t, w.DB).Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	err = conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("the pool's driver is %T, not pgx", dc)
		}
		_, err := c.Conn().CopyFrom(context.Background(), pgx.Identifier{table}, columns, pgx.CopyFromRows(rows))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
