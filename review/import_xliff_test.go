package review_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"lector/apperr"
	"lector/review"
	"lector/xliff/xlifftest"
)

type segState struct {
	Paragraph          int
	Source, MT, Text   string
	State              string
	OpenFlags, Flagged int
}

func segStates(t *testing.T, w *world, id int64) []segState {
	t.Helper()
	a := must[*review.Article](t)(review.GetArticle(context.Background(), w.db, id))
	var out []segState
	for _, s := range a.Segments {
		src := ""
		if s.SourceText != nil {
			src = *s.SourceText
		}
		var all int64
		if err := w.db.Model(&review.Flag{}).Where("segment_id = ?", s.ID).Count(&all).Error; err != nil {
			t.Fatal(err)
		}
		out = append(out, segState{s.Paragraph, src, s.MTText, s.CurrentText, s.State, len(s.Flags), int(all)})
	}
	return out
}

// TestXLIFFRoundTrip: the working state exported as XLIFF and imported
// again gives the same paragraphs, segments, texts and states. States that
// need rows XLIFF cannot carry (in_progress: a lease; corrected: a pending
// correction) come back as the Checker finds them.
func TestXLIFFRoundTrip(t *testing.T) {
	w := newExportWorld(t)
	ctx := context.Background()
	for _, bilingual := range []bool{true, false} {
		id := w.article.ID
		if !bilingual { // the same article without its source
			a := must[*review.Article](t)(review.CreateArticle(ctx, w.db, w.checker, review.NewArticle{Title: "Mono", Lang: "en", Text: exportText}))
			if err := w.db.Model(&review.Segment{}).Where("id = ?", a.Segments[0].ID).
				Updates(map[string]any{"state": review.StateApproved, "current_text": "Elon Musk met the *press* today."}).Error; err != nil {
				t.Fatal(err)
			}
			id = a.ID
		}
		ex := must[*review.Export](t)(review.CurrentExport(ctx, w.db, id))
		var buf bytes.Buffer
		if err := review.WriteExport(&buf, ex, "xliff"); err != nil {
			t.Fatal(err)
		}
		xlifftest.Valid(t, fmt.Sprintf("the export (bilingual=%v)", bilingual), buf.Bytes())
		back := must[*review.Article](t)(review.ImportXLIFF(ctx, w.db, w.checker, &buf, review.XLIFFImport{File: "export.xlf"}))
		if back.Title != ex.Title || back.Lang != "en" {
			t.Errorf("title %q lang %q", back.Title, back.Lang)
		}
		want, got := segStates(t, w.world, id), segStates(t, w.world, back.ID)
		for i := range want {
			if want[i].State == review.StateApproved { // approving resolves a segment's flags
				want[i].OpenFlags = 0
			}
			if want[i].State == review.StateInProgress || want[i].State == review.StateCorrected {
				want[i].State = review.StateFlagged
				if want[i].Flagged == 0 {
					want[i].State = review.StateClean
				}
			}
			if bilingual { // the machine translation is not in a bilingual file: the target is
				want[i].MT = want[i].Text
				if i == 0 { // the approved correction no longer holds the wrong name
					want[i].OpenFlags, want[i].Flagged = 0, 0
				}
			}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("bilingual=%v:\n got %+v\nwant %+v", bilingual, got, want)
		}
	}
}

