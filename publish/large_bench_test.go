package publish_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"gorm.io/gorm"

	"lector/publish"
	"lector/review"
	"lector/review/reviewtest"
)

// BenchmarkLargeArticle runs every operation on one article of 5,000 and
// one of 100,000 segments (the limit, MaxArticleSegments), side by side in
// one run, so that the ratio shows whether the cost is linear (20× the
// segments, about 20× the time). Each article is bulk-stored
// (BulkArticle), every hundredth segment approved with a changed text, and
// version 1 published before the clock starts.
//
//	go test ./publish -run '^$' -bench BenchmarkLargeArticle -benchtime 3x -count 1
//
// The export goes through the whole HTTP stack (XLIFF 2.1, the largest
// format); the others call the domain functions the handlers call.
func BenchmarkLargeArticle(b *testing.B) {
	w := newWorld(b)
	ctx := context.Background()
	base, _ := serve(b, w)
	for _, n := range []int{5_000, review.MaxArticleSegments} {
		a := w.BulkArticle(b, fmt.Sprintf("Large %d", n), n)
		approveEvery(b, w.DB, a.ID, 100)
		if _, err := review.Publish(ctx, w.DB, w.Ed1, a.ID, review.PublishOptions{}); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("segments=%d/publish", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := review.Publish(ctx, w.DB, w.Ed1, a.ID, review.PublishOptions{}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("segments=%d/segment-list", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := review.SegmentList(ctx, w.DB, w.Tr1, a.ID, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("segments=%d/export-xliff", n), func(b *testing.B) {
			for b.Loop() {
				path := fmt.Sprintf("/api/v1/articles/%d/export?format=xliff", a.ID)
				if status, body := reviewtest.Call(b, base, "GET", path, w.Tr1, ""); status != http.StatusOK {
					b.Fatalf("%d %.300s", status, body)
				}
			}
		})
		b.Run(fmt.Sprintf("segments=%d/diff-0-1", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := publish.VersionDiff(ctx, w.DB, w.Tr1, a.ID, 0, 1); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("segments=%d/rescan", n), func(b *testing.B) {
			for b.Loop() {
				err := w.DB.Transaction(func(tx *gorm.DB) error {
					_, err := review.RescanArticle(ctx, tx, w.Checker, a.ID)
					return err
				})
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
