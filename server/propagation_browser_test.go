package server_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"lector/account"
	"lector/review"
	"lector/review/reviewtest"
)

// TestPropagationJourney: after approving a fix of "Ilon Musk" and of the
// false friend "mask", the editor opens the occurrences, sees each sentence
// with its box (the false friends unticked), applies and approves the
// ticked ones, and reads the exact outcome, a leased segment skipped.
func TestPropagationJourney(t *testing.T) {
	base, db, tr := startAs(t, "translator@example.org", account.RoleTranslator)
	tr2 := reviewtest.User(t, db, "other@example.org", account.RoleTranslator)
	ed := reviewtest.User(t, db, "editor@example.org", account.RoleEditor)
	a := storedArticle(t, db, "Talks",
		"Ilon Musk spoke about the mask dialogue with Putin.\n\nThe mask dialogue with Putin went on, Ilon Musk said.\n\n"+
			"Ilon Musk met the mask again.\n\nLater Ilon Musk left.\n\nMask told reporters so.\n")
	seg := claim(t, db, tr, review.QueueFilter{ArticleID: a.ID})
	fixed := strings.NewReplacer("Ilon Musk", "Elon Musk", "mask", "Musk").Replace(seg.MTText)
	submit(t, db, tr, seg, fixed)
	leased := claim(t, db, tr2, review.QueueFilter{ArticleID: a.ID})

	ctx := browserAs(t, base, db, ed)
	browse(ctx, t,
		chromedp.Navigate(base+"/review"),
		chromedp.Click(chromedp.CSS(`.pending-item button.approve`)),
		chromedp.WaitVisible(chromedp.CSS(`.approved-note #propagation-review`)),
		chromedp.Click(chromedp.CSS(`#propagation-review`)),
		chromedp.WaitVisible(chromedp.CSS(`#occurrences`)),
	)
	saveScreenshot(t, ctx, "propagation-preview.png")
	// One line per occurrence: its check, ticked, segment, marked words.
	rows := text(ctx, t, `[...document.querySelectorAll('#occurrences tbody tr')].map(r =>
		[r.querySelector('td.check').dataset.check, r.querySelector('input[name=flag]').checked,
		 r.dataset.segment, (r.querySelector('mark') || {}).textContent].join('|')).join('\n')`)
	ticked := map[string]bool{}
	falseFriends, names := 0, 0
	for _, row := range strings.Split(rows, "\n") {
		f := strings.Split(row, "|")
		if len(f) != 4 {
			t.Fatalf("row %q", row)
		}
		switch f[0] {
		case "false-friend":
			falseFriends++
			if f[1] != "false" || f[3] != "mask" {
				t.Errorf("false friend row %q: want unticked, “mask” marked", row)
			}
		case "glossary-variant":
			names++
			if f[1] != "true" || f[3] != "Ilon Musk" {
				t.Errorf("row %q: want ticked, “Ilon Musk” marked", row)
			}
		default:
			t.Errorf("row %q: a check this propagation does not replace", row)
		}
		if f[1] == "true" {
			ticked[f[2]] = true
		}
	}
	if falseFriends == 0 || names < 3 || !ticked[fmt.Sprint(leased.ID)] {
		t.Fatalf("rows:\n%s", rows)
	}
	// The buttons come before the list.
	if top := text(ctx, t, `String(document.querySelector('#propagate-approved').compareDocumentPosition(document.querySelector('#occurrences')) & Node.DOCUMENT_POSITION_FOLLOWING)`); top == "0" {
		t.Error("the apply buttons are not above the occurrences")
	}
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`#propagate-approved`)),
		chromedp.WaitVisible(chromedp.CSS(`#propagation-counts`)),
	)
	saveScreenshot(t, ctx, "propagation-outcome.png")
	want := fmt.Sprintf("Segments asked: %d · approved: %d · left pending: 0 · skipped: 1", len(ticked), len(ticked)-1)
	if got := text(ctx, t, `document.getElementById('propagation-counts').textContent`); got != want {
		t.Errorf("outcome %q, want %q", got, want)
	}
	if got := text(ctx, t, fmt.Sprintf(`document.getElementById('outcome-%d').textContent`, leased.ID)); !strings.Contains(got, "Skipped") ||
		!strings.Contains(got, "Someone holds its lease.") {
		t.Errorf("the leased segment's outcome reads %q", got)
	}
	var approved int
	db.Raw(`SELECT count(*) FROM corrections WHERE status = 'approved' AND author_id = ? AND reviewer_id = ? AND comment LIKE 'propagated%'`,
		tr.UserID, ed.UserID).Scan(&approved)
	if approved != len(ticked)-1 {
		t.Errorf("%d propagated corrections approved in the translator's name, want %d", approved, len(ticked)-1)
	}
}
