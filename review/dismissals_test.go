package review_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"lector/account"
	"lector/apperr"
	"lector/review"
	"lector/review/reviewtest"
)

// dismissed has by propose that a flag is not a mistake and editor accept
// it: the two people a dismissal needs.
func dismissed(t *testing.T, w *world, by, editor *account.Principal, flagID int64, reason string) *review.Dismissal {
	t.Helper()
	ctx := context.Background()
	d, _, err := review.Dismiss(ctx, w.DB, by, flagID, reason)
	if err != nil {
		t.Fatal(err)
	}
	return reviewtest.Must[*review.Dismissal](t)(review.AcceptDismissal(ctx, w.DB, editor, d.ID, review.DismissalReview{}))
}

// propose has p propose a dismissal and checks that it is new and pending.
func propose(t *testing.T, w *world, p *account.Principal, flagID int64, reason string) *review.Dismissal {
	t.Helper()
	d, created, err := review.Dismiss(context.Background(), w.DB, p, flagID, reason)
	if err != nil {
		t.Fatal(err)
	}
	if !created || d.Status != review.DismissalPending || d.ProposerID != p.UserID || d.Reason != reason {
		t.Fatalf("proposal %+v (created %v)", d, created)
	}
	return d
}

// glossaryProposals counts the glossary proposals learned from a flag.
func (w *world) glossaryProposals(t *testing.T, flagID int64) int64 {
	t.Helper()
	var n int64
	if err := w.DB.Raw(`SELECT count(*) FROM glossary_proposal_evidence WHERE flag_id = ?`, flagID).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// claimed is a new one-segment article with text, claimed by p, with its
// flags.
func (w *world) claimed(t *testing.T, p *account.Principal, text string) *review.SegmentDetail {
	t.Helper()
	ctx := context.Background()
	a := reviewtest.Must[*review.Article](t)(review.CreateArticle(ctx, w.DB, w.Checker, review.NewArticle{Title: "Dismissals", Lang: "en", Text: text}))
	seg := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, p, review.QueueFilter{ArticleID: a.ID}))
	if seg == nil {
		t.Fatalf("nothing to claim in %q", text)
	}
	return w.detail(t, seg.ID)
}

func (w *world) detail(t *testing.T, segID int64) *review.SegmentDetail {
	t.Helper()
	return reviewtest.Must[*review.SegmentDetail](t)(review.GetSegment(context.Background(), w.DB, w.Ed1, segID))
}

func (w *world) history(t *testing.T, segID int64) string {
	t.Helper()
	var actions []string
	for _, e := range reviewtest.Must[[]review.HistoryEvent](t)(review.SegmentHistory(context.Background(), w.DB, w.Ed1, segID)) {
		actions = append(actions, e.Action+":"+e.FromState+">"+e.ToState)
	}
	return strings.Join(actions, " ")
}

