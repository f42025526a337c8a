package server_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lector/audit"
	"lector/glossary"
)

// articleFlags creates an article through the API and returns its flags.
func (w pageWorld) articleFlags(t *testing.T, text string) int {
	t.Helper()
	status, body, _ := w.do(t, http.MethodPost, "/api/v1/articles", w.editor, "", `{"title":"T","lang":"en","text":"`+text+`"}`)
	if status != http.StatusCreated {
		t.Fatalf("create article: %d %s", status, body)
	}
	var a struct{ Flags int }
	if err := json.Unmarshal([]byte(body), &a); err != nil {
		t.Fatal(err)
	}
	return a.Flags
}

func TestGlossaryPageCreateEditDelete(t *testing.T) {
	w := newPageWorld(t)
	m := newPageUser(t, w.base, w.db, w.maint)
	const text, later = "Yesterday Zorblat Quax spoke.", "Yesterday Mork Zindle spoke."
	if n := w.articleFlags(t, text) + w.articleFlags(t, later); n != 0 {
		t.Fatalf("%d flags before the entry exists", n)
	}
	status, body, loc := m.post("/glossary/entries", entryForm("", "person",
		[3]string{"en", "Zorblat Quix", "preferred"}, [3]string{"en", "Zorblat Quax", "deprecated"}, [3]string{"", "", "admitted"}))
	if status != http.StatusSeeOther || !strings.HasPrefix(loc, "/glossary/entries/") {
		t.Fatalf("create: %d %q\n%s", status, loc, body)
	}
	path := strings.TrimSuffix(loc, "?saved=1")
	_, body, _ = m.get(loc)
	mustContain(t, body, `id="saved"`, "Zorblat Quax", "<code>zorblat-quix</code>", "gm@example.org", "created the entry")
	if n := w.articleFlags(t, text); n != 1 {
		t.Errorf("%d flags after the page created the entry; want 1 (the checker is reloaded)", n)
	}

	// The edit form holds the entry; a deprecated form is added in a blank row.
	_, body, _ = m.get(path + "/edit")
	mustContain(t, body, `value="Zorblat Quax"`, `name="revision" value="1"`)
	f := entryForm("", "person", [3]string{"en", "Zorblat Quix", "preferred"}, [3]string{"en", "Zorblat Quax", "deprecated"},
		[3]string{"en", "Mork Zindle", "deprecated"})
	f.Set("revision", "1")
	if status, body, _ := m.post(path, f); status != http.StatusSeeOther {
		t.Fatalf("edit: %d\n%s", status, body)
	}
	_, body, _ = m.get(path)
	mustContain(t, body, "Mork Zindle", "changed the entry", "added as wrong form", "<dd>2</dd>")
	if n := w.articleFlags(t, later); n != 1 {
		t.Errorf("%d flags on the new wrong form after the edit; want 1", n)
	}

	status, _, loc = m.post(path+"/delete", url.Values{})
	if status != http.StatusSeeOther || loc != "/glossary?deleted=zorblat-quix" {
		t.Fatalf("delete: %d %q", status, loc)
	}
	_, body, _ = m.get(loc)
	mustContain(t, body, `The entry “zorblat-quix” was deleted.`)
	if status, _, _ := m.get(path); status != http.StatusNotFound {
		t.Errorf("the deleted entry: %d", status)
	}
	if n := w.articleFlags(t, text) + w.articleFlags(t, later); n != 0 {
		t.Errorf("%d flags after the delete", n)
	}
	// Each write left an audit event naming the maintainer; the delete
	// keeps the entry as it was.
	var events []audit.Event
	w.db.Where("subject_type = 'glossary_entry' AND subject_id = ?", strings.TrimPrefix(path, "/glossary/entries/")).Order("id").Find(&events)
	var actions []string
	for _, e := range events {
		actions = append(actions, e.Action)
		if e.ActorID == nil || *e.ActorID != w.maint.UserID {
			t.Errorf("%s event names actor %v", e.Action, e.ActorID)
		}
	}
	if strings.Join(actions, ",") != "create,update,delete" {
		t.Fatalf("audit actions %v", actions)
	}
	if d := string(events[2].Detail); !strings.Contains(d, `"before"`) || !strings.Contains(d, "Mork Zindle") {
		t.Errorf("the delete event does not keep the entry: %s", d)
	}
}

