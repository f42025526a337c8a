package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"lector/account"
	"lector/config"
	"lector/review"
	"lector/server"
)

// BenchmarkReviewCycle is one claim → correct → approve through the JSON
// API and every middleware, as `lector loadtest` sends it, without the
// network: what the server itself spends on a cycle. app-cpu-ms/op is this
// process's CPU (PostgreSQL runs in its own), the figure that decides how
// close the HTTP path comes to the direct-SQL rate on a shared machine.
//
//	go test ./server -run '^$' -bench BenchmarkReviewCycle -benchtime 2000x -count 3
func BenchmarkReviewCycle(b *testing.B) {
	// API tokens cached as `lector serve` does by default.
	e, db := newSeededWith(b, nil, func(deps *server.Deps) { deps.Config.TokenCache = config.DefaultTokenCache })
	ctx := context.Background()
	token := func(email, role string) string {
		u, _, err := account.CreateUser(ctx, db, email, "bench", []string{role})
		if err != nil {
			b.Fatal(err)
		}
		tok, err := account.CreateToken(ctx, db, u.ID, "bench")
		if err != nil {
			b.Fatal(err)
		}
		return tok
	}
	tr, ed := token("bench-t@bench.invalid", account.RoleTranslator), token("bench-e@bench.invalid", account.RoleEditor)
	var text strings.Builder
	for n := range b.N {
		fmt.Fprintf(&text, "Ilon Musk spoke about topic number %d today.\n\n", n+1)
	}
	a, err := review.CreateArticle(ctx, db, storedChecker(b, db), review.NewArticle{Title: "Bench", Lang: "en", Text: text.String()})
	if err != nil {
		b.Fatal(err)
	}
	post := func(token, path string, body, out any) {
		var raw []byte
		if body != nil {
			raw, _ = json.Marshal(body)
		}
		req := httptest.NewRequest(http.MethodPost, path, bytes.NewReader(raw))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		if rec.Code >= 300 {
			b.Fatalf("POST %s: %d %.300s", path, rec.Code, rec.Body.String())
		}
		if out != nil {
			if err := json.Unmarshal(rec.Body.Bytes(), out); err != nil {
				b.Fatalf("POST %s: %v", path, err)
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	reportCPU := appCPU(b)
	for range b.N {
		var seg review.Segment
		post(tr, "/api/v1/queue/claim", map[string]any{"article": a.ID}, &seg)
		var c review.Correction
		post(tr, fmt.Sprintf("/api/v1/segments/%d/corrections", seg.ID),
			map[string]any{"text": seg.CurrentText + " (checked)", "revision": seg.Revision}, &c)
		post(ed, fmt.Sprintf("/api/v1/corrections/%d/approve", c.ID), nil, nil)
	}
	reportCPU()
}
