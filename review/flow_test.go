package review_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"lector/account"
	"lector/apperr"
	"lector/review"
	"lector/review/reviewtest"
	"lector/review/testworld"
)

// world is testworld.World, with the helpers of this package's tests as
// its methods.
type world struct{ *testworld.World }

func newWorld(t *testing.T) *world { return &world{testworld.New(t)} }

// claimedArticle adds an article of one flagged segment and has tr1 claim
// that segment.
func (w *world) claimedArticle(t *testing.T, title string) (*review.Article, *review.Segment) {
	t.Helper()
	a := w.Article(t, title, 1)
	return a, reviewtest.Must[*review.Segment](t)(review.Claim(context.Background(), w.DB, w.Tr1, review.QueueFilter{ArticleID: a.ID}))
}

func TestClaimCorrectApprove(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "One", 3)
	seg := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr1, review.QueueFilter{ArticleID: a.ID}))
	if seg == nil || seg.State != review.StateInProgress || seg.LeaseHolderID == nil || *seg.LeaseHolderID != w.Tr1.UserID || seg.Revision != 1 {
		t.Fatalf("claimed %+v", seg)
	}
	again := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr1, review.QueueFilter{}))
	if again.ID != seg.ID {
		t.Errorf("a second claim gave segment %d, want the held %d", again.ID, seg.ID)
	}
	other := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr2, review.QueueFilter{}))
	if other.ID == seg.ID {
		t.Fatal("two translators hold the same segment")
	}
	if none := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr2, review.QueueFilter{Lang: "de"})); none != nil {
		t.Errorf("claimed segment %d of an English article asking for German", none.ID)
	}
	_, err := review.Claim(ctx, w.DB, w.Ed1, review.QueueFilter{})
	reviewtest.WantCode(t, err, apperr.Forbidden)
	_, err = review.Claim(ctx, w.DB, nil, review.QueueFilter{})
	reviewtest.WantCode(t, err, apperr.Unauthorized)

	// Only the lease holder submits; a stale revision conflicts.
	_, err = review.Submit(ctx, w.DB, w.Tr2, review.Submission{SegmentID: seg.ID, Text: "x", Revision: 1}, nil)
	reviewtest.WantCode(t, err, apperr.Conflict)
	_, err = review.Submit(ctx, w.DB, w.Tr1, review.Submission{SegmentID: seg.ID, Text: "   ", Revision: 1}, nil)
	reviewtest.WantCode(t, err, apperr.Invalid)
	_, err = review.Submit(ctx, w.DB, w.Tr1, review.Submission{SegmentID: seg.ID, Text: "bad \xff", Revision: 1}, nil)
	reviewtest.WantCode(t, err, apperr.Invalid)
	_, err = review.Submit(ctx, w.DB, w.Tr1, review.Submission{SegmentID: seg.ID, Text: strings.Repeat("a", review.MaxSegmentBytes+1), Revision: 1}, nil)
	reviewtest.WantCode(t, err, apperr.TooLarge)
	fixed := strings.Replace(seg.MTText, "Ilon Musk", "Elon Musk", 1)
	c := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Tr1, review.Submission{SegmentID: seg.ID, Text: fixed, Revision: 1, Comment: "name"}, nil))
	if c.Status != review.CorrectionPending || c.TextBefore != seg.MTText || c.BaseRevision != 1 {
		t.Errorf("correction %+v", c)
	}
	d := reviewtest.Must[*review.SegmentDetail](t)(review.GetSegment(ctx, w.DB, w.Tr1, seg.ID))
	if d.Segment.State != review.StateCorrected || d.Segment.Revision != 2 || d.Segment.CurrentText != fixed || d.Segment.LeaseHolderID != nil {
		t.Errorf("after submit: %+v", d.Segment)
	}

	// Approval: editors only, never their own, only pending.
	_, err = review.Approve(ctx, w.DB, w.Checker, w.Tr2, c.ID, false, nil)
	reviewtest.WantCode(t, err, apperr.Forbidden)
	_, err = review.Approve(ctx, w.DB, w.Checker, nil, c.ID, false, nil)
	reviewtest.WantCode(t, err, apperr.Unauthorized)
	_, err = review.Approve(ctx, w.DB, w.Checker, w.Ed1, 999999, false, nil)
	reviewtest.WantCode(t, err, apperr.NotFound)
	reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, w.Ed1, c.ID, false, nil))
	_, err = review.Approve(ctx, w.DB, w.Checker, w.Ed2, c.ID, false, nil)
	reviewtest.WantCode(t, err, apperr.Conflict)
	d = reviewtest.Must[*review.SegmentDetail](t)(review.GetSegment(ctx, w.DB, w.Tr1, seg.ID))
	if d.Segment.State != review.StateApproved {
		t.Errorf("state %s, want approved", d.Segment.State)
	}
	for _, f := range d.Segment.Flags {
		if f.Status != review.FlagResolved {
			t.Errorf("flag %d is %s after approval", f.ID, f.Status)
		}
	}
	var actions []string
	for _, e := range d.History {
		actions = append(actions, e.Action+":"+e.FromState+">"+e.ToState)
	}
	if got := strings.Join(actions, " "); got != "claim:flagged>in_progress submit:in_progress>corrected approve:corrected>approved" {
		t.Errorf("history %s", got)
	}
	if d.History[1].TextBefore != seg.MTText || d.History[1].TextAfter != fixed || d.History[1].Actor != "tr1@example.org" {
		t.Errorf("submit event %+v", d.History[1])
	}
}

