package server_test

import (
	"context"
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
	ctx := openSeedArticle(t, "")
	const tipDisplay = `getComputedStyle(document.querySelector('#ilon .tip')).display`
	if got := text(ctx, t, `document.getElementById('ilon').firstChild.textContent`); got != "Ilon Musk" {
		t.Errorf("flagged text %q, want Ilon Musk", got)
	}
	if got := text(ctx, t, `document.getElementById('ilon').dataset.suggestion`); got != "Elon Musk" {
		t.Errorf("suggestion %q, want Elon Musk", got)
	}
	if got := text(ctx, t, `getComputedStyle(document.getElementById('ilon')).backgroundColor`); got == "rgba(0, 0, 0, 0)" {
		t.Errorf("the flagged name is not highlighted")
	}
	if got := text(ctx, t, tipDisplay); got != "none" {
		t.Errorf("tooltip shown before focus or hover: display %q", got)
	}
	browse(ctx, t, chromedp.Focus(chromedp.CSS(`#ilon`)))
	if got := text(ctx, t, tipDisplay+` + '|' + document.querySelector('#ilon .tip').innerText`); !strings.HasPrefix(got, "block|") || !strings.Contains(got, "Elon Musk") {
		t.Errorf("on keyboard focus the tooltip is %q; want it shown with Elon Musk", got)
	}
	saveScreenshot(t, ctx, "article-page.png")
	text(ctx, t, `document.activeElement.blur(), ''`)
	box, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](`(() => { const m = document.getElementById('ilon'); m.scrollIntoView(); const r = m.getBoundingClientRect(); return [r.x + 5, r.y + r.height / 2] })()`))
	if err != nil {
		t.Fatal(err)
	}
	browse(ctx, t, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, box[0], box[1]))
	if got := text(ctx, t, tipDisplay); got != "block" {
		t.Errorf("on hover the tooltip display is %q; want block", got)
	}
}

// openSeedArticle serves a fresh seeded database and opens its article,
// with query, in a fresh browser; the first "Ilon Musk" mark gets the id
// "ilon" for the test to find it by.
func openSeedArticle(t *testing.T, query string) context.Context {
	t.Helper()
	base, db := startSeeded(t)
	ctx := browsertest.New(t)
	browse(ctx, t,
		chromedp.Navigate(base+"/articles/"+itoa(firstArticle(t, db))+query),
		chromedp.WaitVisible(chromedp.CSS(`mark.flag`)),
		chromedp.Evaluate[chromedp.Void](`[...document.querySelectorAll('mark.flag')].find(m => m.firstChild.textContent === 'Ilon Musk').id = 'ilon'`),
	)
	return ctx
}
