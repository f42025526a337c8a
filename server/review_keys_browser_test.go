package server_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"lector/review"
)

// TestReviewWithKeyboard: on /review an editor approves one correction and
// rejects another with the keyboard alone: j to the first, a (and a again
// when the page asks about the flags it leaves), then (the focus moved on
// by itself) r, the reason with the arrow keys, Tab to the comment, Enter.
// "?" lists the keys.
func TestReviewWithKeyboard(t *testing.T) {
	base, db, tr, ed := startStaffed(t)
	var ids []int64
	for _, c := range submitted(t, db, tr, 3, func(i int, mt string) string { return mt + fmt.Sprint(" (", i, ")") }) {
		ids = append(ids, c.ID)
	}
	ctx := browserAs(t, base, db, ed)
	key := func(k string) {
		t.Helper()
		browse(ctx, t, chromedp.KeyEvent(k))
	}
	focused := func() string {
		t.Helper()
		return text(ctx, t, `document.activeElement.closest('#pending > li')?.id || document.activeElement.tagName`)
	}
	item := func(i int) string { return fmt.Sprintf("correction-%d", ids[i]) }
	browse(ctx, t, chromedp.Navigate(base+"/review"), chromedp.WaitVisible(chromedp.CSS(`#`+item(0))))

	key("?")
	if got := text(ctx, t, `String(document.getElementById('shortcuts').open) + ' ' + document.querySelectorAll('#shortcuts dt').length`); got != "true 5" {
		t.Errorf("? opened the shortcuts %q, want open with 5 keys", got)
	}
	key("\x1b") // Escape closes them again
	if got := text(ctx, t, `String(document.getElementById('shortcuts').open)`); got != "false" {
		t.Errorf("Escape left the shortcuts open")
	}

	key("j")
	key("j")
	key("k")
	if got := focused(); got != item(0) {
		t.Fatalf("j, j, k focused %q, want %s", got, item(0))
	}
	// The corrections leave their flags open, so a first asks (the page's
	// own confirmation, in the item, which keeps the focus); a again
	// approves the safe way, the flags back to the queue.
	key("a")
	browse(ctx, t, chromedp.WaitVisible(chromedp.CSS(`#`+item(0)+`.confirming button.approve-queue`)))
	if err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.activeElement.id === %q`, item(0)), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("while asking, the focus is on %q, want %s: %v", focused(), item(0), err)
	}
	key("a")
	browse(ctx, t, chromedp.WaitVisible(chromedp.CSS(`#pending > li.approved-note`)))
	// The approved item is done: the focus went on to the next one.
	if err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.activeElement.id === %q`, item(1)), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("after a the focus is on %q, want %s: %v", focused(), item(1), err)
	}
	key("r")
	if got := text(ctx, t, `document.activeElement.name + ' ' + document.activeElement.closest('li').id`); got != "reason "+item(1) {
		t.Fatalf("r focused %q, want the reason of %s", got, item(1))
	}
	key(kb.ArrowDown) // the second reason
	key("\t")
	browse(ctx, t, chromedp.SendKeys(`#`+item(1)+` input[name=comment]`, "Use the glossary form"))
	key("\r")
	browse(ctx, t, chromedp.WaitVisible(chromedp.CSS(`#pending > li.rejected-note`)))
	if err := chromedp.Do(ctx, chromedp.Poll[chromedp.Void](fmt.Sprintf(`document.activeElement.id === %q`, item(2)), chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("after rejecting the focus is on %q, want %s: %v", focused(), item(2), err)
	}

	var got []struct {
		ID                    int64
		Status, ReviewComment string
		RejectReason          *string
		ReviewerID            *int64
	}
	if err := db.Raw(`SELECT id, status, review_comment, reject_reason, reviewer_id FROM corrections WHERE id IN ? ORDER BY id`, ids).Scan(&got).Error; err != nil {
		t.Fatal(err)
	}
	reasons := review.RejectReasons()
	want := []string{"approved", "rejected " + reasons[1] + " Use the glossary form", "pending"}
	for i, c := range got {
		s := c.Status
		if c.RejectReason != nil {
			s += " " + *c.RejectReason + " " + c.ReviewComment
		}
		if s != want[i] {
			t.Errorf("correction %d: %q, want %q", i, s, want[i])
		}
		if (c.ReviewerID != nil) != (i < 2) || (c.ReviewerID != nil && *c.ReviewerID != ed.UserID) {
			t.Errorf("correction %d reviewed by %v", i, c.ReviewerID)
		}
	}
	if len(got) != 3 {
		t.Errorf("%d corrections, want 3", len(got))
	}
}
