package server_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"lector/account"
	"lector/review"
	"lector/server/browsertest"
)

// cspWatch records, on every page the browser opens, what the Content
// Security Policy refused (window.cspRefused).
const cspWatch = `window.cspRefused = [];
document.addEventListener('securitypolicyviolation', e => window.cspRefused.push(e.violatedDirective + ' ' + e.blockedURI));`

// TestDashboardsInBrowser: after a translator's three corrections (one
// approved, one rejected, one pending), the editor's dashboards draw their
// charts (SVG named for screen readers, no style the CSP refuses) with the
// numbers the database holds beside them, and the translator finds the
// rejection with its reason under "My rejected" and the segment in hand
// under "Waiting for me".
func TestDashboardsInBrowser(t *testing.T) {
	base, db, tr, ed := startStaffed(t)
	bg := context.Background()
	checker := storedChecker(t, db)
	approved, rejected := fixNext(t, db, tr), fixNext(t, db, tr)
	fixNext(t, db, tr)
	if _, err := review.Approve(bg, db, checker, ed, approved.ID, true, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := review.Reject(bg, db, ed, rejected.ID, "wrong_name", "The glossary spells it otherwise", nil); err != nil {
		t.Fatal(err)
	}
	held := claim(t, db, tr, review.QueueFilter{})

	ctx := browsertest.New(t)
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspWatch}); err != nil {
		t.Fatal(err)
	}
	open := func(path, ready string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.CSS(ready))); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if got := text(ctx, t, `window.cspRefused.join(', ')`); got != "" {
			t.Errorf("%s: the CSP refused %s", path, got)
		}
		// Every chart is an image named by its own title.
		if got := text(ctx, t, `[...document.querySelectorAll('svg')].filter(s => s.getAttribute('role') !== 'img' ||
			(document.getElementById(s.getAttribute('aria-labelledby'))?.textContent.trim() || '') === '').length + ''`); got != "0" {
			t.Errorf("%s: %s charts without role=img and a title", path, got)
		}
	}
	cell := func(js string) int {
		t.Helper()
		s := strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, text(ctx, t, js))
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("%s: %q is no number", js, s)
		}
		return n
	}
	count := func(q string, args ...any) int {
		t.Helper()
		var n int
		if err := db.Raw(q, args...).Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		return n
	}

	signIn(ctx, t, base, db, ed)
	open("/overview", "#state-chart rect")
	browse(ctx, t, chromedp.EmulateViewport(1280, 1500))
	saveScreenshot(t, ctx, "overview.png")
	browse(ctx, t, chromedp.EmulateViewport(1280, 900))
	for _, state := range []string{"clean", "flagged", "in_progress", "corrected", "approved", "rejected"} {
		want := count(`SELECT count(*) FROM segments WHERE state = ?`, state)
		if got := cell(fmt.Sprintf(`document.querySelector('#state-numbers tr[data-key=%s] td').textContent`, state)); got != want {
			t.Errorf("/overview: %s segments %d, the database holds %d", state, got, want)
		}
	}
	wantOpen := count(`SELECT count(*) FROM flags WHERE kind = 'name' AND status = 'open'`)
	if got := cell(`document.querySelector('#flag-numbers tr[data-key=name] td:nth-child(3)').textContent`); got != wantOpen {
		t.Errorf("/overview: %d open name flags, the database holds %d", got, wantOpen)
	}
	if got := text(ctx, t, `document.getElementById('approval-count').textContent`); !strings.Contains(got, "1 correction approved") {
		t.Errorf("/overview: approval times over %q, want the one approved correction", got)
	}
	article := count(`SELECT s.article_id FROM corrections c JOIN segments s ON s.id = c.segment_id WHERE c.id = ?`, approved.ID)
	// The article's row links to its overview; the page is opened by that
	// address (a click and open's own navigation at once abort one another).
	path := fmt.Sprintf("/overview/articles/%d", article)
	if got := text(ctx, t, fmt.Sprintf(`document.querySelector('#article-%d a').getAttribute('href')`, article)); got != path {
		t.Fatalf("article %d's row links to %q, want %q", article, got, path)
	}
	open(path, "#state-chart rect")
	if got := cell(`document.querySelector('#state-numbers tr[data-key=approved] td').textContent`); got != 1 {
		t.Errorf("the article's overview shows %d approved segments, want 1", got)
	}
	if got := text(ctx, t, `document.getElementById('approval-median').textContent`); !strings.Contains(got, "minute") {
		t.Errorf("the article's median time to approval reads %q, want minutes", got)
	}

	open("/overview/people", ".person rect")
	saveScreenshot(t, ctx, "overview-people.png")
	person := func(p *account.Principal) string {
		return text(ctx, t, fmt.Sprintf(`[...document.querySelectorAll('#person-%d tfoot td')].map(td => td.textContent).join(' ')`, p.UserID))
	}
	if got := person(tr); got != "3 0 0" {
		t.Errorf("the translator's totals read %q, want 3 corrected", got)
	}
	if got := person(ed); got != "0 1 1" {
		t.Errorf("the editor's totals read %q, want 1 approved, 1 rejected", got)
	}

	open("/overview/glossary", "#form-rows rect")
	var top struct {
		Text string
		N    int
	}
	if err := db.Raw(`SELECT text, count(*) AS n FROM flags WHERE kind IN ('name', 'term') AND status <> 'dismissed'
GROUP BY text, entry ORDER BY n DESC, text, entry LIMIT 1`).Scan(&top).Error; err != nil {
		t.Fatal(err)
	}
	if got := text(ctx, t, `document.querySelector('#form-rows tbody th').textContent`); got != top.Text {
		t.Errorf("the most frequent wrong form reads %q, want %q", got, top.Text)
	}
	if got := cell(`document.querySelector('#form-rows tbody td:nth-child(4)').textContent`); got != top.N {
		t.Errorf("%s was found %d times, the database says %d", top.Text, got, top.N)
	}

	signIn(ctx, t, base, db, tr)
	open("/articles", "main")
	for _, link := range []string{"/my/rejected", "/my/waiting"} {
		if text(ctx, t, fmt.Sprintf(`String(!!document.querySelector('.nav-menu a[href=%q]'))`, link)) != "true" {
			t.Errorf("the translator's menu has no link to %s", link)
		}
	}
	if text(ctx, t, `String(!!document.querySelector('.nav-menu a[href="/overview"]'))`) != "false" {
		t.Errorf("the translator's menu links to the editors' overview")
	}
	open("/my/rejected", fmt.Sprintf("#rejected-%d", rejected.ID))
	if got := text(ctx, t, fmt.Sprintf(`document.querySelector('#rejected-%d .reason').textContent`, rejected.ID)); !strings.Contains(got, "Wrong name") ||
		!strings.Contains(got, "The glossary spells it otherwise") {
		t.Errorf("the rejection reads %q, want its reason and comment", got)
	}
	open("/my/waiting", fmt.Sprintf("#held-%d", held.ID))
}
