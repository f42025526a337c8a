package server_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"gorm.io/gorm"

	"lector/account"
	"lector/glossary"
	"lector/internal/cputime"
	"lector/review"
	"lector/review/reviewtest"
	"lector/server/browsertest"
)

// signIn makes the browser act as p from now on.
func signIn(ctx context.Context, t *testing.T, base string, db *gorm.DB, p *account.Principal) {
	t.Helper()
	session := reviewtest.Session(t, db, p)
	browse(ctx, t, chromedp.Navigate(base+"/healthz"),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.cookie = "%s=%s; path=/"`, account.SessionCookie, session)))
}

// browserAs is a fresh browser signed in as p.
func browserAs(t *testing.T, base string, db *gorm.DB, p *account.Principal) context.Context {
	t.Helper()
	ctx := browsertest.New(t)
	signIn(ctx, t, base, db, p)
	return ctx
}

// openAs is a fresh browser signed in as p on base+path, once wait, a CSS
// selector, is visible there.
func openAs(t *testing.T, base string, db *gorm.DB, p *account.Principal, path, wait string) context.Context {
	t.Helper()
	ctx := browserAs(t, base, db, p)
	browse(ctx, t, chromedp.Navigate(base+path), chromedp.WaitVisible(chromedp.CSS(wait)))
	return ctx
}

// browse runs steps in the browser and ends the test at the first that
// fails.
func browse(ctx context.Context, t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

// text is what js, a string expression, gives in the browser's page.
func text(ctx context.Context, t *testing.T, js string) string {
	t.Helper()
	return evaluate[string](t, ctx, js)
}

// evaluate is what js, an expression of type T, gives in the browser's
// page.
func evaluate[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return v
}

// waitText polls js in ctx until it returns want, for up to d.
func waitText(ctx context.Context, t *testing.T, js, want string, d time.Duration) string {
	t.Helper()
	var got string
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		if got = text(ctx, t, js); got == want {
			return got
		}
	}
	return got
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

// firstArticle is the id of the seed article.
func firstArticle(t *testing.T, db *gorm.DB) int64 {
	t.Helper()
	var id int64
	if err := db.Raw("SELECT id FROM articles ORDER BY id LIMIT 1").Scan(&id).Error; err != nil || id == 0 {
		t.Fatalf("no seed article: %v", err)
	}
	return id
}

// storedChecker is a checker of the glossary stored in db, the one the
// server under test builds, for tests that approve outside the server.
func storedChecker(t testing.TB, db *gorm.DB) *review.Checker {
	t.Helper()
	entries, err := glossary.LoadEntries(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return review.NewChecker(entries)
}

// storedArticle adds an English article with text, flagged by the stored
// glossary as the server flags it.
func storedArticle(t *testing.T, db *gorm.DB, title, text string) *review.Article {
	t.Helper()
	a, err := review.CreateArticle(context.Background(), db, storedChecker(t, db), review.NewArticle{Title: title, Lang: "en", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// storedTranslation adds "Musk and Putin", an English article with text
// translated from the Russian source, flagged by the stored glossary.
func storedTranslation(t *testing.T, db *gorm.DB, text, source string) *review.Article {
	t.Helper()
	a, err := review.CreateArticle(context.Background(), db, storedChecker(t, db), review.NewArticle{
		Title: "Musk and Putin", Lang: "en", SourceLang: "ru", Text: text, SourceText: source})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// claim has p claim the next segment of the queue f selects; the test ends
// when there is none.
func claim(t *testing.T, db *gorm.DB, p *account.Principal, f review.QueueFilter) *review.Segment {
	t.Helper()
	seg, err := review.Claim(context.Background(), db, p, f)
	if err != nil || seg == nil {
		t.Fatalf("claim: %v", err)
	}
	return seg
}

// submit sends text as p's correction of seg at its current revision.
func submit(t *testing.T, db *gorm.DB, p *account.Principal, seg *review.Segment, text string) *review.Correction {
	t.Helper()
	c, err := review.Submit(context.Background(), db, p, review.Submission{SegmentID: seg.ID, Text: text, Revision: seg.Revision}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// submitted has tr claim n segments of the queue in turn and submit
// fix(i, the segment's MT text) as the correction of each; it returns the
// corrections in that order.
func submitted(t *testing.T, db *gorm.DB, tr *account.Principal, n int, fix func(i int, mt string) string) []*review.Correction {
	t.Helper()
	var cs []*review.Correction
	for i := range n {
		seg := claim(t, db, tr, review.QueueFilter{})
		cs = append(cs, submit(t, db, tr, seg, fix(i, seg.MTText)))
	}
	return cs
}

// approve has ed approve the correction id with the stored glossary, the
// flags it leaves back to the queue.
func approve(t *testing.T, db *gorm.DB, ed *account.Principal, id int64) {
	t.Helper()
	if _, err := review.Approve(context.Background(), db, storedChecker(t, db), ed, id, false, nil); err != nil {
		t.Fatal(err)
	}
}

// appCPU starts a clock of this process's CPU time (the app's, not
// PostgreSQL's, which on the shared, loaded machine says more about the
// app's own cost than the wall clock); the function it returns reports the
// time per op since then as app-cpu-ms/op, where the platform tells it.
func appCPU(b *testing.B) func() {
	cpu0, cpuOK := cputime.Process()
	return func() {
		if cpu1, ok := cputime.Process(); ok && cpuOK {
			b.ReportMetric(float64(cpu1-cpu0)/float64(time.Millisecond)/float64(b.N), "app-cpu-ms/op")
		}
	}
}
