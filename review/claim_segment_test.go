package review_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"lector/apperr"
	"lector/review"
	"lector/review/reviewtest"
)

// mixed adds an article whose segments are, in position order: clean,
// flagged, clean, flagged. "Olaf Sholz" is the kind of name the checker
// misses (the seed glossary does not know Scholz).
func (w *world) mixed(t *testing.T) (*review.Article, []review.Segment) {
	t.Helper()
	ctx := context.Background()
	a, err := review.CreateArticle(ctx, w.DB, w.Checker, review.NewArticle{Title: "Mixed", Lang: "en", Text: "Olaf Sholz met the press today.\n\n" +
		"Ilon Musk spoke about topic one.\n\nThe weather stayed fine all week.\n\nIlon Musk spoke about topic two.\n\n"})
	if err != nil {
		t.Fatal(err)
	}
	segs := reviewtest.Must[[]review.Segment](t)(review.SegmentList(ctx, w.DB, w.Ed1, a.ID, ""))
	want := []string{review.StateClean, review.StateFlagged, review.StateClean, review.StateFlagged}
	if len(segs) != len(want) {
		t.Fatalf("%d segments, want %d", len(segs), len(want))
	}
	for i, s := range segs {
		if s.State != want[i] {
			t.Fatalf("segment %d %q is %s, want %s", i, s.CurrentText, s.State, want[i])
		}
	}
	return a, segs
}

// approve makes seg approved: tr2 corrects it, ed2 approves.
func (w *world) approve(t *testing.T, seg review.Segment) review.Segment {
	t.Helper()
	ctx := context.Background()
	claimed := reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr2, seg.ID))
	c := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Tr2, review.Submission{SegmentID: seg.ID,
		Text: strings.Replace(claimed.CurrentText, "Ilon", "Elon", 1) + " ", Revision: claimed.Revision}, nil))
	reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, w.Ed2, c.ID, false, nil))
	d := reviewtest.Must[*review.SegmentDetail](t)(review.GetSegment(ctx, w.DB, w.Ed1, seg.ID))
	if d.Segment.State != review.StateApproved {
		t.Fatalf("segment %d is %s after approval", seg.ID, d.Segment.State)
	}
	return d.Segment
}

func state(t *testing.T, w *world, id int64) string {
	t.Helper()
	return reviewtest.Must[*review.SegmentDetail](t)(review.GetSegment(context.Background(), w.DB, w.Ed1, id)).Segment.State
}

// TestClaimChosenSegment: a translator leases a clean or approved segment by
// id; someone else's claim is refused; when the lease ends without a
// correction (release, expiry) the segment returns to its state, and the
// queue never hands it out meanwhile.
func TestClaimChosenSegment(t *testing.T) {
	w, base := servedWorld(t)
	ctx := context.Background()
	a, segs := w.mixed(t)
	approved := w.approve(t, segs[3])
	for _, tt := range []struct {
		name string
		seg  review.Segment
		want string
	}{
		{"clean", segs[0], review.StateClean},
		{"approved", approved, review.StateApproved},
		{"flagged", segs[1], review.StateFlagged},
	} {
		t.Run(tt.name, func(t *testing.T) {
			seg := reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr1, tt.seg.ID))
			if seg.State != review.StateInProgress || seg.LeaseHolderID == nil || *seg.LeaseHolderID != w.Tr1.UserID ||
				seg.ClaimedFrom == nil || *seg.ClaimedFrom != tt.want {
				t.Fatalf("claimed %+v", seg)
			}
			_, err := review.ClaimSegment(ctx, w.DB, w.Tr2, seg.ID)
			reviewtest.WantCode(t, err, apperr.Conflict)
			_, err = review.ClaimSegment(ctx, w.DB, w.Ed1, seg.ID)
			reviewtest.WantCode(t, err, apperr.Forbidden)
			status, body := reviewtest.Call(t, base, "POST", fmt.Sprintf("/api/v1/segments/%d/claim", seg.ID), w.Tr2, "")
			if status != 409 || !strings.Contains(body, `"conflict"`) {
				t.Errorf("claim by another translator over the API: %d %s", status, body)
			}
			status, body = reviewtest.Call(t, base, "POST", fmt.Sprintf("/api/v1/segments/%d/claim", seg.ID), w.Tr1, "")
			var got review.Segment
			if status != 200 || json.Unmarshal([]byte(body), &got) != nil || got.ID != seg.ID || got.State != review.StateInProgress {
				t.Errorf("claim again by the holder over the API: %d %s", status, body)
			}

			// Release: back to the state it had.
			if s := reviewtest.Must[*review.Segment](t)(review.Release(ctx, w.DB, w.Tr1, seg.ID)); s.State != tt.want {
				t.Errorf("released to %s, want %s", s.State, tt.want)
			}

			// Expiry: the queue does not hand out a lapsed chosen lease;
			// expiry puts it back where it was.
			reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr1, seg.ID))
			w.DB.Exec("UPDATE segments SET lease_expires_at = now() - interval '1 second' WHERE id = ?", seg.ID)
			if tt.want != review.StateFlagged {
				for {
					next := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr2, review.QueueFilter{ArticleID: a.ID}))
					if next == nil {
						break
					}
					if next.ID == seg.ID {
						t.Fatalf("the queue handed out the lapsed %s segment %d", tt.want, seg.ID)
					}
					reviewtest.Must[*review.Segment](t)(review.Release(ctx, w.DB, w.Tr2, next.ID))
					break
				}
			}
			if _, err := review.ExpireLeases(ctx, w.DB); err != nil {
				t.Fatal(err)
			}
			if got := state(t, w, seg.ID); got != tt.want {
				t.Errorf("after expiry %s, want %s", got, tt.want)
			}
			h := reviewtest.Must[[]review.HistoryEvent](t)(review.SegmentHistory(ctx, w.DB, w.Tr1, seg.ID))
			if last := h[len(h)-1]; last.Action != review.ActExpire || last.ToState != tt.want {
				t.Errorf("last event %+v, want expire to %s", last, tt.want)
			}
		})
	}
}

