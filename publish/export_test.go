package publish_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"lector/account"
	"lector/comment"
	"lector/publish"
	"lector/review"
	"lector/review/reviewtest"
	"lector/xliff"
	"lector/xliff/xlifftest"
)

// xliffExport is the current export of article id and its XLIFF file.
func (w *exportWorld) xliffExport(t *testing.T, id int64) (*publish.Export, []byte) {
	t.Helper()
	ex := reviewtest.Must[*publish.Export](t)(publish.CurrentExport(context.Background(), w.DB, id))
	var buf bytes.Buffer
	if err := publish.WriteExport(&buf, ex, "xliff"); err != nil {
		t.Fatal(err)
	}
	return ex, buf.Bytes()
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// exportWorld is the article the export tests share: two paragraphs with a
// source for every segment, a wrong name, and segments in five states,
// plus a published version 1.
type exportWorld struct {
	*world
	article *review.Article
}

const (
	exportText   = "Ilon Musk met the *press* today. He said <nothing> & left.\n\n1. Isaxon wrote the book. It sold well."
	exportSource = "Илон Маск встретился с прессой. Он ничего не сказал и ушёл.\n\n1. Айзексон написал книгу. Она хорошо продавалась."
)

func newExportWorld(t *testing.T) *exportWorld {
	t.Helper()
	w := newWorld(t)
	ctx := context.Background()
	a := reviewtest.Must[*review.Article](t)(review.CreateArticle(ctx, w.DB, w.Checker, review.NewArticle{
		Title: "Musk & the press: “Isaxon” / 2024", Lang: "en", Text: exportText, SourceLang: "ru", SourceText: exportSource}))
	if len(a.Segments) != 4 {
		t.Fatalf("%d segments, want 4", len(a.Segments))
	}
	// Segment 0 approved with a correction's text, 1 corrected, 2 in
	// progress, 3 as checked.
	set := func(i int, state, text string) {
		a.Segments[i].State, a.Segments[i].CurrentText = state, text
		if err := w.DB.Model(&review.Segment{}).Where("id = ?", a.Segments[i].ID).
			Updates(map[string]any{"state": state, "current_text": text}).Error; err != nil {
			t.Fatal(err)
		}
	}
	set(0, review.StateApproved, "Elon Musk met the *press* today.")
	set(1, review.StateCorrected, "He said <nothing> & left.")
	set(2, review.StateInProgress, a.Segments[2].CurrentText)
	v := review.Version{ArticleID: a.ID, Number: 1, Text: "unused by the exports", PublishedAt: time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)}
	for i, s := range a.Segments {
		id := s.ID
		v.Segments = append(v.Segments, review.VersionSegment{Position: s.Position, Paragraph: s.Paragraph, SegmentID: &id,
			SourceText: s.SourceText, MTText: s.MTText, Text: s.CurrentText, State: []string{review.StateApproved, review.StateFlagged, review.StateClean, review.StateFlagged}[i]})
	}
	if err := w.DB.Create(&v).Error; err != nil {
		t.Fatal(err)
	}
	// Comments: one before the version (in both exports), one after it
	// (the working state's only), one deleted (in neither).
	for _, c := range []struct {
		seg  int
		p    *account.Principal
		body string
		at   time.Time
		gone bool
	}{
		{0, w.Tr1, "Is it “Elon” & <Musk>?\nThe glossary says so.", time.Date(2026, 11, 19, 8, 0, 0, 0, time.UTC), false},
		{0, w.Ed1, "Yes, @tr1.", time.Date(2026, 11, 19, 8, 5, 0, 0, time.UTC), false},
		{0, w.Tr2, "withdrawn", time.Date(2026, 11, 19, 8, 6, 0, 0, time.UTC), true},
		{1, w.Ed1, "Check the ampersand.", time.Date(2026, 11, 21, 12, 0, 0, 0, time.UTC), false},
	} {
		n := reviewtest.Must[*comment.Note](t)(comment.Post(ctx, w.DB, c.p, a.Segments[c.seg].ID, c.body))
		if err := w.DB.Exec(`UPDATE comments SET created_at = ? WHERE id = ?`, c.at, n.ID).Error; err != nil {
			t.Fatal(err)
		}
		if c.gone {
			reviewtest.Must[int64](t)(comment.Delete(ctx, w.DB, c.p, n.ID))
		}
	}
	return &exportWorld{world: w, article: a}
}

// golden compares got with testdata/golden/name, or rewrites it with
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./review -run TestExportGolden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file:\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

func TestExportGolden(t *testing.T) {
	w := newExportWorld(t)
	ctx := context.Background()
	current := reviewtest.Must[*publish.Export](t)(publish.CurrentExport(ctx, w.DB, w.article.ID))
	version := reviewtest.Must[*publish.Export](t)(publish.VersionExport(ctx, w.DB, w.article.ID, 1))
	// Ids depend on what other rows the database holds; the goldens say 1.
	current.ArticleID, version.ArticleID = 1, 1
	for _, format := range []string{"txt", "md", "html", "json", "xliff"} {
		for name, ex := range map[string]*publish.Export{"current": current, "version": version} {
			var buf bytes.Buffer
			if err := publish.WriteExport(&buf, ex, format); err != nil {
				t.Fatal(err)
			}
			golden(t, name+"."+format, buf.Bytes())
			if format == "xliff" {
				if err := xliff.Validate(buf.Bytes()); err != nil {
					t.Errorf("%s.xliff: %v", name, err)
				}
				xlifftest.Valid(t, name+".xliff", buf.Bytes())
			}
		}
	}
}

// TestGoldenXLIFFSchemaValid: every XLIFF file under testdata, as committed,
// is valid against the XLIFF core schema and passes xliff.Validate.
func TestGoldenXLIFFSchemaValid(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*", "*.xliff"))
	more, _ := filepath.Glob(filepath.Join("testdata", "*", "*.xlf"))
	if files = append(files, more...); len(files) < 2 {
		t.Fatalf("%d XLIFF files under testdata, want the two goldens at least", len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := xliff.Validate(data); err != nil {
			t.Errorf("%s: %v", f, err)
		}
		xlifftest.Valid(t, f, data)
	}
}
