package server_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"lector/account"
)

// TestGlossaryImportInBrowser: a glossary maintainer opens the import page
// from the glossary, uploads a CSV, sees the dry run (sent by the upload
// script, the page not reloaded), nothing written yet, and on a phone
// without sideways scrolling; confirms, and finds the new entry in the
// list.
func TestGlossaryImportInBrowser(t *testing.T) {
	base, db, maint := startAs(t, "importer@example.org", account.RoleGlossary)
	file := filepath.Join(t.TempDir(), "names.csv")
	if err := os.WriteFile(file, []byte(importCSV), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := browserAs(t, base, db, maint)
	browse(ctx, t,
		chromedp.EmulateViewport(1366, 900),
		chromedp.Navigate(base+"/glossary"),
		chromedp.WaitVisible(chromedp.CSS(`#import-link`)),
		chromedp.Click(chromedp.CSS(`#import-link`)),
		chromedp.WaitVisible(chromedp.CSS(`#import-form`)),
		chromedp.Evaluate[chromedp.Void](`window.samePage = true`),
		chromedp.SetUploadFiles(chromedp.CSS(`#import-file`), []string{file}),
		chromedp.Click(chromedp.CSS(`#dry-run-button`)),
		chromedp.WaitVisible(chromedp.CSS(`#dry-run`)),
	)
	if got := text(ctx, t, `String(window.samePage === true)`); got != "true" {
		t.Error("the dry run came by a page load, not by the upload script")
	}
	if got := text(ctx, t, `[...document.querySelectorAll('#import-new tbody tr')].map(r => r.cells[0].textContent).join('|')`); got != "zorblax" {
		t.Errorf("the dry run's new entries are %q, want zorblax", got)
	}
	if got := text(ctx, t, `document.getElementById('import-changed').innerText`); !strings.Contains(got, "isaacson") || !strings.Contains(got, "Isaakson") {
		t.Errorf("the dry run's changed entries:\n%s", got)
	}
	var n int
	if err := db.Raw(`SELECT count(*) FROM glossary_entries WHERE key = 'zorblax'`).Scan(&n).Error; err != nil || n != 0 {
		t.Fatalf("the dry run wrote the entry: %d %v", n, err)
	}
	saveScreenshot(t, ctx, "glossary-import-dry-run.png")

	browse(ctx, t, chromedp.EmulateViewport(390, 844))
	if got := text(ctx, t, overflowJS); got != "" {
		t.Errorf("the dry run at 390 px overflows: %s", got)
	}
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`#confirm-import`)),
		chromedp.WaitVisible(chromedp.CSS(`#imported`)),
	)
	if got := text(ctx, t, `document.getElementById('imported').textContent`); got != "Import applied: 1 new, 1 changed, 0 deleted." {
		t.Errorf("the notice says %q", got)
	}
	if got := text(ctx, t, `[...document.querySelectorAll('.glossary-list tbody tr')].map(r => r.cells[0].textContent).join('|')`); !strings.Contains(got, "Zorblax Quint") {
		t.Errorf("the glossary list after the import: %s", got)
	}
}

// TestArticleUploadInBrowser: an editor uploads a text file with the
// upload script (its progress bar shown) and lands on the new article.
func TestArticleUploadInBrowser(t *testing.T) {
	base, db, ed := startAs(t, "uploader@example.org", account.RoleEditor)
	file := filepath.Join(t.TempDir(), "story.txt")
	body := strings.Repeat("Ilon Musk spoke to the press again today. ", 20_000) // 840 kB: progress events fire
	if err := os.WriteFile(file, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := openAs(t, base, db, ed, "/articles", `#new-article`)
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`#new-article`)),
		chromedp.WaitVisible(chromedp.CSS(`#upload-form`)),
		// The bar's attributes as the script sets them, kept across the
		// navigation to the new article.
		chromedp.Evaluate[chromedp.Void](`sessionStorage.removeItem('progress');
			new MutationObserver(() => {
				const bar = document.getElementById('upload-progress');
				if (!bar.hidden && bar.hasAttribute('value')) sessionStorage.setItem('progress', bar.value + '/' + bar.max);
			}).observe(document.getElementById('upload-progress'), {attributes: true});`),
		chromedp.SendKeys(chromedp.CSS(`#upload-title`), "Uploaded in a browser"),
		chromedp.SendKeys(chromedp.CSS(`#upload-lang`), "en"),
		chromedp.SetUploadFiles(chromedp.CSS(`#upload-text-file`), []string{file}),
		chromedp.Click(chromedp.CSS(`#upload-submit`)),
		chromedp.WaitVisible(chromedp.CSS(`.article-versions`)),
	)
	if got := text(ctx, t, `document.querySelector('h1').textContent`); !strings.Contains(got, "Uploaded in a browser") {
		t.Errorf("after the upload the page is %q", got)
	}
	// The last progress event reports the whole body sent.
	got := text(ctx, t, `sessionStorage.getItem('progress') || ''`)
	if sent, total, ok := strings.Cut(got, "/"); !ok || sent != total || len(total) < 6 {
		t.Errorf("the progress bar ended at %q, want the whole upload (over 840 kB) of the whole", got)
	}
	var segs int
	if err := db.Raw(`SELECT count(*) FROM segments s JOIN articles a ON a.id = s.article_id WHERE a.title = 'Uploaded in a browser'`).Scan(&segs).Error; err != nil || segs != 20_000 {
		t.Errorf("the uploaded article has %d segments, want 20,000 (%v)", segs, err)
	}
}
