package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"gorm.io/gorm"

	"lector/account"
	"lector/live"
	"lector/review/reviewtest"
)

// claimIn claims the next segment of article through the API, as another
// translator's tab would, and returns the segment's id.
func claimIn(t *testing.T, base string, p *account.Principal, article int64) int64 {
	t.Helper()
	req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/queue/claim", strings.NewReader(fmt.Sprintf(`{"article":%d}`, article)))
	req.Header.Set("Authorization", "Bearer "+reviewtest.Bearer(p))
	req.Header.Set("Content-Type", "application/json")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var seg struct {
		ID int64 `json:"id"`
	}
	if err := json.NewDecoder(res.Body).Decode(&seg); err != nil || res.StatusCode != http.StatusOK || seg.ID == 0 {
		t.Fatalf("claim: status %d, %v", res.StatusCode, err)
	}
	return seg.ID
}

// killListener ends the live feed's LISTEN connection from the database's
// side, as a database restart or a network fault does.
func killListener(t *testing.T, db *gorm.DB) {
	t.Helper()
	var killed []bool
	if err := db.Raw(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?`, live.ApplicationName).Scan(&killed).Error; err != nil {
		t.Fatal(err)
	}
	if len(killed) != 1 || !killed[0] {
		t.Fatalf("terminated %v, want the feed's one LISTEN connection", killed)
	}
}

// An article page whose live updates are cut (its stream through a
// dropped connection, or the server's LISTEN connection) shows a change
// made during the cut within 2 s, by resuming from its last event, without
// reloading the page.
func TestLivePageResumesAfterACut(t *testing.T) {
	cases := []struct {
		name string
		// cut breaks the live updates; the change is made before heal.
		cut, heal func(t *testing.T, proxy *cutter, db *gorm.DB)
	}{
		{"stream connection dropped",
			func(t *testing.T, proxy *cutter, db *gorm.DB) { proxy.cut(true) },
			func(t *testing.T, proxy *cutter, db *gorm.DB) { proxy.heal() }},
		{"database LISTEN connection killed",
			func(t *testing.T, proxy *cutter, db *gorm.DB) { killListener(t, db) },
			func(t *testing.T, proxy *cutter, db *gorm.DB) {}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			base, db, _ := startLive(t)
			viewer := reviewtest.User(t, db, "viewer@example.org", account.RoleTranslator)
			worker := reviewtest.User(t, db, "worker@example.org", account.RoleTranslator)
			var article int64
			if err := db.Raw(`SELECT article_id FROM segments WHERE state = 'flagged' ORDER BY id LIMIT 1`).Scan(&article).Error; err != nil || article == 0 {
				t.Fatalf("no seeded article with a flagged segment: %v", err)
			}
			proxy := newCutter(t, strings.TrimPrefix(base, "http://"))
			ctx := browserAs(t, proxy.URL(), db, viewer)
			browse(ctx, t,
				chromedp.Navigate(fmt.Sprintf("%s/articles/%d", proxy.URL(), article)),
				chromedp.WaitReady(`.live-status[data-state="on"]`),
				chromedp.Evaluate[chromedp.Void](`window.lectorNotReloaded = true`),
			)
			start := time.Now()
			c.cut(t, proxy, db)
			seg := claimIn(t, base, worker, article)
			c.heal(t, proxy, db)
			shown := fmt.Sprintf(`!!document.querySelector("#segment-%d.state-in_progress")`, seg)
			for !evaluate[bool](t, ctx, shown) {
				if time.Since(start) > 5*time.Second {
					t.Fatal("the claim made during the cut is not shown after 5 s")
				}
				time.Sleep(50 * time.Millisecond)
			}
			took := time.Since(start)
			t.Logf("shown %v after the cut", took.Round(time.Millisecond))
			if took > 2*time.Second {
				t.Errorf("the page showed the change %v after the cut, want within 2 s", took.Round(time.Millisecond))
			}
			if !evaluate[bool](t, ctx, `window.lectorNotReloaded === true`) {
				t.Error("the page was reloaded whole")
			}
			if !evaluate[bool](t, ctx, `document.querySelector(".live-status").dataset.state === "on"`) {
				t.Error("the page does not say it is live again")
			}
		})
	}
}
