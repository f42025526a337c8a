package server_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"lector/account"
	"lector/database/dbtest"
	"lector/glossary"
	"lector/live"
	"lector/review"
	"lector/review/reviewtest"
	"lector/review/testworld"
	"lector/seeds"
	"lector/server/servertest"
)

// pageBudget is issue 20's limit on a page's server time at newsroom scale.
// Under the race detector, which slows every Go statement several times
// over, the walk is held to four times it; `make test` walks again without
// the detector, held to the real budget.
var pageBudget = func() time.Duration {
	if raceDetector {
		return 200 * time.Millisecond
	}
	return 50 * time.Millisecond
}()

// coldBound holds the first request of each page after the server starts
// (the warm-up in TestJourneysAtScaleInBrowser), measured and documented in
// BENCHMARKS.md ("Issue 20: the journeys at scale"): a fresh database
// connection plans each statement for the first time. (The first /overview
// no longer counts the whole database: migration 00027 keeps its counts.)
const coldBound = 1500 * time.Millisecond

// served is one request as the server timed it (its Server-Timing header).
type served struct {
	method, path string
	status       int
	dur          time.Duration
}

// timedRequests wraps the application and keeps every request's
// Server-Timing, so that the form posts and redirects a browser's
// Performance API never sees are held to the budget too.
type timedRequests struct {
	mu   sync.Mutex
	seen []served
}

func (r *timedRequests) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		rec := &statusWriter{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(rec, req)
		ms, _ := strings.CutPrefix(w.Header().Get("Server-Timing"), "app;dur=")
		f, err := strconv.ParseFloat(ms, 64)
		if err != nil {
			f = -1 // no header: reported as a failure
		}
		r.mu.Lock()
		r.seen = append(r.seen, served{req.Method, req.URL.RequestURI(), rec.status, time.Duration(f * float64(time.Millisecond))})
		r.mu.Unlock()
	})
}

