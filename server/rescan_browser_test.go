package server_test

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"lector/account"
	"lector/review/reviewtest"
)

// wsjFlagged is whether the article page marks "WSJ" as a flag.
const wsjFlagged = `[...document.querySelectorAll('mark.flag')].some(m => m.firstChild.textContent === 'WSJ')`

// addWrongForm posts a glossary entry through the API from the page, with
// the session and its CSRF token, as the glossary page's script would.
const addWrongForm = `fetch('/api/v1/glossary/entries', {method: 'POST', headers: {'Content-Type': 'application/json',
  'X-CSRF-Token': document.querySelector('meta[name=csrf-token]').content},
  body: JSON.stringify({key: 'wsj', type: 'organization', terms: [
    {lang: 'en', form: 'The Wall Street Journal', status: 'preferred'},
    {lang: 'en', form: 'WSJ', status: 'deprecated', note: 'spell the name out'}]})}).then(r => r.status)`

// TestMaintainerAddsAWrongFormAndSeesTheArticleFlaggedAgain is issue 6's
// test: a glossary maintainer adds a wrong form, the articles page shows
// the background rescan's progress, and the article page then flags it.
func TestMaintainerAddsAWrongFormAndSeesTheArticleFlaggedAgain(t *testing.T) {
	base, db := startWithRescans(t, true)
	articleURL := base + "/articles/" + itoa(firstArticle(t, db))
	maintainer := reviewtest.User(t, db, "maintainer@example.org", account.RoleGlossary)
	ctx := browserAs(t, base, db, maintainer)
	browse(ctx, t, chromedp.Navigate(articleURL), chromedp.WaitVisible(chromedp.CSS(`mark.flag`)))
	if text(ctx, t, `String(`+wsjFlagged+`)`) != "false" {
		t.Fatal("the seed article already flags WSJ")
	}
	browse(ctx, t, chromedp.Navigate(base+"/articles"), chromedp.WaitVisible(chromedp.CSS(`#rescan`)))
	status, err := chromedp.Run(ctx, chromedp.Evaluate[int](addWrongForm, chromedp.EvalAwaitPromise))
	if err != nil || status != 201 {
		t.Fatalf("adding the wrong form: status %d, %v", status, err)
	}
	// The articles page polls the progress; it ends with the finished line.
	waitCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(waitCtx, chromedp.WaitVisible(chromedp.CSS(`#rescan .rescan.finished`))); err != nil {
		t.Fatalf("the articles page never showed the rescan finished: %v", err)
	}
	saveScreenshot(t, ctx, "rescan-progress.png")
	if got := text(ctx, t, `document.querySelector('#rescan .rescan').textContent`); got == "" {
		t.Error("the progress line is empty")
	}
	browse(ctx, t, chromedp.Navigate(articleURL), chromedp.WaitVisible(chromedp.CSS(`mark.flag`)))
	if text(ctx, t, `String(`+wsjFlagged+`)`) != "true" {
		t.Error("after the rescan the article page does not flag WSJ")
	}
	suggestion := text(ctx, t, `[...document.querySelectorAll('mark.flag')].find(m => m.firstChild.textContent === 'WSJ')?.dataset.suggestion ?? ''`)
	if suggestion != "The Wall Street Journal" {
		t.Errorf("the WSJ flag suggests %q, want The Wall Street Journal", suggestion)
	}
}
