package review_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"lector/account"
	"lector/review"
	"lector/review/reviewtest"
	"lector/review/testworld"
	"lector/server/servertest"
)

// BenchmarkLists measures the list pages at 100,000 rows each (100,000
// articles, each with a flagged segment with an open flag and a pending
// correction: 200,000 segments): the keyset stores a page at a time (the
// first page, a page in the middle by its cursor, sorted by title, a
// search with a language filter) beside the stores the pages used before
// (every article counted; every queued article counted; the first 500
// pending corrections with their approval previews), and the whole pages
// through the server.
//
//	go test ./review -run '^$' -bench BenchmarkLists -benchtime 20x -count 3
func BenchmarkLists(b *testing.B) {
	const n = 100_000
	w := testworld.New(b)
	w.BulkLists(b, n)
	ctx := context.Background()
	var mid struct {
		ID        int64
		CreatedAt time.Time
	}
	if err := w.DB.Raw(`SELECT id, created_at FROM articles WHERE title = 'Article 50000'`).Scan(&mid).Error; err != nil {
		b.Fatal(err)
	}
	var midCorrection struct {
		ID        int64
		CreatedAt time.Time
	}
	if err := w.DB.Raw(`SELECT c.id, c.created_at FROM corrections c JOIN segments s ON s.id = c.segment_id
WHERE s.article_id = ?`, mid.ID).Scan(&midCorrection).Error; err != nil {
		b.Fatal(err)
	}
	atMid := &review.Cursor{At: mid.CreatedAt.UnixMicro(), ID: mid.ID}
	correctionMid := &review.Cursor{At: midCorrection.CreatedAt.UnixMicro(), ID: midCorrection.ID}
	stores := []struct {
		name string
		run  func(b *testing.B)
	}{
		{"articles/old-every-article", func(b *testing.B) { l, err := review.ListArticles(ctx, w.DB); reviewtest.Found(b, len(l), err) }},
		{"articles/first-page", func(b *testing.B) {
			l, err := review.ArticleRows(ctx, w.DB, review.ListQuery{Sort: "newest"}, true)
			reviewtest.Found(b, len(l), err)
		}},
		{"articles/middle-page", func(b *testing.B) {
			l, err := review.ArticleRows(ctx, w.DB, review.ListQuery{Sort: "newest", After: atMid}, true)
			reviewtest.Found(b, len(l), err)
		}},
		{"articles/by-title-middle", func(b *testing.B) {
			l, err := review.ArticleRows(ctx, w.DB, review.ListQuery{Sort: "title", After: &review.Cursor{Title: "Article 50000", ID: mid.ID}}, true)
			reviewtest.Found(b, len(l), err)
		}},
		{"articles/search-lang-state", func(b *testing.B) {
			l, err := review.ArticleRows(ctx, w.DB, review.ListQuery{Sort: "newest", Search: "article 0", Lang: "de", State: "flagged"}, true)
			reviewtest.Found(b, len(l), err)
		}},
		{"queue/old-every-article", func(b *testing.B) { l, err := review.QueueCounts(ctx, w.DB, w.Tr1); reviewtest.Found(b, len(l), err) }},
		{"queue/first-page", func(b *testing.B) {
			l, err := review.QueueRows(ctx, w.DB, w.Tr1, review.ListQuery{Sort: "oldest"})
			reviewtest.Found(b, len(l), err)
		}},
		{"queue/middle-page", func(b *testing.B) {
			l, err := review.QueueRows(ctx, w.DB, w.Tr1, review.ListQuery{Sort: "oldest", After: &review.Cursor{ID: mid.ID}})
			reviewtest.Found(b, len(l), err)
		}},
		{"queue/by-title-search-lang", func(b *testing.B) {
			l, err := review.QueueRows(ctx, w.DB, w.Tr1, review.ListQuery{Sort: "title", Search: "article 0", Lang: "de"})
			reviewtest.Found(b, len(l), err)
		}},
		{"review/old-first-500", func(b *testing.B) {
			l, err := review.PendingCorrections(ctx, w.DB, w.Checker, w.Ed1, 0)
			reviewtest.Found(b, len(l), err)
		}},
		{"review/first-page", func(b *testing.B) {
			l, err := review.PendingRows(ctx, w.DB, w.Checker, w.Ed1, review.ListQuery{Sort: "oldest"})
			reviewtest.Found(b, len(l), err)
		}},
		{"review/middle-page", func(b *testing.B) {
			l, err := review.PendingRows(ctx, w.DB, w.Checker, w.Ed1, review.ListQuery{Sort: "oldest", After: correctionMid})
			reviewtest.Found(b, len(l), err)
		}},
		{"review/newest-search-lang", func(b *testing.B) {
			l, err := review.PendingRows(ctx, w.DB, w.Checker, w.Ed1, review.ListQuery{Sort: "newest", Search: "article 0", Lang: "de"})
			reviewtest.Found(b, len(l), err)
		}},
		{"review/search-matching-all", func(b *testing.B) {
			l, err := review.PendingRows(ctx, w.DB, w.Checker, w.Ed1, review.ListQuery{Sort: "oldest", Search: "article"})
			reviewtest.Found(b, len(l), err)
		}},
		{"review/lang-only", func(b *testing.B) {
			l, err := review.PendingRows(ctx, w.DB, w.Checker, w.Ed1, review.ListQuery{Sort: "newest", Lang: "de"})
			reviewtest.Found(b, len(l), err)
		}},
	}
	for _, s := range stores {
		b.Run("store/"+s.name, func(b *testing.B) {
			for range b.N {
				s.run(b)
			}
		})
	}
	base, _ := servertest.Serve(b, w.DB, w.Checker)
	pages := []struct {
		name, path string
		who        *account.Principal
	}{
		{"articles", "/articles", w.Reader},
		{"articles-middle", "/articles?after=" + atMid.String(), w.Reader},
		{"queue", "/queue", w.Tr1},
		{"queue-middle", "/queue?after=" + (review.Cursor{ID: mid.ID}).String(), w.Tr1},
		{"review", "/review", w.Ed1},
		{"review-middle", "/review?after=" + correctionMid.String(), w.Ed1},
	}
	for _, p := range pages {
		reviewtest.Call(b, base, http.MethodGet, p.path, p.who, "") // the article list's cache fills on the first hit
		b.Run("page/"+p.name, func(b *testing.B) {
			for range b.N {
				if status, body := reviewtest.Call(b, base, http.MethodGet, p.path, p.who, ""); status != http.StatusOK {
					b.Fatalf("GET %s: %d %.300s", p.path, status, body)
				}
			}
		})
	}
}

