package review_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"gorm.io/gorm"

	"lector/account"
	"lector/database/dbtest"
	"lector/glossary"
	"lector/review"
	"lector/review/reviewtest"
	"lector/review/testworld"
)

var errRollback = errors.New("rollback")

// BenchmarkLearn measures what learning wrong forms adds to an approval: a
// whole Approve of a correction that teaches a form (proposal and evidence
// written), of one that fixes a known wrong form (what the load test does),
// and of one that touches no name; "learn" is the learning step alone, in a
// transaction rolled back. Against the seed glossary and against it plus
// 100,000 generated entries.
//
//	go test ./review -run '^$' -bench BenchmarkLearn -benchtime 200x -count 3
func BenchmarkLearn(b *testing.B) {
	for _, extra := range []int{0, 100000} {
		db := dbtest.New(b)
		ctx := context.Background()
		testworld.SeedGlossary(b, db)
		if extra > 0 {
			if err := db.Exec(`INSERT INTO glossary_entries (key, type) SELECT 'gen' || i, 'person' FROM generate_series(1, ?) i`, extra).Error; err != nil {
				b.Fatal(err)
			}
			if err := db.Exec(`INSERT INTO glossary_terms (entry_id, lang, form, status)
SELECT id, 'en', 'Person' || id || ' Family' || id, 'preferred' FROM glossary_entries WHERE key LIKE 'gen%'`).Error; err != nil {
				b.Fatal(err)
			}
			db.Exec("ANALYZE")
		}
		stored, err := glossary.LoadEntries(ctx, db)
		if err != nil {
			b.Fatal(err)
		}
		checker := review.NewChecker(stored)
		tr := reviewtest.User(b, db, "btr@example.org", account.RoleTranslator)
		ed := reviewtest.User(b, db, "bed@example.org", account.RoleEditor)
		before := "Ilon Musk read the biography by Walter Isaakson in one night."
		after := "Elon Musk read the biography by Walter Isaacson in one night."
		for _, edit := range []struct{ name, after string }{
			{"teaches", after},
			{"known-form", "Elon Musk read the biography by Walter Isaakson in one night."},
			{"no-name", "Ilon Musk read the biography by Walter Isaakson in a single night."},
		} {
			b.Run(fmt.Sprintf("approve-%s/glossary=seed+%d", edit.name, extra), func(b *testing.B) {
				ids := make([]int64, b.N)
				for i := range ids {
					a, err := review.CreateArticle(ctx, db, checker, review.NewArticle{Title: "B", Lang: "en", Text: before})
					if err != nil {
						b.Fatal(err)
					}
					seg, err := review.Claim(ctx, db, tr, review.QueueFilter{ArticleID: a.ID})
					if err != nil || seg == nil {
						b.Fatal(err)
					}
					c, err := review.Submit(ctx, db, tr, review.Submission{SegmentID: seg.ID, Text: edit.after, Revision: seg.Revision}, nil)
					if err != nil {
						b.Fatal(err)
					}
					ids[i] = c.ID
				}
				b.ResetTimer()
				for _, id := range ids {
					if _, err := review.Approve(ctx, db, checker, ed, id, false, nil); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run(fmt.Sprintf("learn/glossary=seed+%d", extra), func(b *testing.B) {
			ch := chunks(before, after)
			for b.Loop() {
				err := db.Transaction(func(tx *gorm.DB) error {
					ids, err := glossary.LearnFromCorrection(ctx, tx, glossary.FixedLang("en"), ch, glossary.Evidence{})
					if err == nil && len(ids) != 1 {
						b.Fatalf("learned %v, want one proposal", ids)
					}
					if err != nil {
						return err
					}
					return errRollback
				})
				if !errors.Is(err, errRollback) {
					b.Fatal(err)
				}
			}
		})
	}
}
