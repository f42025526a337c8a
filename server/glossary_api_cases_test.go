package server_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

func TestGlossaryAPIErrors(t *testing.T) {
	w := newGlossaryWorld(t)
	musk := "/api/v1/glossary/entries/" + w.entryID(t, "musk")
	entries := "/api/v1/glossary/entries"
	cases := []struct {
		name, method, path, ctype, body string
		status                          int
		code, inMessage                 string
	}{
		{"bad type", http.MethodPost, entries, "", `{"key":"a","type":"thing","terms":[{"lang":"en","form":"A","status":"preferred"}]}`, 400, "invalid", "type"},
		{"bad lang", http.MethodPost, entries, "", `{"key":"a","type":"term","terms":[{"lang":"e!n","form":"A","status":"preferred"}]}`, 400, "invalid", "terms[0].lang"},
		{"bad status", http.MethodPost, entries, "", `{"key":"a","type":"term","terms":[{"lang":"en","form":"A","status":"best"}]}`, 400, "invalid", "terms[0].status"},
		{"empty form", http.MethodPost, entries, "", `{"key":"a","type":"term","terms":[{"lang":"en","form":" ","status":"preferred"}]}`, 400, "invalid", "terms[0].form"},
		{"empty key", http.MethodPost, entries, "", `{"key":"","type":"term","terms":[{"lang":"en","form":"A","status":"preferred"}]}`, 400, "invalid", "key"},
		{"two preferred", http.MethodPost, entries, "", `{"key":"a","type":"term","terms":[{"lang":"en","form":"A","status":"preferred"},{"lang":"en","form":"B","status":"preferred"}]}`, 400, "invalid", "terms[1]"},
		{"form twice", http.MethodPost, entries, "", `{"key":"a","type":"term","terms":[{"lang":"en","form":"A","status":"preferred"},{"lang":"en","form":"A","status":"admitted"}]}`, 400, "invalid", "terms["},
		{"unknown field", http.MethodPost, entries, "", `{"key":"a","kind":"term"}`, 400, "invalid", "kind"},
		{"not JSON", http.MethodPost, entries, "text/plain", `key=a`, 415, "invalid", ""},
		{"key taken", http.MethodPost, entries, "", `{"key":"musk","type":"person","terms":[{"lang":"en","form":"Elom Musk","status":"deprecated"}]}`, 409, "conflict", "musk"},
		{"form clash", http.MethodPost, entries, "", `{"key":"musk2","type":"person","terms":[{"lang":"en","form":"Elon Musk","status":"deprecated"}]}`, 409, "conflict", "musk"},
		{"no such entry", http.MethodGet, entries + "/999999", "", "", 404, "not_found", ""},
		{"put no such entry", http.MethodPut, entries + "/999999", "", `{"type":"term","terms":[{"lang":"en","form":"Q","status":"preferred"}]}`, 404, "not_found", ""},
		{"delete no such entry", http.MethodDelete, entries + "/999999", "", "", 404, "not_found", ""},
		{"put invalid", http.MethodPut, musk, "", `{"type":"person","terms":[]}`, 400, "invalid", "terms"},
		{"bad limit", http.MethodGet, entries + "?limit=-1", "", "", 400, "invalid", "limit"},
		{"import type", http.MethodPost, "/api/v1/glossary/import", "application/json", `{}`, 415, "invalid", ""},
		{"import bad csv", http.MethodPost, "/api/v1/glossary/import", "text/csv", "entry,type,lang,term,status\nx,thing,en,X,preferred\n", 400, "invalid", "line 2"},
		{"import bad tbx", http.MethodPost, "/api/v1/glossary/import", "application/xml", "<tbx><text><body><conceptEntry></body></text></tbx>", 400, "invalid", "line"},
		{"export format", http.MethodGet, "/api/v1/glossary/export?format=xls", "", "", 400, "invalid", "xls"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body, _ := w.do(t, c.method, c.path, w.maint, c.ctype, c.body)
			if status != c.status || errorCode(t, body) != c.code || !strings.Contains(body, c.inMessage) {
				t.Errorf("%d %s; want %d %s naming %q", status, body, c.status, c.code, c.inMessage)
			}
		})
	}
}

