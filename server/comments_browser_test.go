package server_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"lector/account"
	"lector/review/reviewtest"
)

// TestMentionRaisesBadge: A mentions B in a segment's comment; B's open
// page, without reloading, shows the badge go from nothing to 1, and B's
// notifications page shows the mention until B marks all read.
func TestMentionRaisesBadge(t *testing.T) {
	base, db, _ := startLive(t)
	anna := reviewtest.User(t, db, "anna@example.org", account.RoleTranslator)
	ben := reviewtest.User(t, db, "ben@example.org", account.RoleEditor)
	var seg, article int64
	if err := db.Raw(`SELECT id FROM segments WHERE state = 'flagged' ORDER BY id LIMIT 1`).Scan(&seg).Error; err != nil || seg == 0 {
		t.Fatalf("no flagged segment: %v", err)
	}
	if err := db.Raw(`SELECT article_id FROM segments WHERE id = ?`, seg).Scan(&article).Error; err != nil {
		t.Fatal(err)
	}
	const badgeJS = `(() => { const b = document.getElementById('notification-count'); return b.hidden ? 'hidden' : b.textContent; })()`

	benCtx := openAs(t, base, db, ben, fmt.Sprintf("/articles/%d", article), `.live-status[data-state="on"]`)
	if got := text(benCtx, t, badgeJS); got != "hidden" {
		t.Fatalf("ben's badge before the mention: %q", got)
	}

	annaCtx := browserAs(t, base, db, anna)
	comment := "@ben could you check this name? <b>thanks</b>"
	browse(annaCtx, t,
		chromedp.Navigate(fmt.Sprintf("%s/segments/%d", base, seg)),
		chromedp.WaitVisible(chromedp.CSS(`#comment-body`)),
		chromedp.SendKeys(chromedp.CSS(`#comment-body`), comment),
		chromedp.Click(chromedp.CSS(`#comment-post`)),
		chromedp.WaitVisible(chromedp.CSS(`.event.action-comment .comment-body`)),
	)
	if got := text(annaCtx, t, `document.querySelector('.event.action-comment .comment-body').textContent`); got != comment {
		t.Errorf("anna's history shows %q, want her comment as typed", got)
	}
	saveScreenshot(t, annaCtx, "segment-comment.png")

	if got := waitText(benCtx, t, badgeJS, "1", 5*time.Second); got != "1" {
		t.Fatalf("ben's badge after the mention: %q, want 1 without reloading", got)
	}
	browse(benCtx, t,
		chromedp.Click(chromedp.CSS(`a.nav-notifications`)),
		chromedp.WaitVisible(chromedp.CSS(`.notification.kind-mention.unread`)),
	)
	item := text(benCtx, t, `document.querySelector('.notification.kind-mention').textContent`)
	if !strings.Contains(item, "anna@example.org mentioned you in a comment") || !strings.Contains(item, comment) {
		t.Errorf("ben's notification reads %q", item)
	}
	saveScreenshot(t, benCtx, "notifications.png")
	browse(benCtx, t,
		chromedp.Click(chromedp.CSS(`#mark-read`)),
		chromedp.WaitVisible(chromedp.CSS(`#marked-read`)),
	)
	if got := text(benCtx, t, badgeJS); got != "hidden" {
		t.Errorf("ben's badge after marking all read: %q", got)
	}
	if n := text(benCtx, t, `String(document.querySelectorAll('.notification.unread').length)`); n != "0" {
		t.Errorf("%s unread after marking all read", n)
	}
}