// TestDismissalAcceptedByAnotherEditor: a translator's "not a mistake"
// leaves the flag open and the segment waiting for an editor; only the
// acceptance closes the flag and files the glossary proposal.
func TestDismissalAcceptedByAnotherEditor(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	d := w.claimed(t, w.Tr1, "Ilon Musk is how the parody account spelled it.")
	flag := d.Segment.Flags[0]
	_, _, err := review.Dismiss(ctx, w.DB, w.Tr2, flag.ID, "fine")
	reviewtest.WantCode(t, err, apperr.Conflict) // someone else holds the lease
	_, _, err = review.Dismiss(ctx, w.DB, w.Tr1, flag.ID, " ")
	reviewtest.WantCode(t, err, apperr.Invalid)
	_, _, err = review.Dismiss(ctx, w.DB, w.Tr1, 999999, "fine")
	reviewtest.WantCode(t, err, apperr.NotFound)
	p := propose(t, w, w.Tr1, flag.ID, "a quote of the parody")
	again, created, err := review.Dismiss(ctx, w.DB, w.Tr1, flag.ID, "a quote of the parody")
	if err != nil || created || again.ID != p.ID {
		t.Errorf("asking again: %+v created %v, %v; want the same proposal", again, created, err)
	}
	got := w.detail(t, d.Segment.ID)
	if got.Segment.State != review.StateCorrected || got.Segment.LeaseHolderID != nil || got.Segment.Flags[0].Status != review.FlagOpen {
		t.Fatalf("after the proposal: state %s, lease %v, flag %s; want corrected, none, open",
			got.Segment.State, got.Segment.LeaseHolderID, got.Segment.Flags[0].Status)
	}
	if n := w.glossaryProposals(t, flag.ID); n != 0 {
		t.Errorf("%d glossary proposals filed on one opinion", n)
	}
	if next := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr2, review.QueueFilter{ArticleID: got.Segment.ArticleID})); next != nil {
		t.Errorf("the segment went back to the queue: %+v", next)
	}
	_, err = review.AcceptDismissal(ctx, w.DB, w.Tr2, p.ID, review.DismissalReview{})
	reviewtest.WantCode(t, err, apperr.Forbidden)
	_, err = review.AcceptDismissal(ctx, w.DB, w.Ed1, 999999, review.DismissalReview{})
	reviewtest.WantCode(t, err, apperr.NotFound)
	acc := reviewtest.Must[*review.Dismissal](t)(review.AcceptDismissal(ctx, w.DB, w.Ed1, p.ID, review.DismissalReview{Comment: "a quotation"}))
	if acc.Status != review.DismissalAccepted || acc.ReviewerID == nil || *acc.ReviewerID != w.Ed1.UserID {
		t.Errorf("accepted %+v", acc)
	}
	_, err = review.AcceptDismissal(ctx, w.DB, w.Ed2, p.ID, review.DismissalReview{})
	reviewtest.WantCode(t, err, apperr.Conflict)
	_, err = review.RejectDismissal(ctx, w.DB, w.Ed2, p.ID, review.DismissalReview{})
	reviewtest.WantCode(t, err, apperr.Conflict)
	got = w.detail(t, d.Segment.ID)
	f := got.Segment.Flags[0]
	if got.Segment.State != review.StateClean || f.Status != review.FlagDismissed || f.ResolvedBy == nil ||
		*f.ResolvedBy != w.Ed1.UserID || f.DismissReason != "a quote of the parody" {
		t.Errorf("after the acceptance: state %s, flag %+v", got.Segment.State, f)
	}
	if n := w.glossaryProposals(t, flag.ID); n != 1 {
		t.Errorf("%d glossary proposals after the acceptance, want 1", n)
	}
	if len(got.Dismissals) != 1 || got.Dismissals[0].ProposerEmail != "tr1@example.org" || got.Dismissals[0].ReviewerEmail != "ed1@example.org" {
		t.Errorf("segment dismissals %+v", got.Dismissals)
	}
	if h := w.history(t, d.Segment.ID); !strings.HasSuffix(h, "dismiss:in_progress>corrected accept_dismissal:corrected>clean") {
		t.Errorf("history %s", h)
	}
}

// TestDismissalAcceptedAfterApproval: a segment whose approved correction
// left a flag open ends approved, not clean, once the dismissal of that
// flag is accepted.
func TestDismissalAcceptedAfterApproval(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	d := w.claimed(t, w.Tr1, "Ilon Musk is how the parody account spelled it.")
	c := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Tr1, review.Submission{SegmentID: d.Segment.ID,
		Text: "Ilon Musk is how the parody account spelled his name.", Revision: d.Segment.Revision}, nil))
	reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, w.Ed1, c.ID, false, nil))
	// The approved text still holds the wrong form: its flag stays open and
	// the segment goes back to the queue (issue 14's approval rule).
	w.DB.Exec(`UPDATE flags SET status = 'open', resolved_by = NULL, resolved_at = NULL WHERE segment_id = ?`, d.Segment.ID)
	w.DB.Exec(`UPDATE segments SET state = 'flagged' WHERE id = ?`, d.Segment.ID)
	seg := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr2, review.QueueFilter{ArticleID: d.Segment.ArticleID}))
	p := propose(t, w, w.Tr2, d.Segment.Flags[0].ID, "the parody's spelling")
	reviewtest.Must[*review.Dismissal](t)(review.AcceptDismissal(ctx, w.DB, w.Ed2, p.ID, review.DismissalReview{}))
	if got := w.detail(t, seg.ID); got.Segment.State != review.StateApproved {
		t.Errorf("state %s, want approved", got.Segment.State)
	}
}

