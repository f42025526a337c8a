package server_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lector/glossary"
)

// importCSV adds the entry "zorblax" and a deprecated German form to the
// seed's entry "isaacson" (its other rows as the seed has them).
const importCSV = `entry,type,lang,term,status,case_sensitive,note,source
zorblax,person,en,Zorblax Quint,preferred,true,,
zorblax,person,de,Zorblax Quint,preferred,true,,
isaacson,person,en,Walter Isaacson,preferred,true,,
isaacson,person,en,Isaacson,admitted,true,,
isaacson,person,en,Isaxon,deprecated,true,back-translated from Russian Айзексон,WSJ seed article
isaacson,person,ru,Уолтер Айзексон,preferred,true,,
isaacson,person,ru,Айзексон,admitted,true,,
isaacson,person,uk,Волтер Айзексон,preferred,true,,
isaacson,person,uk,Айзексон,admitted,true,,
isaacson,person,de,Walter Isaacson,preferred,true,,
isaacson,person,de,Isaacson,admitted,true,,
isaacson,person,de,Isaakson,deprecated,true,,
`

func csvFile(data string) filePart {
	return filePart{field: "file", name: "names.csv", ctype: "text/csv", data: []byte(data)}
}

// glossaryState is what an import may change: the entries' keys and
// revisions, the terms, and the uploads waiting for a Confirm.
func glossaryState(t *testing.T, w pageWorld) string {
	t.Helper()
	var s string
	err := w.db.Raw(`SELECT (SELECT string_agg(key || ':' || revision, ',' ORDER BY key) FROM glossary_entries) || ' terms=' ||
		(SELECT count(*) FROM glossary_terms) || ' uploads=' || (SELECT count(*) FROM glossary_import_uploads)`).Scan(&s).Error
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestGlossaryImportPageDryRunThenConfirm(t *testing.T) {
	w := newPageWorld(t)
	m := newPageUser(t, w.base, w.db, w.maint)
	before := glossaryState(t, w)

	status, body, _ := m.upload("/glossary/import", nil, csvFile(importCSV))
	if status != http.StatusOK {
		t.Fatalf("dry run: %d\n%s", status, body)
	}
	mustContain(t, body, `id="dry-run"`, "1 new entry", "1 changed entry", "<code>zorblax</code>", "Zorblax Quint",
		"<code>isaacson</code>", "Isaakson", "0 conflicts")
	if strings.Contains(body, `id="import-deleted"`) {
		t.Error("the dry run lists deletions without prune")
	}
	if after := glossaryState(t, w); after != strings.Replace(before, "uploads=0", "uploads=1", 1) {
		t.Fatalf("the dry run wrote more than its upload:\nbefore %s\nafter  %s", before, after)
	}
	f := confirmForm.FindStringSubmatch(body)
	if f == nil {
		t.Fatalf("no Confirm form:\n%s", body)
	}

	// Someone else's Confirm of this upload is refused.
	other := newPageUser(t, w.base, w.db, w.admin)
	if status, _, _ := other.post(f[1], url.Values{"digest": {f[2]}}); status != http.StatusNotFound {
		t.Errorf("another maintainer's confirm: %d, want 404", status)
	}

	status, body, loc := m.post(f[1], url.Values{"digest": {f[2]}})
	if status != http.StatusSeeOther || loc != "/glossary?imported=1.1.0" {
		t.Fatalf("confirm: %d %q\n%s", status, loc, body)
	}
	ids, err := glossary.EntryIDs(context.Background(), w.db, []string{"zorblax", "isaacson"})
	if err != nil || len(ids) != 2 {
		t.Fatalf("entries after the import: %v %v", ids, err)
	}
	e, err := glossary.GetEntry(context.Background(), w.db, ids["isaacson"])
	if err != nil {
		t.Fatal(err)
	}
	if len(e.Terms) != 10 || !strings.Contains(glossaryForms(e), "de:Isaakson:deprecated") {
		t.Errorf("isaacson after the import: %s", glossaryForms(e))
	}
	if s := glossaryState(t, w); !strings.HasSuffix(s, "uploads=0") {
		t.Errorf("the applied upload is still kept: %s", s)
	}
	_, body, _ = m.get(loc)
	mustContain(t, body, `id="imported"`, "Import applied: 1 new, 1 changed, 0 deleted.")

	// The same Confirm again finds nothing to apply.
	if status, _, _ := m.post(f[1], url.Values{"digest": {f[2]}}); status != http.StatusNotFound {
		t.Errorf("second confirm: %d, want 404", status)
	}
}

func glossaryForms(e glossary.Entry) string {
	var out []string
	for _, t := range e.Terms {
		out = append(out, t.Lang+":"+t.Form+":"+string(t.Status))
	}
	return strings.Join(out, " ")
}

// TestGlossaryImportPageGlossaryChanged: a change to the glossary between
// the dry run and Confirm is not applied unseen: Confirm shows the new dry
// run (409) and writes nothing; confirming that one applies it.
func TestGlossaryImportPageGlossaryChanged(t *testing.T) {
	w := newPageWorld(t)
	m := newPageUser(t, w.base, w.db, w.maint)
	_, body, _ := m.upload("/glossary/import", nil, csvFile(importCSV))
	f := confirmForm.FindStringSubmatch(body)
	if f == nil {
		t.Fatalf("no Confirm form:\n%s", body)
	}
	ctx := context.Background()
	ids, _ := glossary.EntryIDs(ctx, w.db, []string{"isaacson"})
	e, err := glossary.GetEntry(ctx, w.db, ids["isaacson"])
	if err != nil {
		t.Fatal(err)
	}
	e.Terms = append(e.Terms, glossary.Term{Lang: "fr", Form: "Walter Isaacson", Status: glossary.Preferred, CaseSensitive: true})
	if _, err := glossary.SaveEntry(ctx, w.db, e.ID, e, nil); err != nil {
		t.Fatal(err)
	}
	before := glossaryState(t, w)

	status, body, _ := m.post(f[1], url.Values{"digest": {f[2]}})
	if status != http.StatusConflict {
		t.Fatalf("confirm after a change: %d, want 409\n%s", status, body)
	}
	mustContain(t, body, `id="replanned"`, `id="dry-run"`, "Walter Isaacson") // the French form the file would remove
	if after := glossaryState(t, w); after != before {
		t.Fatalf("a stale confirm wrote:\nbefore %s\nafter  %s", before, after)
	}
	g := confirmForm.FindStringSubmatch(body)
	if g == nil || g[2] == f[2] {
		t.Fatalf("the new dry run has no Confirm of its own plan: %v", g)
	}
	if status, _, loc := m.post(g[1], url.Values{"digest": {g[2]}}); status != http.StatusSeeOther || loc != "/glossary?imported=1.1.0" {
		t.Fatalf("confirm of the new dry run: %d %q", status, loc)
	}
}

func TestGlossaryImportPageRefusesBadFiles(t *testing.T) {
	w := newPageWorld(t)
	m := newPageUser(t, w.base, w.db, w.maint)
	before := glossaryState(t, w)
	cases := []struct {
		name   string
		files  []filePart
		status int
		want   []string
	}{
		{"a bad status on line 3", []filePart{csvFile("entry,type,lang,term,status\nzorblax,person,en,Zorblax,preferred\nzorblax,person,de,Zorblax,favourite\n")},
			http.StatusBadRequest, []string{`id="import-error"`, "names.csv, line 3, field “status”"}},
		{"a missing column on line 2", []filePart{csvFile("entry,type,lang,term,status\nzorblax,person,en\n")},
			http.StatusBadRequest, []string{"names.csv, line 2, field “term”"}},
		{"a broken TBX", []filePart{{field: "file", name: "names.tbx", data: []byte("<?xml version=\"1.0\"?>\n<tbx>\n<text><body>\n</tbx>")}},
			http.StatusBadRequest, []string{`id="import-error"`, "names.tbx, line"}},
		{"a Word file", []filePart{{field: "file", name: "names.docx", data: []byte("PK\x03\x04")}},
			http.StatusUnsupportedMediaType, []string{"“names.docx” is not a CSV file"}},
		{"no file", nil, http.StatusBadRequest, []string{"The field “file” is required."}},
		{"an empty file", []filePart{csvFile("")}, http.StatusBadRequest, []string{"The field “file” is required."}},
		{"over the body limit", []filePart{csvFile(importCSV + strings.Repeat("x", 16<<20))}, http.StatusRequestEntityTooLarge, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body, _ := m.upload("/glossary/import", nil, c.files...)
			if status != c.status {
				t.Fatalf("%d, want %d\n%.2000s", status, c.status, body)
			}
			mustContain(t, body, c.want...)
			if after := glossaryState(t, w); after != before {
				t.Errorf("a refused file changed the glossary:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// TestGlossaryImportPageConflicts: a file that clashes with the glossary
// shows its conflicts and no Confirm, and is not kept.
func TestGlossaryImportPageConflicts(t *testing.T) {
	w := newPageWorld(t)
	m := newPageUser(t, w.base, w.db, w.maint)
	before := glossaryState(t, w)
	status, body, _ := m.upload("/glossary/import", nil, csvFile("entry,type,lang,term,status\nzorblax,person,en,Elon Musk,preferred\n"))
	if status != http.StatusOK {
		t.Fatalf("%d\n%s", status, body)
	}
	mustContain(t, body, `id="import-conflicts"`, "1 conflict", "clashes with “Elon Musk”", `id="cannot-apply"`)
	if confirmForm.MatchString(body) {
		t.Error("a file with conflicts is offered for Confirm")
	}
	if after := glossaryState(t, w); after != before {
		t.Errorf("a file with conflicts was kept:\nbefore %s\nafter  %s", before, after)
	}
}

func TestGlossaryImportPageRoles(t *testing.T) {
	w := newPageWorld(t)
	cases := []roleCase{
		{"translator", newPageUser(t, w.base, w.db, w.translator), http.StatusForbidden},
		{"editor", newPageUser(t, w.base, w.db, w.editor), http.StatusForbidden},
		{"glossary maintainer", newPageUser(t, w.base, w.db, w.maint), http.StatusOK},
		{"admin", newPageUser(t, w.base, w.db, w.admin), http.StatusOK},
	}
	lists := uploadPageRoles(t, "/glossary/import", "/glossary", `id="import-link"`, cases,
		`enctype="multipart/form-data"`, `data-upload-progress="import-progress"`, "up to 16 MiB")
	for i, c := range cases {
		mustContain(t, lists[i], `href="/api/v1/glossary/export?format=csv"`, `href="/api/v1/glossary/export?format=tbx"`)
		for format, want := range map[string]string{"csv": "entry,type,lang,term,status", "tbx": "<tbx"} {
			status, file, _ := c.user.get("/api/v1/glossary/export?format=" + format)
			if status != http.StatusOK || !strings.Contains(file, want) || !strings.Contains(file, "Walter Isaacson") {
				t.Errorf("%s: the %s export link: %d %.200s", c.name, format, status, file)
			}
		}
	}
}

// TestProposalsPageParameters: the proposals page reads its search,
// filters, order and cursors from the address, and a bad one is a 400
// naming it.
func TestProposalsPageParameters(t *testing.T) {
	w := newPageWorld(t)
	m := newPageUser(t, w.base, w.db, w.maint)
	for query, field := range map[string]string{"?status=maybe": "status", "?kind=rename": "kind", "?sort=alphabet": "sort",
		"?language=not%20a%20tag": "language", "?after=garbage": "after", "?sort=evidence&after=eyJzIjoibXVzayIsImkiOjF9": "after"} {
		status, body, _ := m.get("/glossary/proposals" + query)
		if status != http.StatusBadRequest || !strings.Contains(body, "“"+field+"”") {
			t.Errorf("%s: %d, want 400 naming %s\n%.500s", query, status, field, body)
		}
	}
	status, body, _ := m.get("/glossary/proposals?q=zz&language=de&kind=downgrade&sort=oldest&status=rejected")
	if status != http.StatusOK {
		t.Fatalf("%d", status)
	}
	mustContain(t, body, `id="no-proposals"`, `<option value="downgrade" selected>`, `<option value="oldest" selected>`,
		`name="status" value="rejected"`, `value="zz"`)
}
