package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"lector/apperr"
	"lector/review"
)

// TestDismissalNeedsAnEditor: a translator says a real "mask" (Musk) is not
// a mistake; the segment is not clean and a version published meanwhile
// does not count it approved; an editor rejects the proposal on the review
// page, and the translator sees the reason on the segment.
func TestDismissalNeedsAnEditor(t *testing.T) {
	base, db, tr, ed := startStaffed(t)
	bg := context.Background()
	a := storedArticle(t, db, "Mask",
		"This year Musk has become a supporter of Trump. While the United States and their allies have isolated Putin "+
			"in recent years, the mask dialogue may signal the restoration of interaction with the Russian leader. "+
			// A use that reads as the name on its own makes the one before
			// consistent with it (the false-friend scorer's consistency cue).
			"Mask told reporters so.")
	seg, err := review.Claim(bg, db, tr, review.QueueFilter{ArticleID: a.ID})
	if err != nil || seg == nil || !strings.Contains(seg.MTText, "the mask dialogue") {
		t.Fatalf("claim: %+v, %v", seg, err)
	}

	ctx := openAs(t, base, db, tr, fmt.Sprintf("/segments/%d", seg.ID), `details.dismiss summary`)
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`details.dismiss summary`)),
		chromedp.SendKeys(chromedp.CSS(`details.dismiss input[name=reason]`), "an ordinary mask, not a name"),
		chromedp.Click(chromedp.CSS(`details.dismiss button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`#proposed`)),
	)
	saveScreenshot(t, ctx, "dismissal-proposed.png")
	if state := text(ctx, t, `document.getElementById('state').textContent`); state == "Clean" || state != "Corrected" {
		t.Errorf("state after the proposal %q, want Corrected (waiting for an editor)", state)
	}
	if got := text(ctx, t, `document.querySelector('.dismissal-pending').innerText`); !strings.Contains(got, "waiting for an editor") ||
		!strings.Contains(got, "an ordinary mask, not a name") {
		t.Errorf("the flag shows %q", got)
	}
	if n := text(ctx, t, `String(document.querySelectorAll('details.dismiss').length)`); n != "0" {
		t.Errorf("%s dismiss forms left after the proposal", n)
	}

	// The proposal is a decision pending: publishing asks first, and a
	// partial version holds the segment as it was, not approved.
	if _, err := review.Publish(bg, db, ed, a.ID, review.PublishOptions{}); apperr.As(err) == nil || apperr.As(err).MessageID != "error.publish_pending" {
		t.Fatalf("publish with the proposal pending: %v, want error.publish_pending", err)
	}
	v, err := review.Publish(bg, db, ed, a.ID, review.PublishOptions{Partial: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range v.Segments {
		if s.SegmentID != nil && *s.SegmentID == seg.ID && (s.State == review.StateApproved || s.State == review.StateClean) {
			t.Errorf("published segment state %s; a pending dismissal is not approved", s.State)
		}
	}

	signIn(ctx, t, base, db, ed)
	browse(ctx, t,
		chromedp.Navigate(base+"/review"),
		chromedp.WaitVisible(chromedp.CSS(`.dismissal-item`)),
	)
	saveScreenshot(t, ctx, "review-dismissals.png")
	if mark := text(ctx, t, `document.querySelector('.dismissal-item mark').textContent`); mark != "mask" {
		t.Errorf("the review page marks %q, want mask", mark)
	}
	if who := text(ctx, t, `document.querySelector('.dismissal-item .crumbs').innerText`); !strings.Contains(who, "translator@example.org") {
		t.Errorf("the proposer is not shown: %q", who)
	}
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`.dismissal-item details.reject-dismissal summary`)),
		chromedp.SetValue(chromedp.CSS(`.dismissal-item select[name=reason]`), "wrong_name"),
		chromedp.SendKeys(chromedp.CSS(`.dismissal-item input[name=comment]`), "Маск is Musk: the Musk dialogue."),
		chromedp.Click(chromedp.CSS(`.dismissal-item details.reject-dismissal button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.dismissal-rejected-note`)),
	)
	var state, flag string
	db.Raw(`SELECT state FROM segments WHERE id = ?`, seg.ID).Scan(&state)
	db.Raw(`SELECT status FROM flags WHERE segment_id = ? AND text = 'mask'`, seg.ID).Scan(&flag)
	if state != review.StateRejected || flag != review.FlagOpen {
		t.Errorf("after the rejection: segment %s, flag %s; want rejected, open", state, flag)
	}

	signIn(ctx, t, base, db, tr)
	browse(ctx, t,
		chromedp.Navigate(fmt.Sprintf("%s/segments/%d", base, seg.ID)),
		chromedp.WaitVisible(chromedp.CSS(`#dismissal-rejection`)),
	)
	saveScreenshot(t, ctx, "dismissal-rejected.png")
	if got := text(ctx, t, `document.getElementById('dismissal-rejection').innerText`); !strings.Contains(got, "Wrong name") ||
		!strings.Contains(got, "Маск is Musk: the Musk dialogue.") || !strings.Contains(got, "mask") {
		t.Errorf("the translator sees %q", got)
	}
}
