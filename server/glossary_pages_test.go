package server_test

import (
	"context"
	"html"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"gorm.io/gorm"

	"lector/account"
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
	ctype := ""
	if form != nil {
		ctype = "application/x-www-form-urlencoded"
	}
	return u.do(method, path, ctype, body)
}

// do sends body of ctype (none when empty) with u's session, as a browser
// does, without following a redirect; it returns the status, the body and
// the Location.
func (u *pageUser) do(method, path, ctype string, body io.Reader) (int, string, string) {
	u.t.Helper()
	req, err := http.NewRequest(method, u.base+path, body)
	if err != nil {
		u.t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
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
		{"", []string{`href="/glossary/entries/` + w.muskID + `"`, "Elon Musk", "16 entries", `<option value="ru">Russian (ru)</option>`},
			[]string{`id="new-entry"`, `id="next-page"`}},
		{"?q=%D0%B8%D0%BB%D0%BE%D0%BD", []string{"Elon Musk", ">1 entry<"}, []string{"Walter Isaacson"}}, // "илон": any language
		{"?q=ISAX", []string{"Walter Isaacson"}, []string{"Elon Musk"}},                                  // a deprecated form, any case
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
	for bad, field := range map[string]string{"?status=wrong": "status", "?type=planet": "type", "?language=not%20a%20tag": "language",
		"?sort=random": "sort", "?after=garbage": "after", "?sort=updated&after=eyJzIjoibXVzayIsImkiOjF9": "after",
		"?after=eyJzIjoibXVzayIsImkiOjF9&before=eyJzIjoibXVzayIsImkiOjF9": "before", "?imported=1.2": "imported"} {
		status, body, _ := tr.get("/glossary" + bad)
		if status != http.StatusBadRequest || !strings.Contains(body, "“"+field+"”") {
			t.Errorf("%s: %d, want 400 naming %s\n%.500s", bad, status, field, body)
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
	page := func(path string) (string, string, string) {
		t.Helper()
		status, body, _ := tr.get(path)
		if status != http.StatusOK {
			t.Fatalf("%s: %d", path, status)
		}
		link := func(rel string) string {
			m := regexp.MustCompile(`href="([^"]+)" rel="` + rel + `"`).FindStringSubmatch(body)
			if m == nil {
				return ""
			}
			return html.UnescapeString(m[1])
		}
		return body, link("prev"), link("next")
	}
	body, prev, next := page("/glossary?q=gen")
	mustContain(t, body, "60 entries", "Gen term 100", "Gen term 149")
	if prev != "" || !strings.Contains(next, "after=") || !strings.Contains(next, "q=gen") {
		t.Fatalf("the first page links prev %q, next %q", prev, next)
	}
	body, prev, next = page(next)
	mustContain(t, body, "60 entries", "Gen term 150", "Gen term 159")
	if strings.Contains(body, "Gen term 149") || next != "" || !strings.Contains(prev, "before=") {
		t.Errorf("the last page: prev %q, next %q", prev, next)
	}
	body, prev, _ = page(prev)
	mustContain(t, body, "Gen term 100", "Gen term 149")
	if strings.Contains(body, "Gen term 150") || prev != "" {
		t.Errorf("back to the first page: prev %q", prev)
	}
	// Recently changed first: the last saved entry leads.
	body, _, next = page("/glossary?q=gen&sort=updated")
	if i, j := strings.Index(body, "Gen term 159"), strings.Index(body, "Gen term 158"); i < 0 || j < 0 || i > j || strings.Contains(body, "Gen term 109<") {
		t.Errorf("sort=updated does not put the latest change first")
	}
	body, _, _ = page(next)
	mustContain(t, body, "Gen term 100", "Gen term 109")
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
