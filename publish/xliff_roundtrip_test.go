package publish_test

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"lector/comment"
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
		ex, file := w.xliffExport(t, id)
		xlifftest.Valid(t, fmt.Sprintf("the export (bilingual=%v)", bilingual), file)
		back := reviewtest.Must[*review.Article](t)(review.ImportXLIFF(ctx, w.DB, w.Checker, bytes.NewReader(file), review.XLIFFImport{File: "export.xlf", AsApproved: true}))
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
	_, file := w.xliffExport(t, w.article.ID)
	reviewed := strings.Count(string(file), `state="reviewed"`)
	if reviewed == 0 {
		t.Fatal("the article has no approved segment to export as reviewed")
	}
	back := reviewtest.Must[*review.Article](t)(review.ImportXLIFF(ctx, w.DB, w.Checker, bytes.NewReader(file), review.XLIFFImport{File: "export.xlf"}))
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

// TestXLIFFCommentsRoundTrip: the comments an XLIFF export writes as notes
// come back from its import as the segments' threads, with their authors
// and times (to the second, as written), and the deleted one stays out;
// exported again, the notes are the same.
func TestXLIFFCommentsRoundTrip(t *testing.T) {
	w := newExportWorld(t)
	ctx := context.Background()
	_, file := w.xliffExport(t, w.article.ID)
	back := reviewtest.Must[*review.Article](t)(review.ImportXLIFF(ctx, w.DB, w.Checker, bytes.NewReader(file),
		review.XLIFFImport{File: "export.xlf", CreatedBy: &w.Ed2.UserID}))
	if len(back.Segments) != len(w.article.Segments) {
		t.Fatalf("%d segments imported, want %d", len(back.Segments), len(w.article.Segments))
	}
	thread := func(segmentID int64) []string {
		t.Helper()
		var out []string
		for _, n := range reviewtest.Must[[]comment.Note](t)(comment.Thread(ctx, w.DB, w.Ed1, segmentID)) {
			if !n.Deleted {
				out = append(out, n.Author+" "+n.CreatedAt.UTC().Format("2006-01-02T15:04:05Z")+" "+n.Body)
			}
		}
		return out
	}
	total := 0
	for i := range back.Segments {
		want, got := thread(w.article.Segments[i].ID), thread(back.Segments[i].ID)
		total += len(got)
		if !slices.Equal(got, want) {
			t.Errorf("segment %d: thread %q, want %q", i, got, want)
		}
	}
	if total != 3 {
		t.Errorf("%d comments imported, want the 3 not deleted", total)
	}
	notes := func(file []byte) []string {
		var out []string
		for _, line := range strings.Split(string(file), "\n") {
			if strings.Contains(line, `category="comment"`) {
				out = append(out, line)
			}
		}
		return out
	}
	_, again := w.xliffExport(t, back.ID)
	if got, want := notes(again), notes(file); len(want) != 3 || !slices.Equal(got, want) {
		t.Errorf("notes exported again:\n%q\nwant\n%q", got, want)
	}
	history := reviewtest.Must[[]review.HistoryEvent](t)(review.SegmentHistory(ctx, w.DB, w.Ed1, back.Segments[0].ID))
	comments := 0
	for _, e := range history {
		if e.Action == comment.ActComment && e.Comment != nil {
			comments++
		}
	}
	if comments != 2 {
		t.Errorf("the first segment's history shows %d comments, want 2: %+v", comments, history)
	}
}