// TestQueueNeverHandsOutLapsedCleanSegment: an article with only clean
// segments, one of them chosen and its lease lapsed: the queue is empty
// and counts nothing claimable.
func TestQueueNeverHandsOutLapsedCleanSegment(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := reviewtest.Must[*review.Article](t)(review.CreateArticle(ctx, w.DB, w.Checker, review.NewArticle{Title: "Clean", Lang: "en",
		Text: "Olaf Sholz met the press today.\n\nThe weather stayed fine all week.\n\n"}))
	segs := reviewtest.Must[[]review.Segment](t)(review.SegmentList(ctx, w.DB, w.Ed1, a.ID, review.StateClean))
	if len(segs) != 2 {
		t.Fatalf("%d clean segments, want 2", len(segs))
	}
	reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr1, segs[0].ID))
	w.DB.Exec("UPDATE segments SET lease_expires_at = now() - interval '1 second' WHERE id = ?", segs[0].ID)
	for _, p := range []struct {
		name string
		f    review.QueueFilter
	}{{"whole queue", review.QueueFilter{}}, {"this article", review.QueueFilter{ArticleID: a.ID}}, {"this language", review.QueueFilter{Lang: "en"}}} {
		if got := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr2, p.f)); got != nil {
			t.Errorf("%s: the queue handed out segment %d (%s)", p.name, got.ID, got.State)
		}
	}
	counts := reviewtest.Must[[]review.QueueCount](t)(review.QueueCounts(ctx, w.DB, w.Tr2))
	for _, c := range counts {
		if c.ArticleID == a.ID && c.Claimable != 0 {
			t.Errorf("%d claimable in an article with no flagged segment", c.Claimable)
		}
	}
	// The holder may take it back by id: the lapsed lease ends (to clean)
	// and a new one starts.
	seg := reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr2, segs[0].ID))
	if seg.State != review.StateInProgress || *seg.LeaseHolderID != w.Tr2.UserID || *seg.ClaimedFrom != review.StateClean {
		t.Errorf("claim of the lapsed clean segment: %+v", seg)
	}
}

