package server_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"gorm.io/gorm"

	"lector/account"
	"lector/review"
	"lector/review/reviewtest"
)

// fixNext has tr claim the next flagged segment of the seed article and
// submit it with every suggestion applied; it returns the correction.
func fixNext(t *testing.T, db *gorm.DB, tr *account.Principal) *review.Correction {
	t.Helper()
	bg := context.Background()
	seg := claim(t, db, tr, review.QueueFilter{})
	d, err := review.GetSegment(bg, db, tr, seg.ID)
	if err != nil {
		t.Fatal(err)
	}
	fixed, end := seg.MTText, len(seg.MTText)+1
	flags := d.Segment.Flags
	sort.Slice(flags, func(i, j int) bool { return flags[i].StartOffset > flags[j].StartOffset })
	for _, f := range flags { // from the end, so that earlier offsets stay valid
		if f.Status == review.FlagOpen && f.Suggestion != "" && f.EndOffset < end {
			fixed = fixed[:f.StartOffset] + f.Suggestion + fixed[f.EndOffset:]
			end = f.StartOffset
		}
	}
	if fixed == seg.MTText {
		fixed += " (checked)"
	}
	c := submit(t, db, tr, seg, fixed)
	return c
}

// TestPublishJourney: an editor publishes the seed article while one
// correction is pending (the page asks first), then reads the diff from
// the MT text, side by side and inline, with who wrote and approved each
// change.
func TestPublishJourney(t *testing.T) {
	base, db, tr := startAs(t, "olena@example.org", account.RoleTranslator)
	ed := reviewtest.User(t, db, "marta@example.org", account.RoleEditor)
	chief := reviewtest.User(t, db, "jonas@example.org", account.RoleEditor)
	for id, name := range map[int64]string{tr.UserID: "Olena Kovalenko", ed.UserID: "Marta Weiss", chief.UserID: "Jonas Berg"} {
		if err := db.Exec("UPDATE users SET name = ? WHERE id = ?", name, id).Error; err != nil {
			t.Fatal(err)
		}
	}
	for range 3 {
		approve(t, db, chief, fixNext(t, db, tr).ID)
	}
	fixNext(t, db, tr) // still pending at publication
	article := firstArticle(t, db)

	ctx := openAs(t, base, db, ed, fmt.Sprintf("/articles/%d", article), `#article-versions`)
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`#article-versions .publish-link`)),
		chromedp.WaitVisible(chromedp.CSS(`#publish-pending`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=note]`), "Morning edition"),
		chromedp.Click(chromedp.CSS(`#publish`)),
		chromedp.WaitVisible(chromedp.CSS(`#publish-confirm`)),
	)
	saveScreenshot(t, ctx, "versions-publish.png")
	if got := text(ctx, t, `document.getElementById('publish-confirm').innerText`); !strings.Contains(got, "1 decision (a correction or a “not a mistake”) still waits for an editor") {
		t.Errorf("the confirmation says %q", got)
	}
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`#partial`)),
		chromedp.Click(chromedp.CSS(`#publish`)),
		chromedp.WaitVisible(chromedp.CSS(`#published`)),
	)
	if got := text(ctx, t, `document.querySelector('h1').innerText`); !strings.Contains(got, "Version 1") || !strings.Contains(got, "partial") {
		t.Errorf("the version page's heading is %q", got)
	}
	if got := text(ctx, t, `document.getElementById('downloads').innerText`); !strings.Contains(got, "xliff") {
		t.Errorf("downloads %q", got)
	}
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`#diff-mt`)),
		chromedp.WaitVisible(chromedp.CSS(`table.diff-side`)),
	)
	saveScreenshot(t, ctx, "versions-diff.png")
	if got := text(ctx, t, `document.getElementById('diff-summary').innerText`); got != "3 segments changed" {
		t.Errorf("summary %q, want 3 segments changed", got)
	}
	provenance := text(ctx, t, `[...document.querySelectorAll('.provenance')].map(p => p.innerText).join('|')`)
	if strings.Count(provenance, "by Olena Kovalenko, approved by Jonas Berg") != 3 {
		t.Errorf("provenance %q", provenance)
	}
	if n := text(ctx, t, `String(document.querySelectorAll('table.diff-side ins a.change[href^="/segments/"]').length)`); n == "0" {
		t.Error("no inserted span links to its segment")
	}
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`#view-inline`)),
		chromedp.WaitVisible(chromedp.CSS(`.diff-inline`)),
	)
	if n := text(ctx, t, `String(document.querySelectorAll('.diff-inline del').length * document.querySelectorAll('.diff-inline ins').length)`); n == "0" {
		t.Error("the inline view marks no deletion or insertion")
	}
}
