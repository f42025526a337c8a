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

// TestApprovalLeavesUnfixedNameFlagged is issue 14's scenario in a
// browser: a correction fixes "Kim Jong -in" in the seed segment that
// also holds "Bashara Assad"; on /review the editor sees what it leaves,
// Approve asks first and lists "Bashara Assad", the editor approves the
// safe way (the rest back to the queue), and the article page still marks
// "Bashara Assad" in the approved text.
func TestApprovalLeavesUnfixedNameFlagged(t *testing.T) {
	base, db, writer := startAs(t, "writer@example.org", account.RoleEditor)
	ed := reviewtest.User(t, db, "editor@example.org", account.RoleEditor)
	var seg review.Segment
	if err := db.Where("mt_text LIKE ?", "%Bashara Assad%").Take(&seg).Error; err != nil {
		t.Fatal(err)
	}
	fixed := strings.Replace(seg.CurrentText, "Kim Jong -in", "Kim Jong-un", 1)
	c := submit(t, db, writer, &seg, fixed)
	item := fmt.Sprintf(`#correction-%d`, c.ID)

	ctx := openAs(t, base, db, ed, "/review", item+` .approval-outcome`)
	if leaves := text(ctx, t, `document.querySelector('`+item+` ul.leaves').textContent`); !strings.Contains(leaves, "Bashara Assad") {
		t.Errorf("the review item leaves %q, want Bashara Assad listed", leaves)
	}
	if resolves := text(ctx, t, `document.querySelector('`+item+` ul.resolves').textContent`); !strings.Contains(resolves, "Kim Jong -in") {
		t.Errorf("the review item resolves %q, want Kim Jong -in listed", resolves)
	}
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(item+` button.approve`)),
		chromedp.WaitVisible(chromedp.CSS(`.confirm-approval`)),
	)
	saveScreenshot(t, ctx, "approve-confirm.png")
	if asked := text(ctx, t, `document.querySelector('.confirm-approval').textContent`); !strings.Contains(asked, "Bashara Assad") {
		t.Errorf("the confirmation says %q, want Bashara Assad listed", asked)
	}
	var status string
	db.Raw("SELECT status FROM corrections WHERE id = ?", c.ID).Scan(&status)
	if status != review.CorrectionPending {
		t.Fatalf("the correction is %s before the editor decided", status)
	}
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`.confirm-approval button.approve-queue`)),
		chromedp.WaitVisible(chromedp.CSS(`.approved-note`)),
	)
	var state string
	db.Raw("SELECT state FROM segments WHERE id = ?", seg.ID).Scan(&state)
	if state != review.StateFlagged {
		t.Errorf("segment %s after approving the safe way, want flagged (back in the queue)", state)
	}

	browse(ctx, t,
		chromedp.Navigate(fmt.Sprintf("%s/articles/%d?q=Bashara", base, seg.ArticleID)),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`#segment-%d`, seg.ID))),
	)
	saveScreenshot(t, ctx, "article-after-approval.png")
	marks := text(ctx, t, fmt.Sprintf(`[...document.querySelectorAll('#segment-%d mark.flag')].map(m => m.firstChild.textContent).join('|')`, seg.ID))
	if !strings.Contains(marks, "Bashara Assad") || strings.Contains(marks, "Kim Jong") {
		t.Errorf("the article page marks %q in the approved segment, want Bashara Assad and not Kim Jong", marks)
	}
	if shown := text(ctx, t, fmt.Sprintf(`document.getElementById('segment-%d').textContent`, seg.ID)); !strings.Contains(shown, "Kim Jong-un") {
		t.Errorf("the article page shows %q, want the approved text", shown)
	}

	// The segment's history shows the decision.
	browse(ctx, t,
		chromedp.Navigate(fmt.Sprintf("%s/segments/%d", base, seg.ID)),
		chromedp.WaitVisible(chromedp.CSS(`.approval-note`)),
	)
	if note := text(ctx, t, `document.querySelector('.approval-note').textContent`); !strings.Contains(note, "left open") {
		t.Errorf("history note %q", note)
	}
	if cur := text(ctx, t, `[...document.querySelectorAll('#current mark.flag')].map(m => m.firstChild.textContent).join('|')`); cur != "Bashara Assad" {
		t.Errorf("the segment page marks %q in the current text, want Bashara Assad", cur)
	}
}

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
