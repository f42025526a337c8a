package server_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"log/slog"
	"net/http"
	neturl "net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"lector/account"
	"lector/config"
	"lector/database"
	"lector/database/dbtest"
	"lector/metrics"
	"lector/review/reviewtest"
	"lector/server"
	"lector/server/servertest"
)

// faultApp is the whole app on its own database URL with a real pool
// setting, as `lector serve` builds it: request, jobs and health pools,
// timeouts and the gate.
type faultApp struct {
	base    string
	db      *database.DB
	metrics *metrics.Metrics
	editor  *account.Principal
	log     dbtest.LockedBuffer
}

func startFaultApp(t *testing.T, url string, pool config.Pool) *faultApp {
	t.Helper()
	a := &faultApp{}
	log := slog.New(slog.NewTextHandler(&a.log, nil))
	ctx := context.Background()
	db, err := database.Open(ctx, database.Options{URL: url, Logger: log, Pool: pool})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	checker := seed(t, db.Gorm)
	a.db, a.metrics = db, metrics.New(metrics.Options{SQL: db.SQL, Logger: log})
	a.base = servertest.Start(t, servertest.New(t, server.Deps{Config: &config.Config{Addr: "127.0.0.1:0", DataDir: "unused", Pool: pool},
		DB: db.Gorm, SQL: db.SQL, Probe: db, Logger: log, Checker: checker, Metrics: a.metrics}))
	a.editor = reviewtest.User(t, db.Gorm, "editor@example.com", account.RoleEditor)
	return a
}

// answer is one response as the fault tests judge it.
type answer struct {
	status     int
	retryAfter string
	code       string // the JSON error code
	body       string
	took       time.Duration
}

func (a *faultApp) do(t *testing.T, method, path, body string, header ...string) answer {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, a.base+path, r)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+reviewtest.Bearer(a.editor))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	start := time.Now()
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Errorf("%s %s: %v", method, path, err)
		return answer{}
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	ans := answer{status: res.StatusCode, retryAfter: res.Header.Get("Retry-After"), body: string(b), took: time.Since(start)}
	var e struct {
		Error struct{ Code string } `json:"error"`
	}
	if json.Unmarshal(b, &e) == nil {
		ans.code = e.Error.Code
	}
	return ans
}

// wantUnavailable fails unless ans is a 503 asking for a retry.
func wantUnavailable(t *testing.T, what string, ans answer, api bool) {
	t.Helper()
	if ans.status != http.StatusServiceUnavailable || ans.retryAfter == "" {
		t.Errorf("%s: status %d, Retry-After %q; want 503 with Retry-After; body %.300s", what, ans.status, ans.retryAfter, ans.body)
	}
	if api && ans.code != "unavailable" {
		t.Errorf("%s: code %q, want unavailable", what, ans.code)
	}
}

// lockTable holds an exclusive lock on table from another session until
// the returned function is called.
func lockTable(t *testing.T, url, table string) (release func()) {
	t.Helper()
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE"); err != nil {
		t.Fatal(err)
	}
	var once sync.Once
	release = func() {
		once.Do(func() {
			_ = tx.Rollback()
			db.Close()
		})
	}
	t.Cleanup(release)
	return release
}

func refusedCount(t *testing.T, m *metrics.Metrics, fault string) float64 {
	t.Helper()
	families, err := m.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != "lector_unavailable_total" {
			continue
		}
		for _, s := range f.GetMetric() {
			for _, l := range s.GetLabel() {
				if l.GetName() == "fault" && l.GetValue() == fault {
					return s.GetCounter().GetValue()
				}
			}
		}
	}
	return 0
}

// A locked table: requests give up after lock_timeout with 503 and
// Retry-After (API and pages, in the reader's language), one log line for
// the episode, counted; readiness is unaffected; unlocked, all is well.
func TestLockedTableAnswers503(t *testing.T) {
	t.Parallel()
	url := dbtest.NewURL(t)
	a := startFaultApp(t, url, config.Pool{MaxOpenConns: 4, StatementTimeout: 5 * time.Second,
		LockTimeout: 300 * time.Millisecond, AcquireTimeout: time.Second, MaxWaiting: 10})
	release := lockTable(t, url, "articles")

	api := a.do(t, http.MethodGet, "/api/v1/articles", "")
	wantUnavailable(t, "API", api, true)
	if api.took > 2*time.Second {
		t.Errorf("API answered after %v; lock_timeout is 300ms", api.took)
	}
	page := a.do(t, http.MethodGet, "/articles", "", "Accept-Language", "de")
	wantUnavailable(t, "page", page, false)
	if !strings.Contains(page.body, "Bitte versuchen Sie es gleich noch einmal") {
		t.Errorf("the German page does not ask to try again: %.500s", page.body)
	}
	if ready := a.do(t, http.MethodGet, "/readyz", ""); ready.status != http.StatusOK {
		t.Errorf("/readyz %d while only a table is locked; want 200", ready.status)
	}
	if n := refusedCount(t, a.metrics, "lock"); n != 2 {
		t.Errorf("lector_unavailable_total{fault=lock} = %v, want 2", n)
	}
	logs := a.log.String()
	if n := strings.Count(logs, "database unavailable"); n != 1 {
		t.Errorf("%d episode lines for one episode, want 1:\n%s", n, logs)
	}
	if strings.Contains(logs, "level=ERROR msg=request") || strings.Contains(logs, "internal error") {
		t.Errorf("refused requests logged as errors:\n%s", logs)
	}

	release()
	if ok := a.do(t, http.MethodGet, "/api/v1/articles", ""); ok.status != http.StatusOK {
		t.Errorf("after the lock: status %d, want 200", ok.status)
	}
}

