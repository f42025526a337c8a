package review_test

import (
	"context"
	"slices"
	"testing"

	"lector/comment"
	"lector/review"
	"lector/review/reviewtest"
)

// threadOf is a segment's comments as "author: body", oldest first.
func threadOf(t *testing.T, w *world, segmentID int64) []string {
	t.Helper()
	notes := reviewtest.Must[[]comment.Note](t)(comment.Thread(context.Background(), w.DB, w.Ed1, segmentID))
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = n.Author + ": " + n.Body
	}
	return out
}

// TestRepairsKeepComments: a merge takes the next segment's comments (and
// the notifications of their mentions) into the merged segment, after
// its own in the order they were written; a split leaves the thread with
// the first part, which keeps the segment's id, as its corrections are.
func TestRepairsKeepComments(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a, segs := w.broken(t)
	first, next := segs[0], segs[1]
	post := func(segmentID int64, body string) {
		t.Helper()
		reviewtest.Must[*comment.Note](t)(comment.Post(ctx, w.DB, w.Ed1, segmentID, body))
	}
	post(first.ID, "The figure is cut in two.")
	post(next.ID, "@tr1 this is the figure's second half.")
	post(first.ID, "Merging them.")
	var mentions int64
	countMentions := func(segmentID int64) int64 {
		t.Helper()
		if err := w.DB.Raw(`SELECT count(*) FROM notifications WHERE kind = 'mention' AND segment_id = ?`, segmentID).Scan(&mentions).Error; err != nil {
			t.Fatal(err)
		}
		return mentions
	}
	if n := countMentions(next.ID); n != 1 {
		t.Fatalf("%d mention notifications on the next segment before the merge, want 1", n)
	}

	reviewtest.Must[*review.Segment](t)(review.MergeSegments(ctx, w.DB, w.Checker, w.Ed1,
		review.MergeRequest{SegmentID: first.ID, Revision: first.Revision, NextRevision: next.Revision}))
	want := []string{"ed1@example.org: The figure is cut in two.", "ed1@example.org: @tr1 this is the figure's second half.",
		"ed1@example.org: Merging them."}
	if got := threadOf(t, w, first.ID); !slices.Equal(got, want) {
		t.Errorf("the merged segment's thread %q, want %q", got, want)
	}
	if n := countMentions(first.ID); n != 1 {
		t.Errorf("%d mention notifications on the merged segment, want the one of the merged-away segment", n)
	}

	seg := w.segments(t, a.ID)[1] // "Ilon Musk did not answer."
	post(seg.ID, "Check the name.")
	parts := reviewtest.Must[[]review.Segment](t)(review.SplitSegment(ctx, w.DB, w.Checker, w.Ed1,
		review.SplitRequest{SegmentID: seg.ID, Revision: seg.Revision, Offset: len("Ilon Musk")}))
	if got := threadOf(t, w, parts[0].ID); !slices.Equal(got, []string{"ed1@example.org: Check the name."}) {
		t.Errorf("the first part's thread %q, want the segment's", got)
	}
	if got := threadOf(t, w, parts[1].ID); len(got) != 0 {
		t.Errorf("the second part's thread %q, want none", got)
	}
}
