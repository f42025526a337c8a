package loadtest_test

import (
	"context"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"lector/account"
	"lector/database/dbtest"
	"lector/loadtest"
	"lector/review/reviewtest"
	"lector/review/testworld"
	"lector/server/servertest"
)

// TestLoadTest drives a small load run to the end of every phase's
// article: each flagged segment is claimed, corrected and approved once per
// phase, closed-loop and paced.
func TestLoadTest(t *testing.T) {
	w := testworld.New(t)
	base, _ := servertest.Serve(t, w.DB, w.Checker)
	second, e2 := servertest.Serve(t, w.DB, w.Checker) // a second server on the same database
	var hits atomic.Int64
	e2.Use(func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error { hits.Add(1); return next(c) }
	})
	const reviewers, segments = 4, 40
	var phases []string
	newArticle := func(_ context.Context, phase string) (int64, error) {
		phases = append(phases, phase)
		return w.Article(t, "Load "+phase, segments).ID, nil
	}
	var trs, eds []*account.Principal
	for i := range reviewers {
		trs = append(trs, reviewtest.User(t, w.DB, fmt.Sprintf("load-t%d@example.org", i), account.RoleTranslator))
		eds = append(eds, reviewtest.User(t, w.DB, fmt.Sprintf("load-e%d@example.org", i), account.RoleEditor))
	}
	sqlDB := dbtest.SQL(t, w.DB)
	token := func(ps []*account.Principal) func(int) string {
		return func(i int) string { return reviewtest.Bearer(ps[i]) }
	}
	rep, err := loadtest.Run(context.Background(), loadtest.Config{
		BaseURL: base, Reviewers: reviewers, Duration: time.Minute, Paces: []float64{0.5},
		TranslatorToken: token(trs), EditorToken: token(eds),
		TranslatorID: func(i int) int64 { return trs[i].UserID }, EditorID: func(i int) int64 { return eds[i].UserID },
		NewArticle: newArticle, SQL: sqlDB, Spread: []string{base, second},
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("phases %q\nreport %+v", phases, rep)
	if want := []string{"SQL", "HTTP", "spread", "SQL, paced 0.50", "HTTP, paced 0.50"}; !slices.Equal(phases, want) {
		t.Fatalf("phases %q, want %q", phases, want)
	}
	if len(rep.Paced) != 1 || rep.Paced[0].Pace != 0.5 {
		t.Fatalf("paced %+v, want one pair at 0.5", rep.Paced)
	}
	all := map[string]*loadtest.Stats{"SQL": &rep.SQL, "HTTP": &rep.HTTP, "spread": rep.Spread,
		"SQL, paced": &rep.Paced[0].SQL, "HTTP, paced": &rep.Paced[0].HTTP}
	for name, st := range all {
		if st == nil || st.Cycles != segments || st.Errors != 0 || st.P99 <= 0 || st.P50 > st.P99 || st.P99 > st.Max {
			t.Errorf("%s: %+v", name, st)
		}
	}
	if rep.Targets != 2 {
		t.Errorf("spread over %d targets, want 2", rep.Targets)
	}
	// The paced phases were offered half the closed-loop SQL rate, and
	// arrivals at that rate take at least segments/rate seconds.
	rate := rep.SQL.PerSec / 2
	for _, st := range []*loadtest.Stats{&rep.Paced[0].SQL, &rep.Paced[0].HTTP} {
		if st.Offered != rate {
			t.Errorf("offered %.1f/s, want %.1f", st.Offered, rate)
		}
		if min := time.Duration(float64(segments-reviewers) / rate * float64(time.Second)); st.Elapsed < min {
			t.Errorf("a paced phase of %d cycles at %.1f/s took %v, under %v", segments, rate, st.Elapsed, min)
		}
	}
	// Half the reviewers went to the second server, in the spread phase only.
	if n := hits.Load(); n == 0 || n >= 3*segments {
		t.Errorf("the second server answered %d requests, want some of the spread phase's %d", n, 3*segments)
	}
	var approved int64
	w.DB.Raw("SELECT count(*) FROM segments WHERE state = 'approved'").Scan(&approved)
	if approved != 5*segments {
		t.Errorf("%d segments approved, want %d", approved, 5*segments)
	}
}

// TestLoadTestUnknownToken: a token the SQL phase cannot find is an error,
// not an empty queue that ends the phase quietly.
func TestLoadTestUnknownToken(t *testing.T) {
	w := testworld.New(t)
	tr := reviewtest.User(t, w.DB, "load-t@example.org", account.RoleTranslator)
	sqlDB := dbtest.SQL(t, w.DB)
	article := w.Article(t, "Load", 3).ID
	rep, err := loadtest.Run(context.Background(), loadtest.Config{
		BaseURL: "http://127.0.0.1:1", Reviewers: 1, Duration: 2 * time.Second,
		TranslatorToken: func(int) string { return "lector_unknown" }, EditorToken: func(int) string { return "lector_unknown" },
		TranslatorID: func(int) int64 { return tr.UserID }, EditorID: func(int) int64 { return tr.UserID },
		NewArticle: func(context.Context, string) (int64, error) { return article, nil }, SQL: sqlDB,
	})
	if err != nil {
		t.Fatal(err)
	}
	if rep.SQL.Errors == 0 || rep.SQL.Cycles != 0 {
		t.Errorf("SQL phase with an unknown token: %+v, want errors and no cycles", rep.SQL)
	}
}

func TestMain(m *testing.M) { dbtest.Main(m) }
