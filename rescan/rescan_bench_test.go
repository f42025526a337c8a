package rescan

import (
	"context"
	"fmt"
	"testing"

	"lector/database/dbtest"
	"lector/glossary"
	"lector/review"
	"lector/seeds"
)

// benchArticles is how many copies of the seed article the benchmark holds.
const benchArticles = 20

// BenchmarkRescan times one whole rescan of benchArticles seed articles
// (88 segments each) with the seed glossary, the steady case in which the
// glossary change touches few flags, against the checks alone on the same
// texts with no database: the difference is what rows, locks and
// transactions cost. Figures are per article.
func BenchmarkRescan(b *testing.B) {
	db := dbtest.New(b)
	ctx := context.Background()
	entries, err := seeds.Glossary()
	if err != nil {
		b.Fatal(err)
	}
	if err := glossary.CreateEntries(ctx, db, entries); err != nil {
		b.Fatal(err)
	}
	stored, err := glossary.LoadEntries(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	checker := review.NewChecker(stored)
	title, text := seeds.Article()
	for i := range benchArticles {
		if _, err := review.CreateArticle(ctx, db, checker, review.NewArticle{Title: fmt.Sprintf("%s %d", title, i), Lang: "en", Text: text}); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("check-only", func(b *testing.B) {
		for b.Loop() {
			for range benchArticles {
				if _, err := checker.Check(text, "en"); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*benchArticles), "µs/article")
	})
	var job int64 // a new job, so a new rescan, every time; across -count runs too
	b.Run("rescan", func(b *testing.B) {
		for b.Loop() {
			job++
			r, err := begin(ctx, db, job, "glossary")
			if err != nil {
				b.Fatal(err)
			}
			for {
				id, ok, err := r.next(ctx)
				if err != nil {
					b.Fatal(err)
				}
				if !ok {
					break
				}
				if err := r.article(ctx, id); err != nil {
					b.Fatal(err)
				}
			}
			if err := r.finish(ctx); err != nil {
				b.Fatal(err)
			}
			if r.rescan.Done != benchArticles {
				b.Fatalf("rescanned %d articles, want %d", r.rescan.Done, benchArticles)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*benchArticles), "µs/article")
	})
}
