package review_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"gorm.io/gorm"

	"lector/apperr"
	"lector/review"
	"lector/review/reviewtest"
)

// brokenText has the seed article's mistake, a figure cut by a paragraph
// break ("$ 1." / "8 billion"), and a wrong name after it.
const brokenText = "SpaceX won a secret contract for the amount of $ 1.\n\n" +
	"8 billion in 2021 and is the main launcher for NASA. Ilon Musk did not answer.\n\n" +
	"Officials said they were not aware of the talks. The topic is very sensitive.\n"

// broken stores brokenText as an article and returns it with its segments
// as segments loads them.
func (w *world) broken(t *testing.T) (*review.Article, []review.Segment) {
	t.Helper()
	a, err := review.CreateArticle(context.Background(), w.DB, w.Checker, review.NewArticle{Title: "Broken", Lang: "en", Text: brokenText})
	if err != nil {
		t.Fatal(err)
	}
	return a, w.segments(t, a.ID)
}

// segments loads an article's segments with all their flags, in order,
// and checks what must hold after any repair: positions 0..n-1, paragraphs
// never decreasing and without gaps, every flag inside the text its
// offsets are into.
func (w *world) segments(t *testing.T, articleID int64) []review.Segment {
	t.Helper()
	var segs []review.Segment
	if err := w.DB.Preload("Flags", func(tx *gorm.DB) *gorm.DB { return tx.Order("start_offset, id") }).Where("article_id = ?", articleID).Order("position").Find(&segs).Error; err != nil {
		t.Fatal(err)
	}
	for i, s := range segs {
		if s.Position != i {
			t.Errorf("segment %d at position %d, want %d", s.ID, s.Position, i)
		}
		if i > 0 && s.Paragraph != segs[i-1].Paragraph && s.Paragraph != segs[i-1].Paragraph+1 {
			t.Errorf("segment %d in paragraph %d after paragraph %d", s.ID, s.Paragraph, segs[i-1].Paragraph)
		}
		for _, f := range s.Flags {
			text := s.MTText
			if f.OffsetsIn == review.OffsetsApproved {
				text = s.CurrentText
			}
			if f.StartOffset < len(text) && text[f.StartOffset:min(f.EndOffset, len(text))] != f.Text {
				t.Errorf("segment %d: flag %s at %d..%d (%s) is %q in %q", s.ID, f.Check, f.StartOffset, f.EndOffset, f.OffsetsIn, f.Text, text)
			}
		}
	}
	return segs
}

func checks(s review.Segment) string {
	var out []string
	for _, f := range s.Flags {
		out = append(out, f.Check+":"+f.Status)
	}
	return strings.Join(out, " ")
}

