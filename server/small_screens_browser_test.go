package server_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"gorm.io/gorm"

	"lector/account"
	"lector/comment"
	"lector/glossary"
	"lector/notification"
	"lector/overview"
	"lector/publish"
	"lector/review"
	"lector/review/reviewtest"
	"lector/server/browsertest"
)

// fragments are GET routes that answer a piece of a page for htmx, not a
// page a reader opens.
var fragments = []string{"/propagations/:id/progress"}

// pageURLs gives every page route of the route tables an address in a
// seeded world with a pending and an approved correction, a propagation,
// a published version and a glossary entry. A page route missing here
// fails the test, so a new page is checked on phones from its first day.
func pageURLs(t *testing.T, db *gorm.DB) map[string]string {
	t.Helper()
	bg := context.Background()
	tr := reviewtest.User(t, db, "phone-tr@example.org", account.RoleTranslator)
	ed := reviewtest.User(t, db, "phone-ed@example.org", account.RoleEditor)
	checker := storedChecker(t, db)
	approved := fixNext(t, db, tr)
	if _, err := review.Approve(bg, db, checker, ed, approved.ID, true, nil); err != nil {
		t.Fatal(err)
	}
	prop, err := review.Propagate(bg, db, checker, ed, approved.ID, review.PropagationRequest{Mode: review.PropagatePending, All: true})
	if err != nil {
		t.Fatal(err)
	}
	pending := fixNext(t, db, tr)
	var article, segment, entry int64
	for q, id := range map[string]*int64{
		"SELECT id FROM articles ORDER BY id LIMIT 1":                               &article,
		"SELECT id FROM segments WHERE state = 'flagged' ORDER BY position LIMIT 1": &segment,
		"SELECT id FROM glossary_entries ORDER BY id LIMIT 1":                       &entry,
	} {
		if err := db.Raw(q).Scan(id).Error; err != nil || *id == 0 {
			t.Fatalf("%s: %d, %v", q, *id, err)
		}
	}
	if _, err := review.Publish(bg, db, ed, article, review.PublishOptions{Partial: true}); err != nil {
		t.Fatal(err)
	}
	// A comment with an unbroken run of characters mentions the editor:
	// the thread must wrap it, and the editor has a notification to list.
	if _, err := comment.Post(bg, db, tr, segment, "@phone-ed "+strings.Repeat("https://example.org/a-very-long-address/", 4)); err != nil {
		t.Fatal(err)
	}
	// An article with its source, which left out a sentence holding an
	// unbroken run of letters: the segment page shows both sides, and the
	// sentence left out must wrap.
	sourced := storedTranslation(t, db, "Musk flew to Berlin. In the evening he left.\n",
		"Маск прилетел в Берлин. "+strings.Repeat("Гигафабрика", 8)+" работает круглосуточно. Вечером он улетел.\n")
	a := fmt.Sprintf("/articles/%d", article)
	urls := map[string]string{
		"/segments/:id (with its source)":    fmt.Sprintf("/segments/%d", sourced.Segments[0].ID),
		"/":                                  "/",
		"/articles":                          "/articles",
		"/articles/:id":                      a,
		"/articles/:id/activity":             a + "/activity",
		"/queue":                             "/queue",
		"/segments/:id":                      fmt.Sprintf("/segments/%d", segment),
		"/review":                            "/review",
		"/corrections/:id/propagation":       fmt.Sprintf("/corrections/%d/propagation", approved.ID),
		"/propagations/:id":                  fmt.Sprintf("/propagations/%d", prop.Propagation),
		"/articles/:id/versions":             a + "/versions",
		"/articles/:id/versions/compare":     a + "/versions/compare?from=0&to=1",
		"/articles/:id/versions/:n":          a + "/versions/1",
		"/articles/:id/versions/:a/diff/:b":  a + "/versions/0/diff/1",
		"/glossary":                          "/glossary",
		"/glossary/new":                      "/glossary/new",
		"/glossary/entries/:id":              fmt.Sprintf("/glossary/entries/%d", entry),
		"/glossary/entries/:id/edit":         fmt.Sprintf("/glossary/entries/%d/edit", entry),
		"/glossary/proposals":                "/glossary/proposals",
		"/glossary/import":                   "/glossary/import",
		"/articles/new":                      "/articles/new",
		"/login":                             "/login",
		"/notifications":                     "/notifications",
		"/articles/:id?view=grid (editors)":  a + "?view=grid",
		"/segments/:id (pending correction)": fmt.Sprintf("/segments/%d", pending.SegmentID),
		"/overview":                          "/overview",
		"/overview/articles/:id":             fmt.Sprintf("/overview/articles/%d", article),
		"/overview/people":                   "/overview/people",
		"/overview/glossary":                 "/overview/glossary",
		"/my/rejected":                       "/my/rejected",
		"/my/waiting":                        "/my/waiting",
	}
	var routes []string
	for _, r := range review.PageRoutes() {
		routes = append(routes, r.Method+" "+r.Path)
	}
	routes = slices.Concat(routes, routeKeys(publish.PageRoutes()), routeKeys(glossary.PageRoutes(), glossary.ProposalPageRoutes()),
		routeKeys(overview.PageRoutes()), routeKeys(comment.PageRoutes()), routeKeys(notification.PageRoutes()))
	for _, r := range routes {
		method, path, _ := strings.Cut(r, " ")
		if _, ok := urls[path]; !ok && method == http.MethodGet && !slices.Contains(fragments, path) {
			t.Errorf("page route %s has no address in pageURLs: add one so that it is checked on phones", path)
		}
	}
	return urls
}

