package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/glossary"
	"lector/review"
)

// loadtestCmd drives simulated reviewers through claim → correct → approve
// over HTTP against a running server, then runs the same statements straight
// against PostgreSQL as the limit. It adds its own accounts and two
// articles to the database the server uses.
func loadtestCmd(ctx context.Context, e env, args []string) error {
	fs, cfg := flags(e, "loadtest")
	url := fs.String("url", "", "base URL of the running server (default: the configured base URL)")
	reviewers := fs.Int("reviewers", 32, "simulated translators, each paired with an editor")
	segments := fs.Int("segments", 2000, "flagged segments per phase")
	duration := fs.Duration("duration", 60*time.Second, "longest time per phase")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if _, err := parse(fs, cfg, args); err != nil {
		return err
	}
	if *reviewers < 1 || *reviewers > 1000 || *segments < 1 || *segments > 100000 {
		return usagef("--reviewers must be 1..1000 and --segments 1..100000")
	}
	base := strings.TrimRight(*url, "/")
	if base == "" {
		base = cfg.BaseURL
	}
	db, err := openDB(ctx, cfg, cfg.Logger(e.stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	run := time.Now().Format("20060102-150405")
	trs, trTokens, err := loadUsers(ctx, db.Gorm, run, "t", account.RoleTranslator, *reviewers)
	if err != nil {
		return err
	}
	eds, edTokens, err := loadUsers(ctx, db.Gorm, run, "e", account.RoleEditor, *reviewers)
	if err != nil {
		return err
	}
	entries, err := glossary.LoadEntries(ctx, db.Gorm)
	if err != nil {
		return err
	}
	checker := review.NewChecker(entries)
	var articles [2]int64
	for i, phase := range []string{"HTTP", "SQL"} {
		var b strings.Builder
		for n := range *segments {
			fmt.Fprintf(&b, "Ilon Musk spoke about topic number %d today.\n\n", n+1)
		}
		a, err := review.CreateArticle(ctx, db.Gorm, checker, review.NewArticle{
			Title: fmt.Sprintf("Load test %s (%s)", run, phase), Lang: "en", Text: b.String()})
		if err != nil {
			return err
		}
		articles[i] = a.ID
	}
	bearer := func(tokens []string) func(int, *http.Request) {
		return func(i int, r *http.Request) { r.Header.Set("Authorization", "Bearer "+tokens[i]) }
	}
	rep, err := review.LoadTest(ctx, review.LoadConfig{
		BaseURL: base, Reviewers: *reviewers, Duration: *duration,
		Client:     &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: *reviewers * 2}},
		Translator: bearer(trTokens), Editor: bearer(edTokens),
		TranslatorID: func(i int) int64 { return trs[i] }, EditorID: func(i int) int64 { return eds[i] },
		HTTPArticle: articles[0], SQLArticle: articles[1], SQL: db.SQL,
	})
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(rep)
	}
	fmt.Fprintf(e.stdout, "reviewers %d, segments %d per phase\nHTTP: %v\nSQL:  %v\nHTTP/SQL: %.2f\n",
		*reviewers, *segments, rep.HTTP, rep.SQL, rep.HTTP.PerSec/max(rep.SQL.PerSec, 1e-9))
	return nil
}

// loadUsers creates n accounts with role and an API token each.
func loadUsers(ctx context.Context, db *gorm.DB, run, kind, role string, n int) ([]int64, []string, error) {
	ids, tokens := make([]int64, n), make([]string, n)
	for i := range n {
		u, _, err := account.CreateUser(ctx, db, fmt.Sprintf("load-%s-%s%d@loadtest.invalid", run, kind, i), "load test", []string{role})
		if err != nil {
			return nil, nil, err
		}
		if tokens[i], err = account.CreateToken(ctx, db, u.ID, "loadtest"); err != nil {
			return nil, nil, err
		}
		ids[i] = u.ID
	}
	return ids, tokens, nil
}