// take returns the requests since the last take.
func (r *timedRequests) take() []served {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.seen
	r.seen = nil
	return s
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) { w.status = code; w.ResponseWriter.WriteHeader(code) }
func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// TestJourneysAtScaleInBrowser is issue 20's done condition: on a
// newsroom's database (testworld.Bulk: 10,000 articles, 100,000 segments,
// 124,800 flags, 39,600 corrections, plus the seed glossary and some 2,000 open
// proposals) a translator, an editor and a glossary maintainer each walk
// their journey with the keyboard at 390×844. Every request the browser
// makes (pages, form posts, fetches; not static files) must take the
// server under 50 ms by its Server-Timing header, every page must fit the
// phone's width, and the work must be in the database. Each page is
// first asked for once, cold (held to coldBound); a GET of the walk over
// the budget is asked for twice more and fails only when it stays over,
// since other tests share the machine's two cores.
//
//	LECTOR_REQUIRE_BROWSER=1 go test -count=1 -run TestJourneysAtScaleInBrowser -v ./server
func TestJourneysAtScaleInBrowser(t *testing.T) {
	ctx := context.Background()
	seeding := time.Now()
	db := dbtest.New(t)
	world := testworld.Bulk(t, db)
	entries, err := seeds.Glossary()
	if err != nil {
		t.Fatal(err)
	}
	if err := glossary.CreateEntries(ctx, db, entries); err != nil {
		t.Fatal(err)
	}
	// Open proposals of wrong forms for every seed entry, with evidence,
	// as learning from corrections leaves them.
	for _, q := range []string{
		`WITH p AS (INSERT INTO glossary_proposals (kind, entry_id, lang, form)
			SELECT (ARRAY['add_deprecated', 'downgrade', 'remove'])[1 + i % 3], e.id, (ARRAY['de', 'ru', 'en', 'uk'])[1 + i % 4],
			       'Wrong ' || e.key || ' ' || i
			FROM glossary_entries e, generate_series(1, 2000 / (SELECT count(*) FROM glossary_entries)::int + 1) i RETURNING id, form)
		 INSERT INTO glossary_proposal_evidence (proposal_id, text, start_offset, end_offset)
			SELECT p.id, p.form || ' seen', 0, length(p.form) FROM p, generate_series(1, 1 + p.id::int % 4)`,
		`VACUUM ANALYZE glossary_entries, glossary_terms, glossary_proposals, glossary_proposal_evidence`,
	} {
		if err := db.Exec(q).Error; err != nil {
			t.Fatal(err)
		}
	}
	maint := reviewtest.User(t, db, "maint@example.org", account.RoleGlossary)
	tr, ed := world.Translators[0], world.Editors[0]
	t.Logf("seeded in %v", time.Since(seeding).Round(time.Millisecond))

	_, e := servertest.Serve(t, db, storedChecker(t, db))
	timed := &timedRequests{}
	ts := httptest.NewServer(timed.wrap(e))
	t.Cleanup(ts.Close)
	base := ts.URL

	// again asks the server for a page once more as who, by a Go client
	// beside the browser, and returns its Server-Timing.
	again := func(t *testing.T, who *account.Principal, path string) time.Duration {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, base+path, nil)
		req.AddCookie(&http.Cookie{Name: account.SessionCookie, Value: reviewtest.Session(t, db, who)})
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		timed.take()
		ms, _ := strings.CutPrefix(res.Header.Get("Server-Timing"), "app;dur=")
		f, _ := strconv.ParseFloat(ms, 64)
		return time.Duration(f * float64(time.Millisecond))
	}
	var walked []served // every request, for the figures
	// check holds the page open in the browser to the phone's width and
	// the requests since the last check to the budget.
	var who *account.Principal // the one walking now
	check := func(t *testing.T, bctx context.Context, step string) {
		t.Helper()
		if got := text(bctx, t, overflowJS); got != "" {
			t.Errorf("%s: the page overflows at 390 px: %s", step, got)
		}
		// The header reaches the browser: the Performance API reads it.
		if got := text(bctx, t, `String((performance.getEntriesByType('navigation')[0].serverTiming || []).filter(s => s.name === 'app').length)`); got != "1" {
			t.Errorf("%s: the browser sees %s app entries in Server-Timing, want 1", step, got)
		}
		for _, r := range timed.take() {
			if strings.HasPrefix(r.path, "/static/") || r.path == "/favicon.ico" || strings.HasPrefix(r.path, live.Path) {
				continue
			}
			walked = append(walked, r)
			t.Logf("%-28s %4s %-60.60s %d %6.1f ms", step, r.method, r.path, r.status, float64(r.dur.Microseconds())/1000)
			switch {
			case r.dur < 0:
				t.Errorf("%s: %s %s has no Server-Timing header", step, r.method, r.path)
			case r.dur > pageBudget && r.method == http.MethodGet:
				// Five or more test sessions share the machine's two
				// cores: a page over the budget is asked for twice more,
				// and fails when it is over every time.
				best := min(again(t, who, r.path), again(t, who, r.path))
				t.Logf("%s: %s took %v, then at best %v", step, r.path, r.dur, best)
				if best > pageBudget {
					t.Errorf("%s: GET %s took the server %v, then %v at best of two more, over the budget of %v", step, r.path, r.dur, best, pageBudget)
				}
			case r.dur > pageBudget:
				t.Errorf("%s: %s %s took the server %v, over the budget of %v", step, r.method, r.path, r.dur, pageBudget)
			}
			if r.status >= 400 {
				t.Errorf("%s: %s %s answered %d", step, r.method, r.path, r.status)
			}
		}
	}
	do := func(t *testing.T, bctx context.Context, step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(bctx, 20*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		check(t, bctx, step)
	}
	phone := func(p *account.Principal) context.Context {
		who = p
		bctx := browserAs(t, base, db, p)
		browse(bctx, t, chromedp.EmulateViewport(390, 844))
		timed.take() // the sign-in's /healthz
		return bctx
	}

	// A server that has run a while has opened its connections and
	// planned its statements: each page of
	// the walk is asked for once first, cold, as its role, and held to
	// coldBound; the walk then holds every request to pageBudget.
	var flagged int64
	db.Raw(`SELECT id FROM segments WHERE state = 'flagged' ORDER BY id LIMIT 1`).Scan(&flagged)
	for _, w := range []struct {
		who  *account.Principal
		path string
	}{
		{tr, "/queue"}, {tr, fmt.Sprintf("/segments/%d", flagged)},
		{ed, "/review"}, {ed, fmt.Sprintf("/articles/%d?view=grid", world.Middle)}, {ed, "/overview"},
		{ed, fmt.Sprintf("/overview/articles/%d", world.Middle)},
		{maint, "/glossary"}, {maint, "/glossary?q=musk"}, {maint, "/glossary/entries/1"}, {maint, "/glossary/proposals"},
	} {
		cold := again(t, w.who, w.path)
		t.Logf("%-28s %4s %-60.60s %6.1f ms", "cold", "GET", w.path, float64(cold.Microseconds())/1000)
		if cold > coldBound || cold <= 0 {
			t.Errorf("cold GET %s took the server %v, over the bound of %v", w.path, cold, coldBound)
		}
	}

	t.Run("translator", func(t *testing.T) {
		bctx := phone(tr)
		do(t, bctx, "queue", chromedp.Navigate(base+"/queue"), chromedp.WaitVisible(chromedp.CSS(`#next`)))
		do(t, bctx, "claim with Enter",
			chromedp.Focus(chromedp.CSS(`#next`)), chromedp.KeyEvent(kb.Enter),
			chromedp.WaitVisible(chromedp.CSS(`.segment-page[data-held]`)))
		first := text(bctx, t, `document.querySelector('.segment-page').dataset.segment`)
		if got := text(bctx, t, `document.activeElement.id`); got != "correction-text" {
			t.Fatalf("the focus is on %q when the segment opens, not in the correction box", got)
		}
		do(t, bctx, "correct, Ctrl+Enter",
			chromedp.KeyEvent(" (checked at scale)"),
			chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(chromedp.ModifierCtrl)),
			chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf(`.segment-page[data-held]:not([data-segment="%s"])`, first))))
		var stored struct {
			Text, State string
		}
		db.Raw(`SELECT c.text, s.state FROM corrections c JOIN segments s ON s.id = c.segment_id
WHERE c.author_id = ? AND c.status = 'pending' AND c.segment_id = ?`, tr.UserID, first).Scan(&stored)
		if !strings.HasSuffix(stored.Text, " (checked at scale)") || stored.State != review.StateCorrected {
			t.Errorf("segment %s after Ctrl+Enter: correction %q, state %q", first, stored.Text, stored.State)
		}
	})

	t.Run("editor", func(t *testing.T) {
		bctx := phone(ed)
		do(t, bctx, "review", chromedp.Navigate(base+"/review"), chromedp.WaitVisible(chromedp.CSS(`#pending > li`)))
		item := text(bctx, t, `document.querySelector('#pending > li[id^="correction-"]').id`)
		correction, _ := strings.CutPrefix(item, "correction-")
		// The world's corrections leave flags open: a asks, a again
		// approves and sends the flags back to the queue.
		do(t, bctx, "j, a",
			chromedp.KeyEvent("j"), chromedp.KeyEvent("a"),
			chromedp.WaitVisible(chromedp.CSS(`#`+item+`.confirming button.approve-queue, #pending > li.approved-note`)))
		if text(bctx, t, `document.querySelector('#pending > li.approved-note') ? 'approved' : 'asking'`) == "asking" {
			do(t, bctx, "a again", chromedp.KeyEvent("a"), chromedp.WaitVisible(chromedp.CSS(`#pending > li.approved-note`)))
		}
		var approved struct {
			Status    string
			ArticleID int64
		}
		db.Raw(`SELECT c.status, s.article_id FROM corrections c JOIN segments s ON s.id = c.segment_id WHERE c.id = ?`, correction).Scan(&approved)
		if approved.Status != "approved" {
			t.Errorf("correction %s is %q after a, a", correction, approved.Status)
		}
		do(t, bctx, "article grid", chromedp.Navigate(fmt.Sprintf("%s/articles/%d?view=grid", base, approved.ArticleID)),
			chromedp.WaitReady(chromedp.CSS(`main h1`)))
		do(t, bctx, "overview", chromedp.Navigate(base+"/overview"), chromedp.WaitVisible(chromedp.CSS(`tbody tr th a`)))
		do(t, bctx, "an article's overview with Enter",
			chromedp.Focus(chromedp.CSS(`tbody tr th a`)), chromedp.KeyEvent(kb.Enter),
			chromedp.WaitReady(chromedp.CSS(`main h1`)))
		if got := text(bctx, t, `location.pathname`); !strings.HasPrefix(got, "/overview/articles/") {
			t.Errorf("Enter on the overview's first article opened %s", got)
		}
		do(t, bctx, "back to the overview with Enter",
			chromedp.Focus(chromedp.CSS(`.crumbs a[href="/overview"]`)), chromedp.KeyEvent(kb.Enter),
			chromedp.WaitVisible(chromedp.CSS(`tbody tr th a`)))
	})

	t.Run("glossary maintainer", func(t *testing.T) {
		bctx := phone(maint)
		do(t, bctx, "glossary", chromedp.Navigate(base+"/glossary"), chromedp.WaitVisible(chromedp.CSS(`input[name=q]`)))
		if got := text(bctx, t, `document.activeElement.name`); got != "q" {
			t.Errorf("the glossary opens with the focus on %q, not the search", got)
		}
		do(t, bctx, "search with Enter",
			chromedp.KeyEvent("musk"), chromedp.KeyEvent(kb.Enter),
			chromedp.WaitVisible(chromedp.CSS(`tbody a[href^="/glossary/entries/"]`)))
		do(t, bctx, "an entry with Enter",
			chromedp.Focus(chromedp.CSS(`tbody a[href^="/glossary/entries/"]`)), chromedp.KeyEvent(kb.Enter),
			chromedp.WaitReady(chromedp.CSS(`main h1`)))
		if got := text(bctx, t, `location.pathname`); !strings.HasPrefix(got, "/glossary/entries/") {
			t.Errorf("Enter on the search's first entry opened %s", got)
		}
		do(t, bctx, "proposals", chromedp.Navigate(base+"/glossary/proposals"), chromedp.WaitVisible(chromedp.CSS(`#next-page`)))
		do(t, bctx, "next page with Enter",
			chromedp.Focus(chromedp.CSS(`#next-page`)), chromedp.KeyEvent(kb.Enter),
			chromedp.WaitVisible(chromedp.CSS(`#prev-page`)))
	})

	slices.SortFunc(walked, func(a, b served) int { return int(b.dur - a.dur) })
	if len(walked) > 0 {
		t.Logf("%d requests; the slowest %s %s in %v", len(walked), walked[0].method, walked[0].path, walked[0].dur)
	}
}
