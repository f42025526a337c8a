package publish_test

import (
	"context"
	"sort"
	"testing"

	"lector/account"
	"lector/publish"
	"lector/review"
	"lector/seeds"
)

// reviewedSeed stores the seed article with every flagged segment corrected
// (its suggestions applied) by one editor and approved by another, and
// returns the article and an editor.
func reviewedSeed(b *testing.B) (*review.Article, *account.Principal, *world) {
	b.Helper()
	ctx := context.Background()
	w := newWorld(b)
	db, ed1, ed2 := w.DB, w.Ed1, w.Ed2
	title, text := seeds.Article()
	a, err := review.CreateArticle(ctx, db, w.Checker, review.NewArticle{Title: title, Lang: "en", Text: text})
	if err != nil {
		b.Fatal(err)
	}
	flagged, err := review.SegmentList(ctx, db, ed1, a.ID, review.StateFlagged)
	if err != nil {
		b.Fatal(err)
	}
	var ids []int64
	for _, s := range flagged {
		fixed, end := s.MTText, len(s.MTText)+1
		sort.Slice(s.Flags, func(i, j int) bool { return s.Flags[i].StartOffset > s.Flags[j].StartOffset })
		for _, f := range s.Flags {
			if f.Suggestion != "" && f.EndOffset < end {
				fixed, end = fixed[:f.StartOffset]+f.Suggestion+fixed[f.EndOffset:], f.StartOffset
			}
		}
		c, err := review.Submit(ctx, db, ed1, review.Submission{SegmentID: s.ID, Text: fixed + " ", Revision: s.Revision}, nil)
		if err != nil {
			b.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	if _, _, err := review.ApproveMany(ctx, db, w.Checker, ed2, ids, nil); err != nil {
		b.Fatal(err)
	}
	return a, ed1, w
}

// publishedSeed is reviewedSeed with version 1 published by the editor.
func publishedSeed(b *testing.B) (*review.Article, *account.Principal, *world) {
	b.Helper()
	a, ed, w := reviewedSeed(b)
	if _, err := review.Publish(context.Background(), w.DB, ed, a.ID, review.PublishOptions{}); err != nil {
		b.Fatal(err)
	}
	return a, ed, w
}

// BenchmarkPublishSeedArticle publishes the reviewed seed article (88
// segments, every flagged one corrected): one version and its segments
// with provenance per op, through PostgreSQL.
//
//	go test ./review -run '^$' -bench 'SeedArticle|SeedDiff' -count 5
func BenchmarkPublishSeedArticle(b *testing.B) {
	a, ed, w := reviewedSeed(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := review.Publish(ctx, w.DB, ed, a.ID, review.PublishOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkVersionDiffSeedArticle is the API's diff from the MT text to
// the reviewed version: both loaded from PostgreSQL, aligned, names filled.
func BenchmarkVersionDiffSeedArticle(b *testing.B) {
	a, ed, w := publishedSeed(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := publish.VersionDiff(ctx, w.DB, ed, a.ID, 0, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSeedDiff compares, in memory, segment-aligned diffing with
// provenance (AlignVersions) against the baseline of one word diff over
// the whole text (WordDiff), which knows no segments and no corrections.
func BenchmarkSeedDiff(b *testing.B) {
	a, ed, w := publishedSeed(b)
	ctx := context.Background()
	mt, err := publish.ArticleVersion(ctx, w.DB, ed, a.ID, 0)
	if err != nil {
		b.Fatal(err)
	}
	v1, err := publish.ArticleVersion(ctx, w.DB, ed, a.ID, 1)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("AlignVersions", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := publish.AlignVersions(ctx, mt.Segments, v1.Segments); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("baseline=review.WordDiff-whole-text", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			review.WordDiff(mt.Text, v1.Text)
		}
	})
}