func TestGlossaryPageValidation(t *testing.T) {
	w := newPageWorld(t)
	m := newPageUser(t, w.base, w.db, w.maint)
	cases := []struct {
		name   string
		form   url.Values
		status int
		want   []string
	}{
		{"bad language", entryForm("k1", "person", [3]string{"xx-!!", "Zed Alpha", "preferred"}), 422,
			[]string{"“xx-!!” is not a language tag", `value="xx-!!"`, `value="Zed Alpha"`}},
		{"empty form", entryForm("k2", "person", [3]string{"en", "Zed Beta", "preferred"}, [3]string{"de", "", "admitted"}), 422,
			[]string{"Write the form, or clear the row.", `value="Zed Beta"`}},
		{"bad status", entryForm("k3", "person", [3]string{"en", "Zed Gamma", "favourite"}), 422,
			[]string{"Choose one of the statuses."}},
		{"bad type", entryForm("k4", "planet", [3]string{"en", "Zed Delta", "preferred"}), 422,
			[]string{"Choose one of the types."}},
		{"no forms", entryForm("k5", "person", [3]string{"", "", "preferred"}), 422,
			[]string{"An entry needs at least one form.", `id="terms-error"`}},
		{"duplicate form", entryForm("k6", "person", [3]string{"en", "Zed Eps", "preferred"}, [3]string{"en", "Zed Eps", "deprecated"}), 422,
			[]string{"This form is already in the entry, in the same language."}},
		{"two preferred", entryForm("k7", "person", [3]string{"en", "Zed Zeta", "preferred"}, [3]string{"en", "Zed Eta", "preferred"}), 422,
			[]string{"English already has a preferred form in this entry"}},
		{"another entry's preferred form", entryForm("k8", "person", [3]string{"en", "Zed Theta", "preferred"}, [3]string{"en", "Elon Musk", "deprecated"}), 409,
			[]string{"Conflict: this is the preferred form of another entry:", `href="/glossary/entries/` + w.muskID + `" class="clash-link">Elon Musk (musk)</a>`, `value="Elon Musk"`, `aria-invalid="true"`}},
		{"key taken", entryForm("musk", "person", [3]string{"en", "Zed Iota", "preferred"}), 409,
			[]string{"A glossary entry with the key “musk” already exists.", `value="musk"`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body, _ := m.post("/glossary/entries", c.form)
			if status != c.status {
				t.Fatalf("%d, want %d\n%s", status, c.status, body)
			}
			mustContain(t, body, append(c.want, `id="problems"`, `id="entry-form"`)...)
		})
	}
	// Columns of different lengths come from no Lector form: 400.
	f := entryForm("k9", "person", [3]string{"en", "Zed Kappa", "preferred"})
	f.Add("term_form", "extra")
	if status, _, _ := m.post("/glossary/entries", f); status != http.StatusBadRequest {
		t.Errorf("ragged columns: %d, want 400", status)
	}
	var n int64
	w.db.Model(&glossary.Entry{}).Where("key ~ '^k[0-9]$'").Count(&n)
	if n != 0 {
		t.Errorf("%d refused entries were stored", n)
	}
}

// TestGlossaryPageStaleEdit: an edit made on an older revision is refused
// with the stored entry shown and the user's input kept; saving again,
// knowingly, goes through.
func TestGlossaryPageStaleEdit(t *testing.T) {
	w := newPageWorld(t)
	m := newPageUser(t, w.base, w.db, w.maint)
	path := "/glossary/entries/" + w.muskID
	_, body, _ := m.get(path + "/edit")
	mustContain(t, body, `name="revision" value="1"`)
	// Someone else saves first, through the API.
	status, body, _ := w.do(t, http.MethodPut, "/api/v1/glossary/entries/"+w.muskID, w.admin, "",
		`{"type":"person","revision":1,"terms":[{"lang":"en","form":"Elon Musk","status":"preferred"},{"lang":"en","form":"E. Musk","status":"admitted"}]}`)
	if status != http.StatusOK || !strings.Contains(body, `"revision":2`) {
		t.Fatalf("API edit: %d %s", status, body)
	}
	// The API refuses a stale revision too.
	status, body, _ = w.do(t, http.MethodPut, "/api/v1/glossary/entries/"+w.muskID, w.admin, "",
		`{"type":"person","revision":1,"terms":[{"lang":"en","form":"Elon Musk","status":"preferred"}]}`)
	if status != http.StatusConflict || errorCode(t, body) != "conflict" {
		t.Fatalf("stale API edit: %d %s", status, body)
	}
	f := entryForm("", "person", [3]string{"en", "Elon Musk", "preferred"}, [3]string{"en", "Elon R. Musk", "admitted"})
	f.Set("revision", "1")
	status, body, _ = m.post(path, f)
	if status != http.StatusConflict {
		t.Fatalf("stale page edit: %d, want 409", status)
	}
	mustContain(t, body, `id="stale"`, "E. Musk", `value="Elon R. Musk"`, `name="revision" value="2"`)
	f.Set("revision", "2")
	if status, body, _ := m.post(path, f); status != http.StatusSeeOther {
		t.Fatalf("saving again: %d\n%s", status, body)
	}
	_, body, _ = m.get(path)
	mustContain(t, body, "Elon R. Musk", "<dd>3</dd>")
}