// TestCorrectCleanSegment: a translator's correction of a clean segment
// goes to review; an editor's correction of a clean or approved segment is
// approved by another editor, never by its author.
func TestCorrectCleanSegment(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	_, segs := w.mixed(t)
	fixed := "Olaf Scholz met the press today."

	t.Run("translator", func(t *testing.T) {
		_, err := review.Submit(ctx, w.DB, w.Tr1, review.Submission{SegmentID: segs[0].ID, Text: fixed, Revision: segs[0].Revision}, nil)
		if ae := apperr.As(err); ae.MessageID != "error.lease_not_held" {
			t.Fatalf("submit on an unclaimed clean segment: %v, want lease_not_held", err)
		}
		seg := reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr1, segs[0].ID))
		c := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Tr1, review.Submission{SegmentID: seg.ID, Text: fixed, Revision: seg.Revision}, nil))
		if c.Status != review.CorrectionPending || state(t, w, seg.ID) != review.StateCorrected {
			t.Fatalf("correction %+v, segment %s", c, state(t, w, seg.ID))
		}
		pending := reviewtest.Must[[]review.PendingCorrection](t)(review.PendingCorrections(ctx, w.DB, w.Checker, w.Ed1, 0))
		found := false
		for _, p := range pending {
			found = found || p.ID == c.ID
		}
		if !found {
			t.Fatalf("correction %d is not on the review list", c.ID)
		}
		reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, w.Ed1, c.ID, false, nil))
		if got := state(t, w, seg.ID); got != review.StateApproved {
			t.Errorf("approved correction left the segment %s", got)
		}
	})

	for _, tt := range []struct {
		name string
		seg  func() review.Segment
	}{
		{"editor on clean", func() review.Segment { return segs[2] }},
		{"editor on approved", func() review.Segment { return w.approve(t, segs[3]) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			seg := tt.seg()
			cur := reviewtest.Must[*review.SegmentDetail](t)(review.GetSegment(ctx, w.DB, w.Ed1, seg.ID)).Segment
			c := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Ed1, review.Submission{SegmentID: seg.ID,
				Text: cur.CurrentText + " Indeed.", Revision: cur.Revision}, nil))
			if got := state(t, w, seg.ID); got != review.StateCorrected {
				t.Fatalf("editor's correction left the segment %s", got)
			}
			_, err := review.Approve(ctx, w.DB, w.Checker, w.Ed1, c.ID, false, nil)
			reviewtest.WantCode(t, err, apperr.Forbidden)
			reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, w.Ed2, c.ID, false, nil))
			if got := state(t, w, seg.ID); got != review.StateApproved {
				t.Errorf("after another editor's approval %s", got)
			}
		})
	}
}

// TestReplaceOwnPendingCorrection: a translator replaces their own pending
// correction without a lease, never someone else's; editors may.
func TestReplaceOwnPendingCorrection(t *testing.T) {
	w, base := servedWorld(t)
	ctx := context.Background()
	_, segs := w.mixed(t)
	seg := reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr1, segs[1].ID))
	first := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Tr1, review.Submission{SegmentID: seg.ID, Text: "Elon Musk spoke about topic one!", Revision: seg.Revision}, nil))
	rev := seg.Revision + 1
	for _, tt := range []struct {
		name    string
		body    string
		as      int // 0 tr1, 1 tr2, 2 ed1
		status  int
		message string
	}{
		{"stale revision", fmt.Sprintf(`{"text":"Elon Musk spoke.","revision":%d}`, rev-1), 0, 409, "changed"},
		{"someone else's as a translator", fmt.Sprintf(`{"text":"Elon Musk talked.","revision":%d}`, rev), 1, 409, "only an editor can replace it"},
		{"own as a translator", fmt.Sprintf(`{"text":"Elon Musk spoke about topic one.","revision":%d}`, rev), 0, 201, ""},
		{"someone else's as an editor", fmt.Sprintf(`{"text":"Elon Musk spoke about topic 1.","revision":%d}`, rev+1), 2, 201, ""},
		{"the editor's as the first translator", fmt.Sprintf(`{"text":"Elon Musk spoke about it.","revision":%d}`, rev+2), 0, 409, "only an editor can replace it"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			who := w.Tr1
			switch tt.as {
			case 1:
				who = w.Tr2
			case 2:
				who = w.Ed1
			}
			status, body := reviewtest.Call(t, base, "POST", fmt.Sprintf("/api/v1/segments/%d/corrections", seg.ID), who, tt.body)
			if status != tt.status || !strings.Contains(body, tt.message) {
				t.Errorf("%d %s, want %d with %q", status, body, tt.status, tt.message)
			}
		})
	}
	var statuses []string
	w.DB.Raw("SELECT status FROM corrections WHERE segment_id = ? ORDER BY id", seg.ID).Scan(&statuses)
	if got := strings.Join(statuses, " "); got != "superseded superseded pending" {
		t.Errorf("corrections %s, want the first two superseded and the editor's pending", got)
	}
	if first.Status != review.CorrectionPending {
		t.Errorf("first correction %+v", first)
	}
}

// TestChosenCleanSegmentFlaggedMeanwhile: a clean segment leased to be
// corrected that gained an open flag during the lease (a rescan) goes to
// the queue when the lease ends, not back to clean.
func TestChosenCleanSegmentFlaggedMeanwhile(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	_, segs := w.mixed(t)
	seg := reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr1, segs[0].ID))
	if err := w.DB.Create(&review.Flag{SegmentID: seg.ID, Kind: "name", Check: "fuzzy", StartOffset: 5, EndOffset: 10,
		Text: "Sholz", Suggestion: "Scholz", Confidence: 0.9, Status: review.FlagOpen}).Error; err != nil {
		t.Fatal(err)
	}
	if s := reviewtest.Must[*review.Segment](t)(review.Release(ctx, w.DB, w.Tr1, seg.ID)); s.State != review.StateFlagged {
		t.Errorf("released to %s, want flagged", s.State)
	}
}

