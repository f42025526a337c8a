package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"gorm.io/gorm"

	"lector/account"
	"lector/audit"
	"lector/glossary"
	"lector/review/reviewtest"
)

// pageUser is a signed-in browser without JavaScript: a session cookie,
// and the CSRF token scraped from a page as a form would send it.
type pageUser struct {
	t       *testing.T
	base    string
	cookie  string
	csrfTok string
}

func newPageUser(t *testing.T, base string, db *gorm.DB, p *account.Principal) *pageUser {
	t.Helper()
	u := &pageUser{t: t, base: base}
	if p != nil {
		u.cookie = account.SessionCookie + "=" + reviewtest.Session(t, db, p)
		_, body, _ := u.get("/glossary")
		if m := csrfField.FindStringSubmatch(body); m != nil {
			u.csrfTok = m[1]
		}
	}
	return u
}

func (u *pageUser) send(method, path string, form url.Values) (int, string, string) {
	u.t.Helper()
	var body io.Reader
	if form != nil {
		if form.Get("csrf_token") == "" {
			form.Set("csrf_token", u.csrfTok)
		}
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, u.base+path, body)
	if err != nil {
		u.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if u.cookie != "" {
		req.Header.Set("Cookie", u.cookie)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		u.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), res.Header.Get("Location")
}

func (u *pageUser) get(path string) (int, string, string) { return u.send(http.MethodGet, path, nil) }

func (u *pageUser) post(path string, form url.Values) (int, string, string) {
	return u.send(http.MethodPost, path, form)
}

// entryForm is the entry form as a browser posts it: key, type, then one
// row a term of lang, form, status.
func entryForm(key, typ string, rows ...[3]string) url.Values {
	v := url.Values{"key": {key}, "type": {typ}}
	for _, r := range rows {
		v.Add("term_lang", r[0])
		v.Add("term_form", r[1])
		v.Add("term_status", r[2])
		v.Add("term_case", "")
		v.Add("term_note", "")
		v.Add("term_source", "")
	}
	return v
}

type pageWorld struct {
	glossaryWorld
	muskID string
}

func newPageWorld(t *testing.T) pageWorld {
	w := newGlossaryWorld(t)
	return pageWorld{glossaryWorld: w, muskID: w.entryID(t, "musk")}
}

func mustContain(t *testing.T, body string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(body, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
}

func TestGlossaryListPage(t *testing.T) {
	w := newPageWorld(t)
	tr := newPageUser(t, w.base, w.db, w.translator)
	cases := []struct {
		query        string
		want, absent []string
	}{
		{"", []string{`href="/glossary/entries/` + w.muskID + `"`, "Elon Musk", "Entries 1–16 of 16", `<option value="ru">Russian (ru)</option>`},
			[]string{`id="new-entry"`, `id="next-page"`}},
		{"?q=%D0%B8%D0%BB%D0%BE%D0%BD", []string{"Elon Musk", "Entries 1–1 of 1"}, []string{"Walter Isaacson"}}, // "илон": any language
		{"?q=ISAX", []string{"Walter Isaacson"}, []string{"Elon Musk"}},                                         // a deprecated form, any case
		{"?type=person&language=en&status=false-friend", []string{"Elon Musk"}, []string{"Walter Isaacson"}},
		{"?language=ru&status=deprecated", []string{`id="no-entries"`, "No entry matches"}, nil},
		{"?q=zzzz", []string{"No entry matches"}, nil},
	}
	for _, c := range cases {
		status, body, _ := tr.get("/glossary" + c.query)
		if status != http.StatusOK {
			t.Fatalf("%s: %d", c.query, status)
		}
		if !strings.Contains(body, "<table") && !strings.Contains(body, `id="no-entries"`) {
			t.Fatalf("%s: no list and no empty notice:\n%s", c.query, body)
		}
		for _, want := range c.want {
			if !strings.Contains(body, want) {
				t.Errorf("%s: the page lacks %q", c.query, want)
			}
		}
		for _, a := range c.absent {
			if strings.Contains(body, a) {
				t.Errorf("%s: the page shows %q", c.query, a)
			}
		}
	}
	for _, bad := range []string{"?status=wrong", "?type=planet", "?language=not%20a%20tag", "?page=0", "?page=x"} {
		if status, _, _ := tr.get("/glossary" + bad); status != http.StatusBadRequest {
			t.Errorf("%s: %d, want 400", bad, status)
		}
	}
	// Language names follow the reader: a Russian reader sees Russian ones.
	_, body, _ := tr.get("/glossary?lang=ru")
	mustContain(t, body, `<option value="de">Немецкий (de)</option>`, `<abbr title="uk">Украинский</abbr>`)
	// The maintainer is offered the editing controls.
	_, body, _ = newPageUser(t, w.base, w.db, w.maint).get("/glossary")
	mustContain(t, body, `id="new-entry"`)
}

func TestGlossaryListPaginates(t *testing.T) {
	w := newPageWorld(t)
	ctx := context.Background()
	for i := range 60 {
		e := glossary.Entry{Key: "gen" + itoa(int64(100+i)), Type: "term",
			Terms: []glossary.Term{{Lang: "en", Form: "Gen term " + itoa(int64(100+i)), Status: glossary.Preferred}}}
		if _, err := glossary.SaveEntry(ctx, w.db, 0, e, nil); err != nil {
			t.Fatal(err)
		}
	}
	tr := newPageUser(t, w.base, w.db, w.translator)
	_, body, _ := tr.get("/glossary?q=gen")
	mustContain(t, body, "Entries 1–50 of 60", `href="/glossary?page=2&amp;q=gen"`)
	_, body, _ = tr.get("/glossary?q=gen&page=2")
	mustContain(t, body, "Entries 51–60 of 60", "Gen term 159", `href="/glossary?q=gen" rel="prev"`)
	if strings.Contains(body, `id="next-page"`) {
		t.Error("the last page links a next page")
	}
}

func TestGlossaryEntryPage(t *testing.T) {
	w := newPageWorld(t)
	tr := newPageUser(t, w.base, w.db, w.translator)
	status, body, _ := tr.get("/glossary/entries/" + w.muskID)
	if status != http.StatusOK {
		t.Fatalf("%d", status)
	}
	mustContain(t, body, `id="lang-en"`, `id="lang-ru"`, `id="lang-uk"`, `id="lang-de"`,
		`<abbr title="ru">Russian</abbr>`, "Ilon Musk", "wrong form", "false friend", "back-translated from Russian",
		"WSJ seed article", "Nothing has happened yet.")
	if strings.Contains(body, `id="edit-entry"`) || strings.Contains(body, "/delete") {
		t.Error("a translator is offered editing controls")
	}
	// The reader's language comes first, named in that language.
	req, _ := http.NewRequest(http.MethodGet, w.base+"/glossary/entries/"+w.muskID+"?lang=uk", nil)
	req.Header.Set("Cookie", tr.cookie)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	uk := string(b)
	if i, j := strings.Index(uk, `id="lang-uk"`), strings.Index(uk, `id="lang-en"`); i < 0 || j < 0 || i > j {
		t.Errorf("Ukrainian forms are not first for a Ukrainian reader")
	}
	mustContain(t, uk, `<abbr title="en">Англійська</abbr>`)
	if status, _, _ := tr.get("/glossary/entries/999999"); status != http.StatusNotFound {
		t.Errorf("a missing entry: %d", status)
	}
}

func TestGlossaryPageAuthorization(t *testing.T) {
	w := newPageWorld(t)
	entry := "/glossary/entries/" + w.muskID
	form := func() url.Values {
		return entryForm("", "person", [3]string{"en", "Elon Musk", "preferred"})
	}
	anon := newPageUser(t, w.base, w.db, nil)
	if status, _, loc := anon.get("/glossary"); status != http.StatusFound || !strings.HasPrefix(loc, "/login") {
		t.Errorf("anonymous list: %d %q, want a redirect to sign in", status, loc)
	}
	tr := newPageUser(t, w.base, w.db, w.translator)
	ed := newPageUser(t, w.base, w.db, w.editor)
	for _, u := range []*pageUser{tr, ed} {
		for _, c := range []struct {
			method, path string
			form         url.Values
		}{
			{http.MethodGet, "/glossary/new", nil},
			{http.MethodGet, entry + "/edit", nil},
			{http.MethodPost, "/glossary/entries", entryForm("x", "term", [3]string{"en", "x", "preferred"})},
			{http.MethodPost, entry, form()},
			{http.MethodPost, entry + "/delete", url.Values{}},
		} {
			if status, _, _ := u.send(c.method, c.path, c.form); status != http.StatusForbidden {
				t.Errorf("%s %s by a non-maintainer: %d, want 403", c.method, c.path, status)
			}
		}
	}
	if status, _, _ := tr.get(entry); status != http.StatusOK {
		t.Errorf("a translator reading an entry: %d", status)
	}
	for _, p := range []*account.Principal{w.maint, w.admin} {
		u := newPageUser(t, w.base, w.db, p)
		for _, path := range []string{"/glossary/new", entry + "/edit"} {
			if status, _, _ := u.get(path); status != http.StatusOK {
				t.Errorf("%v GET %s: %d", p.Roles, path, status)
			}
		}
	}
	// A form post without the session's CSRF token is refused.
	f := form()
	f.Set("csrf_token", "forged")
	if status, _, _ := newPageUser(t, w.base, w.db, w.maint).post(entry, f); status != http.StatusForbidden {
		t.Errorf("a forged CSRF token: %d, want 403", status)
	}
}

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