// TestDismissalRejected: the flag stays open, the segment goes back to
// the queue as rejected with the editor's reason, and nothing is learned.
func TestDismissalRejected(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	d := w.claimed(t, w.Tr1, "Ilon Musk spoke about rockets.")
	flag := d.Segment.Flags[0]
	p := propose(t, w, w.Tr1, flag.ID, "the author's spelling")
	_, err := review.RejectDismissal(ctx, w.DB, w.Ed1, p.ID, review.DismissalReview{Reason: "maybe"})
	reviewtest.WantCode(t, err, apperr.Invalid)
	rej := reviewtest.Must[*review.Dismissal](t)(review.RejectDismissal(ctx, w.DB, w.Ed1, p.ID,
		review.DismissalReview{Reason: "wrong_name", Comment: "It is Elon, the real one."}))
	if rej.Status != review.DismissalRejected || rej.RejectReason == nil || *rej.RejectReason != "wrong_name" {
		t.Errorf("rejected %+v", rej)
	}
	got := w.detail(t, d.Segment.ID)
	if got.Segment.State != review.StateRejected || got.Segment.Flags[0].Status != review.FlagOpen {
		t.Errorf("after the rejection: state %s, flag %s; want rejected, open", got.Segment.State, got.Segment.Flags[0].Status)
	}
	if len(got.Dismissals) != 1 || got.Dismissals[0].ReviewComment != "It is Elon, the real one." {
		t.Errorf("segment dismissals %+v", got.Dismissals)
	}
	if n := w.glossaryProposals(t, flag.ID); n != 0 {
		t.Errorf("%d glossary proposals after a rejection", n)
	}
	if h := w.history(t, d.Segment.ID); !strings.HasSuffix(h, "reject_dismissal:corrected>rejected") {
		t.Errorf("history %s", h)
	}
	next := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr2, review.QueueFilter{ArticleID: d.Segment.ArticleID}))
	if next == nil || next.ID != d.Segment.ID {
		t.Errorf("claimed %+v, want the rejected segment back in the queue", next)
	}
	// Rejected once, the translator may say it again.
	propose(t, w, w.Tr2, flag.ID, "really the author's spelling")
}