func TestOwnCorrectionIsNeverApproved(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Own", 1)
	both := reviewtest.User(t, w.DB, "both@example.org", account.RoleTranslator, account.RoleEditor)
	seg := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, both, review.QueueFilter{ArticleID: a.ID}))
	c := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, both, review.Submission{SegmentID: seg.ID, Text: "Elon Musk spoke.", Revision: seg.Revision}, nil))
	_, err := review.Approve(ctx, w.DB, w.Checker, both, c.ID, false, nil)
	reviewtest.WantCode(t, err, apperr.Forbidden)
	_, err = review.Reject(ctx, w.DB, both, c.ID, "style", "", nil)
	reviewtest.WantCode(t, err, apperr.Forbidden)
	_, _, err = review.ApproveMany(ctx, w.DB, w.Checker, both, []int64{c.ID}, nil)
	reviewtest.WantCode(t, err, apperr.Forbidden)
}

func TestRejectSendsBackWithReason(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a, seg := w.claimedArticle(t, "Reject")
	c := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Tr1, review.Submission{SegmentID: seg.ID, Text: "Elan Musk spoke.", Revision: 1}, nil))
	_, err := review.Reject(ctx, w.DB, w.Ed1, c.ID, "bogus", "", nil)
	reviewtest.WantCode(t, err, apperr.Invalid)
	reviewtest.Must[*review.Correction](t)(review.Reject(ctx, w.DB, w.Ed1, c.ID, "wrong_name", "It is Elon.", nil))
	again := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr2, review.QueueFilter{ArticleID: a.ID}))
	if again == nil || again.ID != seg.ID || again.CurrentText != seg.MTText || again.Revision != 3 {
		t.Fatalf("after rejection the queue gave %+v", again)
	}
	d := reviewtest.Must[*review.SegmentDetail](t)(review.GetSegment(ctx, w.DB, w.Tr2, seg.ID))
	if d.LastRejected == nil || *d.LastRejected.RejectReason != "wrong_name" || d.LastRejected.ReviewComment != "It is Elon." {
		t.Errorf("the translator does not see the reason: %+v", d.LastRejected)
	}
	// Released, it goes back as rejected.
	s := reviewtest.Must[*review.Segment](t)(review.Release(ctx, w.DB, w.Tr2, seg.ID))
	if s.State != review.StateRejected {
		t.Errorf("released to %s, want rejected", s.State)
	}
}

