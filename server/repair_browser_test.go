package server_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"lector/account"
	"lector/review"
	"lector/review/reviewtest"
	"lector/server/browsertest"
)

// joinOffered opens seg's article filtered to its segmentation flags, where
// seg's join button waits.
func joinOffered(base string, seg review.Segment) []chromedp.Action[chromedp.Void] {
	return []chromedp.Action[chromedp.Void]{
		chromedp.Navigate(fmt.Sprintf("%s/articles/%d", base, seg.ArticleID)),
		chromedp.WaitVisible(chromedp.CSS(`#filter-check`)),
		chromedp.SetValue(chromedp.CSS(`#filter-kind`), "segmentation"),
		chromedp.Click(chromedp.CSS(`#filter-apply`)),
		chromedp.WaitVisible(chromedp.CSS(`#filter-clear`)), // only the filtered page has it
		chromedp.WaitVisible(chromedp.CSS(joinButton(seg))),
	}
}

func joinButton(seg review.Segment) string { return fmt.Sprintf(`#join-button-%d`, seg.ID) }

// join clicks seg's join button and returns the joined segment's text
// without its tooltips; the join must no longer be offered.
func join(ctx context.Context, t *testing.T, seg review.Segment) string {
	t.Helper()
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(joinButton(seg))),
		chromedp.WaitVisible(chromedp.CSS(`#repaired`)),
	)
	got := text(ctx, t, fmt.Sprintf(`(() => { const s = document.getElementById('segment-%d').cloneNode(true);
  s.querySelectorAll('.tip').forEach(t => t.remove()); return s.textContent })()`, seg.ID))
	if left := text(ctx, t, fmt.Sprintf(`String(!!document.querySelector('%s'))`, joinButton(seg))); left != "false" {
		t.Error("the join is still offered after the join")
	}
	return got
}

// TestJoinBrokenParagraphInBrowser: an editor filters the seed article to
// its broken paragraphs, sees the "$ 1." / "8 billion" break offered for a
// one-click join, clicks it and reads "$ 1.8 billion" as one segment.
func TestJoinBrokenParagraphInBrowser(t *testing.T) {
	base, db := startSeeded(t)
	var seg review.Segment
	if err := db.Where("mt_text LIKE ?", "%$ 1.").Take(&seg).Error; err != nil {
		t.Fatal(err)
	}
	var before int64
	db.Model(&review.Segment{}).Where("article_id = ?", seg.ArticleID).Count(&before)
	ed := reviewtest.User(t, db, "editor@example.org", account.RoleEditor)
	// The segment page offers the join first.
	ctx := openAs(t, base, db, ed, fmt.Sprintf("/segments/%d", seg.ID), `#merge`)
	browse(ctx, t, chromedp.ScrollIntoView(chromedp.CSS(`#repair`)))
	if got := text(ctx, t, `document.getElementById('merge').textContent`); got != "Join with the next segment" {
		t.Errorf("the segment page's first repair offer is %q", got)
	}
	saveScreenshot(t, ctx, "segment-repair.png")
	browse(ctx, t, joinOffered(base, seg)...)
	if got := text(ctx, t, `document.getElementById('matching').textContent`); !strings.Contains(got, "of 88 segments") {
		t.Errorf("matching line %q", got)
	}
	saveScreenshot(t, ctx, "article-filters.png")
	if got := join(ctx, t, seg); !strings.HasSuffix(got, "for the amount of $ 1.8 billion in 2021 and is the main missile launch installation for the Pentagon and NASA.") {
		t.Errorf("after the join the segment reads %q", got)
	}
	var after int64
	db.Model(&review.Segment{}).Where("article_id = ?", seg.ArticleID).Count(&after)
	if after != before-1 {
		t.Errorf("%d segments after the join, want %d", after, before-1)
	}
}

// TestJoinApprovedBreakInBrowser: the "$ 1." segment's words were corrected
// and approved; its break is still flagged (only a join resolves it), so
// the article page still offers the join, and the join keeps the approved
// words and resolves the break.
func TestJoinApprovedBreakInBrowser(t *testing.T) {
	base, db := startSeeded(t)
	var seg review.Segment
	if err := db.Where("mt_text LIKE ?", "%$ 1.").Take(&seg).Error; err != nil {
		t.Fatal(err)
	}
	corrector := reviewtest.User(t, db, "corrector@example.org", account.RoleEditor)
	ed := reviewtest.User(t, db, "editor@example.org", account.RoleEditor)
	fixed := strings.Replace(seg.MTText, "Starlink Service", "Starlink service", 1)
	if fixed == seg.MTText {
		t.Fatalf("the seed segment changed: %q", seg.MTText)
	}
	c := submit(t, db, corrector, &seg, fixed)
	approve(t, db, ed, c.ID)
	ctx := browserAs(t, base, db, ed)
	browse(ctx, t, joinOffered(base, seg)...)
	if got := join(ctx, t, seg); !strings.Contains(got, "manages the Starlink service, won") || !strings.Contains(got, "for the amount of $ 1.8 billion in 2021") {
		t.Errorf("after the join the segment reads %q", got)
	}
	var breaks int64
	db.Model(&review.Flag{}).Where(`segment_id = ? AND "check" = 'broken-paragraph'`, seg.ID).Count(&breaks)
	if breaks != 0 {
		t.Errorf("%d broken-paragraph flags left on the joined segment", breaks)
	}
}

// TestLoadMoreInBrowser: a long article shows its first chunk; "Load more"
// (htmx, under the strict CSP) appends the next one in place.
func TestLoadMoreInBrowser(t *testing.T) {
	base, db := startSeeded(t)
	var b strings.Builder
	for i := range review.ArticleChunk + 20 {
		fmt.Fprintf(&b, "Sentence number %d is here.\n\n", i)
	}
	a, err := review.CreateArticle(context.Background(), db, review.NewChecker(nil), review.NewArticle{Title: "Long", Lang: "en", Text: b.String()})
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	count := `String(document.querySelectorAll('#segments .segment').length)`
	browse(ctx, t,
		chromedp.Navigate(fmt.Sprintf("%s/articles/%d", base, a.ID)),
		chromedp.WaitVisible(chromedp.CSS(`#more`)),
	)
	if n := text(ctx, t, count); n != fmt.Sprint(review.ArticleChunk) {
		t.Fatalf("%s segments before Load more", n)
	}
	url := text(ctx, t, `location.href`)
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`#more`)),
		chromedp.Poll[chromedp.Void](`document.querySelectorAll('#segments .segment').length > 100`, chromedp.WithPollingTimeout(10*time.Second)),
	)
	if n := text(ctx, t, count); n != fmt.Sprint(review.ArticleChunk+20) {
		t.Errorf("%s segments after Load more, want %d", n, review.ArticleChunk+20)
	}
	if now := text(ctx, t, `location.href`); now != url || text(ctx, t, `String(!!document.getElementById('more'))`) != "false" {
		t.Errorf("after Load more: at %s (was %s), more link left: %s", now, url, text(ctx, t, `String(!!document.getElementById('more'))`))
	}
}