// TestEditorsOwnDismissalNeedsAnotherEditor: nobody decides on their own
// proposal, editors included.
func TestEditorsOwnDismissalNeedsAnotherEditor(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Own", 1)
	segs := w.segments(t, a.ID)
	p := propose(t, w, w.Ed1, segs[0].Flags[0].ID, "quoted")
	if got := w.detail(t, segs[0].ID); got.Segment.State != review.StateCorrected {
		t.Errorf("state %s after an editor's proposal, want corrected", got.Segment.State)
	}
	_, err := review.AcceptDismissal(ctx, w.DB, w.Ed1, p.ID, review.DismissalReview{})
	reviewtest.WantCode(t, err, apperr.Forbidden)
	_, err = review.RejectDismissal(ctx, w.DB, w.Ed1, p.ID, review.DismissalReview{})
	reviewtest.WantCode(t, err, apperr.Forbidden)
	_, _, err = review.Dismiss(ctx, w.DB, w.Ed2, segs[0].Flags[0].ID, "me too")
	reviewtest.WantCode(t, err, apperr.Conflict) // one proposal at a time; ed2 decides it instead
	list := reviewtest.Must[[]review.PendingDismissal](t)(review.ListDismissals(ctx, w.DB, w.Ed1, "", 0))
	if len(list) != 1 || !list[0].Own || list[0].FlagText != "Ilon Musk" || len(list[0].Pieces) != 2 {
		t.Errorf("pending for the proposer %+v", list)
	}
	reviewtest.Must[*review.Dismissal](t)(review.AcceptDismissal(ctx, w.DB, w.Ed2, p.ID, review.DismissalReview{}))
	if got := w.detail(t, segs[0].ID); got.Segment.State != review.StateClean || got.Segment.Flags[0].Status != review.FlagDismissed {
		t.Errorf("after ed2 accepted: %s, flag %s", got.Segment.State, got.Segment.Flags[0].Status)
	}
	if list := reviewtest.Must[[]review.PendingDismissal](t)(review.ListDismissals(ctx, w.DB, w.Ed2, "", 0)); len(list) != 0 {
		t.Errorf("still pending %+v", list)
	}
	_, err = review.ListDismissals(ctx, w.DB, w.Tr1, "", 0)
	reviewtest.WantCode(t, err, apperr.Forbidden)
	_, err = review.ListDismissals(ctx, w.DB, w.Ed1, "maybe", 0)
	reviewtest.WantCode(t, err, apperr.Invalid)
}

// TestTranslatorKeepsLeaseWhileFlagsRemain: a proposal about one of two
// flags leaves the segment with its translator; the second leaves it
// waiting for an editor. An acceptance meanwhile leaves the lease alone.
func TestTranslatorKeepsLeaseWhileFlagsRemain(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	d := w.claimed(t, w.Tr1, "Ilon Musk said that Ilon Musk never sleeps.")
	if len(d.Segment.Flags) != 2 {
		t.Fatalf("flags %+v, want two", d.Segment.Flags)
	}
	first := propose(t, w, w.Tr1, d.Segment.Flags[0].ID, "quoted")
	got := w.detail(t, d.Segment.ID)
	if got.Segment.State != review.StateInProgress || got.Segment.LeaseHolderID == nil || *got.Segment.LeaseHolderID != w.Tr1.UserID {
		t.Fatalf("after the first proposal: %s, lease %v; want in progress with tr1", got.Segment.State, got.Segment.LeaseHolderID)
	}
	reviewtest.Must[*review.Dismissal](t)(review.AcceptDismissal(ctx, w.DB, w.Ed1, first.ID, review.DismissalReview{}))
	got = w.detail(t, d.Segment.ID)
	if got.Segment.State != review.StateInProgress || got.Segment.LeaseHolderID == nil {
		t.Fatalf("an acceptance took the segment from its translator: %s", got.Segment.State)
	}
	propose(t, w, w.Tr1, d.Segment.Flags[1].ID, "quoted again")
	got = w.detail(t, d.Segment.ID)
	if got.Segment.State != review.StateCorrected || got.Segment.LeaseHolderID != nil {
		t.Errorf("after the last proposal: %s, lease %v; want corrected, none", got.Segment.State, got.Segment.LeaseHolderID)
	}
}

