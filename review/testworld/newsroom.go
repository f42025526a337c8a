package testworld

import (
	"context"
	"fmt"
	"testing"

	"gorm.io/gorm"

	"lector/account"
	"lector/review/reviewtest"
)

// Newsroom is a newsroom's database at scale, made by Bulk.
type Newsroom struct {
	// Translators (20) and Editors (5) are the first users stored;
	// Translators[15] holds the segments in progress.
	Translators, Editors []*account.Principal
	// Middle is the article titled "Article 5000".
	Middle int64
}

// Bulk fills db, which must hold no users yet, with a newsroom: 10,000
// articles of 10 segments (100,000), 4 in 10 segments clean, the others
// flagged, in progress, corrected, approved or rejected, with 124,800
// flags (200 wrong forms, and typography) and 39,600 corrections over the
// last 60 days by 20 translators, decided by 5 editors. Rows are made by SQL, as fast as
// PostgreSQL takes them (a few seconds), then vacuumed and analyzed as
// autovacuum would leave them.
func Bulk(t testing.TB, db *gorm.DB) *Newsroom {
	t.Helper()
	w := &Newsroom{}
	for i := range 20 {
		w.Translators = append(w.Translators, reviewtest.User(t, db, fmt.Sprintf("tr%02d@example.org", i), account.RoleTranslator))
	}
	for i := range 5 {
		w.Editors = append(w.Editors, reviewtest.User(t, db, fmt.Sprintf("ed%d@example.org", i), account.RoleEditor))
	}
	db = db.WithContext(context.Background())
	steps := []string{
		`INSERT INTO articles (title, lang, text, source_lang, source_text, created_at)
SELECT 'Article ' || i, (ARRAY['en','de','ru','uk'])[1 + i % 4], 'x',
       CASE WHEN i % 3 = 0 THEN NULL ELSE (ARRAY['ru','en','fr'])[1 + i % 3] END,
       CASE WHEN i % 3 = 0 THEN NULL ELSE 'x' END, now() - (10000 - i) * interval '5 minutes'
FROM generate_series(1, 10000) i`,
		// States by position: 0-3 clean, 4-5 flagged, 6 corrected, 7-8
		// approved, 9 rejected; one in 100 in progress, leased to one
		// translator.
		`INSERT INTO segments (article_id, position, paragraph, start_offset, end_offset, mt_text, current_text, state, lease_holder_id, lease_expires_at)
SELECT a.id, p, 0, 0, 1, 'MT ' || p, 'text ' || p,
       CASE WHEN (a.id + p) % 100 = 55 THEN 'in_progress'
            ELSE (ARRAY['clean','clean','clean','clean','flagged','flagged','corrected','approved','approved','rejected'])[1 + p] END,
       CASE WHEN (a.id + p) % 100 = 55 THEN (SELECT min(id) FROM users) + (a.id + p) % 20 END,
       CASE WHEN (a.id + p) % 100 = 55 THEN now() + interval '5 minutes' END
FROM articles a CROSS JOIN generate_series(0, 9) p`,
		`INSERT INTO flags (segment_id, kind, "check", start_offset, end_offset, text, entry, confidence, status)
SELECT s.id, 'name', 'glossary-variant', 0, 1, 'Wrong form ' || (s.id * 7 % 200), 'Entry ' || (s.id * 7 % 200), 0.9,
       CASE s.state WHEN 'approved' THEN 'resolved' WHEN 'clean' THEN 'dismissed' ELSE 'open' END
FROM segments s WHERE s.state <> 'clean' OR s.id % 10 = 0`,
		`INSERT INTO flags (segment_id, kind, "check", start_offset, end_offset, text, confidence, status)
SELECT s.id, 'typography', 'double-space', 0, 1, '  ', 1, CASE s.state WHEN 'approved' THEN 'resolved' ELSE 'open' END
FROM segments s WHERE s.state <> 'clean'`,
		// One correction per corrected, approved or rejected segment.
		`INSERT INTO corrections (segment_id, author_id, base_revision, text_before, text, status, reviewer_id, reviewed_at, reject_reason, created_at)
SELECT s.id, (SELECT min(id) FROM users) + s.id % 20, 1, s.mt_text, s.current_text,
       CASE s.state WHEN 'corrected' THEN 'pending' ELSE s.state END,
       CASE WHEN s.state = 'corrected' THEN NULL ELSE (SELECT min(id) FROM users) + 20 + s.id % 5 END,
       CASE WHEN s.state = 'corrected' THEN NULL ELSE t.at + (s.id % 48) * interval '1 hour' END,
       CASE WHEN s.state = 'rejected' THEN 'wrong_name' END, t.at
FROM segments s CROSS JOIN LATERAL (SELECT now() - (s.id % 60) * interval '1 day' - interval '2 days' AS at) t
WHERE s.state IN ('corrected', 'approved', 'rejected')`,
		// As autovacuum leaves a table at rest: statistics, and the
		// visibility map that lets index-only scans skip the heap.
		`VACUUM ANALYZE`,
	}
	for _, q := range steps {
		if err := db.Exec(q).Error; err != nil {
			t.Fatalf("%.80s: %v", q, err)
		}
	}
	var n struct{ Articles, Segments, Flags, Corrections int }
	db.Raw(`SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM segments) AS segments,
(SELECT count(*) FROM flags) AS flags, (SELECT count(*) FROM corrections) AS corrections`).Scan(&n)
	if n.Articles != 10_000 || n.Segments != 100_000 {
		t.Fatalf("newsroom: %+v", n)
	}
	t.Logf("newsroom: %+v", n)
	db.Raw(`SELECT id FROM articles WHERE title = 'Article 5000'`).Scan(&w.Middle)
	return w
}