func TestMergeBrokenParagraph(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a, before := w.broken(t)
	first, next := before[0], before[1]
	if !strings.Contains(checks(first), "broken-paragraph:open") || first.Paragraph == next.Paragraph {
		t.Fatalf("the seed-like break is not flagged: %q (paragraphs %d, %d)", checks(first), first.Paragraph, next.Paragraph)
	}
	merged := reviewtest.Must[*review.Segment](t)(review.MergeSegments(ctx, w.DB, w.Checker, w.Ed1,
		review.MergeRequest{SegmentID: first.ID, Revision: first.Revision, NextRevision: next.Revision}))
	want := "SpaceX won a secret contract for the amount of $ 1.8 billion in 2021 and is the main launcher for NASA."
	if merged.ID != first.ID || merged.MTText != want || merged.CurrentText != want || merged.Revision != first.Revision+1 {
		t.Errorf("merged %d rev %d %q, want %d rev %d %q", merged.ID, merged.Revision, merged.MTText, first.ID, first.Revision+1, want)
	}
	if merged.StartOffset != first.StartOffset || merged.EndOffset != next.EndOffset {
		t.Errorf("merged covers %d..%d, want %d..%d", merged.StartOffset, merged.EndOffset, first.StartOffset, next.EndOffset)
	}
	after := w.segments(t, a.ID)
	if len(after) != len(before)-1 {
		t.Fatalf("%d segments after the merge, want %d", len(after), len(before)-1)
	}
	got := checks(after[0])
	if strings.Contains(got, "broken-paragraph") || !strings.Contains(got, "space-after-currency:open") || after[0].State != review.StateFlagged {
		t.Errorf("merged flags %q, state %s: want the currency space flagged and the break gone", got, after[0].State)
	}
	for i := 1; i < len(after); i++ {
		if after[i].ID != before[i+1].ID || after[i].Paragraph != before[i+1].Paragraph-1 {
			t.Errorf("position %d: segment %d paragraph %d, want %d paragraph %d", i, after[i].ID, after[i].Paragraph,
				before[i+1].ID, before[i+1].Paragraph-1)
		}
	}
	if _, err := review.GetSegment(ctx, w.DB, w.Ed1, next.ID); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("the merged-away segment: %v, want not found", err)
	}
	history := reviewtest.Must[[]review.HistoryEvent](t)(review.SegmentHistory(ctx, w.DB, w.Ed1, first.ID))
	last := history[len(history)-1]
	if last.Action != review.ActMerge || last.TextBefore != first.MTText || last.TextAfter != want || last.Actor != "ed1@example.org" {
		t.Errorf("last history event %+v, want the merge", last)
	}
	gone := reviewtest.Must[[]review.HistoryEvent](t)(review.SegmentHistory(ctx, w.DB, w.Ed1, next.ID))
	if len(gone) == 0 || gone[len(gone)-1].Action != review.ActMerge || !strings.Contains(string(gone[len(gone)-1].Detail), "into") {
		t.Errorf("the merged-away segment's history %+v lacks the merge", gone)
	}
	// The old revisions are stale now.
	_, err := review.MergeSegments(ctx, w.DB, w.Checker, w.Ed1,
		review.MergeRequest{SegmentID: first.ID, Revision: first.Revision, NextRevision: after[1].Revision})
	wantMessage(t, err, "error.stale_revision")
}

func TestSplitSegment(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a, before := w.broken(t)
	seg := before[2] // "Ilon Musk did not answer."
	if !strings.HasPrefix(seg.MTText, "Ilon Musk") {
		t.Fatalf("segment 2 is %q", seg.MTText)
	}
	at := strings.Index(seg.MTText, "did")
	parts := reviewtest.Must[[]review.Segment](t)(review.SplitSegment(ctx, w.DB, w.Checker, w.Ed1,
		review.SplitRequest{SegmentID: seg.ID, Revision: seg.Revision, Offset: at - 1})) // at the space: trimmed
	one, two := parts[0], parts[1]
	if one.ID != seg.ID || one.MTText != "Ilon Musk" || two.MTText != "did not answer." || two.Revision != 1 || one.Revision != 2 {
		t.Fatalf("split into %d %q (rev %d) and %d %q (rev %d)", one.ID, one.MTText, one.Revision, two.ID, two.MTText, two.Revision)
	}
	if one.EndOffset != seg.StartOffset+len("Ilon Musk") || two.StartOffset != seg.StartOffset+at || two.EndOffset != seg.EndOffset {
		t.Errorf("offsets %d..%d and %d..%d", one.StartOffset, one.EndOffset, two.StartOffset, two.EndOffset)
	}
	if brokenText[two.StartOffset:two.EndOffset] != two.MTText {
		t.Errorf("the second part's offsets point at %q", brokenText[two.StartOffset:two.EndOffset])
	}
	after := w.segments(t, a.ID)
	if len(after) != len(before)+1 || after[3].ID != two.ID || after[4].ID != before[3].ID || after[3].Paragraph != seg.Paragraph {
		t.Fatalf("after the split: %d segments, position 3 is %d", len(after), after[3].ID)
	}
	if !strings.Contains(checks(after[2]), "glossary-variant:open") || after[2].State != review.StateFlagged ||
		after[3].State != review.StateClean || len(after[3].Flags) != 0 {
		t.Errorf("flags %q (%s) and %q (%s)", checks(after[2]), after[2].State, checks(after[3]), after[3].State)
	}
	history := reviewtest.Must[[]review.HistoryEvent](t)(review.SegmentHistory(ctx, w.DB, w.Ed1, two.ID))
	if len(history) != 1 || history[0].Action != review.ActSplit || history[0].TextBefore != seg.MTText || history[0].TextAfter != two.MTText {
		t.Errorf("the new segment's history %+v, want the split", history)
	}
	for _, bad := range []int{0, -1, len(seg.MTText), 200, 1, len("Ilon Musk") - 1 + 1 + len("did not answer.")} {
		cur := w.segments(t, a.ID)[3]
		_, err := review.SplitSegment(ctx, w.DB, w.Checker, w.Ed1, review.SplitRequest{SegmentID: cur.ID, Revision: cur.Revision, Offset: bad})
		if bad == 1 { // inside "did": a legal cut
			if err != nil {
				t.Errorf("split at 1: %v", err)
			}
			continue
		}
		wantMessage(t, err, "error.bad_split_offset")
	}
	// Not on a character boundary.
	b := reviewtest.Must[*review.Article](t)(review.CreateArticle(ctx, w.DB, w.Checker, review.NewArticle{Title: "É", Lang: "en", Text: "Émile est là."}))
	s := w.segments(t, b.ID)[0]
	_, err := review.SplitSegment(ctx, w.DB, w.Checker, w.Ed1, review.SplitRequest{SegmentID: s.ID, Revision: s.Revision, Offset: 1})
	wantMessage(t, err, "error.bad_split_offset")
}

