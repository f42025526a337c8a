package server_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"lector/server/browsertest"
)

// TestArticlePageInBrowser opens the seed article in Chromium and finds
// "Ilon Musk" highlighted, its suggestion "Elon Musk" shown on keyboard
// focus and on hover, and hidden otherwise.
func TestArticlePageInBrowser(t *testing.T) {
	base, db := startSeeded(t)
	var id int64
	if err := db.Raw("SELECT id FROM articles ORDER BY id LIMIT 1").Scan(&id).Error; err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/articles/"+itoa(id)),
		chromedp.WaitVisible(chromedp.CSS(`mark.flag`)),
		// Give the first "Ilon Musk" mark an id the rest of the test can use.
		chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('mark.flag')].find(m => m.firstChild.textContent === 'Ilon Musk').id = 'ilon'`),
	)
	if err != nil {
		t.Fatal(err)
	}
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	const tipDisplay = `getComputedStyle(document.querySelector('#ilon .tip')).display`
	if got := eval(`document.getElementById('ilon').firstChild.textContent`); got != "Ilon Musk" {
		t.Errorf("flagged text %q, want Ilon Musk", got)
	}
	if got := eval(`document.getElementById('ilon').dataset.suggestion`); got != "Elon Musk" {
		t.Errorf("suggestion %q, want Elon Musk", got)
	}
	if got := eval(`getComputedStyle(document.getElementById('ilon')).backgroundColor`); got == "rgba(0, 0, 0, 0)" {
		t.Errorf("the flagged name is not highlighted")
	}
	if got := eval(tipDisplay); got != "none" {
		t.Errorf("tooltip shown before focus or hover: display %q", got)
	}
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(`#ilon`))); err != nil {
		t.Fatal(err)
	}
	if got := eval(tipDisplay + ` + '|' + document.querySelector('#ilon .tip').innerText`); !strings.HasPrefix(got, "block|") || !strings.Contains(got, "Elon Musk") {
		t.Errorf("on keyboard focus the tooltip is %q; want it shown with Elon Musk", got)
	}
	saveScreenshot(t, ctx, "article-page.png")
	eval(`document.activeElement.blur(), ''`)
	box, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => { const m = document.getElementById('ilon'); m.scrollIntoView(); const r = m.getBoundingClientRect(); return [r.x + 5, r.y + r.height / 2] })()`))
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, box[0], box[1])); err != nil {
		t.Fatal(err)
	}
	if got := eval(tipDisplay); got != "block" {
		t.Errorf("on hover the tooltip display is %q; want block", got)
	}
}

// saveScreenshot writes the viewport to $LECTOR_SCREENSHOTS/name when that
// variable is set (`make screenshots` sets it to docs/ for the README).
func saveScreenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("LECTOR_SCREENSHOTS")
	if dir == "" {
		return
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
