// Package testworld builds the world the HTTP and workflow tests of review
// and publish start from. It is apart from reviewtest because it imports
// review, which review's own internal tests cannot.
package testworld

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"gorm.io/gorm"

	"lector/account"
	"lector/database/dbtest"
	"lector/glossary"
	"lector/review"
	"lector/review/reviewtest"
	"lector/seeds"
)

// World is a fresh database with the seed glossary stored, the checker
// built from it, and people in every role: two translators, two editors
// (an editor never approves their own correction) and a glossary
// maintainer who is neither.
type World struct {
	DB                         *gorm.DB
	Checker                    *review.Checker
	Tr1, Tr2, Ed1, Ed2, Reader *account.Principal
}

// New starts a database (see dbtest.New) and fills it.
func New(t testing.TB) *World {
	t.Helper()
	db := dbtest.New(t)
	SeedGlossary(t, db)
	stored, err := glossary.LoadEntries(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return &World{DB: db, Checker: review.NewChecker(stored),
		Tr1:    reviewtest.User(t, db, "tr1@example.org", account.RoleTranslator),
		Tr2:    reviewtest.User(t, db, "tr2@example.org", account.RoleTranslator),
		Ed1:    reviewtest.User(t, db, "ed1@example.org", account.RoleEditor),
		Ed2:    reviewtest.User(t, db, "ed2@example.org", account.RoleEditor),
		Reader: reviewtest.User(t, db, "reader@example.org", account.RoleGlossary),
	}
}

// SeedGlossary stores the seed glossary in db and returns its entries.
func SeedGlossary(t testing.TB, db *gorm.DB) []glossary.Entry {
	t.Helper()
	entries, err := seeds.Glossary()
	if err != nil {
		t.Fatal(err)
	}
	if err := glossary.CreateEntries(context.Background(), db, entries); err != nil {
		t.Fatal(err)
	}
	return entries
}

// Article adds an article with n sentences naming "Ilon Musk", each its own
// flagged segment.
func (w *World) Article(t testing.TB, title string, n int) *review.Article {
	t.Helper()
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "Ilon Musk spoke about topic number %d today.\n\n", i+1)
	}
	a, err := review.CreateArticle(context.Background(), w.DB, w.Checker, review.NewArticle{Title: title, Lang: "en", Text: b.String()})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// SegState is what an import must give back of a segment: its place, its
// texts, its state and its flags (open, and all).
type SegState struct {
	Paragraph          int
	Source, MT, Text   string
	State              string
	OpenFlags, Flagged int
}

// SegStates lists the SegState of every segment of article id, in order.
func (w *World) SegStates(t testing.TB, id int64) []SegState {
	t.Helper()
	a, err := review.GetArticle(context.Background(), w.DB, id)
	if err != nil {
		t.Fatal(err)
	}
	var out []SegState
	for _, s := range a.Segments {
		src := ""
		if s.SourceText != nil {
			src = *s.SourceText
		}
		var all int64
		if err := w.DB.Model(&review.Flag{}).Where("segment_id = ?", s.ID).Count(&all).Error; err != nil {
			t.Fatal(err)
		}
		out = append(out, SegState{s.Paragraph, src, s.MTText, s.CurrentText, s.State, len(s.Flags), int(all)})
	}
	return out
}
