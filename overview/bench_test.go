package overview_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/database/dbtest"
	"lector/overview"
	"lector/review/reviewtest"
	"lector/server/servertest"
)

// benchWorld is a newsroom's database: 10,000 articles of 10 segments
// (100,000), 4 in 10 segments clean, the others flagged, in progress,
// corrected, approved or rejected, with 95,000 flags of 200 wrong forms
// and 60,000 corrections over the last 60 days by 20 translators, decided
// by 5 editors. Rows are made by SQL, as fast as PostgreSQL takes them.
func benchWorld(b *testing.B) (db *gorm.DB, tr, ed *account.Principal, article int64) {
	b.Helper()
	db = dbtest.New(b)
	var trs, eds []*account.Principal
	for i := range 20 {
		trs = append(trs, reviewtest.User(b, db, fmt.Sprintf("tr%02d@example.org", i), account.RoleTranslator))
	}
	for i := range 5 {
		eds = append(eds, reviewtest.User(b, db, fmt.Sprintf("ed%d@example.org", i), account.RoleEditor))
	}
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
			b.Fatalf("%.80s: %v", q, err)
		}
	}
	var n struct{ Articles, Segments, Flags, Corrections int }
	db.Raw(`SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM segments) AS segments,
(SELECT count(*) FROM flags) AS flags, (SELECT count(*) FROM corrections) AS corrections`).Scan(&n)
	if n.Articles != 10_000 || n.Segments != 100_000 {
		b.Fatalf("world: %+v", n)
	}
	b.Logf("world: %+v", n)
	db.Raw(`SELECT id FROM articles WHERE title = 'Article 5000'`).Scan(&article)
	// trs[15] holds the leased segments ((a.id + p) % 20 = 15).
	return db, trs[15], eds[0], article
}

// migration00023 are the indexes of migrations/00023_overview_indexes.sql,
// dropped and made again to measure the dashboards without them.
func migration00023() (drop, create []string) {
	return []string{
			`DROP INDEX corrections_reviewed_idx`,
			`DROP INDEX corrections_created_at_idx`,
			`DROP INDEX corrections_rejected_author_idx`,
			`DROP INDEX flags_wrong_form_idx`,
			`DROP INDEX segments_state_idx`,
			`DROP INDEX flags_kind_status_idx`,
		}, []string{
			`CREATE INDEX corrections_reviewed_idx ON corrections (reviewed_at, status, reviewer_id) WHERE status IN ('approved', 'rejected')`,
			`CREATE INDEX corrections_created_at_idx ON corrections (created_at, author_id)`,
			`CREATE INDEX corrections_rejected_author_idx ON corrections (author_id, id) WHERE status = 'rejected'`,
			`CREATE INDEX flags_wrong_form_idx ON flags (text, entry) WHERE kind IN ('name', 'term') AND status <> 'dismissed'`,
			`CREATE INDEX segments_state_idx ON segments (state)`,
			`CREATE INDEX flags_kind_status_idx ON flags (kind, status)`,
		}
}

// BenchmarkDashboards measures each dashboard at 100,000 segments and
// 10,000 articles: its store (what a page costs when it counts), without
// the indexes of migration 00023 and with them, then the whole page
// through the server, where the dashboards that count the whole database
// come from the minute's cache (Cache) after the first request.
//
//	go test ./overview -run '^$' -bench BenchmarkDashboards -benchtime 20x -count 3
func BenchmarkDashboards(b *testing.B) {
	db, tr, ed, article := benchWorld(b)
	ctx := context.Background()
	now := time.Now()
	must := func(b *testing.B, n int, err error) {
		if err != nil {
			b.Fatal(err)
		}
		if n == 0 {
			b.Fatal("nothing shown")
		}
	}
	stores := []struct {
		name string
		run  func(b *testing.B)
	}{
		{"overview-totals", func(b *testing.B) { p, err := overview.Totals(ctx, db, ed, now); must(b, p.Segments, err) }},
		{"overview-articles", func(b *testing.B) { r, err := overview.ArticleRows(ctx, db, ed, 0); must(b, len(r), err) }},
		{"overview-articles-middle", func(b *testing.B) {
			r, err := overview.ArticleRows(ctx, db, ed, article)
			must(b, len(r), err)
		}},
		{"article", func(b *testing.B) { a, err := overview.Article(ctx, db, ed, article); must(b, a.Segments, err) }},
		{"people", func(b *testing.B) { p, err := overview.People(ctx, db, ed, now); must(b, len(p), err) }},
		{"wrong-forms", func(b *testing.B) { w, err := overview.FindWrongForms(ctx, db, ed); must(b, len(w.Forms), err) }},
		{"my-rejected", func(b *testing.B) { r, err := overview.Rejected(ctx, db, tr, 0); must(b, len(r), err) }},
		{"waiting-translator", func(b *testing.B) { w, err := overview.WaitingFor(ctx, db, tr, now); must(b, len(w.Held), err) }},
		{"waiting-editor", func(b *testing.B) { w, err := overview.WaitingFor(ctx, db, ed, now); must(b, len(w.Corrections), err) }},
	}
	drop, create := migration00023()
	for _, phase := range []struct {
		name string
		ddl  []string
	}{{"without-00023", drop}, {"with-00023", create}} {
		for _, q := range append(phase.ddl, "VACUUM ANALYZE corrections, flags, segments") {
			if err := db.Exec(q).Error; err != nil {
				b.Fatalf("%s: %v", q, err)
			}
		}
		for _, s := range stores {
			b.Run(phase.name+"/store/"+s.name, func(b *testing.B) {
				for range b.N {
					s.run(b)
				}
			})
		}
	}
	base, _ := servertest.Serve(b, db, nil)
	pages := []struct {
		name, path string
		who        *account.Principal
	}{
		{"overview", "/overview", ed},
		{"overview-article", fmt.Sprintf("/overview/articles/%d", article), ed},
		{"people", "/overview/people", ed},
		{"wrong-forms", "/overview/glossary", ed},
		{"my-rejected", "/my/rejected", tr},
		{"waiting-editor", "/my/waiting", ed},
	}
	for _, p := range pages {
		b.Run("page/"+p.name, func(b *testing.B) {
			for range b.N {
				if status, body := reviewtest.Call(b, base, http.MethodGet, p.path, p.who, ""); status != http.StatusOK {
					b.Fatalf("GET %s: %d %.300s", p.path, status, body)
				}
			}
		})
	}
}
