package server_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"gorm.io/gorm"

	"lector/account"
	"lector/review/reviewtest"
)

// glossaryWorld is a seeded server with one user per role of interest.
type glossaryWorld struct {
	base                             string
	db                               *gorm.DB
	translator, editor, maint, admin *account.Principal
}

func newGlossaryWorld(t *testing.T) glossaryWorld {
	t.Helper()
	e, db := newSeeded(t, nil)
	ts := httptest.NewServer(e)
	t.Cleanup(ts.Close)
	return glossaryWorld{base: ts.URL, db: db,
		translator: reviewtest.User(t, db, "gtr@example.org", account.RoleTranslator),
		editor:     reviewtest.User(t, db, "ged@example.org", account.RoleEditor),
		maint:      reviewtest.User(t, db, "gm@example.org", account.RoleGlossary),
		admin:      reviewtest.User(t, db, "gad@example.org", account.RoleAdmin),
	}
}

// do sends one request as p (nil: anonymous); ctype "" means JSON when
// there is a body.
func (w glossaryWorld) do(t *testing.T, method, path string, p *account.Principal, ctype, body string) (int, string, http.Header) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
		if ctype == "" {
			ctype = "application/json"
		}
	}
	req, err := http.NewRequest(method, w.base+path, r)
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	if p != nil {
		req.Header.Set("Authorization", "Bearer "+reviewtest.Bearer(p))
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), res.Header
}

// entryID returns the id of the entry with key, through the API.
func (w glossaryWorld) entryID(t *testing.T, key string) string {
	t.Helper()
	_, body, _ := w.do(t, http.MethodGet, "/api/v1/glossary/entries?limit=500", w.maint, "", "")
	var list struct {
		Entries []struct {
			ID  int64  `json:"id"`
			Key string `json:"key"`
		} `json:"entries"`
	}
	if err := json.Unmarshal([]byte(body), &list); err != nil {
		t.Fatal(err, body)
	}
	for _, e := range list.Entries {
		if e.Key == key {
			return itoa(e.ID)
		}
	}
	t.Fatalf("no entry %q in %s", key, body)
	return ""
}

func errorCode(t *testing.T, body string) string {
	t.Helper()
	var b struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	if err := json.Unmarshal([]byte(body), &b); err != nil {
		t.Fatalf("not an error body: %s", body)
	}
	return b.Error.Code
}

const zorblat = `{"key":"zorblat","type":"person","terms":[
	{"lang":"en","form":"Zorblat Quix","status":"preferred"},
	{"lang":"en","form":"Zorblat Quax","status":"deprecated"}]}`

func TestGlossaryAPIAuthorization(t *testing.T) {
	w := newGlossaryWorld(t)
	musk := "/api/v1/glossary/entries/" + w.entryID(t, "musk")
	csv := "entry,type,lang,term,status\nzz,term,en,zz top,preferred\n"
	cases := []struct {
		method, path, ctype, body string
		write                     bool
	}{
		{http.MethodGet, "/api/v1/glossary/entries", "", "", false},
		{http.MethodGet, musk, "", "", false},
		{http.MethodGet, "/api/v1/glossary/export?format=csv", "", "", false},
		{http.MethodPost, "/api/v1/glossary/entries", "", zorblat, true},
		{http.MethodPut, musk, "", `{"type":"person","terms":[{"lang":"en","form":"Elon Musk","status":"preferred"}]}`, true},
		{http.MethodPost, "/api/v1/glossary/import?dry_run=true", "text/csv", csv, true},
		{http.MethodDelete, musk, "", "", true},
	}
	for _, c := range cases {
		t.Run(c.method+" "+c.path, func(t *testing.T) {
			if status, _, _ := w.do(t, c.method, c.path, nil, c.ctype, c.body); status != http.StatusUnauthorized {
				t.Errorf("anonymous: %d, want 401", status)
			}
			status, _, _ := w.do(t, c.method, c.path, w.translator, c.ctype, c.body)
			if want := map[bool]int{true: http.StatusForbidden, false: http.StatusOK}[c.write]; status != want {
				t.Errorf("translator: %d, want %d", status, want)
			}
		})
	}
	// The writers, each on its own fresh entry so that every call succeeds.
	for _, p := range []*account.Principal{w.maint, w.admin} {
		status, body, _ := w.do(t, http.MethodPost, "/api/v1/glossary/entries", p, "",
			strings.ReplaceAll(zorblat, "zorblat", "zorblat-"+itoa(p.UserID)))
		if status != http.StatusCreated {
			t.Fatalf("%v create: %d %s", p.Roles, status, body)
		}
		var e struct{ ID int64 }
		_ = json.Unmarshal([]byte(body), &e)
		path := "/api/v1/glossary/entries/" + itoa(e.ID)
		if status, body, _ := w.do(t, http.MethodPut, path, p, "", `{"type":"person","terms":[{"lang":"de","form":"Z Q `+itoa(p.UserID)+`","status":"preferred"}]}`); status != http.StatusOK {
			t.Errorf("%v update: %d %s", p.Roles, status, body)
		}
		if status, body, _ := w.do(t, http.MethodDelete, path, p, "", ""); status != http.StatusNoContent {
			t.Errorf("%v delete: %d %s", p.Roles, status, body)
		}
		if status, body, _ := w.do(t, http.MethodPost, "/api/v1/glossary/import", p, "text/csv", csv); status != http.StatusOK {
			t.Errorf("%v import: %d %s", p.Roles, status, body)
		}
	}
	var events int64
	w.db.Raw("SELECT count(*) FROM audit_events WHERE subject_type = 'glossary_entry' AND action IN ('create','update','delete')").Scan(&events)
	if events != 6 {
		t.Errorf("%d audit events for create, update, delete; want 6", events)
	}
}