// routeKeys are the rows of a domain package's tables as "METHOD /path".
func routeKeys[H any](tables ...[]account.Route[H]) []string {
	var keys []string
	for _, r := range slices.Concat(tables...) {
		keys = append(keys, r.Method+" "+r.Path)
	}
	return keys
}

// overflowJS names the widest elements sticking out of the viewport
// sideways, empty when the page fits.
const overflowJS = `(() => {
	const w = innerWidth;
	if (document.documentElement.scrollWidth <= w) return '';
	const out = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 0.5)
		.filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > w + 0.5))
		.slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right));
	return 'scrollWidth ' + document.documentElement.scrollWidth + ' > ' + w + ': ' + out.join(', ');
})()`

// smallTargetsJS lists visible controls less than 44 px tall. Links inside
// running text are exempt, as WCAG's target size rule exempts them.
const smallTargetsJS = `[...document.querySelectorAll('button, .button, select, summary, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), .nav-toggle-label, .nav-menu a, .languages a')]
	.filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && r.height < 43.5 })
	.slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().height) + 'px').join(', ')`

// navJS lists the navigation's links and buttons out of reach: hidden,
// outside the viewport, or less than minHeight px tall.
func navJS(minHeight float64) string {
	return fmt.Sprintf(`[...document.querySelectorAll('.nav-menu a, .nav-menu button')]
	.filter(e => { const r = e.getBoundingClientRect(); return r.width === 0 || r.left < 0 || r.right > innerWidth + 0.5 || r.height < %g })
	.map(e => e.textContent.trim() + ' ' + JSON.stringify(e.getBoundingClientRect())).join(', ')`, minHeight)
}

// pageStatus fetches a page as the browser's user: its status, or "login"
// when the page sends them to sign in first.
func pageStatus(ctx context.Context, t *testing.T, url string) string {
	t.Helper()
	js := fmt.Sprintf(`fetch(%q).then(r => new URL(r.url).pathname === '/login' && %q !== '/login' ? 'login' : String(r.status))`, url, url)
	v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("fetching %s: %v", url, err)
	}
	return v
}