// BenchmarkActivity measures the Activity page's store at 100,000 events
// of one article (and as many of another): the keyset pages (the first,
// one in the middle by its cursor, the last, one filtered by a rare action
// and one by an actor, both from the middle) beside the query the page
// used before (the newest 200 events, no paging), which the API's
// activity (ArticleActivity) now runs with the pages' plan.
//
//	go test ./review -run '^$' -bench BenchmarkActivity -benchtime 20x -count 3
func BenchmarkActivity(b *testing.B) {
	const n = 100_000
	w := testworld.New(b)
	a := w.Article(b, "Busy", 3)
	other := w.Article(b, "Other", 3)
	// Events by four people, one in a hundred a comment (comment events
	// name no comment row: the page only looks their ids up).
	for _, id := range []int64{a.ID, other.ID} {
		err := w.DB.Exec(`INSERT INTO audit_events (at, actor_id, subject_type, subject_id, article_id, action, from_state, to_state)
SELECT now() - make_interval(secs => ? - g), (ARRAY[?, ?, ?, ?]::bigint[])[1 + g % 4], 'segment', g, ?,
       CASE WHEN g % 100 = 0 THEN 'comment' ELSE (ARRAY['claim', 'release', 'renew', 'expire'])[1 + g % 4] END, 'flagged', 'in_progress'
FROM generate_series(1, ?) AS g`, n, w.Tr1.UserID, w.Tr2.UserID, w.Ed1.UserID, w.Ed2.UserID, id, n).Error
		if err != nil {
			b.Fatal(err)
		}
	}
	if err := w.DB.Exec(`ANALYZE audit_events`).Error; err != nil {
		b.Fatal(err)
	}
	var mid, oldest int64
	if err := w.DB.Raw(`SELECT id FROM audit_events WHERE article_id = ? ORDER BY id OFFSET ? LIMIT 1`, a.ID, n/2).Scan(&mid).Error; err != nil {
		b.Fatal(err)
	}
	if err := w.DB.Raw(`SELECT id FROM audit_events WHERE article_id = ? ORDER BY id OFFSET 30 LIMIT 1`, a.ID).Scan(&oldest).Error; err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	page := func(q review.ActivityQuery) func(b *testing.B) {
		return func(b *testing.B) {
			l, _, err := review.ArticleActivityPage(ctx, w.DB, w.Ed1, a.ID, q)
			reviewtest.Found(b, len(l), err)
		}
	}
	for _, s := range []struct {
		name string
		run  func(b *testing.B)
	}{
		{"old-newest-200", func(b *testing.B) {
			var events []review.HistoryEvent
			err := w.DB.Raw(`SELECT e.id, e.at, coalesce(u.email, '') AS actor, e.subject_id, e.action, e.from_state, e.to_state,
       e.text_before, e.text_after, e.detail
FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id WHERE e.article_id = ? ORDER BY e.id DESC LIMIT 200`, a.ID).Scan(&events).Error
			reviewtest.Found(b, len(events), err)
		}},
		{"api-newest-200", func(b *testing.B) {
			l, err := review.ArticleActivity(ctx, w.DB, w.Ed1, a.ID, 0)
			reviewtest.Found(b, len(l), err)
		}},
		{"first-page", page(review.ActivityQuery{})},
		{"middle-page", page(review.ActivityQuery{After: &review.Cursor{ID: mid}})},
		{"last-page", page(review.ActivityQuery{After: &review.Cursor{ID: oldest}})},
		{"previous-from-middle", page(review.ActivityQuery{Before: &review.Cursor{ID: mid}})},
		{"action-comment-middle", page(review.ActivityQuery{Action: "comment", After: &review.Cursor{ID: mid}})},
		{"actor-middle", page(review.ActivityQuery{Actor: "ed2@example.org", After: &review.Cursor{ID: mid}})},
	} {
		b.Run(s.name, func(b *testing.B) {
			for b.Loop() {
				s.run(b)
			}
		})
	}
}