// TestImportXLIFFSamples imports real files: OASIS's test suite and
// Symfony's XLIFF 1.2 (see testdata/SOURCES.md at the repository root).
func TestImportXLIFFSamples(t *testing.T) {
	dir := filepath.Join("..", "testdata", "xliff")
	w := newWorld(t)
	ctx := context.Background()
	tests := []struct {
		file, lang string
		want       []segState
	}{
		{"oasis_xliff21_testsuite_toJoin.xlf", "", []segState{
			{0, "Sentence 1.", "Phrase 1.", "Phrase 1.", review.StateClean, 0, 0},
			{0, "Sentence [  ] 2.", "Phrase [  ] 2.", "Phrase [  ] 2.", review.StateFlagged, 1, 1},
			{0, "Sentence 3.", "sentence 3.", "sentence 3.", review.StateApproved, 0, 0},
			{0, "Sentence 4.", "Phrase 4.", "Phrase 4.", review.StateClean, 0, 0},
			{0, "Sentence 5.", "Phrase 5.", "Phrase 5.", review.StateClean, 0, 0},
		}},
		{"oasis_xliff21_testsuite_withGlossary.xlf", "", []segState{
			{0, "He is my doppelgänger.", "Il est mon alter ego.", "Il est mon alter ego.", review.StateClean, 0, 0},
			{0, "Another doppelgänger.", "Un autre double.", "Un autre double.", review.StateClean, 0, 0},
		}},
		// Groups flattened, inline codes dropped, untranslated units copy
		// their source, a line break inside a segment becomes a space.
		{"oasis_xliff21_testsuite_everything-core.xlf", "", []segState{
			{0, "Sample segment.", "Exemple de segment.", "Exemple de segment.", review.StateClean, 0, 0},
			{0, "Segment's content.", "Contenu du segment.", "Contenu du segment.", review.StateClean, 0, 0},
			{1, "Bolded text", "Bolded text", "Bolded text", review.StateClean, 0, 0},
			{2, "Extra stuff", "Extra stuff", "Extra stuff", review.StateFlagged, 1, 1},
			{3, "special text and more .", "special text and more .", "special text and more .", review.StateClean, 0, 0},
		}},
		{"symfony_xliff12_with-attributes.xlf", "de", []segState{
			{0, "foo", "bar", "bar", review.StateFlagged, 1, 1}, // broken-paragraph: no stop before the break
			{1, "extra", "bar", "bar", review.StateFlagged, 1, 1},
			{2, "key", "key", "key", review.StateClean, 0, 0},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := os.Open(filepath.Join(dir, tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			a, err := review.ImportXLIFF(ctx, w.db, w.checker, f, review.XLIFFImport{File: tt.file, Lang: tt.lang, Title: "Sample"})
			if err != nil {
				t.Fatal(err)
			}
			if got := segStates(t, w, a.ID); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
	// XLIFF 1.2 without target-language needs the language from the caller.
	f, err := os.Open(filepath.Join(dir, "symfony_xliff12_with-attributes.xlf"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = review.ImportXLIFF(ctx, w.db, w.checker, f, review.XLIFFImport{File: "x.xlf", Title: "Sample"})
	wantCode(t, err, apperr.Invalid)
}

// TestImportedFinalTextIsChecked: a segment an XLIFF file calls final is
// approved only when its text holds no wrong form; one that still holds
// "Ilon Musk" keeps that flag open and goes to the queue, and a fixed one
// has its flag resolved.
func TestImportedFinalTextIsChecked(t *testing.T) {
	w := newWorld(t)
	a := must[*review.Article](t)(review.ImportArticle(context.Background(), w.db, w.checker, review.ImportedArticle{
		Title: "Final", Lang: "en", Segments: []review.ImportedSegment{
			{MT: "Ilon Musk met the engineers.", Current: "Ilon Musk met the engineers today.", Approved: true},
			{MT: "Ilon Musk thanked them.", Current: "Elon Musk thanked them.", Approved: true},
		}}))
	want := []struct{ state, flag string }{{review.StateFlagged, review.FlagOpen}, {review.StateApproved, review.FlagResolved}}
	for i, s := range a.Segments {
		d := w.detail(t, s.ID)
		if d.Segment.State != want[i].state || len(d.Segment.Flags) != 1 || d.Segment.Flags[0].Status != want[i].flag {
			t.Errorf("segment %d: state %s, flags %+v; want %s with one %s flag", i, d.Segment.State, d.Segment.Flags, want[i].state, want[i].flag)
		}
	}
}
