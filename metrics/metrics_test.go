package metrics_test

import (
	"context"
	"database/sql"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"lector/database/dbtest"
	"lector/metrics"
	"lector/review/reviewtest"
	"lector/seeds"
	"lector/server"
	"lector/server/servertest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// seeded is a database with the seed article, some of its flagged segments
// moved along the workflow, and a server instrumented with m.
func seeded(t *testing.T, cacheFor time.Duration) (*gorm.DB, *metrics.Metrics, string) {
	t.Helper()
	ctx := context.Background()
	db := dbtest.New(t)
	if _, err := seeds.Load(ctx, db); err != nil {
		t.Fatal(err)
	}
	// Two flagged segments rejected, three corrected, one leased.
	for state, n := range map[string]int{"rejected": 2, "corrected": 3, "in_progress": 1} {
		if err := db.Exec(`UPDATE segments SET state = ? WHERE id IN
(SELECT id FROM segments WHERE state = 'flagged' ORDER BY id LIMIT ?)`, state, n).Error; err != nil {
			t.Fatal(err)
		}
	}
	m := metrics.New(metrics.Options{SQL: dbtest.SQL(t, db), CacheFor: cacheFor})
	base := servertest.Start(t, servertest.New(t, server.Deps{DB: db, Metrics: m}))
	return db, m, base
}

// get is an anonymous GET of url: its status and body.
func get(t *testing.T, url string) (int, string) {
	t.Helper()
	return reviewtest.Call(t, url, http.MethodGet, "", nil, "")
}

// scrape reads the exposition as Prometheus would.
func scrape(t *testing.T, m *metrics.Metrics) string {
	t.Helper()
	ts := httptest.NewServer(m.Handler())
	defer ts.Close()
	status, body := get(t, ts.URL)
	if status != http.StatusOK {
		t.Fatalf("scrape: %d %s", status, body)
	}
	return body
}

func TestExposition(t *testing.T) {
	db, m, base := seeded(t, time.Hour)
	for range 3 {
		if status, _ := get(t, base+"/healthz"); status != http.StatusOK {
			t.Fatalf("healthz %d", status)
		}
	}
	// Unauthenticated API call: the error handler picks 401, recorded as 4xx.
	if status, _ := get(t, base+"/api/v1/articles/12345"); status != http.StatusUnauthorized {
		t.Fatalf("anonymous article: %d", status)
	}
	if status, _ := get(t, base+"/no/such/page/42"); status != http.StatusNotFound {
		t.Fatalf("unknown page: %d", status)
	}
	body := scrape(t, m)
	for _, want := range []string{
		`lector_http_request_duration_seconds_count{method="GET",route="/healthz",status="2xx"} 3`,
		`lector_http_request_duration_seconds_bucket{method="GET",route="/api/v1/articles/:id",status="4xx",le="+Inf"} 1`,
		`lector_http_request_duration_seconds_count{method="GET",route="unmatched",status="4xx"} 1`,
		`lector_http_requests_in_flight 0`,
		`go_sql_max_open_connections{db_name="lector"} 5`, // dbtest's pool
		`go_sql_open_connections{db_name="lector"}`,
		`go_goroutines `,
		`process_resident_memory_bytes `,
		`lector_metrics_count_errors_total 0`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("exposition lacks %q", want)
		}
	}
	for _, raw := range []string{"/api/v1/articles/12345", "/no/such/page/42"} {
		if strings.Contains(body, raw) {
			t.Errorf("exposition holds the raw path %q", raw)
		}
	}

	var want struct{ Flagged, Rejected, InProgress, Corrected int }
	if err := db.Raw(`SELECT count(*) FILTER (WHERE state = 'flagged') AS flagged, count(*) FILTER (WHERE state = 'rejected') AS rejected,
count(*) FILTER (WHERE state = 'in_progress') AS in_progress, count(*) FILTER (WHERE state = 'corrected') AS corrected FROM segments`).
		Scan(&want).Error; err != nil {
		t.Fatal(err)
	}
	if want.Flagged == 0 || want.Rejected != 2 || want.Corrected != 3 || want.InProgress != 1 {
		t.Fatalf("seeded states %+v", want)
	}
	for state, n := range map[string]int{"flagged": want.Flagged, "rejected": 2, "in_progress": 1, "corrected": 3} {
		line := `lector_queue_segments{state="` + state + `"} ` + strconv.Itoa(n) + "\n"
		if !strings.Contains(body, line) {
			t.Errorf("exposition lacks %q", line)
		}
	}
	// River's table is there, with no job in it yet.
	if !strings.Contains(body, `lector_jobs{state="completed"} 0`+"\n") {
		t.Error("exposition lacks the job counts of an empty river_job table")
	}

	// Counts are cached: a change shows only after CacheFor.
	db.Exec("UPDATE segments SET state = 'approved' WHERE state = 'corrected'")
	if n := gauge(t, m, "lector_queue_segments", "corrected"); n != 3 {
		t.Errorf("corrected after the update, within the cache period: %v, want the cached 3", n)
	}
}