// TestReopenDismissedFlag: one editor reopens; the segment goes back to
// the queue.
func TestReopenDismissedFlag(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Reopen", 1)
	segs := w.segments(t, a.ID)
	flag := segs[0].Flags[0]
	_, err := review.ReopenFlag(ctx, w.DB, w.Ed1, flag.ID)
	reviewtest.WantCode(t, err, apperr.Conflict) // open, not dismissed
	dismissed(t, w, w.Ed1, w.Ed2, flag.ID, "quoted")
	_, err = review.ReopenFlag(ctx, w.DB, w.Tr1, flag.ID)
	reviewtest.WantCode(t, err, apperr.Forbidden)
	_, err = review.ReopenFlag(ctx, w.DB, w.Ed1, 999999)
	reviewtest.WantCode(t, err, apperr.NotFound)
	f := reviewtest.Must[*review.Flag](t)(review.ReopenFlag(ctx, w.DB, w.Ed1, flag.ID))
	if f.Status != review.FlagOpen || f.ResolvedBy != nil || f.DismissReason != "" {
		t.Errorf("reopened %+v", f)
	}
	got := w.detail(t, segs[0].ID)
	if got.Segment.State != review.StateFlagged || got.Segment.Flags[0].Status != review.FlagOpen {
		t.Errorf("after reopening: %s, flag %s", got.Segment.State, got.Segment.Flags[0].Status)
	}
	if h := w.history(t, segs[0].ID); !strings.HasSuffix(h, "accept_dismissal:corrected>clean reopen:clean>flagged") {
		t.Errorf("history %s", h)
	}
	next := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr1, review.QueueFilter{ArticleID: a.ID}))
	if next == nil || next.ID != segs[0].ID {
		t.Errorf("claimed %+v, want the reopened segment", next)
	}
}

// TestConcurrentAcceptance: two editors accept the same proposal at once;
// one wins, the other gets a conflict, and the flag is dismissed once.
func TestConcurrentAcceptance(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	for range 5 {
		d := w.claimed(t, w.Tr1, "Ilon Musk is how the parody account spelled it.")
		p := propose(t, w, w.Tr1, d.Segment.Flags[0].ID, "the parody")
		var wg sync.WaitGroup
		errs := make([]error, 2)
		for i, ed := range []*account.Principal{w.Ed1, w.Ed2} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, errs[i] = review.AcceptDismissal(ctx, w.DB, ed, p.ID, review.DismissalReview{})
			}()
		}
		wg.Wait()
		codes := []apperr.Code{apperr.CodeOf(errs[0]), apperr.CodeOf(errs[1])}
		if !(codes[0] == "" && codes[1] == apperr.Conflict || codes[0] == apperr.Conflict && codes[1] == "") {
			t.Fatalf("errors %v, want one success and one conflict", errs)
		}
		var events int64
		w.DB.Raw(`SELECT count(*) FROM audit_events WHERE subject_id = ? AND action = 'accept_dismissal'`, d.Segment.ID).Scan(&events)
		if n := w.glossaryProposals(t, d.Segment.Flags[0].ID); n != 1 || events != 1 {
			t.Errorf("%d glossary evidence rows, %d acceptance events; want 1 and 1", n, events)
		}
	}
}

// TestDismissalOfClosedFlagIsSuperseded: a flag that closed another way
// meanwhile takes its pending proposal off the review list.
func TestDismissalOfClosedFlagIsSuperseded(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	d := w.claimed(t, w.Tr1, "Ilon Musk spoke about rockets.")
	p := propose(t, w, w.Tr1, d.Segment.Flags[0].ID, "quoted")
	w.DB.Exec(`UPDATE flags SET status = 'resolved' WHERE id = ?`, d.Segment.Flags[0].ID)
	if list := reviewtest.Must[[]review.PendingDismissal](t)(review.ListDismissals(ctx, w.DB, w.Ed1, "", 0)); len(list) != 0 {
		t.Errorf("pending list shows a closed flag's proposal: %+v", list)
	}
	_, err := review.AcceptDismissal(ctx, w.DB, w.Ed1, p.ID, review.DismissalReview{})
	reviewtest.WantCode(t, err, apperr.Conflict)
	var status string
	w.DB.Raw(`SELECT status FROM dismissals WHERE id = ?`, p.ID).Scan(&status)
	if status != review.DismissalSuperseded {
		t.Errorf("status %s, want superseded", status)
	}
}

