package review_test

import (
	"context"
	"strings"
	"testing"

	"lector/apperr"
	"lector/database/dbtest"
	"lector/glossary"
	"lector/review"
	"lector/review/reviewtest"
	"lector/review/testworld"
	"lector/seeds"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

func seedChecker(t *testing.T) *review.Checker {
	t.Helper()
	entries, err := seeds.Glossary()
	if err != nil {
		t.Fatal(err)
	}
	return review.NewChecker(entries)
}

func TestCreateArticleStoresExactOffsets(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	entries := testworld.SeedGlossary(t, db)
	title, text := seeds.Article()
	a, err := review.CreateArticle(ctx, db, review.NewChecker(entries), review.NewArticle{Title: title, Lang: "en", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	got, err := review.GetArticle(ctx, db, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Segments) == 0 || got.Text != text {
		t.Fatalf("stored %d segments, text equal %v", len(got.Segments), got.Text == text)
	}
	flags := 0
	for i, s := range got.Segments {
		if s.Position != i || text[s.StartOffset:s.EndOffset] != s.MTText || s.CurrentText != s.MTText || s.Revision != 1 {
			t.Errorf("segment %d: position %d, offsets %d..%d do not give %q", i, s.Position, s.StartOffset, s.EndOffset, s.MTText)
		}
		wantState := review.StateClean
		if len(s.Flags) > 0 {
			wantState = review.StateFlagged
		}
		if s.State != wantState {
			t.Errorf("segment %d: state %s with %d flags", i, s.State, len(s.Flags))
		}
		for _, f := range s.Flags {
			flags++
			if f.StartOffset < len(s.MTText) && s.MTText[f.StartOffset:f.EndOffset] != f.Text {
				t.Errorf("flag %q at %d..%d of %q", f.Text, f.StartOffset, f.EndOffset, s.MTText)
			}
		}
	}
	var ilon int
	for _, s := range got.Segments {
		for _, f := range s.Flags {
			if f.Text == "Ilon Musk" && f.Suggestion == "Elon Musk" && f.GlossaryEntryID != nil {
				ilon++
			}
		}
	}
	if ilon != 4 {
		t.Errorf("found %d flags of Ilon Musk with suggestion Elon Musk and an entry, want 4", ilon)
	}
	var events int64
	db.Raw("SELECT count(*) FROM audit_events WHERE subject_type = 'article' AND subject_id = ?", a.ID).Scan(&events)
	if events != 1 {
		t.Errorf("%d audit events for the new article, want 1", events)
	}
}

func TestCreateArticleRejectsBadInput(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	checker := seedChecker(t)
	tests := []struct {
		name  string
		in    review.NewArticle
		code  apperr.Code
		field string
	}{
		{"no title", review.NewArticle{Lang: "en", Text: "Text."}, apperr.Invalid, "title"},
		{"long title", review.NewArticle{Title: strings.Repeat("t", 301), Lang: "en", Text: "Text."}, apperr.Invalid, "title"},
		{"no text", review.NewArticle{Title: "T", Lang: "en", Text: " \n "}, apperr.Invalid, "text"},
		{"bad language", review.NewArticle{Title: "T", Lang: "english!", Text: "Text."}, apperr.Invalid, "lang"},
		{"bad source language", review.NewArticle{Title: "T", Lang: "en", Text: "Text.", SourceLang: "??", SourceText: "Текст."}, apperr.Invalid, "source_lang"},
		{"source without language", review.NewArticle{Title: "T", Lang: "en", Text: "Text.", SourceText: "Текст."}, apperr.Invalid, ""},
		{"invalid UTF-8", review.NewArticle{Title: "T", Lang: "en", Text: "bad \xff byte"}, apperr.Invalid, "text"},
		{"too large", review.NewArticle{Title: "T", Lang: "en", Text: strings.Repeat("a", review.MaxTextBytes+1)}, apperr.TooLarge, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := review.CreateArticle(ctx, db, checker, tt.in)
			ae := apperr.As(err)
			if err == nil || ae.Code != tt.code {
				t.Fatalf("error %v, want code %s", err, tt.code)
			}
			if tt.field != "" && ae.Data["Field"] != tt.field {
				t.Errorf("error names field %v, want %s", ae.Data["Field"], tt.field)
			}
		})
	}
	reviewtest.NoRows(t, db, &review.Article{}, "articles")
}

func TestGetArticleNotFound(t *testing.T) {
	db := dbtest.New(t)
	_, err := review.GetArticle(context.Background(), db, 424242)
	if apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("error %v, want not_found", err)
	}
}

func TestSourceTextAligned(t *testing.T) {
	db := dbtest.New(t)
	a, err := review.CreateArticle(context.Background(), db, review.NewChecker([]glossary.Entry{}), review.NewArticle{
		Title: "T", Lang: "en", Text: "First.\n\nSecond.", SourceLang: "ru", SourceText: "Первое.\n\nВторое."})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Segments) != 2 || a.Segments[1].SourceText == nil || *a.Segments[1].SourceText != "Второе." {
		t.Errorf("segments %+v, want the source aligned", a.Segments)
	}
}