func TestRepairRefusals(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Refusals", 4)
	segs := w.segments(t, a.ID)
	merge := func(p int) error {
		_, err := review.MergeSegments(ctx, w.DB, w.Checker, w.Ed1,
			review.MergeRequest{SegmentID: segs[p].ID, Revision: segs[p].Revision, NextRevision: segs[p+1].Revision})
		return err
	}
	// Roles: editors only, in the domain function.
	_, err := review.MergeSegments(ctx, w.DB, w.Checker, w.Tr1, review.MergeRequest{SegmentID: segs[0].ID, Revision: 1, NextRevision: 1})
	reviewtest.WantCode(t, err, apperr.Forbidden)
	_, err = review.SplitSegment(ctx, w.DB, w.Checker, nil, review.SplitRequest{SegmentID: segs[0].ID, Revision: 1, Offset: 3})
	reviewtest.WantCode(t, err, apperr.Unauthorized)
	_, err = review.MergeSegments(ctx, w.DB, w.Checker, w.Ed1, review.MergeRequest{SegmentID: segs[0].ID, Revision: 1})
	reviewtest.WantCode(t, err, apperr.Invalid)
	_, err = review.MergeSegments(ctx, w.DB, w.Checker, w.Ed1, review.MergeRequest{SegmentID: 999999, Revision: 1, NextRevision: 1})
	reviewtest.WantCode(t, err, apperr.NotFound)
	// Stale revision of the next segment.
	_, err = review.MergeSegments(ctx, w.DB, w.Checker, w.Ed1, review.MergeRequest{SegmentID: segs[0].ID, Revision: 1, NextRevision: 2})
	wantMessage(t, err, "error.stale_revision")
	// The last segment has nothing to merge with.
	_, err = review.MergeSegments(ctx, w.DB, w.Checker, w.Ed1, review.MergeRequest{SegmentID: segs[3].ID, Revision: 1, NextRevision: 1})
	wantMessage(t, err, "error.merge_last")

	// Segment 0 leased by a translator: no merge, no split.
	held := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr1, review.QueueFilter{ArticleID: a.ID}))
	if held.ID != segs[0].ID {
		t.Fatalf("claimed %d, want %d", held.ID, segs[0].ID)
	}
	wantMessage(t, merge(0), "error.segment_leased")
	_, err = review.SplitSegment(ctx, w.DB, w.Checker, w.Ed1, review.SplitRequest{SegmentID: held.ID, Revision: held.Revision, Offset: 5})
	wantMessage(t, err, "error.segment_leased")
	// A pending correction on segment 0 refuses the merge.
	c := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Tr1, review.Submission{SegmentID: held.ID,
		Text: strings.Replace(held.MTText, "Ilon", "Elon", 1), Revision: held.Revision}, nil))
	segs = w.segments(t, a.ID)
	wantMessage(t, merge(0), "error.repair_pending")
	// Approved, the correction is no obstacle (TestJoinApprovedBreak); a
	// "not a mistake" waiting for an editor on segment 3 is one.
	reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, w.Ed2, c.ID, false, nil))
	propose(t, w, w.Ed2, segs[3].Flags[0].ID, "a quotation of the wrong form")
	segs = w.segments(t, a.ID)
	wantMessage(t, merge(2), "error.repair_dismissal_pending")
	_, err = review.SplitSegment(ctx, w.DB, w.Checker, w.Ed1, review.SplitRequest{SegmentID: segs[3].ID, Revision: segs[3].Revision, Offset: 5})
	wantMessage(t, err, "error.repair_dismissal_pending")
	// Nothing changed by the refusals.
	if n := len(w.segments(t, a.ID)); n != 4 {
		t.Errorf("%d segments after refused repairs, want 4", n)
	}
	// An editor's own lease does not stand in the way; the lease ends.
	mine := segs[2]
	if err := w.DB.Exec(`UPDATE segments SET state = 'in_progress', lease_holder_id = ?, lease_expires_at = now() + interval '5 minutes' WHERE id = ?`,
		w.Ed1.UserID, mine.ID).Error; err != nil {
		t.Fatal(err)
	}
	merged := reviewtest.Must[*review.Segment](t)(review.MergeSegments(ctx, w.DB, w.Checker, w.Ed1,
		review.MergeRequest{SegmentID: segs[1].ID, Revision: segs[1].Revision, NextRevision: mine.Revision}))
	if merged.LeaseHolderID != nil || merged.State != review.StateFlagged || strings.Count(merged.MTText, "Ilon Musk") != 2 {
		t.Errorf("merged %+v", merged)
	}
	w.segments(t, a.ID)
}

