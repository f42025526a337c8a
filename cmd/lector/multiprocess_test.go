package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"gorm.io/gorm"

	"lector/account"
	"lector/database"
	"lector/database/dbtest"
	"lector/review/reviewtest"
	"lector/server/browsertest"
)

// TestTwoProcesses runs two `lector serve` processes on one database, as a
// deployment behind a load balancer would: what one process does shows live
// on the other's pages, and the queue never hands a segment out twice.
func TestTwoProcesses(t *testing.T) {
	url := dbtest.NewURL(t)
	db, err := database.Open(t.Context(), database.Options{URL: url, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// A first, so that only one process seeds the empty database.
	a, b := "http://"+freeAddr(t), ""
	ca, _, la := startLector(t, strings.TrimPrefix(a, "http://"), url, shortJobs...)
	b = "http://" + freeAddr(t)
	cb, _, lb := startLector(t, strings.TrimPrefix(b, "http://"), url, shortJobs...)
	var seed int64
	if err := db.Gorm.Raw("SELECT min(id) FROM articles").Scan(&seed).Error; err != nil || seed == 0 {
		t.Fatalf("no seed article: %v", err)
	}
	t.Run("approval on A shows live on B", func(t *testing.T) { approvalShowsLive(t, db.Gorm, a, b, seed) })
	t.Run("no segment claimed twice", func(t *testing.T) { claimsDistinct(t, db.Gorm, a, b) })
	t.Run("a glossary write on A checks articles on B", func(t *testing.T) { glossaryFollows(t, db.Gorm, a, b) })
	// Last: it kills one of the processes.
	t.Run("a killed process loses no job", func(t *testing.T) {
		cc, _, lc := startLector(t, freeAddr(t), url, shortJobs...)
		procs := map[int]lectorProc{ca.Process.Pid: {ca, "A", la}, cb.Process.Pid: {cb, "B", lb}, cc.Process.Pid: {cc, "C", lc}}
		killedLosesNoJob(t, db.Gorm, procs, a)
	})
}

// glossaryFollows: each process checks articles against its own copy of
// the glossary; a new entry written through A must reach B's.
func glossaryFollows(t *testing.T, db *gorm.DB, a, b string) {
	gl := reviewtest.User(t, db, "gloss@example.org", account.RoleGlossary)
	ed := reviewtest.User(t, db, "gloss-ed@example.org", account.RoleEditor)
	entry := map[string]any{"key": "zorbel", "type": "person", "terms": []map[string]any{
		{"lang": "en", "form": "Anna Zorbel", "status": "preferred"},
		{"lang": "en", "form": "Ana Zorbell", "status": "deprecated"}}}
	if st := api(t, gl, http.MethodPost, a+"/api/v1/glossary/entries", entry, nil); st != http.StatusCreated {
		t.Fatalf("creating the entry through A: status %d", st)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		var created struct {
			Flags int `json:"flags"`
		}
		body := map[string]any{"title": "Zorbel", "lang": "en", "text": "Ana Zorbell spoke on Tuesday."}
		if st := api(t, ed, http.MethodPost, b+"/api/v1/articles", body, &created); st != http.StatusCreated {
			t.Fatalf("creating an article through B: status %d", st)
		}
		if created.Flags > 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("B still does not flag the wrong form 20 s after A added it to the glossary")
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// api calls the JSON API as p and decodes the answer into out (may be nil).
func api(t *testing.T, p *account.Principal, method, url string, body any, out any) int {
	t.Helper()
	var r io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		r = bytes.NewReader(raw)
	}
	req, _ := http.NewRequest(method, url, r)
	req.Header.Set("Authorization", "Bearer "+reviewtest.Bearer(p))
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Error(err)
		return 0
	}
	defer res.Body.Close()
	if out != nil && res.StatusCode < 300 && res.StatusCode != http.StatusNoContent {
		if err := json.NewDecoder(res.Body).Decode(out); err != nil {
			t.Errorf("%s %s: %v", method, url, err)
		}
	}
	return res.StatusCode
}

type claimed struct {
	ID          int64  `json:"id"`
	CurrentText string `json:"current_text"`
	Revision    int    `json:"revision"`
}

// correct claims the next segment of article through base and submits a
// correction for it; it returns the segment and correction ids.
func correct(t *testing.T, tr *account.Principal, base string, article int64) (seg, corr int64) {
	t.Helper()
	var s claimed
	if st := api(t, tr, http.MethodPost, base+"/api/v1/queue/claim", map[string]any{"article": article}, &s); st != http.StatusOK {
		t.Fatalf("claim: status %d", st)
	}
	var c struct {
		ID int64 `json:"id"`
	}
	body := map[string]any{"text": s.CurrentText + " (checked)", "revision": s.Revision}
	if st := api(t, tr, http.MethodPost, fmt.Sprintf("%s/api/v1/segments/%d/corrections", base, s.ID), body, &c); st != http.StatusCreated {
		t.Fatalf("submit: status %d", st)
	}
	return s.ID, c.ID
}

// approve approves corr over the flags it leaves open: correct only
// appends a word, and this test is about live pages, not about findings
// (an approval that leaves flags open would send the segment back to the
// queue as flagged).
func approve(t *testing.T, ed *account.Principal, base string, corr int64) {
	t.Helper()
	over := map[string]any{"over_open_flags": true}
	if st := api(t, ed, http.MethodPost, fmt.Sprintf("%s/api/v1/corrections/%d/approve", base, corr), over, nil); st != http.StatusOK {
		t.Fatalf("approve: status %d", st)
	}
}

// approvalShowsLive: an editor's review page and an article page served by
// B change, without a reload, when a translator and another editor work
// through A.
func approvalShowsLive(t *testing.T, db *gorm.DB, a, b string, article int64) {
	tr := reviewtest.User(t, db, "live-tr@example.org", account.RoleTranslator)
	ed := reviewtest.User(t, db, "live-ed@example.org", account.RoleEditor)
	watcher := reviewtest.User(t, db, "live-watch@example.org", account.RoleEditor)
	ctx := browsertest.New(t)
	session := reviewtest.Session(t, db, watcher)
	step := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	live := chromedp.WaitVisible(chromedp.CSS(`.live-status[data-state="on"]`))
	step("sign in on B", chromedp.Navigate(b+"/healthz"),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.cookie = "%s=%s; path=/"`, account.SessionCookie, session)))
	step("open B's review page", chromedp.Navigate(b+"/review"), live)

	_, corr := correct(t, tr, a, article)
	item := fmt.Sprintf("#correction-%d", corr)
	step("the correction submitted through A appears on B", chromedp.WaitVisible(chromedp.CSS(item)))
	approve(t, ed, a, corr)
	step("the correction approved through A leaves B's page", chromedp.WaitNotPresent(chromedp.CSS(item)))

	step("open B's article page", chromedp.Navigate(fmt.Sprintf("%s/articles/%d", b, article)), live)
	seg, corr := correct(t, tr, a, article)
	step("the corrected segment changes state on B",
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf("#segment-%d.state-corrected", seg))))
	approve(t, ed, a, corr)
	step("the approved segment changes state on B",
		chromedp.WaitVisible(chromedp.CSS(fmt.Sprintf("#segment-%d.state-approved", seg))))
	approved, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`.states .state-approved b`)))
	if err != nil {
		t.Fatal(err)
	}
	if approved != "2" {
		t.Errorf("B's article page counts %q approved segments, want 2", approved)
	}
}

// claimsDistinct: 40 translators, half on each process, claim and correct
// three segments each at once; every claim gets a segment nobody else got.
func claimsDistinct(t *testing.T, db *gorm.DB, a, b string) {
	const translators, rounds = 40, 3
	ed := reviewtest.User(t, db, "claims-ed@example.org", account.RoleEditor)
	var text strings.Builder
	for i := range translators*rounds + 20 {
		fmt.Fprintf(&text, "Ilon Musk spoke to reporter number %d on Tuesday.\n\n", i+1)
	}
	var created struct {
		Article struct {
			ID int64 `json:"id"`
		} `json:"article"`
	}
	if st := api(t, ed, http.MethodPost, a+"/api/v1/articles", map[string]any{"title": "Claims", "lang": "en", "text": text.String()}, &created); st != http.StatusCreated {
		t.Fatalf("creating the article: status %d", st)
	}
	trs := make([]*account.Principal, translators)
	for i := range trs {
		trs[i] = reviewtest.User(t, db, fmt.Sprintf("claimer%d@example.org", i), account.RoleTranslator)
	}
	var (
		mu  sync.Mutex
		got = map[int64]string{}
		wg  sync.WaitGroup
	)
	for i, tr := range trs {
		base := a
		if i%2 == 1 {
			base = b
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range rounds {
				seg, _ := correct(t, tr, base, created.Article.ID)
				mu.Lock()
				if other, dup := got[seg]; dup {
					t.Errorf("segment %d claimed by %s and by %s (round %d)", seg, other, tr.Email, r)
				}
				got[seg] = tr.Email
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(got) != translators*rounds {
		t.Errorf("%d distinct segments claimed, want %d", len(got), translators*rounds)
	}
	var claims int64
	db.Raw(`SELECT count(*) FROM audit_events WHERE action = 'claim' AND article_id = ?`, created.Article.ID).Scan(&claims)
	if claims != translators*rounds {
		t.Errorf("%d claim events, want %d", claims, translators*rounds)
	}
}
