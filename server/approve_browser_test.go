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