func TestGlossaryImportDryRunAndConflicts(t *testing.T) {
	w := newGlossaryWorld(t)
	count := func() (n int64) {
		w.db.Raw("SELECT count(*) FROM glossary_terms").Scan(&n)
		return n
	}
	before := count()
	csv := "entry,type,lang,term,status\nnewone,person,en,New One,preferred\n"
	status, body, _ := w.do(t, http.MethodPost, "/api/v1/glossary/import?dry_run=true", w.maint, "text/csv", csv)
	var plan struct {
		New       []string
		Applied   bool
		Conflicts []struct{ Kind, Other string }
	}
	if err := json.Unmarshal([]byte(body), &plan); status != 200 || err != nil || len(plan.New) != 1 || plan.Applied {
		t.Fatalf("dry run: %d %s", status, body)
	}
	if count() != before {
		t.Fatal("the dry run wrote")
	}
	clash := "entry,type,lang,term,status\nother,person,en,Elon Musk,admitted\n"
	status, body, _ = w.do(t, http.MethodPost, "/api/v1/glossary/import", w.maint, "text/csv", clash)
	var refused struct {
		Error struct{ Code string }
		Plan  struct {
			Conflicts []struct{ Kind, Other string }
		}
	}
	if err := json.Unmarshal([]byte(body), &refused); status != 409 || err != nil || refused.Error.Code != "conflict" ||
		len(refused.Plan.Conflicts) != 1 || refused.Plan.Conflicts[0].Other != "musk" {
		t.Fatalf("clash: %d %s", status, body)
	}
	if count() != before {
		t.Fatal("the refused import wrote")
	}
	status, body, _ = w.do(t, http.MethodPost, "/api/v1/glossary/import", w.maint, "text/csv", csv)
	if err := json.Unmarshal([]byte(body), &plan); status != 200 || err != nil || !plan.Applied || count() != before+1 {
		t.Fatalf("import: %d %s", status, body)
	}
}

func TestGlossaryExportRoundTrip(t *testing.T) {
	w := newGlossaryWorld(t)
	for _, c := range []struct{ format, ctype string }{{"csv", "text/csv"}, {"tbx", "application/x-tbx+xml"}} {
		status, body, h := w.do(t, http.MethodGet, "/api/v1/glossary/export?format="+c.format, w.translator, "", "")
		if status != 200 || !strings.HasPrefix(h.Get("Content-Type"), c.ctype) ||
			!strings.HasPrefix(h.Get("Content-Disposition"), "attachment;") {
			t.Fatalf("%s export: %d %v", c.format, status, h)
		}
		// Importing the export changes nothing.
		status, plan, _ := w.do(t, http.MethodPost, "/api/v1/glossary/import?dry_run=true", w.maint, c.ctype, body)
		var p struct {
			New, Changed, Deleted, Conflicts []any
			Unchanged                        []string
		}
		if err := json.Unmarshal([]byte(plan), &p); status != 200 || err != nil ||
			len(p.New)+len(p.Changed)+len(p.Deleted)+len(p.Conflicts) != 0 || len(p.Unchanged) == 0 {
			t.Errorf("%s round trip: %d %.500s", c.format, status, plan)
		}
	}
}

// TestGlossaryWriteReloadsChecker proves the live swap: an article created
// after a glossary write is checked with the new entry.
func TestGlossaryWriteReloadsChecker(t *testing.T) {
	w := newGlossaryWorld(t)
	article := `{"title":"T","lang":"en","text":"Yesterday Zorblat Quax spoke to the press."}`
	flags := func() int {
		status, body, _ := w.do(t, http.MethodPost, "/api/v1/articles", w.editor, "", article)
		var a struct{ Flags int }
		if err := json.Unmarshal([]byte(body), &a); status != http.StatusCreated || err != nil {
			t.Fatalf("create article: %d %s", status, body)
		}
		return a.Flags
	}
	if n := flags(); n != 0 {
		t.Fatalf("%d flags before the glossary knows the name", n)
	}
	if status, body, _ := w.do(t, http.MethodPost, "/api/v1/glossary/entries", w.maint, "", zorblat); status != http.StatusCreated {
		t.Fatalf("create entry: %d %s", status, body)
	}
	if n := flags(); n != 1 {
		t.Fatalf("%d flags after the deprecated form was added; want 1", n)
	}
	if status, body, _ := w.do(t, http.MethodDelete, "/api/v1/glossary/entries/"+w.entryID(t, "zorblat"), w.maint, "", ""); status != http.StatusNoContent {
		t.Fatalf("delete entry: %d %s", status, body)
	}
	if n := flags(); n != 0 {
		t.Fatalf("%d flags after the entry was deleted", n)
	}
}

func TestGlossaryAPISearch(t *testing.T) {
	w := newGlossaryWorld(t)
	cases := []struct {
		query string
		want  string // a key in the page
		total func(int) bool
	}{
		{"q=elon", "musk", func(n int) bool { return n >= 1 }},
		{"q=%D0%B8%D0%BB%D0%BE%D0%BD", "musk", func(n int) bool { return n >= 1 }}, // "илон", any language
		{"q=elon&lang=de&status=deprecated", "", func(n int) bool { return n == 0 }},
		{"type=person&limit=1", "", func(n int) bool { return n > 1 }},
	}
	for _, c := range cases {
		status, body, _ := w.do(t, http.MethodGet, "/api/v1/glossary/entries?"+c.query, w.translator, "", "")
		var page struct {
			Entries []struct{ Key string }
			Total   int
			Limit   int
		}
		if err := json.Unmarshal([]byte(body), &page); status != 200 || err != nil || !c.total(page.Total) {
			t.Errorf("%s: %d %.300s", c.query, status, body)
			continue
		}
		if c.want != "" && (len(page.Entries) == 0 || page.Entries[0].Key != c.want) {
			t.Errorf("%s: %.300s", c.query, body)
		}
		if strings.Contains(c.query, "limit=1") && len(page.Entries) != 1 {
			t.Errorf("%s: %d entries on the page", c.query, len(page.Entries))
		}
	}
}