// The source is aligned sentence by sentence, not by position: a sentence
// the translation dropped leaves the rest paired, and a sentence it added
// has no source.
func TestSourceTextAlignedAcrossOmissions(t *testing.T) {
	db := dbtest.New(t)
	a, err := review.CreateArticle(context.Background(), db, seedChecker(t), review.NewArticle{
		Title: "T", Lang: "en", SourceLang: "ru",
		SourceText: "Маск прилетел в Берлин 12 марта. Там он посетил завод Tesla. На заводе работают 11 000 человек, и Путин назвал это угрозой. Вечером Маск улетел.",
		Text:       "Musk flew to Berlin on March 12. There he visited the Tesla factory. In the evening Musk left. Officials in Washington said the visit was of great interest to them."})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Маск прилетел в Берлин 12 марта.", "Там он посетил завод Tesla.", "Вечером Маск улетел.", ""}
	if len(a.Segments) != len(want) {
		t.Fatalf("%d segments, want %d", len(a.Segments), len(want))
	}
	for i, s := range a.Segments {
		got := ""
		if s.SourceText != nil {
			got = *s.SourceText
		}
		if got != want[i] {
			t.Errorf("segment %d %q: source %q, want %q", i, s.MTText, got, want[i])
		}
	}
	stored, err := review.GetArticle(context.Background(), db, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if s := stored.Segments[2].SourceText; s == nil || *s != want[2] {
		t.Errorf("stored segment 2 source %v, want %q", s, want[2])
	}
}

// TestCreateArticleLarge: an article past one statement's 65,535 bind
// parameters (6,000 segments × 13 columns; 6,000 flags × 16) is stored whole.
func TestCreateArticleLarge(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	var b strings.Builder
	const n = 6000
	for i := range n {
		b.WriteString("Ilon Musk spoke about topic number ")
		b.WriteString(strings.Repeat("x", i%7+1))
		b.WriteString(" today.\n\n")
	}
	a, err := review.CreateArticle(ctx, db, seedChecker(t), review.NewArticle{Title: "Large", Lang: "en", Text: b.String()})
	if err != nil {
		t.Fatal(err)
	}
	var segs, flags, orphans int64
	db.Raw("SELECT count(*) FROM segments WHERE article_id = ?", a.ID).Scan(&segs)
	db.Raw("SELECT count(*) FROM flags f JOIN segments s ON s.id = f.segment_id WHERE s.article_id = ?", a.ID).Scan(&flags)
	db.Raw("SELECT count(*) FROM segments s WHERE article_id = ? AND state = 'flagged' AND NOT EXISTS (SELECT 1 FROM flags f WHERE f.segment_id = s.id)", a.ID).Scan(&orphans)
	if segs != n || flags < n || orphans != 0 {
		t.Fatalf("%d segments, %d flags, %d flagged segments without a flag; want %d, at least %d, 0", segs, flags, orphans, n, n)
	}
}
