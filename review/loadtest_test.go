package review_test

import (
	"context"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"lector/account"
	"lector/review"
	"lector/review/reviewtest"
)

// TestLoadTest drives a small load run to the end of both articles: every
// flagged segment is claimed, corrected and approved once per phase.
func TestLoadTest(t *testing.T) {
	w := newWorld(t)
	base, _ := serve(t, w)
	second, e2 := serve(t, w) // a second server on the same database
	var hits atomic.Int64
	e2.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error { hits.Add(1); return next(c) }
	})
	const reviewers, segments = 4, 40
	httpArticle, sqlArticle := w.article(t, "Load HTTP", segments), w.article(t, "Load SQL", segments)
	spreadArticle := w.article(t, "Load spread", segments)
	var trs, eds []*account.Principal
	for i := range reviewers {
		trs = append(trs, reviewtest.User(t, w.db, fmt.Sprintf("load-t%d@example.org", i), account.RoleTranslator))
		eds = append(eds, reviewtest.User(t, w.db, fmt.Sprintf("load-e%d@example.org", i), account.RoleEditor))
	}
	sqlDB, err := w.db.DB()
	if err != nil {
		t.Fatal(err)
	}
	as := func(ps []*account.Principal) func(int, *http.Request) {
		return func(i int, r *http.Request) { r.Header.Set("Authorization", "Bearer "+reviewtest.Bearer(ps[i])) }
	}
	rep, err := review.LoadTest(context.Background(), review.LoadConfig{
		BaseURL: base, Reviewers: reviewers, Duration: time.Minute,
		Translator: as(trs), Editor: as(eds),
		TranslatorID: func(i int) int64 { return trs[i].UserID }, EditorID: func(i int) int64 { return eds[i].UserID },
		HTTPArticle: httpArticle.ID, SQLArticle: sqlArticle.ID, SQL: sqlDB,
		Spread: []string{base, second}, SpreadArticle: spreadArticle.ID,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("HTTP: %v", rep.HTTP)
	t.Logf("SQL:  %v", rep.SQL)
	if rep.HTTP.Cycles != segments || rep.HTTP.Errors != 0 || rep.SQL.Cycles != segments || rep.SQL.Errors != 0 {
		t.Errorf("report %+v", rep)
	}
	if rep.Spread == nil || rep.Targets != 2 || rep.Spread.Cycles != segments || rep.Spread.Errors != 0 {
		t.Errorf("spread phase %+v over %d targets", rep.Spread, rep.Targets)
	}
	// Half the reviewers went to the second server, in the spread phase only.
	if n := hits.Load(); n == 0 || n >= 3*segments {
		t.Errorf("the second server answered %d requests, want some of the spread phase's %d", n, 3*segments)
	}
	var approved int64
	w.db.Raw("SELECT count(*) FROM segments WHERE state = 'approved'").Scan(&approved)
	if approved != 3*segments {
		t.Errorf("%d segments approved, want %d", approved, 3*segments)
	}
}
