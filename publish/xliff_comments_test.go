package publish_test

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"lector/comment"
	"lector/publish"
	"lector/review"
	"lector/review/reviewtest"
)

// TestXLIFFCommentsRoundTrip: the comments an XLIFF export writes as notes
// come back from its import as the segments' threads, with their authors
// and times (to the second, as written), and the deleted one stays out;
// exported again, the notes are the same.
func TestXLIFFCommentsRoundTrip(t *testing.T) {
	w := newExportWorld(t)
	ctx := context.Background()
	export := func(id int64) []byte {
		t.Helper()
		ex := reviewtest.Must[*publish.Export](t)(publish.CurrentExport(ctx, w.DB, id))
		var buf bytes.Buffer
		if err := publish.WriteExport(&buf, ex, "xliff"); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	file := export(w.article.ID)
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
	if got, want := notes(export(back.ID)), notes(file); len(want) != 3 || !slices.Equal(got, want) {
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
