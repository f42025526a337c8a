package testworld

import (
	"context"
	"testing"
)

// BulkLists stores n articles for the list pages, as fast as INSERT …
// SELECT goes: article i is titled "Article %05d" (i from 1), in German when
// i is a multiple of 3 and else in English, created i seconds after the
// first; each has a flagged segment with one open flag (so every article
// is in the queue) and a corrected segment with a pending correction by
// Tr1 (so the review list holds n corrections, oldest first in article
// order). 100,000 articles take a few seconds.
func (w *World) BulkLists(t testing.TB, n int) {
	t.Helper()
	db := w.DB.WithContext(context.Background())
	steps := []string{
		`INSERT INTO articles (title, lang, text, created_at)
SELECT format('Article %s', lpad(i::text, 5, '0')), CASE WHEN i % 3 = 0 THEN 'de' ELSE 'en' END, 'x',
       timestamptz '2026-01-01' + i * interval '1 second'
FROM generate_series(1, ?) i`,
		`INSERT INTO segments (article_id, position, paragraph, start_offset, end_offset, mt_text, current_text, state, revision)
SELECT a.id, p, p, 0, 1, 'x', 'x', CASE p WHEN 0 THEN 'flagged' ELSE 'corrected' END, 1
FROM articles a, generate_series(0, 1) p WHERE a.title LIKE 'Article %'`,
		`INSERT INTO flags (segment_id, kind, "check", start_offset, end_offset, text, confidence, status)
SELECT s.id, 'name', 'name_fuzzy', 0, 1, 'x', 0.9, 'open'
FROM segments s JOIN articles a ON a.id = s.article_id WHERE a.title LIKE 'Article %' AND s.state = 'flagged'`,
		`INSERT INTO corrections (segment_id, author_id, base_revision, text_before, text, created_at)
SELECT s.id, ?, 1, 'x', 'y', a.created_at
FROM segments s JOIN articles a ON a.id = s.article_id WHERE a.title LIKE 'Article %' AND s.state = 'corrected'`,
		`ANALYZE articles; ANALYZE segments; ANALYZE flags; ANALYZE corrections`,
	}
	args := [][]any{{n}, nil, nil, {w.Tr1.UserID}, nil}
	for i, sql := range steps {
		if err := db.Exec(sql, args[i]...).Error; err != nil {
			t.Fatalf("bulk lists, step %d: %v", i, err)
		}
	}
}