func TestRepairKeepsDismissals(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Dismissed", 2)
	segs := w.segments(t, a.ID)
	dismissed(t, w, w.Ed1, w.Ed2, segs[1].Flags[0].ID, "a quotation of the wrong form")
	segs = w.segments(t, a.ID)
	merged := reviewtest.Must[*review.Segment](t)(review.MergeSegments(ctx, w.DB, w.Checker, w.Ed1,
		review.MergeRequest{SegmentID: segs[0].ID, Revision: segs[0].Revision, NextRevision: segs[1].Revision}))
	got := w.segments(t, a.ID)[0]
	// Both occurrences have the same text; the dismissal stays with the
	// second, where it was made.
	if merged.ID != got.ID || checks(got) != "glossary-variant:open glossary-variant:dismissed" || got.Flags[1].DismissReason == "" {
		t.Errorf("flags after the merge %q", checks(got))
	}
	at := strings.LastIndex(got.MTText, "Ilon")
	parts := reviewtest.Must[[]review.Segment](t)(review.SplitSegment(ctx, w.DB, w.Checker, w.Ed1,
		review.SplitRequest{SegmentID: got.ID, Revision: got.Revision, Offset: at}))
	if back := w.segments(t, a.ID); checks(back[0]) != "glossary-variant:open" || checks(back[1]) != "glossary-variant:dismissed" ||
		back[1].ID != parts[1].ID || back[1].State != review.StateClean {
		t.Errorf("after the split back: %q and %q (%s)", checks(back[0]), checks(back[1]), back[1].State)
	}
}

// TestConcurrentRepairs: repairs of one article run one after the other
// (the article row is locked), so positions stay contiguous.
func TestConcurrentRepairs(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Concurrent", 8)
	segs := w.segments(t, a.ID)
	errs := make(chan error, len(segs))
	for i, s := range segs {
		go func() {
			var err error
			if i%2 == 0 {
				_, err = review.SplitSegment(ctx, w.DB, w.Checker, w.Ed1, review.SplitRequest{SegmentID: s.ID, Revision: s.Revision, Offset: 5})
			} else {
				_, err = review.SplitSegment(ctx, w.DB, w.Checker, w.Ed2, review.SplitRequest{SegmentID: s.ID, Revision: s.Revision, Offset: 10})
			}
			errs <- err
		}()
	}
	for range segs {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if after := w.segments(t, a.ID); len(after) != 2*len(segs) {
		t.Errorf("%d segments after %d splits of %d, want %d", len(after), len(segs), len(segs), 2*len(segs))
	}
}

func wantMessage(t *testing.T, err error, id string) {
	t.Helper()
	var ae *apperr.Error
	if !errors.As(err, &ae) || ae.MessageID != id {
		t.Fatalf("error %v, want %s", err, id)
	}
}