// TestPublishWaitsForDismissals: a "not a mistake" waiting for an editor is
// a pending decision, as a pending correction is: publishing without
// "partial" is refused, and a partial version keeps the flagged text.
func TestPublishWaitsForDismissals(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	d := w.claimed(t, w.Tr1, "Ilon Musk is how the parody account spelled it.")
	propose(t, w, w.Tr1, d.Segment.Flags[0].ID, "a quote of the parody")
	_, err := review.Publish(ctx, w.DB, w.Ed1, d.Segment.ArticleID, review.PublishOptions{})
	reviewtest.WantCode(t, err, apperr.Conflict)
	if ae := apperr.As(err); ae.MessageID != "error.publish_pending" || ae.Data["Count"] != 1 {
		t.Errorf("conflict %+v, want error.publish_pending with Count 1", ae)
	}
	v := reviewtest.Must[*review.Version](t)(review.Publish(ctx, w.DB, w.Ed1, d.Segment.ArticleID, review.PublishOptions{Partial: true}))
	if v.Segments[0].State != review.StateCorrected || v.Segments[0].Text != d.Segment.MTText {
		t.Errorf("partial version: %+v, want the MT text, corrected", v.Segments[0])
	}
}

// TestReopenFindsTheWords: a reopened flag marks its words where the
// reviewed text has them now, and a flag whose words a later approved
// correction removed cannot be reopened (an open flag must mark words that
// are there).
func TestReopenFindsTheWords(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	d := w.claimed(t, w.Tr1, "Ilon Musk is how the parody account spelled it.")
	flag := d.Segment.Flags[0]
	dismissed(t, w, w.Tr1, w.Ed1, flag.ID, "a quote of the parody")
	seg := w.detail(t, d.Segment.ID).Segment
	c := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Ed2, review.Submission{SegmentID: seg.ID,
		Text: "Yes, Ilon Musk is how the parody account spelled it.", Revision: seg.Revision}, nil))
	reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, w.Ed1, c.ID, false, nil))
	got := reviewtest.Must[*review.Flag](t)(review.ReopenFlag(ctx, w.DB, w.Ed2, flag.ID))
	if got.Status != review.FlagOpen || got.OffsetsIn != review.OffsetsApproved || got.StartOffset != 5 || got.EndOffset != 14 {
		t.Fatalf("reopened flag %+v, want open at 5..14 of the approved text", got)
	}

	dismissed(t, w, w.Ed1, w.Ed2, flag.ID, "still a quote")
	seg = w.detail(t, d.Segment.ID).Segment
	c = reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Ed2, review.Submission{SegmentID: seg.ID,
		Text: "The parody account spelled it so.", Revision: seg.Revision}, nil))
	reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, w.Ed1, c.ID, false, nil))
	_, err := review.ReopenFlag(ctx, w.DB, w.Ed1, flag.ID)
	reviewtest.WantCode(t, err, apperr.Conflict)
	if ae := apperr.As(err); ae.MessageID != "error.reopen_gone" {
		t.Errorf("refusal %+v, want error.reopen_gone", ae)
	}
	if f := w.detail(t, d.Segment.ID).Segment.Flags[0]; f.Status != review.FlagDismissed {
		t.Errorf("after the refusal the flag is %s, want still dismissed", f.Status)
	}
}