// An exhausted pool: a few requests hold every connection (waiting on a
// lock); the next wait at most the acquire timeout, those past the waiting
// cap are refused at once; every answer is 503, none 500, none late.
func TestExhaustedPoolAnswers503(t *testing.T) {
	t.Parallel()
	url := dbtest.NewURL(t)
	const lockTimeout, acquire = time.Second, 300 * time.Millisecond
	a := startFaultApp(t, url, config.Pool{MaxOpenConns: 2, StatementTimeout: 5 * time.Second,
		LockTimeout: lockTimeout, AcquireTimeout: acquire, MaxWaiting: 2})
	lockTable(t, url, "articles")

	const n = 12
	answers := make([]answer, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			answers[i] = a.do(t, http.MethodGet, "/api/v1/articles", "")
		}()
	}
	wg.Wait()
	var quick int
	for i, ans := range answers {
		wantUnavailable(t, fmt.Sprint("request ", i), ans, true)
		if ans.took > lockTimeout+acquire+time.Second {
			t.Errorf("request %d answered after %v", i, ans.took)
		}
		if ans.took < acquire {
			quick++
		}
	}
	// 2 hold the connections, 2 wait, the rest are refused at once.
	if quick < n-4-2 { // a little slack for a slow machine
		t.Errorf("%d of %d requests refused at once, want about %d", quick, n, n-4)
	}
	if refusedCount(t, a.metrics, "busy") < n-4 {
		t.Errorf("busy refusals counted %v, want at least %d", refusedCount(t, a.metrics, "busy"), n-4)
	}
}

// A correction sent while the database cannot take it: 503, and the page
// holds the typed text in a form that sends it again (with the session's
// CSRF token and the revision), which succeeds once the lock is gone.
func TestUnavailableKeepsTheTypedText(t *testing.T) {
	t.Parallel()
	url := dbtest.NewURL(t)
	a := startFaultApp(t, url, config.Pool{MaxOpenConns: 4, StatementTimeout: 5 * time.Second,
		LockTimeout: 300 * time.Millisecond, AcquireTimeout: time.Second, MaxWaiting: 10})
	var segID int64
	if err := a.db.Gorm.Raw("SELECT id FROM segments WHERE state = 'flagged' ORDER BY id LIMIT 1").Scan(&segID).Error; err != nil || segID == 0 {
		t.Fatalf("no flagged segment: %v", err)
	}
	mine := "Elon Musk <b>said</b> so, and I typed it all."
	form := neturl.Values{"text": {mine}, "revision": {"1"}, "comment": {"kept"}, "csrf_token": {"tok"}}
	path := fmt.Sprintf("/segments/%d/corrections", segID)
	release := lockTable(t, url, "segments")
	refused := a.do(t, http.MethodPost, path, form.Encode(), "Content-Type", "application/x-www-form-urlencoded")
	release()
	wantUnavailable(t, "correction", refused, false)
	for _, want := range []string{`id="resubmit"`, `action="` + path + `"`, html.EscapeString(mine) + "</textarea>",
		`name="revision" value="1"`, `name="csrf_token" value="tok"`, ">kept</textarea>"} {
		if !strings.Contains(refused.body, want) {
			t.Errorf("the 503 page lacks %s:\n%.3000s", want, refused.body)
		}
	}
	again := a.do(t, http.MethodPost, path, form.Encode(), "Content-Type", "application/x-www-form-urlencoded")
	if again.status != http.StatusSeeOther && again.status != http.StatusOK {
		t.Errorf("sent again after the lock: %d %.500s", again.status, again.body)
	}
	var text string
	a.db.Gorm.Raw("SELECT text FROM corrections WHERE segment_id = ?", segID).Scan(&text)
	if text != mine {
		t.Errorf("stored correction %q, want %q", text, mine)
	}
}

// A sign-in refused for a database fault never writes the password into
// the page it answers with.
func TestUnavailableNeverEchoesAPassword(t *testing.T) {
	t.Parallel()
	url := dbtest.NewURL(t)
	a := startFaultApp(t, url, config.Pool{MaxOpenConns: 1, StatementTimeout: 5 * time.Second,
		LockTimeout: 300 * time.Millisecond, AcquireTimeout: 100 * time.Millisecond, MaxWaiting: 1})
	release := lockTable(t, url, "users")
	form := neturl.Values{"email": {"editor@example.com"}, "password": {"s3cret-typed"}}
	ans := a.do(t, http.MethodPost, "/login", form.Encode(), "Content-Type", "application/x-www-form-urlencoded")
	release()
	wantUnavailable(t, "sign-in while users is locked", ans, false)
	if strings.Contains(ans.body, "s3cret-typed") {
		t.Errorf("the password is in the page:\n%.2000s", ans.body)
	}
}
