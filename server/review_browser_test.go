package server_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"lector/account"
)

// TestTranslatorJourney: open the queue, Next, apply the suggestion with a
// click and with Alt+A, submit with Ctrl+Enter.
func TestTranslatorJourney(t *testing.T) {
	base, db, tr := startAs(t, "translator@example.org", account.RoleTranslator)
	ctx := openAs(t, base, db, tr, "/queue", `td.claimable`)
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`#next`)),
		chromedp.WaitVisible(chromedp.CSS(`#correction-text`)),
	)
	saveScreenshot(t, ctx, "segment-page.png")
	mt := text(ctx, t, `document.getElementById('mt').dataset.text`)
	suggestions := text(ctx, t, `[...document.querySelectorAll('button.apply')].map(b => b.dataset.text + '>' + b.dataset.suggestion).join('|')`)
	if suggestions == "" {
		t.Fatalf("the first claimed segment %q shows no suggestion to apply", mt)
	}
	first, _, _ := strings.Cut(suggestions, "|")
	from, to, _ := strings.Cut(first, ">")
	browse(ctx, t, chromedp.Click(chromedp.CSS(`button.apply`)))
	got := text(ctx, t, `document.getElementById('correction-text').value`)
	if !strings.Contains(got, to) || strings.Count(got, from) >= strings.Count(mt, from) {
		t.Errorf("after Apply the text is %q; want %q replaced by %q", got, from, to)
	}
	// Alt+A applies the next suggestion, if any; Ctrl+Enter submits and
	// opens the next segment.
	opened := text(ctx, t, `document.querySelector('.segment-page').dataset.segment`)
	browse(ctx, t,
		chromedp.KeyEvent("a", chromedp.KeyModifiers(chromedp.ModifierAlt)),
		chromedp.Focus(chromedp.CSS(`#correction-text`)),
	)
	sent := text(ctx, t, `document.getElementById('correction-text').value`)
	browse(ctx, t,
		chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl)),
		chromedp.WaitVisible(chromedp.CSS(`#done`)),
	)
	if now := text(ctx, t, `document.querySelector('.segment-page').dataset.segment`); now == opened {
		t.Errorf("Ctrl+Enter stayed on segment %s", opened)
	}
	// The notice links back to the submitted segment, corrected now.
	browse(ctx, t, chromedp.Click(chromedp.CSS(`#done a`)), chromedp.WaitVisible(chromedp.CSS(`#state.state-corrected`)))
	var stored string
	db.Raw("SELECT text FROM corrections WHERE author_id = ?", tr.UserID).Scan(&stored)
	if stored != sent || stored != strings.TrimSpace(text(ctx, t, `document.querySelector('.current.text').textContent`)) || !strings.Contains(stored, to) {
		t.Errorf("stored correction %q, sent %q", stored, sent)
	}
}

// TestEditorJourney: approve one correction, reject another with a reason;
// the translator then sees the reason on the segment.
func TestEditorJourney(t *testing.T) {
	base, db, tr, ed := startStaffed(t)
	var segs []int64
	for _, c := range submitted(t, db, tr, 2, func(i int, mt string) string {
		fixed := strings.Replace(mt, "Ilon Musk", "Elon Musk", 1)
		if fixed == mt {
			fixed += fmt.Sprint(" (fixed ", i, ")")
		}
		return fixed
	}) {
		segs = append(segs, c.SegmentID)
	}
	ctx := openAs(t, base, db, ed, "/review", `.pending-item`)
	saveScreenshot(t, ctx, "review-page.png")
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`.pending-item:first-child button.approve`)),
		chromedp.WaitVisible(chromedp.CSS(`.approved-note`)),
	)
	if n := text(ctx, t, `String(document.querySelectorAll('.pending-item:not(.done)').length)`); n != "1" {
		t.Fatalf("%s corrections pending after one approval, want 1", n)
	}
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`.pending-item:not(.done) details.reject summary`)),
		chromedp.SetValue(chromedp.CSS(`.pending-item:not(.done) select[name=reason]`), "wrong_name"),
		chromedp.SendKeys(chromedp.CSS(`.pending-item:not(.done) input[name=comment]`), "It is Elon, not Ilon."),
		chromedp.Click(chromedp.CSS(`.pending-item:not(.done) details.reject button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`.rejected-note`)),
	)
	var states []string
	db.Raw("SELECT state FROM segments WHERE id IN ? ORDER BY id", segs).Scan(&states)
	if strings.Join(states, ",") != "approved,rejected" {
		t.Errorf("states %v, want approved, rejected", states)
	}
	signIn(ctx, t, base, db, tr)
	browse(ctx, t,
		chromedp.Navigate(fmt.Sprintf("%s/segments/%d", base, segs[1])),
		chromedp.WaitVisible(chromedp.CSS(`#rejection`)),
	)
	if got := text(ctx, t, `document.getElementById('rejection').innerText`); !strings.Contains(got, "Wrong name") || !strings.Contains(got, "It is Elon, not Ilon.") {
		t.Errorf("the translator sees %q", got)
	}
}