// TestSkip: Skip gives the segment back and claims the next claimable one
// after it in queue order, wrapping around; the skipped one only when it is
// the only one left; a chosen clean segment goes back to clean.
func TestSkip(t *testing.T) {
	w, base := servedWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Skip", 3) // three flagged segments
	segs := reviewtest.Must[[]review.Segment](t)(review.SegmentList(ctx, w.DB, w.Ed1, a.ID, ""))
	only := w.Article(t, "Only", 1)
	lone := reviewtest.Must[[]review.Segment](t)(review.SegmentList(ctx, w.DB, w.Ed1, only.ID, ""))[0]
	_, mixed := w.mixed(t)
	f := review.QueueFilter{ArticleID: a.ID}

	for _, tt := range []struct {
		name     string
		from     review.Segment
		filter   review.QueueFilter
		want     int64 // 0: nothing claimed
		onlyOne  bool
		skipped  string
		otherHas *review.Segment // held by tr2 meanwhile
	}{
		{name: "the next one", from: segs[0], filter: f, want: segs[1].ID, skipped: review.StateFlagged},
		{name: "past a segment someone holds", from: segs[0], filter: f, want: segs[2].ID, skipped: review.StateFlagged, otherHas: &segs[1]},
		{name: "wraps around", from: segs[2], filter: f, want: segs[0].ID, skipped: review.StateFlagged},
		{name: "the only one left", from: lone, filter: review.QueueFilter{ArticleID: only.ID}, want: lone.ID, onlyOne: true, skipped: review.StateInProgress},
		{name: "a chosen clean segment goes back to clean", from: mixed[0], filter: review.QueueFilter{ArticleID: mixed[0].ArticleID},
			want: mixed[1].ID, skipped: review.StateClean},
		{name: "the last chosen clean segment: nothing left", from: mixed[2], filter: review.QueueFilter{ArticleID: mixed[2].ArticleID, Lang: "de"},
			want: 0, skipped: review.StateClean},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.otherHas != nil {
				reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr2, tt.otherHas.ID))
				defer func() { reviewtest.Must[*review.Segment](t)(review.Release(ctx, w.DB, w.Tr2, tt.otherHas.ID)) }()
			}
			reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr1, tt.from.ID))
			res := reviewtest.Must[*review.SkipResult](t)(review.Skip(ctx, w.DB, w.Tr1, tt.from.ID, tt.filter))
			var got int64
			if res.Segment != nil {
				got = res.Segment.ID
				if res.Segment.State != review.StateInProgress || *res.Segment.LeaseHolderID != w.Tr1.UserID {
					t.Errorf("claimed %+v", res.Segment)
				}
				defer func() { reviewtest.Must[*review.Segment](t)(review.Release(ctx, w.DB, w.Tr1, got)) }()
			}
			if got != tt.want || res.OnlyOne != tt.onlyOne || res.Skipped != tt.from.ID {
				t.Errorf("skip gave %d (only one %v), want %d (%v)", got, res.OnlyOne, tt.want, tt.onlyOne)
			}
			if s := state(t, w, tt.from.ID); s != tt.skipped {
				t.Errorf("skipped segment is %s, want %s", s, tt.skipped)
			}
		})
	}

	t.Run("refusals", func(t *testing.T) {
		_, err := review.Skip(ctx, w.DB, w.Tr1, segs[0].ID, f)
		reviewtest.WantCode(t, err, apperr.Conflict) // not held
		reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr2, segs[0].ID))
		_, err = review.Skip(ctx, w.DB, w.Tr1, segs[0].ID, f)
		reviewtest.WantCode(t, err, apperr.Conflict) // held by someone else
		_, err = review.Skip(ctx, w.DB, w.Ed1, segs[0].ID, f)
		reviewtest.WantCode(t, err, apperr.Forbidden)
		reviewtest.Must[*review.Segment](t)(review.Release(ctx, w.DB, w.Tr2, segs[0].ID))
	})

	t.Run("api", func(t *testing.T) {
		reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr1, segs[1].ID))
		status, body := reviewtest.Call(t, base, "POST", fmt.Sprintf("/api/v1/segments/%d/skip", segs[1].ID), w.Tr1, fmt.Sprintf(`{"article":%d}`, a.ID))
		var res review.SkipResult
		if status != 200 || json.Unmarshal([]byte(body), &res) != nil || res.Segment == nil || res.Segment.ID != segs[2].ID || res.Skipped != segs[1].ID {
			t.Fatalf("%d %s", status, body)
		}
		status, body = reviewtest.Call(t, base, "POST", fmt.Sprintf("/api/v1/segments/%d/skip", segs[1].ID), w.Tr1, "")
		if status != 409 {
			t.Errorf("skip of a segment no longer held: %d %s", status, body)
		}
	})
}