// TestJobsWithoutRiver: a database without River's table (an older schema,
// or a tool's copy) still scrapes, without the job metrics.
func TestJobsWithoutRiver(t *testing.T) {
	db, m, _ := seeded(t, 0)
	if err := db.Exec("DROP TABLE river_job CASCADE").Error; err != nil {
		t.Fatal(err)
	}
	body := scrape(t, m)
	if strings.Contains(body, "lector_jobs") || !strings.Contains(body, "lector_queue_segments") {
		t.Errorf("exposition without river_job:\n%s", body)
	}
}

func TestJobCounts(t *testing.T) {
	db, m, _ := seeded(t, 0)
	// Rows in River's own table (migration 00009), finished ones with
	// finalized_at as River's check constraint wants.
	err := db.Exec(`INSERT INTO river_job (args, kind, max_attempts, state, finalized_at, errors) VALUES
  ('{}', 'metrics_test', 1, 'completed', now(), NULL), ('{}', 'metrics_test', 1, 'completed', now(), NULL),
  ('{}', 'metrics_test', 1, 'running', NULL, NULL),
  ('{}', 'metrics_test', 1, 'retryable', NULL, ARRAY['{"error":"boom"}'::jsonb]),
  ('{}', 'metrics_test', 1, 'discarded', now(), ARRAY['{"error":"a"}'::jsonb, '{"error":"b"}'::jsonb])`).Error
	if err != nil {
		t.Fatal(err)
	}
	body := scrape(t, m)
	for _, want := range []string{
		`lector_jobs{state="completed"} 2`, `lector_jobs{state="running"} 1`, `lector_jobs{state="retryable"} 1`,
		`lector_jobs{state="discarded"} 1`, `lector_jobs{state="available"} 0`, `lector_jobs_with_errors 2`,
	} {
		if !strings.Contains(body, want+"\n") {
			t.Errorf("exposition lacks %q", want)
		}
	}
}

// gauge is the value of the gauge name with state label state, gathered
// straight from the registry.
func gauge(t *testing.T, m *metrics.Metrics, name, state string) float64 {
	t.Helper()
	families, err := m.Registry.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range families {
		if f.GetName() != name {
			continue
		}
		for _, mt := range f.GetMetric() {
			for _, l := range mt.GetLabel() {
				if l.GetName() == "state" && l.GetValue() == state {
					return mt.GetGauge().GetValue()
				}
			}
		}
	}
	t.Fatalf("no %s{state=%q}", name, state)
	return 0
}

// A failing count query leaves the queue out and is counted; the scrape
// still answers with everything else.
func TestCountFailure(t *testing.T) {
	sqlDB, err := sql.Open("pgx", dbtest.NewURL(t))
	if err != nil {
		t.Fatal(err)
	}
	sqlDB.Close() // every query now fails
	m := metrics.New(metrics.Options{SQL: sqlDB})
	body := scrape(t, m)
	if !strings.Contains(body, "lector_metrics_count_errors_total 1\n") || strings.Contains(body, "lector_queue_segments{") ||
		!strings.Contains(body, "go_goroutines ") {
		t.Errorf("exposition after a failed count:\n%s", body)
	}
}
