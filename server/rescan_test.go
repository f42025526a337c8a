package server_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"gorm.io/gorm"

	"lector/account"
	"lector/locales"
	"lector/rescan"
	"lector/rescan/rescantest"
	"lector/review/reviewtest"
)

// TestRescanProgressInEveryLanguage renders the articles page's progress
// line, queued, running and finished, in every UI language.
func TestRescanProgressInEveryLanguage(t *testing.T) {
	base, db := startSeeded(t)
	ctx := context.Background()
	q := rescantest.New(t, db, rescan.Options{})
	if err := db.Transaction(func(tx *gorm.DB) error { return q.Enqueue(ctx, tx, "glossary.update") }); err != nil {
		t.Fatal(err)
	}
	var jobID int64
	db.Table("river_job").Select("id").Where("kind = ?", rescan.Kind).Scan(&jobID)
	bundle := catalogs(t)
	rawID := rawIDPattern(t)
	steps := []struct {
		class, sql string
		want       func(tr *locales.Translator) string
	}{
		{"queued", "", func(tr *locales.Translator) string { return tr.T("rescan.queued") }},
		{"running", "INSERT INTO rescans (job_id, reason, total, done) VALUES (?, 'glossary.update', 5, 2)",
			func(tr *locales.Translator) string { return tr.N("rescan.running", 5, "Done", tr.Number(2)) }},
		{"finished", "UPDATE rescans SET finished_at = now(), done = 5, flags_added = 3 WHERE job_id = ?",
			func(tr *locales.Translator) string { return tr.T("rescan.reason.glossary.update") }},
	}
	for _, s := range steps {
		if s.sql != "" {
			if err := db.Exec(s.sql, jobID).Error; err != nil {
				t.Fatal(err)
			}
		}
		for _, l := range locales.Languages() {
			res, body := get(t, base+"/rescans/progress", "Cookie", "lector_lang="+l.Tag)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%s %s: status %d", s.class, l.Tag, res.StatusCode)
			}
			want := s.want(locales.NewTranslator(bundle, l.Tag))
			if !strings.Contains(body, `class="rescan `+s.class+`"`) || !strings.Contains(body, want) {
				t.Errorf("%s, %s: want the %s line with %q, got\n%s", s.class, l.Tag, s.class, want, body)
			}
			for _, m := range rawID.FindAllStringSubmatch(body, -1) {
				t.Errorf("%s, %s: raw message ID %q", s.class, l.Tag, m[1])
			}
		}
	}
}

// TestRescansAPI: signed-in callers get the latest rescans; a bad limit is
// named; anonymous callers get 401.
func TestRescansAPI(t *testing.T) {
	base, db := startSeeded(t)
	if err := db.Exec("INSERT INTO rescans (job_id, reason, total, done) VALUES (7, 'glossary.import', 4, 1)").Error; err != nil {
		t.Fatal(err)
	}
	p := reviewtest.User(t, db, "reader@example.org", account.RoleTranslator)
	auth := "Bearer " + reviewtest.Bearer(p)
	res, body := get(t, base+"/api/v1/rescans?limit=1", "Authorization", auth)
	var got rescan.Progress
	if err := json.Unmarshal([]byte(body), &got); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("status %d, %v: %s", res.StatusCode, err, body)
	}
	if len(got.Rescans) != 1 || got.Rescans[0].Total != 4 || got.Rescans[0].Done != 1 || got.Rescans[0].Finished() {
		t.Errorf("got %+v, want the one running rescan, 1 of 4", got)
	}
	for _, c := range []struct {
		url, auth string
		status    int
		code      string
	}{
		{"/api/v1/rescans?limit=0", auth, http.StatusBadRequest, "invalid"},
		{"/api/v1/rescans?limit=x", auth, http.StatusBadRequest, "invalid"},
		{"/api/v1/rescans", "", http.StatusUnauthorized, "unauthorized"},
	} {
		res, body := get(t, base+c.url, "Authorization", c.auth)
		if res.StatusCode != c.status || errorCode(t, body) != c.code {
			t.Errorf("%s: status %d, %s; want %d %s", c.url, res.StatusCode, body, c.status, c.code)
		}
	}
}

// TestEveryGlossaryWriteAsksForARescan: create, update, delete and import
// through the API each insert a rescan job with their reason; a refused
// write inserts none.
func TestEveryGlossaryWriteAsksForARescan(t *testing.T) {
	base, db := startWithRescans(t, false)
	w := glossaryWorld{base: base, db: db, maint: reviewtest.User(t, db, "gm@example.org", account.RoleGlossary)}
	entry := `{"key": "wsj", "type": "organization", "terms": [{"lang": "en", "form": "The Wall Street Journal", "status": "preferred"},
  {"lang": "en", "form": "WSJ", "status": "deprecated"}]}`
	steps := []struct {
		method, path, ctype, body string
		status                    int
		reason                    string // "" : no job
	}{
		{http.MethodPost, "/api/v1/glossary/entries", "", entry, http.StatusCreated, "glossary.create"},
		{http.MethodPost, "/api/v1/glossary/entries", "", entry, http.StatusConflict, ""},
		{http.MethodPut, "/api/v1/glossary/entries/{wsj}", "", strings.Replace(entry, `"WSJ"`, `"W.S.J."`, 1), http.StatusOK, "glossary.update"},
		{http.MethodDelete, "/api/v1/glossary/entries/{wsj}", "", "", http.StatusNoContent, "glossary.delete"},
		{http.MethodPost, "/api/v1/glossary/import", "text/csv", "entry,type,lang,term,status\nnyt,organization,en,The New York Times,preferred\nnyt,organization,en,NYT,deprecated\n",
			http.StatusOK, "glossary.import"},
	}
	id := ""
	for _, s := range steps {
		if id == "" && strings.Contains(s.path, "{wsj}") {
			id = w.entryID(t, "wsj")
		}
		status, body, _ := w.do(t, s.method, strings.Replace(s.path, "{wsj}", id, 1), w.maint, s.ctype, s.body)
		if status != s.status {
			t.Fatalf("%s %s: status %d, want %d: %s", s.method, s.path, status, s.status, body)
		}
		var reasons []string
		db.Raw("SELECT args->>'reason' FROM river_job WHERE kind = ?", rescan.Kind).Scan(&reasons)
		if got := strings.Join(reasons, ","); got != s.reason {
			t.Errorf("%s %s: rescan jobs with reasons %q, want %q", s.method, s.path, got, s.reason)
		}
		// Next step on an empty queue, so that each write shows its own job.
		if err := db.Exec("DELETE FROM river_job").Error; err != nil {
			t.Fatal(err)
		}
	}
}