// TestConcurrentClaims: 50 translators claiming at once get 50 different
// segments.
func TestConcurrentClaims(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.Article(t, "Many", 60)
	const n = 50
	people := make([]*account.Principal, n)
	for i := range people {
		people[i] = reviewtest.User(t, w.DB, fmt.Sprintf("t%d@example.org", i), account.RoleTranslator)
	}
	got := make([]int64, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range n {
		wg.Go(func() {
			<-start
			seg, err := review.Claim(ctx, w.DB, people[i], review.QueueFilter{})
			errs[i] = err
			if seg != nil {
				got[i] = seg.ID
			}
		})
	}
	close(start)
	wg.Wait()
	seen := map[int64]int{}
	for i, id := range got {
		if errs[i] != nil || id == 0 {
			t.Fatalf("claim %d: segment %d, error %v", i, id, errs[i])
		}
		if j, dup := seen[id]; dup {
			t.Fatalf("translators %d and %d both hold segment %d", i, j, id)
		}
		seen[id] = i
	}
	var leased int64
	w.DB.Raw("SELECT count(DISTINCT lease_holder_id) FROM segments WHERE state = 'in_progress'").Scan(&leased)
	if leased != n {
		t.Errorf("%d lease holders, want %d", leased, n)
	}
}

// TestConcurrentCorrections: two corrections on the same revision; one
// wins, the other is a conflict that carries the winner's text.
func TestConcurrentCorrections(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Race", 1)
	segs := reviewtest.Must[[]review.Segment](t)(review.SegmentList(ctx, w.DB, w.Ed1, a.ID, review.StateFlagged))
	seg := segs[0]
	texts := []string{"Elon Musk spoke, says editor one.", "Elon Musk spoke, says editor two."}
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i, p := range []*account.Principal{w.Ed1, w.Ed2} {
		wg.Go(func() {
			_, errs[i] = review.Submit(ctx, w.DB, p, review.Submission{SegmentID: seg.ID, Text: texts[i], Revision: seg.Revision}, nil)
		})
	}
	wg.Wait()
	wins, lost := 0, -1
	for i, err := range errs {
		if err == nil {
			wins++
		} else {
			lost = i
		}
	}
	if wins != 1 || lost < 0 {
		t.Fatalf("errors %v; want exactly one winner", errs)
	}
	ae := apperr.As(errs[lost])
	if ae.Code != apperr.Conflict || ae.Data["CurrentText"] != texts[1-lost] || ae.Data["Revision"] != 2 || ae.Data["YourText"] != texts[lost] {
		t.Errorf("conflict %v", ae)
	}
}

func TestLeaseExpiryAndRenew(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a, seg := w.claimedArticle(t, "Expire")
	_, err := review.Renew(ctx, w.DB, w.Tr2, seg.ID)
	reviewtest.WantCode(t, err, apperr.Conflict)
	renewed := reviewtest.Must[*review.Segment](t)(review.Renew(ctx, w.DB, w.Tr1, seg.ID))
	if !renewed.LeaseExpiresAt.After(*seg.LeaseExpiresAt) && !renewed.LeaseExpiresAt.Equal(*seg.LeaseExpiresAt) {
		t.Errorf("renewal moved the lease back")
	}
	if none := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr2, review.QueueFilter{ArticleID: a.ID})); none != nil {
		t.Fatalf("claimed a leased segment %d", none.ID)
	}
	w.DB.Exec("UPDATE segments SET lease_expires_at = now() - interval '1 second' WHERE id = ?", seg.ID)
	if n := reviewtest.Must[int](t)(review.ExpireLeases(ctx, w.DB)); n != 1 {
		t.Errorf("expired %d leases, want 1", n)
	}
	got := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr2, review.QueueFilter{ArticleID: a.ID}))
	if got == nil || got.ID != seg.ID || *got.LeaseHolderID != w.Tr2.UserID {
		t.Fatalf("expired lease not reclaimed: %+v", got)
	}
	_, err = review.Submit(ctx, w.DB, w.Tr1, review.Submission{SegmentID: seg.ID, Text: "Elon Musk.", Revision: 1}, nil)
	reviewtest.WantCode(t, err, apperr.Conflict)
	h := reviewtest.Must[[]review.HistoryEvent](t)(review.SegmentHistory(ctx, w.DB, w.Tr1, seg.ID))
	if len(h) != 3 || h[1].Action != review.ActExpire || h[2].Action != review.ActClaim {
		t.Errorf("history %+v", h)
	}
}