// TestDismissalPages: propose on the segment page, accept on the review
// page, see who did what and reopen on the segment page, propose again and
// reject through htmx.
func TestDismissalPages(t *testing.T) {
	w, base, a := servedArticle(t, "Pages", 1)
	page := func(path string, p *account.Principal, contains ...string) string {
		t.Helper()
		return reviewtest.Page(t, base, path, p, http.StatusOK, contains...)
	}
	propose := func(reason string) string {
		t.Helper()
		status, loc, _ := reviewtest.Form(t, base, "/queue/next", w.Tr1, url.Values{"article": {fmt.Sprint(a.ID)}})
		if status != 303 {
			t.Fatalf("next: %d", status)
		}
		flag := between(page(loc, w.Tr1), `action="/flags/`, `/dismiss"`)
		status, loc, _ = reviewtest.Form(t, base, "/flags/"+flag+"/dismiss", w.Tr1, url.Values{"reason": {reason}})
		if status != 303 || !strings.Contains(loc, "proposed=1") {
			t.Fatalf("dismiss: %d %s", status, loc)
		}
		page(loc, w.Tr1, "Your “not a mistake” waits for an editor", "Not a mistake? — waiting for an editor:", reason,
			`action="/queue/next"`, "said a flag is not a mistake", "Corrected")
		return flag
	}
	flag := propose("a quotation of the parody")
	body := page("/review", w.Ed1, "“Not a mistake” to review", "<mark class=\"flag\">Ilon Musk</mark>", "a quotation of the parody",
		"proposed by tr1@example.org")
	id := between(body, `action="/dismissals/`, `/accept"`)
	status, loc, _ := reviewtest.Form(t, base, "/dismissals/"+id+"/accept", w.Ed1, nil)
	if status != 303 || loc != "/review?dismissal=accepted" {
		t.Fatalf("accept: %d %s", status, loc)
	}
	page(loc, w.Ed1, "Accepted: the flag is dismissed.", "No “not a mistake” waits for review.")
	segPath := between(body, `<a href="/segments/`, `#flag-`)
	page("/segments/"+segPath, w.Ed2, "proposed by tr1@example.org, accepted by ed1@example.org", `action="/flags/`+flag+`/reopen"`,
		"accepted a “not a mistake”", "Clean")
	page("/segments/"+segPath+"?lang=de", w.Ed2, "Wieder öffnen", "angenommen von ed1@example.org")
	if body := page("/segments/"+segPath, w.Tr1); strings.Contains(body, "/reopen") {
		t.Error("a translator is offered to reopen")
	}
	status, loc, _ = reviewtest.Form(t, base, "/flags/"+flag+"/reopen", w.Ed2, nil)
	if status != 303 || !strings.HasPrefix(loc, "/segments/"+segPath) {
		t.Fatalf("reopen: %d %s", status, loc)
	}
	page(loc, w.Ed2, "reopened a dismissed flag", "Flagged")

	propose("the parody again")
	id = between(page("/review", w.Ed2), `id="dismissal-`, `"`)
	req, err := http.NewRequest(http.MethodPost, base+"/dismissals/"+id+"/reject",
		strings.NewReader(url.Values{"reason": {"wrong_name"}, "comment": {"It is the real one."}}.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("HX-Request", "true")
	req.Header.Set("Authorization", "Bearer "+reviewtest.Bearer(w.Ed2))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	fragment, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(fragment), "dismissal-rejected-note") {
		t.Fatalf("htmx reject: %d %s", res.StatusCode, fragment)
	}
	page("/segments/"+segPath, w.Tr1, `id="dismissal-rejection"`, "Wrong name", "It is the real one.",
		"“Not a mistake” rejected by ed2@example.org:", "Rejected")
	// Every catalog renders the new parts.
	for lang, want := range map[string]string{"de": "„Kein Fehler“ abgelehnt von", "ru": "«Это не ошибка» отклонил(а)", "uk": "«Це не помилка» відхилив(-ла)"} {
		page("/segments/"+segPath+"?lang="+lang, w.Tr1, want)
	}
	propose("and once more")
	for lang, want := range map[string]string{"de": "Annehmen: kein Fehler", "ru": "Принять: не ошибка", "uk": "Прийняти: не помилка"} {
		page("/review?lang="+lang, w.Ed1, want)
	}
}

// TestDismissalAPI: propose (201, then 200 for the same), list, decide and
// reopen over HTTP, with the status codes of each refusal.
func TestDismissalAPI(t *testing.T) {
	w, base, a := servedArticle(t, "API", 1)
	status, body := reviewtest.Call(t, base, "POST", "/api/v1/queue/claim", w.Tr1, fmt.Sprintf(`{"article":%d}`, a.ID))
	var seg review.Segment
	if err := json.Unmarshal([]byte(body), &seg); status != 200 || err != nil || len(seg.Flags) == 0 {
		t.Fatalf("claim: %d %s", status, body)
	}
	dismiss := fmt.Sprintf("/api/v1/flags/%d/dismiss", seg.Flags[0].ID)
	var first, again review.Dismissal
	status, body = reviewtest.Call(t, base, "POST", dismiss, w.Tr1, `{"reason":"a quotation"}`)
	if err := json.Unmarshal([]byte(body), &first); status != 201 || err != nil || first.Status != "pending" || first.SegmentID != seg.ID {
		t.Fatalf("dismiss: %d %s", status, body)
	}
	status, body = reviewtest.Call(t, base, "POST", dismiss, w.Tr1, `{"reason":"a quotation"}`)
	if err := json.Unmarshal([]byte(body), &again); status != 200 || err != nil || again.ID != first.ID {
		t.Errorf("dismiss again: %d %s", status, body)
	}
	var detail review.SegmentDetail
	_, body = reviewtest.Call(t, base, "GET", fmt.Sprintf("/api/v1/segments/%d", seg.ID), w.Tr1, "")
	if err := json.Unmarshal([]byte(body), &detail); err != nil || detail.Segment.State != "corrected" ||
		len(detail.Dismissals) != 1 || detail.Dismissals[0].ProposerEmail != "tr1@example.org" {
		t.Errorf("segment: %s", body)
	}
	var list struct{ Dismissals []review.PendingDismissal }
	status, body = reviewtest.Call(t, base, "GET", "/api/v1/dismissals", w.Ed1, "")
	if err := json.Unmarshal([]byte(body), &list); status != 200 || err != nil || len(list.Dismissals) != 1 ||
		list.Dismissals[0].FlagText != "Ilon Musk" || list.Dismissals[0].ProposerEmail != "tr1@example.org" {
		t.Errorf("list: %d %s", status, body)
	}
	accept := fmt.Sprintf("/api/v1/dismissals/%d/accept", first.ID)
	reject := fmt.Sprintf("/api/v1/dismissals/%d/reject", first.ID)
	reopen := fmt.Sprintf("/api/v1/flags/%d/reopen", seg.Flags[0].ID)
	for _, tc := range []struct {
		name, method, path, body string
		want                     int
	}{
		{"bad status", "GET", "/api/v1/dismissals?status=maybe", "", 400},
		{"accept with a reason", "POST", accept, `{"reason":"style"}`, 400},
		{"reject with an unknown reason", "POST", reject, `{"reason":"maybe"}`, 400},
		{"accept an unknown one", "POST", "/api/v1/dismissals/999999/accept", "", 404},
		{"reopen an open flag", "POST", reopen, "", 409},
		{"accept", "POST", accept, `{"comment":"a quotation indeed"}`, 200},
		{"accept twice", "POST", accept, "", 409},
		{"reject an accepted one", "POST", reject, "", 409},
		{"dismiss a dismissed flag", "POST", dismiss, `{"reason":"again"}`, 409},
		{"reopen", "POST", reopen, "", 200},
		{"reopen twice", "POST", reopen, "", 409},
	} {
		if status, body := reviewtest.Call(t, base, tc.method, tc.path, w.Ed1, tc.body); status != tc.want {
			t.Errorf("%s: %d %s, want %d", tc.name, status, body, tc.want)
		}
	}
	status, body = reviewtest.Call(t, base, "GET", "/api/v1/dismissals?status=accepted", w.Ed2, "")
	if err := json.Unmarshal([]byte(body), &list); status != 200 || err != nil || len(list.Dismissals) != 1 || list.Dismissals[0].ReviewerEmail != "ed1@example.org" {
		t.Errorf("accepted list: %d %s", status, body)
	}
}
