package review_test

import (
	"context"
	"testing"

	"lector/database/dbtest"
	"lector/review"
)

// The counts of the article list, per state and of open flags, with an
// article that has no segments and flags in every status.
func TestListArticlesCounts(t *testing.T) {
	db := dbtest.New(t)
	err := db.Exec(`
WITH a AS (INSERT INTO articles (title, lang, text, created_at) VALUES
    ('Older', 'en', '', now() - interval '1 hour'), ('Newer', 'de', '', now()), ('Empty', 'uk', '', now() - interval '2 hours')
    RETURNING id, title),
s AS (INSERT INTO segments (article_id, position, paragraph, start_offset, end_offset, mt_text, current_text, state)
    SELECT a.id, p, 0, 0, 0, 'x', 'x', (ARRAY['clean', 'flagged', 'rejected', 'in_progress', 'corrected', 'approved', 'flagged'])[p + 1]
    FROM a, generate_series(0, 6) p WHERE a.title = 'Older'
    UNION ALL
    SELECT a.id, p, 0, 0, 0, 'x', 'x', 'flagged' FROM a, generate_series(0, 1) p WHERE a.title = 'Newer'
    RETURNING id, state)
INSERT INTO flags (segment_id, kind, "check", start_offset, end_offset, text, confidence, status)
SELECT s.id, 'name', 't', 0, 1, 'x', 0.5, st FROM s, unnest(ARRAY['open', 'open', 'resolved', 'dismissed']) st
WHERE s.state IN ('flagged', 'rejected')`).Error
	if err != nil {
		t.Fatal(err)
	}
	got, err := review.ListArticles(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	want := []review.ArticleSummary{
		{Title: "Newer", Lang: "de", Segments: 2, Flagged: 2, OpenFlags: 4},
		{Title: "Older", Lang: "en", Segments: 7, Flagged: 3, InProgress: 1, Corrected: 1, Approved: 1, OpenFlags: 6},
		{Title: "Empty", Lang: "uk"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %+v", got)
	}
	for i := range want {
		want[i].ID = got[i].ID
		if got[i] != want[i] {
			t.Errorf("article %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}
