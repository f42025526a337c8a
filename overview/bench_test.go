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
	"lector/review/testworld"
	"lector/server/servertest"
)

// benchWorld is testworld.Bulk's newsroom on a fresh database.
func benchWorld(b *testing.B) (db *gorm.DB, tr, ed *account.Principal, article int64) {
	b.Helper()
	db = dbtest.New(b)
	w := testworld.Bulk(b, db)
	return db, w.Translators[15], w.Editors[0], w.Middle
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

// oldTotals and oldWrongForms are the statements Totals and FindWrongForms
// made before migration 00027 kept their counts: every segment and flag
// counted on each call (the baseline of the stores that read the kept
// counts).
const (
	oldStates     = `SELECT state, count(*) AS n FROM segments GROUP BY state`
	oldFlags      = `SELECT kind, status, count(*) AS n FROM flags GROUP BY kind, status`
	oldApproval   = `SELECT count(*) AS n, coalesce(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.reviewed_at - c.created_at)), 0) AS median, coalesce(percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c.reviewed_at - c.created_at)), 0) AS p90 FROM corrections c WHERE c.status = 'approved' AND c.reviewed_at >= ?`
	oldWrongForms = `
WITH top AS (
    SELECT text, entry, count(*) AS n FROM flags
    WHERE kind IN ('name', 'term') AND status <> 'dismissed'
    GROUP BY text, entry ORDER BY n DESC, text, entry LIMIT 20
)
SELECT t.text AS form, t.entry, coalesce(a.source_lang, '') AS source_lang, a.lang, count(*) AS n
FROM top t
JOIN flags f ON f.text = t.text AND f.entry = t.entry AND f.kind IN ('name', 'term') AND f.status <> 'dismissed'
JOIN segments s ON s.id = f.segment_id JOIN articles a ON a.id = s.article_id
GROUP BY t.text, t.entry, t.n, a.source_lang, a.lang
ORDER BY t.n DESC, t.text, t.entry, n DESC, source_lang, a.lang`
)

// BenchmarkDashboards measures each dashboard at 100,000 segments and
// 10,000 articles: its store, without the indexes of migration 00023 and
// with them, the whole-database counts (overview-totals, wrong-forms) from
// the counts migration 00027 keeps beside the statements that counted
// them before (old-…), then the whole page through the server, where only
// the people's dashboard comes from the minute's cache (Cache) after the
// first request.
//
//	go test ./overview -run '^$' -bench BenchmarkDashboards -benchtime 20x -count 3
func BenchmarkDashboards(b *testing.B) {
	db, tr, ed, article := benchWorld(b)
	ctx := context.Background()
	now := time.Now()
	stores := []struct {
		name string
		run  func(b *testing.B)
	}{
		{"old-totals", func(b *testing.B) {
			var rows []map[string]any
			for _, q := range []string{oldStates, oldFlags, oldApproval} {
				rows = nil
				var args []any
				if q == oldApproval {
					args = append(args, now.Add(-overview.ApprovalWindow))
				}
				err := db.Raw(q, args...).Scan(&rows).Error
				reviewtest.Found(b, len(rows), err)
			}
		}},
		{"overview-totals", func(b *testing.B) { p, err := overview.Totals(ctx, db, ed, now); reviewtest.Found(b, p.Segments, err) }},
		{"overview-articles", func(b *testing.B) { r, err := overview.ArticleRows(ctx, db, ed, 0); reviewtest.Found(b, len(r), err) }},
		{"overview-articles-middle", func(b *testing.B) {
			r, err := overview.ArticleRows(ctx, db, ed, article)
			reviewtest.Found(b, len(r), err)
		}},
		{"article", func(b *testing.B) {
			a, err := overview.Article(ctx, db, ed, article)
			reviewtest.Found(b, a.Segments, err)
		}},
		{"people", func(b *testing.B) { p, err := overview.People(ctx, db, ed, now); reviewtest.Found(b, len(p), err) }},
		{"old-wrong-forms", func(b *testing.B) {
			var rows []map[string]any
			err := db.Raw(oldWrongForms).Scan(&rows).Error
			reviewtest.Found(b, len(rows), err)
		}},
		{"wrong-forms", func(b *testing.B) {
			w, err := overview.FindWrongForms(ctx, db, ed)
			reviewtest.Found(b, len(w.Forms), err)
		}},
		{"my-rejected", func(b *testing.B) { r, err := overview.Rejected(ctx, db, tr, 0); reviewtest.Found(b, len(r), err) }},
		{"waiting-translator", func(b *testing.B) {
			w, err := overview.WaitingFor(ctx, db, tr, now)
			reviewtest.Found(b, len(w.Held), err)
		}},
		{"waiting-editor", func(b *testing.B) {
			w, err := overview.WaitingFor(ctx, db, ed, now)
			reviewtest.Found(b, len(w.Corrections), err)
		}},
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
