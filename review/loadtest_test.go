package review_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"lector/account"
	"lector/review"
	"lector/review/reviewtest"
)

// TestLoadTest drives a small load run to the end of both articles: every
// flagged segment is claimed, corrected and approved once per phase.
func TestLoadTest(t *testing.T) {
	w := newWorld(t)
	base, _ := serve(t, w)
	const reviewers, segments = 4, 40
	httpArticle, sqlArticle := w.article(t, "Load HTTP", segments), w.article(t, "Load SQL", segments)
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
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("HTTP: %v", rep.HTTP)
	t.Logf("SQL:  %v", rep.SQL)
	if rep.HTTP.Cycles != segments || rep.HTTP.Errors != 0 || rep.SQL.Cycles != segments || rep.SQL.Errors != 0 {
		t.Errorf("report %+v", rep)
	}
	var approved int64
	w.db.Raw("SELECT count(*) FROM segments WHERE state = 'approved'").Scan(&approved)
	if approved != 2*segments {
		t.Errorf("%d segments approved, want %d", approved, 2*segments)
	}
}
