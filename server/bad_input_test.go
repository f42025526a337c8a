package server_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lector/account"
	"lector/review/reviewtest"
	"lector/review/testworld"
	"lector/server/servertest"
)

// TestAuditedBadInput drives each request issue 18's audit answered with a
// 500 (or a silent change): each now gets the 4xx it deserves, naming the
// field where there is one, and no table gains or loses a row.
func TestAuditedBadInput(t *testing.T) {
	w := testworld.New(t)
	a := w.Article(t, "Bad input", 2)
	seg := a.Segments[0]
	admin := reviewtest.User(t, w.DB, "admin@example.org", account.RoleAdmin)
	base, _ := servertest.Serve(t, w.DB, w.Checker)
	art := fmt.Sprintf("/articles/%d", a.ID)
	corrections := fmt.Sprintf("/api/v1/segments/%d/corrections", seg.ID)
	longEmail := strings.Repeat("a", 3000) + "@example.org"
	tests := []struct {
		name         string
		admin        bool
		method, path string
		ctype, body  string
		status       int
		says         string // a part of the answer, such as the field named
	}{
		{"NUL in the article search", false, "GET", art + "?q=%00", "", "", 400, "“q”"},
		{"NUL in the check filter", false, "GET", art + "?check=%00", "", "", 400, "“check”"},
		{"from beyond int4", false, "GET", art + "?from=2147483648", "", "", 400, "“from”"},
		{"%ff in a glossary filter", false, "GET", "/glossary?q=%ff", "", "", 400, "UTF-8"},
		{"%ff in the glossary API", true, "GET", "/api/v1/glossary/entries?q=%ff", "", "", 400, "UTF-8"},
		{"version beyond int4", true, "GET", fmt.Sprintf("/api/v1/articles/%d/versions/2147483648", a.ID), "", "", 404, ""},
		{"version diff beyond int4", true, "GET", fmt.Sprintf("/api/v1/articles/%d/versions/0/diff/4294967296", a.ID), "", "", 404, ""},
		{"NUL in a correction", true, "POST", corrections, "application/json", `{"text":"a\u0000b","revision":1}`, 400, "“text”"},
		{"NUL in a comment", true, "POST", corrections, "application/json", `{"text":"ok","comment":"a\u0000b","revision":1}`, 400, "“comment”"},
		{"revision beyond int4", true, "POST", corrections, "application/json", `{"text":"ok","revision":2147483648}`, 400, "“revision”"},
		{"invalid UTF-8 in JSON", true, "POST", corrections, "application/json", "{\"revision\":1,\"text\":\"a\xffb\"}", 400, "“text”"},
		{"a title with CR/LF", true, "POST", "/api/v1/articles", "application/json", `{"title":"a\r\nb","lang":"en","text":"Hi."}`, 400, "“title”"},
		{"a NUL in a title", true, "POST", "/api/v1/articles", "application/json", `{"title":"a\u0000b","lang":"en","text":"Hi."}`, 400, "“title”"},
		{"a 4,000-character glossary key", true, "POST", "/api/v1/glossary/entries", "application/json",
			`{"key":"` + strings.Repeat("k", 4000) + `","type":"person","terms":[{"lang":"en","form":"K","status":"preferred"}]}`, 400, "key is longer than 200"},
		{"a 4,000-character glossary term", true, "POST", "/api/v1/glossary/entries", "application/json",
			`{"key":"k","type":"person","terms":[{"lang":"en","form":"` + strings.Repeat("K", 4000) + `","status":"preferred"}]}`, 400, "form is longer than 200"},
		{"a sign-in e-mail of 3 KB", false, "POST", "/login", "application/x-www-form-urlencoded",
			url.Values{"email": {longEmail}, "password": {"x"}}.Encode(), 400, "“email” is longer than 254"},
		{"the static folder", false, "GET", "/static/", "", "", 404, ""},
		{"a static subfolder", false, "GET", "/static/vendor/", "", "", 404, ""},
		{"a static subfolder without its slash", false, "GET", "/static/vendor", "", "", 404, ""},
	}
	before := rowCounts(t, w.DB)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var p *account.Principal
			if tt.admin {
				p = admin
			}
			header := []string{}
			if tt.ctype != "" {
				header = append(header, "Content-Type", tt.ctype)
			}
			status, body := reviewtest.Call(t, base, tt.method, tt.path, p, tt.body, header...)
			if status != tt.status || !strings.Contains(body, tt.says) {
				t.Errorf("%d %.400s; want %d naming %q", status, body, tt.status, tt.says)
			}
		})
	}
	after := rowCounts(t, w.DB)
	for table, n := range before {
		if after[table] != n {
			t.Errorf("table %s: %d rows before, %d after", table, n, after[table])
		}
	}
}

// TestChunkedBodyOverTheLimit: a body sent without a length past the
// server's 16 MiB is a 413, not "not valid JSON".
func TestChunkedBodyOverTheLimit(t *testing.T) {
	w := testworld.New(t)
	base, _ := servertest.Serve(t, w.DB, w.Checker)
	body := io.MultiReader(strings.NewReader(`{"title":"Big","lang":"en","text":"`),
		io.LimitReader(neverEnding('a'), 17<<20), strings.NewReader(`"}`))
	req, err := http.NewRequest(http.MethodPost, base+"/api/v1/articles", body)
	if err != nil {
		t.Fatal(err)
	}
	req.ContentLength = -1 // chunked
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+reviewtest.Bearer(w.Ed1))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("%d %s, want 413", res.StatusCode, b)
	}
}

type neverEnding byte

func (b neverEnding) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(b)
	}
	return len(p), nil
}