// TestDismissLastFlagWaitsForAnEditor: "not a mistake" about the last open
// flag makes the segment leave the translator's hands as corrected, not
// clean: the flag stays open until another editor accepts.
func TestDismissLastFlagWaitsForAnEditor(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	_, seg := w.claimedArticle(t, "Dismiss")
	d := reviewtest.Must[*review.SegmentDetail](t)(review.GetSegment(ctx, w.DB, w.Tr1, seg.ID))
	if len(d.Segment.Flags) == 0 {
		t.Fatal("no flags")
	}
	_, _, err := review.Dismiss(ctx, w.DB, w.Tr2, d.Segment.Flags[0].ID, "fine")
	reviewtest.WantCode(t, err, apperr.Conflict)
	_, _, err = review.Dismiss(ctx, w.DB, w.Tr1, d.Segment.Flags[0].ID, " ")
	reviewtest.WantCode(t, err, apperr.Invalid)
	for _, f := range d.Segment.Flags {
		if _, _, err := review.Dismiss(ctx, w.DB, w.Tr1, f.ID, "a quote of his old spelling"); err != nil {
			t.Fatal(err)
		}
	}
	// Asked again once the segment left the translator's hands: the same
	// pending proposal.
	if _, created, err := review.Dismiss(ctx, w.DB, w.Tr1, d.Segment.Flags[0].ID, "again"); err != nil || created {
		t.Errorf("asking again: created %v, %v", created, err)
	}
	d = reviewtest.Must[*review.SegmentDetail](t)(review.GetSegment(ctx, w.DB, w.Tr1, seg.ID))
	if d.Segment.State != review.StateCorrected || d.Segment.LeaseHolderID != nil || d.Segment.Flags[0].Status != review.FlagOpen ||
		len(d.Dismissals) != len(d.Segment.Flags) || d.Dismissals[0].Reason != "a quote of his old spelling" {
		t.Errorf("after proposing to dismiss every flag: %+v, dismissals %+v", d.Segment, d.Dismissals)
	}
}

func TestApproveManyAllOrNothing(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Batch", 3)
	var ids []int64
	for _, p := range []*account.Principal{w.Tr1, w.Tr2, w.Ed1} {
		seg := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, &account.Principal{UserID: p.UserID, Roles: []string{account.RoleTranslator}}, review.QueueFilter{ArticleID: a.ID}))
		c := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, p, review.Submission{SegmentID: seg.ID, Text: "Elon Musk spoke.", Revision: seg.Revision}, nil))
		ids = append(ids, c.ID)
	}
	_, failed, err := review.ApproveMany(ctx, w.DB, w.Checker, w.Ed1, ids, nil)
	reviewtest.WantCode(t, err, apperr.Forbidden)
	if len(failed) != 1 || failed[0].ID != ids[2] {
		t.Fatalf("failed %+v", failed)
	}
	pending := reviewtest.Must[[]review.PendingCorrection](t)(review.PendingCorrections(ctx, w.DB, w.Checker, w.Ed1, 0))
	if len(pending) != 3 || !pending[2].Own || len(pending[0].Diff) == 0 {
		t.Fatalf("after a failed batch %d pending (own %v)", len(pending), pending[2].Own)
	}
	approved, _, err := review.ApproveMany(ctx, w.DB, w.Checker, w.Ed2, ids, nil)
	if err != nil || len(approved) != 3 {
		t.Fatalf("approved %d: %v", len(approved), err)
	}
}

func TestPropagation(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "First", 3)
	b := w.Article(t, "Second", 2)
	seg := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr1, review.QueueFilter{ArticleID: a.ID}))
	c := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Tr1, review.Submission{SegmentID: seg.ID,
		Text: strings.Replace(seg.MTText, "Ilon Musk", "Elon Musk", 1), Revision: seg.Revision}, nil))
	_, err := review.PreviewPropagation(ctx, w.DB, w.Ed1, c.ID)
	reviewtest.WantCode(t, err, apperr.Conflict) // not approved yet
	reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, w.Ed1, c.ID, false, nil))
	// Someone holds one of the others: it is skipped.
	held := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr2, review.QueueFilter{ArticleID: b.ID}))
	pv := reviewtest.Must[*review.Preview](t)(review.PreviewPropagation(ctx, w.DB, w.Ed1, c.ID))
	if pv.Total != 4 || len(pv.Articles) != 2 || pv.Articles[0].Count != 2 || pv.Articles[1].Count != 2 ||
		len(pv.Replacements) != 1 || pv.Replacements[0].Text != "Ilon Musk" || pv.Replacements[0].With != "Elon Musk" {
		t.Fatalf("preview %+v", pv)
	}
	pending := review.PropagationRequest{Mode: review.PropagatePending}
	_, err = review.Propagate(ctx, w.DB, w.Checker, w.Tr1, c.ID, pending)
	reviewtest.WantCode(t, err, apperr.Forbidden)
	_, err = review.Propagate(ctx, w.DB, w.Checker, w.Ed1, c.ID, review.PropagationRequest{Mode: "bogus"})
	reviewtest.WantCode(t, err, apperr.Invalid)
	res := reviewtest.Must[*review.PropagationResult](t)(review.Propagate(ctx, w.DB, w.Checker, w.Ed1, c.ID, pending))
	if len(res.Applied) != 3 || len(res.Skipped) != 1 || res.Skipped[0].SegmentID != held.ID || res.Skipped[0].Reason != "leased" ||
		res.Counts != (review.OutcomeCounts{Requested: 4, Done: 4, Pending: 3, Skipped: 1}) {
		t.Fatalf("result %+v", res)
	}
	for _, ap := range res.Applied {
		d := reviewtest.Must[*review.SegmentDetail](t)(review.GetSegment(ctx, w.DB, w.Ed2, ap.SegmentID))
		if d.Segment.State != review.StateCorrected || strings.Contains(d.Segment.CurrentText, "Ilon") || d.Pending == nil ||
			d.Pending.AuthorID != w.Tr1.UserID || len(d.History) != 1 || d.History[0].Action != review.ActPropagate {
			t.Errorf("segment %d after propagation: %+v", ap.SegmentID, d.Segment)
		}
		// The fix is the translator's: any editor approves it, the one who
		// propagated it too.
		reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, w.Ed1, ap.CorrectionID, false, nil))
	}
	// Approve at once: the held one, once released.
	reviewtest.Must[*review.Segment](t)(review.Release(ctx, w.DB, w.Tr2, held.ID))
	res = reviewtest.Must[*review.PropagationResult](t)(review.Propagate(ctx, w.DB, w.Checker, w.Ed1, c.ID, review.PropagationRequest{Mode: review.PropagateApprove}))
	if len(res.Applied) != 1 || res.Applied[0].SegmentID != held.ID || res.Applied[0].State != review.StateApproved {
		t.Fatalf("approve at once: %+v", res)
	}
}

