package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/glossary"
	"lector/loadtest"
	"lector/review"
)

// loadtestCmd drives simulated reviewers through claim → correct → approve:
// first the server's statements straight against PostgreSQL as the limit,
// then over HTTP against a running server, then, with several servers
// (--target repeated, or --processes N started here on the same database),
// spread over all of them, and last, with --pace, SQL and HTTP again at a
// fixed arrival rate. It adds its own accounts and an article per phase to
// the database the servers use.
func loadtestCmd(ctx context.Context, e env, args []string) (err error) {
	fs, cfg := flags(e, "loadtest")
	url := fs.String("url", "", "base URL of the running server (default: the configured base URL)")
	var targets []string
	fs.Func("target", "base URL of a running server on the same database; repeat it for several", func(s string) error {
		targets = append(targets, strings.TrimRight(s, "/"))
		return nil
	})
	processes := fs.Int("processes", 0, "start this many lector serve processes on the database and load them (instead of --url and --target)")
	reviewers := fs.Int("reviewers", 32, "simulated translators, each paired with an editor")
	segments := fs.Int("segments", 2000, "flagged segments per phase")
	duration := fs.Duration("duration", 60*time.Second, "longest time per phase")
	paces := []float64{0.5}
	fs.Func("pace", "then run SQL and HTTP again, offered this fraction of the closed-loop SQL rate; a comma-separated list for several (default 0.5; 0: none)", func(s string) error {
		var err error
		paces, err = parsePaces(s)
		return err
	})
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if _, err := parse(fs, cfg, args); err != nil {
		return err
	}
	if *reviewers < 1 || *reviewers > 1000 || *segments < 1 || *segments > 100000 {
		return usagef("--reviewers must be 1..1000 and --segments 1..100000")
	}
	if *processes < 0 || *processes > 16 {
		return usagef("--processes must be 0..16")
	}
	if *processes > 0 && (len(targets) > 0 || *url != "") {
		return usagef("--processes starts its own servers: leave out --url and --target")
	}
	if *url != "" {
		targets = append([]string{strings.TrimRight(*url, "/")}, targets...)
	}
	db, err := openDB(ctx, cfg, cfg.Logger(e.stderr))
	if err != nil {
		return err
	}
	defer db.Close()
	if *processes > 0 {
		// Started before the articles: the first server seeds the glossary
		// of an empty database, and the articles need it to be flagged.
		srv, startErr := startServers(ctx, *processes, db.URL)
		if startErr != nil {
			return startErr
		}
		// err is the named result: a server that failed on the way out
		// makes the run fail.
		defer func() { err = errors.Join(err, srv.stop()) }()
		targets = srv.URLs
	}
	if len(targets) == 0 {
		targets = []string{cfg.BaseURL}
	}
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
	newArticle := func(ctx context.Context, phase string) (int64, error) {
		var b strings.Builder
		for n := range *segments {
			fmt.Fprintf(&b, "Ilon Musk spoke about topic number %d today.\n\n", n+1)
		}
		a, err := review.CreateArticle(ctx, db.Gorm, checker, review.NewArticle{
			Title: fmt.Sprintf("Load test %s (%s)", run, phase), Lang: "en", Text: b.String()})
		if err != nil {
			return 0, err
		}
		return a.ID, nil
	}
	lc := loadtest.Config{
		BaseURL: targets[0], Reviewers: *reviewers, Duration: *duration, Paces: paces, TokenCache: cfg.TokenCache,
		Client:          &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: *reviewers * 2}},
		TranslatorToken: func(i int) string { return trTokens[i] }, EditorToken: func(i int) string { return edTokens[i] },
		TranslatorID: func(i int) int64 { return trs[i] }, EditorID: func(i int) int64 { return eds[i] },
		NewArticle: newArticle, SQL: db.SQL,
	}
	if len(targets) > 1 {
		lc.Spread = targets
	}
	rep, err := loadtest.Run(ctx, lc)
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(e.stdout).Encode(rep)
	}
	printLoadReport(e.stdout, rep, *reviewers, *segments)
	return nil
}

func printLoadReport(w io.Writer, rep loadtest.Report, reviewers, segments int) {
	of := func(s loadtest.Stats, limit float64) string {
		return fmt.Sprintf("%v (%.2f of SQL)", s, s.PerSec/max(limit, 1e-9))
	}
	fmt.Fprintf(w, "reviewers %d, segments %d per phase\nSQL:              %v\nHTTP, 1 server:   %s\n",
		reviewers, segments, rep.SQL, of(rep.HTTP, rep.SQL.PerSec))
	if rep.Spread != nil {
		fmt.Fprintf(w, "HTTP, %d servers:  %s\n", rep.Targets, of(*rep.Spread, rep.SQL.PerSec))
	}
	for _, p := range rep.Paced {
		fmt.Fprintf(w, "paced at %.2f of the SQL rate, %.0f cycles/s offered:\nSQL, paced:       %v\nHTTP, paced:      %s\n",
			p.Pace, p.SQL.Offered, p.SQL, of(p.HTTP, rep.SQL.PerSec))
	}
}

// parsePaces reads --pace: fractions of the SQL rate, 0 (none) to 10.
func parsePaces(s string) ([]float64, error) {
	var out []float64
	for f := range strings.SplitSeq(s, ",") {
		p, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
		if err != nil || p < 0 || p > 10 {
			return nil, fmt.Errorf("%q: want fractions of the SQL rate from 0 to 10, such as 0.5 or 0.3,0.5", s)
		}
		if p > 0 {
			out = append(out, p)
		}
	}
	if len(out) > 8 {
		return nil, fmt.Errorf("%q: at most 8 paces", s)
	}
	return out, nil
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