// TestSmallScreensInBrowser opens every page each role may open at
// 390×844 (no sideways scrolling, the menu folded and opening to links
// that all fit and are 44 px tall, controls 44 px tall) and at 1366×900
// (no sideways scrolling, the links in view without a menu). Each
// navigation link is shown exactly to the roles whose request the page
// answers; the pages that refuse a role are refused, not half shown.
func TestSmallScreensInBrowser(t *testing.T) {
	base, db := startSeeded(t)
	urls := pageURLs(t, db)
	roles := []struct {
		name string
		p    *account.Principal
	}{
		{"anonymous", nil},
		{"translator", reviewtest.User(t, db, "tr@example.org", account.RoleTranslator)},
		{"editor", reviewtest.User(t, db, "ed@example.org", account.RoleEditor)},
		{"glossary maintainer", reviewtest.User(t, db, "gl@example.org", account.RoleGlossary)},
		{"admin", reviewtest.User(t, db, "admin@example.org", account.RoleAdmin)},
	}
	keys := make([]string, 0, len(urls))
	for k := range urls {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	navPages := []string{"/articles", "/queue", "/review", "/glossary", "/glossary/proposals", "/overview", "/my/waiting", "/my/rejected"}
	var ctx context.Context
	for _, role := range roles {
		// A browser per role: one browser's deadline (browsertest.New) is
		// shorter than the walk of every page as every role.
		ctx = browsertest.New(t)
		if role.p != nil {
			signIn(ctx, t, base, db, role.p)
		}
		browse(ctx, t, chromedp.EmulateViewport(390, 844))
		opened := 0
		for _, k := range keys {
			u := urls[k]
			browse(ctx, t, chromedp.Navigate(base+"/healthz"))
			status := pageStatus(ctx, t, u)
			switch {
			case status == "200":
			case role.name == "admin":
				t.Errorf("admin: %s answers %s; an admin may open every page", u, status)
				continue
			case status == "401" || status == "403" || status == "login":
				continue
			default:
				t.Errorf("%s: %s answers %s", role.name, u, status)
				continue
			}
			opened++
			if err := chromedp.Do(ctx, chromedp.Navigate(base+u), chromedp.WaitReady(chromedp.CSS(`footer`))); err != nil {
				t.Fatalf("%s: %s: %v", role.name, u, err)
			}
			if got := text(ctx, t, overflowJS); got != "" {
				t.Errorf("%s at 390 px: %s overflows: %s", role.name, u, got)
			}
			if got := text(ctx, t, smallTargetsJS); got != "" {
				t.Errorf("%s at 390 px: %s has controls under 44 px: %s", role.name, u, got)
			}
			if got := text(ctx, t, `String(document.querySelector('.nav-menu').getBoundingClientRect().height)`); got != "0" {
				t.Errorf("%s at 390 px: %s shows the menu before it is opened (%s px tall)", role.name, u, got)
			}
			if role.name == "translator" && k == "/segments/:id" {
				browse(ctx, t, chromedp.ScrollIntoView(chromedp.CSS(`#claim`)))
				saveScreenshot(t, ctx, "phone-segment.png")
			}
			if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`.nav-toggle-label`))); err != nil {
				t.Fatalf("%s: %s: opening the menu: %v", role.name, u, err)
			}
			if got := text(ctx, t, navJS(43.5)); got != "" {
				t.Errorf("%s at 390 px: %s: menu entries out of reach: %s", role.name, u, got)
			}
			if got := text(ctx, t, overflowJS); got != "" {
				t.Errorf("%s at 390 px: %s overflows with the menu open: %s", role.name, u, got)
			}
			if role.name == "translator" && k == "/articles/:id" {
				saveScreenshot(t, ctx, "phone-menu.png")
			}
			if role.name == "translator" && k == "/articles" { // the keyboard closes and opens it too
				err := chromedp.Do(ctx, chromedp.Focus(chromedp.CSS(`#nav-toggle`)), chromedp.KeyEvent(" "))
				if err != nil {
					t.Fatal(err)
				}
				if got := text(ctx, t, `String(document.querySelector('.nav-menu').getBoundingClientRect().height)`); got != "0" {
					t.Errorf("Space on the menu button leaves the menu open (%s px tall)", got)
				}
				browse(ctx, t, chromedp.KeyEvent(" "))
				if got := text(ctx, t, navJS(43.5)); got != "" {
					t.Errorf("after Space on the menu button: entries out of reach: %s", got)
				}
			}
		}
		if opened < 4 {
			t.Errorf("%s opened only %d pages", role.name, opened)
		}

		// The links of the navigation: shown exactly where the page answers.
		browse(ctx, t, chromedp.Navigate(base+"/articles"))
		for _, p := range navPages {
			status := pageStatus(ctx, t, p)
			shown := text(ctx, t, fmt.Sprintf(`String(!!document.querySelector('.nav-menu a[href=%q]'))`, p)) == "true"
			if shown != (status == "200") {
				t.Errorf("%s: the link to %s shown %v, while the page answers %s", role.name, p, shown, status)
			}
		}
	}

	// A wide screen keeps the bar as it was: no menu button, every link in
	// view beside the brand, nothing wider than the window (as the admin,
	// who sees most), in a browser of its own.
	ctx = browserAs(t, base, db, roles[len(roles)-1].p)
	browse(ctx, t, chromedp.EmulateViewport(1366, 900))
	for _, k := range keys {
		browse(ctx, t, chromedp.Navigate(base+urls[k]), chromedp.WaitReady(chromedp.CSS(`footer`)))
		if got := text(ctx, t, overflowJS); got != "" {
			t.Errorf("admin at 1366 px: %s overflows: %s", urls[k], got)
		}
		if got := text(ctx, t, `getComputedStyle(document.querySelector('.nav-toggle-label')).display`); got != "none" {
			t.Errorf("admin at 1366 px: %s shows the menu button (display %s)", urls[k], got)
		}
		if got := text(ctx, t, navJS(1)); got != "" {
			t.Errorf("admin at 1366 px: %s: links out of view: %s", urls[k], got)
		}
		// The links share the brand's line: the menu does not fold them below.
		if got := text(ctx, t, `String(Math.abs(document.querySelector('.brand').getBoundingClientRect().bottom - document.querySelector('.nav-menu a').getBoundingClientRect().bottom) < 8)`); got != "true" {
			t.Errorf("admin at 1366 px: %s: the first link is not beside the brand", urls[k])
		}
	}
}
