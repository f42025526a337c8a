package server_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"gorm.io/gorm"

	"lector/account"
	"lector/review"
	"lector/server/browsertest"
)

// cleanArticle adds an article whose first segment holds a name the checker
// misses ("Olaf Sholz") and whose others are flagged; it returns the
// segments in order.
func cleanArticle(t *testing.T, db *gorm.DB) []review.Segment {
	t.Helper()
	a := storedArticle(t, db, "Scholz",
		"Olaf Sholz met the press today.\n\nIlon Musk spoke about topic one.\n\nIlon Musk spoke about topic two.\n\n")
	var segs []review.Segment
	if err := db.Where("article_id = ?", a.ID).Order("position").Find(&segs).Error; err != nil {
		t.Fatal(err)
	}
	if len(segs) != 3 || segs[0].State != review.StateClean || segs[1].State != review.StateFlagged {
		t.Fatalf("segments %+v", segs)
	}
	return segs
}

// dialogs answers the page's JavaScript dialogs (confirm, beforeunload)
// with accept, and records their messages.
type dialogs struct {
	mu       sync.Mutex
	accept   bool
	messages []string
}

func answerDialogs(ctx context.Context) *dialogs {
	d := &dialogs{}
	events := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			d.mu.Lock()
			d.messages = append(d.messages, ev.Message)
			accept := d.accept
			d.mu.Unlock()
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: accept})
		}
	}()
	return d
}

func (d *dialogs) set(accept bool) {
	d.mu.Lock()
	d.accept = accept
	d.mu.Unlock()
}

func (d *dialogs) seen() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string(nil), d.messages...)
}

// TestCorrectCleanSegmentInBrowser: a translator opens a clean segment
// with a name the checker missed, claims it with "Work on this segment",
// corrects it, and the correction reaches the editors' review page.
func TestCorrectCleanSegmentInBrowser(t *testing.T) {
	base, db, tr, ed := startStaffed(t)
	segs := cleanArticle(t, db)
	ctx := openAs(t, base, db, tr, fmt.Sprintf("/segments/%d", segs[0].ID), `#claim`)
	if n := text(ctx, t, `String(document.querySelectorAll('#correction-text').length)`); n != "0" {
		t.Fatalf("a clean segment nobody holds shows the edit box before the claim")
	}
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`#claim`)),
		chromedp.WaitVisible(chromedp.CSS(`#correction-text`)),
		chromedp.SetValue(chromedp.CSS(`#correction-text`), "Olaf Scholz met the press today."),
		chromedp.Click(chromedp.CSS(`#submit`)),
		chromedp.WaitVisible(chromedp.CSS(`#submitted`)),
	)
	if state := text(ctx, t, `document.getElementById('state').textContent`); state != "Corrected" {
		t.Errorf("state after submit %q, want Corrected", state)
	}
	signIn(ctx, t, base, db, ed)
	browse(ctx, t,
		chromedp.Navigate(base+"/review"),
		chromedp.WaitVisible(chromedp.CSS(`.pending-item`)),
	)
	if got := text(ctx, t, `document.querySelector('main').textContent`); !strings.Contains(got, "Scholz") {
		t.Errorf("the review page does not show the correction of the clean segment")
	}
}

// TestStaleRevisionInBrowser: the translator's text is refused as stale
// (their own correction from another tab got in first); the page shows both
// texts and a box with their text, and "Replace my pending correction"
// stores it.
func TestStaleRevisionInBrowser(t *testing.T) {
	base, db, tr := startAs(t, "translator@example.org", account.RoleTranslator)
	segs := cleanArticle(t, db)
	bg := context.Background()
	seg, err := review.ClaimSegment(bg, db, tr, segs[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	ctx := openAs(t, base, db, tr, fmt.Sprintf("/segments/%d", seg.ID), `#correction-text`)
	// The other tab.
	submit(t, db, tr, seg, "Elon Musk spoke about topic one (tab A).")
	mine := "Elon Musk spoke about topic one (tab B)."
	browse(ctx, t,
		chromedp.SetValue(chromedp.CSS(`#correction-text`), mine),
		chromedp.Click(chromedp.CSS(`#submit`)),
		chromedp.WaitVisible(chromedp.CSS(`#conflict`)),
	)
	saveScreenshot(t, ctx, "stale-revision.png")
	for js, want := range map[string]string{
		`document.querySelector('#conflict .theirs').textContent`:       "Elon Musk spoke about topic one (tab A).",
		`document.querySelector('#conflict .yours').textContent`:        mine,
		`document.getElementById('correction-text').value`:              mine,
		`document.getElementById('submit').textContent`:                 "Replace my pending correction",
		`document.querySelector('#correct input[name=revision]').value`: fmt.Sprint(seg.Revision + 1),
	} {
		if got := text(ctx, t, js); got != want {
			t.Errorf("%s = %q, want %q", js, got, want)
		}
	}
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`#submit`)),
		chromedp.WaitVisible(chromedp.CSS(`#submitted`)),
	)
	var pending []string
	db.Raw("SELECT text FROM corrections WHERE segment_id = ? AND status = 'pending'", seg.ID).Scan(&pending)
	if len(pending) != 1 || pending[0] != mine {
		t.Errorf("pending corrections %q, want only %q", pending, mine)
	}
	if n := text(ctx, t, `String(Object.keys(localStorage).filter(k => k.startsWith('lector.draft.`+fmt.Sprint(seg.ID)+`.')).length)`); n != "0" {
		t.Errorf("%s drafts left after a successful submit", n)
	}
}