// TestConcurrentBatches: two editors approving the same corrections at once
// (listed in opposite orders) never deadlock: one batch wins whole, the
// other is refused whole as a conflict.
func TestConcurrentBatches(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Batches", 20)
	var ids []int64
	for range 20 {
		seg := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr1, review.QueueFilter{ArticleID: a.ID}))
		c := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Tr1, review.Submission{SegmentID: seg.ID, Text: "Elon Musk spoke.", Revision: seg.Revision}, nil))
		ids = append(ids, c.ID)
	}
	reversed := make([]int64, len(ids))
	for i, id := range ids {
		reversed[len(ids)-1-i] = id
	}
	errs := make([]error, 2)
	var wg sync.WaitGroup
	wg.Go(func() { _, _, errs[0] = review.ApproveMany(ctx, w.DB, w.Checker, w.Ed1, ids, nil) })
	wg.Go(func() { _, _, errs[1] = review.ApproveMany(ctx, w.DB, w.Checker, w.Ed2, reversed, nil) })
	wg.Wait()
	codes := []apperr.Code{apperr.CodeOf(errs[0]), apperr.CodeOf(errs[1])}
	if !(codes[0] == "" && codes[1] == apperr.Conflict || codes[1] == "" && codes[0] == apperr.Conflict) {
		t.Fatalf("errors %v; want one batch approved and one conflict", errs)
	}
}

// TestClaimTakesLapsedLease: a claim takes a segment whose lease lapsed
// (no expiry job ran), recording the expiry and the new claim; the
// translator whose own lease lapsed gets it back the same way, not as a
// still-held lease.
func TestClaimTakesLapsedLease(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Lapsed", 2)
	for _, tt := range []struct {
		name string
		next *account.Principal
	}{
		{name: "another translator", next: w.Tr2},
		{name: "the same translator", next: w.Tr1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			seg := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr1, review.QueueFilter{ArticleID: a.ID}))
			w.DB.Exec("UPDATE segments SET lease_expires_at = now() - interval '1 second' WHERE id = ?", seg.ID)
			got := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, tt.next, review.QueueFilter{ArticleID: a.ID}))
			if got == nil || got.ID != seg.ID || *got.LeaseHolderID != tt.next.UserID || !got.LeaseExpiresAt.After(time.Now()) {
				t.Fatalf("claim after the lease lapsed: %+v, want segment %d leased to %d", got, seg.ID, tt.next.UserID)
			}
			h := reviewtest.Must[[]review.HistoryEvent](t)(review.SegmentHistory(ctx, w.DB, w.Tr1, seg.ID))
			n := len(h)
			if n < 3 || h[n-2].Action != review.ActExpire || h[n-1].Action != review.ActClaim {
				t.Fatalf("history ends %+v, want expire then claim", h[max(0, n-3):])
			}
			// Release it for the next case.
			reviewtest.Must[*review.Segment](t)(review.Release(ctx, w.DB, tt.next, seg.ID))
		})
	}
}
