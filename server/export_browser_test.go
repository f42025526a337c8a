package server_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"lector/account"
	"lector/review/reviewtest"
	"lector/server/browsertest"
	"lector/xliff/xlifftest"
)

// TestExportLinksInBrowser: a signed-in reader sees the download links on
// the article page, and each one answers with the right type and file name
// for the browser's own session; an anonymous reader sees none.
func TestExportLinksInBrowser(t *testing.T) {
	base, db := startSeeded(t)
	ctx := browsertest.New(t)
	browse(ctx, t, chromedp.Navigate(base+"/articles/1"), chromedp.WaitVisible(chromedp.CSS(`.article-head`)))
	if n := text(ctx, t, `String(document.querySelectorAll('.article-export a').length)`); n != "0" {
		t.Errorf("an anonymous reader sees %s download links", n)
	}
	signIn(ctx, t, base, db, reviewtest.User(t, db, "reader@example.org", account.RoleTranslator))
	browse(ctx, t, chromedp.Navigate(base+"/articles/1"), chromedp.WaitVisible(chromedp.CSS(`.article-export`)))
	saveScreenshot(t, ctx, "article-export.png")
	links := text(ctx, t, `[...document.querySelectorAll('.article-export a')].map(a => a.textContent + '=' + new URL(a.href).search).join('|')`)
	if links != "Plain text=?format=txt|Markdown=?format=md|HTML=?format=html|JSON=?format=json|XLIFF 2.1=?format=xliff" {
		t.Errorf("links %q", links)
	}
	// fetch() sends the session cookie as following the link would.
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(async () => {
		const out = [];
		for (const a of document.querySelectorAll('.article-export a')) {
			const r = await fetch(a.href);
			const body = await r.text();
			out.push(r.status + ' ' + r.headers.get('Content-Type') + ' ' + r.headers.get('Content-Disposition').split(';')[1].trim() + ' ' + body.includes('Elon Musk'));
		}
		return out.join('\n');
	})()`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	want := `200 text/plain; charset=utf-8 filename="Musk-secretly-communicates-with-Putin-after-the-invasion-of-the-Russian.txt" false
200 text/markdown; charset=utf-8 filename="Musk-secretly-communicates-with-Putin-after-the-invasion-of-the-Russian.md" false
200 text/html; charset=utf-8 filename="Musk-secretly-communicates-with-Putin-after-the-invasion-of-the-Russian.html" false
200 application/json filename="Musk-secretly-communicates-with-Putin-after-the-invasion-of-the-Russian.json" true
200 application/xliff+xml filename="Musk-secretly-communicates-with-Putin-after-the-invasion-of-the-Russian.xlf" true`
	if got != want {
		t.Errorf("downloads:\n%s\nwant\n%s", got, want)
	}
	// The XLIFF download of the seeded article is valid against the XLIFF
	// core schema.
	xlf, err := chromedp.Run(ctx, chromedp.Evaluate[string](
		`fetch(document.querySelector('.article-export a[href$="format=xliff"]').href).then(r => r.text())`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatal(err)
	}
	xlifftest.Valid(t, "the article page's XLIFF download", []byte(xlf))
}
