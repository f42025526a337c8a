package publish_test

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"lector/publish"
	"lector/review"
	"lector/review/reviewtest"
	"lector/xliff/xlifftest"
)

// TestXLIFFRoundTrip: the working state exported as XLIFF and imported
// again gives the same paragraphs, segments, texts and states. States that
// need rows XLIFF cannot carry (in_progress: a lease; corrected: a pending
// correction) come back as the Checker finds them. The editor imports "as
// approved": without that, nothing a file calls reviewed is approved
// (TestXLIFFFileStateIsInformation).
func TestXLIFFRoundTrip(t *testing.T) {
	w := newExportWorld(t)
	ctx := context.Background()
	for _, bilingual := range []bool{true, false} {
		id := w.article.ID
		if !bilingual { // the same article without its source
			a := reviewtest.Must[*review.Article](t)(review.CreateArticle(ctx, w.DB, w.Checker, review.NewArticle{Title: "Mono", Lang: "en", Text: exportText}))
			if err := w.DB.Model(&review.Segment{}).Where("id = ?", a.Segments[0].ID).
				Updates(map[string]any{"state": review.StateApproved, "current_text": "Elon Musk met the *press* today."}).Error; err != nil {
				t.Fatal(err)
			}
			id = a.ID
		}
		ex := reviewtest.Must[*publish.Export](t)(publish.CurrentExport(ctx, w.DB, id))
		var buf bytes.Buffer
		if err := publish.WriteExport(&buf, ex, "xliff"); err != nil {
			t.Fatal(err)
		}
		xlifftest.Valid(t, fmt.Sprintf("the export (bilingual=%v)", bilingual), buf.Bytes())
		back := reviewtest.Must[*review.Article](t)(review.ImportXLIFF(ctx, w.DB, w.Checker, &buf, review.XLIFFImport{File: "export.xlf", AsApproved: true}))
		if back.Title != ex.Title || back.Lang != "en" {
			t.Errorf("title %q lang %q", back.Title, back.Lang)
		}
		want, got := w.SegStates(t, id), w.SegStates(t, back.ID)
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

// TestXLIFFFileStateIsInformation: imported without "as approved", a segment
// the file called reviewed is not approved, and the state the file gave it
// goes back out in both exports that describe the article: JSON's
// file_state and XLIFF's subState.
func TestXLIFFFileStateIsInformation(t *testing.T) {
	w := newExportWorld(t)
	ctx := context.Background()
	ex := reviewtest.Must[*publish.Export](t)(publish.CurrentExport(ctx, w.DB, w.article.ID))
	var file bytes.Buffer
	if err := publish.WriteExport(&file, ex, "xliff"); err != nil {
		t.Fatal(err)
	}
	reviewed := strings.Count(file.String(), `state="reviewed"`)
	if reviewed == 0 {
		t.Fatal("the article has no approved segment to export as reviewed")
	}
	back := reviewtest.Must[*review.Article](t)(review.ImportXLIFF(ctx, w.DB, w.Checker, &file, review.XLIFFImport{File: "export.xlf"}))
	again := reviewtest.Must[*publish.Export](t)(publish.CurrentExport(ctx, w.DB, back.ID))
	fileStates := 0
	for _, s := range again.Segments {
		if s.State == review.StateApproved {
			t.Errorf("segment %d approved by an import", s.Position)
		}
		if s.FileState != nil && *s.FileState == "reviewed" {
			fileStates++
		}
	}
	if fileStates != reviewed {
		t.Errorf("%d segments keep the file state reviewed, want %d", fileStates, reviewed)
	}
	for format, want := range map[string]string{"json": `"file_state": "reviewed"`, "xliff": `;file=reviewed"`} {
		var out bytes.Buffer
		if err := publish.WriteExport(&out, again, format); err != nil {
			t.Fatal(err)
		}
		if format == "xliff" {
			xlifftest.Valid(t, "the export with file states", out.Bytes())
		}
		if got := strings.Count(out.String(), want); got != reviewed {
			t.Errorf("%s export holds %q %d times, want %d:\n%s", format, want, got, reviewed, out.String())
		}
	}
}
