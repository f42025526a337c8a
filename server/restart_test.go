package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"lector/config"
	"lector/database/dbtest"
)

// PostgreSQL stopped under load and started again: while it is down every
// answer is 503 with Retry-After (never 500) and none is slow; within 2 s
// of its return requests and /readyz succeed again, without a restart of
// Lector; and every article acknowledged with 201 is in the database.
func TestDatabaseRestartUnderLoad(t *testing.T) {
	t.Parallel()
	pg := dbtest.NewPrivate(t)
	a := startFaultApp(t, pg.URL, config.Pool{MaxOpenConns: 6, StatementTimeout: 5 * time.Second,
		LockTimeout: time.Second, AcquireTimeout: time.Second, MaxWaiting: 20})

	type result struct {
		at time.Time
		answer
		id int64 // of a created article
	}
	var (
		mu      sync.Mutex
		results []result
		stop    atomic.Bool
		wg      sync.WaitGroup
	)
	client := func(write bool, n int) {
		defer wg.Done()
		for i := 0; !stop.Load(); i++ {
			var ans answer
			if write {
				body := fmt.Sprintf(`{"title":"Fault %d-%d","lang":"en","text":"Ilon Musk spoke on day %d."}`, n, i, i)
				ans = a.do(t, http.MethodPost, "/api/v1/articles", body)
			} else {
				ans = a.do(t, http.MethodGet, "/api/v1/articles", "")
			}
			r := result{at: time.Now(), answer: ans}
			if ans.status == http.StatusCreated {
				var created struct {
					Article struct{ ID int64 } `json:"article"`
				}
				if err := json.Unmarshal([]byte(ans.body), &created); err != nil || created.Article.ID == 0 {
					t.Errorf("201 without an article id: %.200s", ans.body)
				}
				r.id = created.Article.ID
			}
			mu.Lock()
			results = append(results, r)
			mu.Unlock()
			time.Sleep(20 * time.Millisecond)
		}
	}
	for n := range 4 {
		wg.Add(1)
		go client(n%2 == 0, n)
	}

	time.Sleep(500 * time.Millisecond)
	stopped := time.Now()
	pg.Stop()
	time.Sleep(time.Second)
	if ready := a.do(t, http.MethodGet, "/readyz", ""); ready.status != http.StatusServiceUnavailable {
		t.Errorf("/readyz %d with PostgreSQL stopped, want 503", ready.status)
	}
	pg.Start()
	started := time.Now()
	var readyAfter time.Duration
	for readyAfter == 0 && time.Since(started) < 5*time.Second {
		if a.do(t, http.MethodGet, "/readyz", "").status == http.StatusOK {
			readyAfter = time.Since(started)
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(2500 * time.Millisecond)
	stop.Store(true)
	wg.Wait()

	if readyAfter == 0 || readyAfter > 2*time.Second {
		t.Errorf("/readyz ready again %v after PostgreSQL started, want within 2 s", readyAfter)
	}
	var ids []int64
	var refused, okBefore, okAfter int
	firstOK := time.Duration(-1)
	for _, r := range results {
		switch {
		case r.status == http.StatusOK || r.status == http.StatusCreated:
			if r.id != 0 {
				ids = append(ids, r.id)
			}
			if r.at.Before(stopped) {
				okBefore++
			} else if r.at.After(started) {
				okAfter++
				if firstOK < 0 {
					firstOK = r.at.Sub(started)
				}
			}
		case r.status == http.StatusServiceUnavailable:
			refused++
			if r.retryAfter == "" || r.code != "unavailable" {
				t.Errorf("503 without Retry-After or code unavailable: %q %q", r.retryAfter, r.code)
			}
		default:
			t.Errorf("status %d during the outage, want 2xx or 503: %.300s", r.status, r.body)
		}
		if r.took > 3*time.Second {
			t.Errorf("a request took %v", r.took)
		}
	}
	t.Logf("%d requests: %d ok before the stop, %d refused, %d ok after the start (first %v after it); ready after %v",
		len(results), okBefore, refused, okAfter, firstOK, readyAfter)
	if okBefore == 0 || refused == 0 || okAfter == 0 {
		t.Fatalf("the load did not span the outage: %d ok before, %d refused, %d ok after", okBefore, refused, okAfter)
	}
	if firstOK > 2*time.Second {
		t.Errorf("first success %v after PostgreSQL started, want within 2 s", firstOK)
	}
	var found int64
	if err := a.db.Gorm.Raw("SELECT count(*) FROM articles WHERE id IN ?", ids).Scan(&found).Error; err != nil {
		t.Fatal(err)
	}
	if found != int64(len(ids)) {
		t.Errorf("%d articles acknowledged with 201, %d of them in the database", len(ids), found)
	}
}
