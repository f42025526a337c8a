package review_test

import (
	"context"
	"testing"

	"lector/review"
	"lector/review/reviewtest"
	"lector/review/testworld"
)

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