// TestSkipInBrowser: Skip gives the segment back and opens a different one.
func TestSkipInBrowser(t *testing.T) {
	base, db, tr := startAs(t, "translator@example.org", account.RoleTranslator)
	ctx := browserAs(t, base, db, tr)
	browse(ctx, t,
		chromedp.Navigate(base+"/queue"),
		chromedp.Click(chromedp.CSS(`#next`)),
		chromedp.WaitVisible(chromedp.CSS(`#skip`)),
	)
	first := text(ctx, t, `document.querySelector('.segment-page').dataset.segment`)
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`#skip`)),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`.segment-page[data-held]:not([data-segment="%s"])`, first))),
	)
	var state string
	db.Raw("SELECT state FROM segments WHERE id = ?", first).Scan(&state)
	if state != review.StateFlagged && state != review.StateRejected {
		t.Errorf("the skipped segment is %s, want back in the queue", state)
	}
}

// TestDraftInBrowser: typing then Alt+→ asks first (staying keeps the
// text); leaving and coming back restores the draft with a notice, which
// Discard removes.
func TestDraftInBrowser(t *testing.T) {
	base, db, tr := startAs(t, "translator@example.org", account.RoleTranslator)
	segs := cleanArticle(t, db)
	seg, err := review.ClaimSegment(context.Background(), db, tr, segs[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	d := answerDialogs(ctx)
	signIn(ctx, t, base, db, tr)
	url := fmt.Sprintf("%s/segments/%d", base, seg.ID)
	browse(ctx, t,
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(`#correction-text`)),
		chromedp.SendKeys(chromedp.CSS(`#correction-text`), " half-typed"),
		chromedp.KeyEvent(kb.ArrowRight, chromedp.KeyModifiers(chromedp.ModifierAlt)),
	)
	time.Sleep(300 * time.Millisecond) // a navigation would have started
	if seen := d.seen(); len(seen) != 1 || !strings.Contains(seen[0], "not submitted") {
		t.Fatalf("dialogs %q, want one warning", seen)
	}
	if got := text(ctx, t, `location.pathname + ' ' + document.getElementById('correction-text').value`); !strings.Contains(got, "half-typed") ||
		!strings.HasPrefix(got, fmt.Sprintf("/segments/%d ", seg.ID)) {
		t.Fatalf("after declining to leave: %q", got)
	}
	d.set(true)
	browse(ctx, t,
		chromedp.KeyEvent(kb.ArrowRight, chromedp.KeyModifiers(chromedp.ModifierAlt)),
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`.segment-page[data-segment="%d"]`, segs[2].ID))),
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(`#draft-restored`)),
	)
	saveScreenshot(t, ctx, "draft-restored.png")
	if got := text(ctx, t, `document.getElementById('correction-text').value`); !strings.Contains(got, "half-typed") {
		t.Errorf("restored draft %q", got)
	}
	if got := text(ctx, t, `document.getElementById('draft-restored').textContent`); !strings.Contains(got, "Draft restored") {
		t.Errorf("notice %q", got)
	}
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`#draft-discard`)),
		chromedp.WaitNotVisible(chromedp.CSS(`#draft-restored`)),
	)
	if got := text(ctx, t, `document.getElementById('correction-text').value`); got != seg.CurrentText {
		t.Errorf("after Discard the box holds %q, want %q", got, seg.CurrentText)
	}
}
