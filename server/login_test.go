package server_test

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

	"lector/account"
	"lector/locales"
)

// browser is an HTTP client with cookies that does not follow redirects.
type browser struct {
	t    *testing.T
	base string
	c    *http.Client
}

func newBrowser(t *testing.T, base string) *browser {
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: base, c: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (b *browser) do(method, path string, form url.Values) (*http.Response, string) {
	b.t.Helper()
	req, err := http.NewRequest(method, b.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		b.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return res, string(body)
}

var csrfField = regexp.MustCompile(`name="csrf_token" value="([^"]+)"`)

// csrf opens path and returns the CSRF token of its first form.
func (b *browser) csrf(path string) string {
	b.t.Helper()
	_, body := b.do("GET", path, nil)
	m := csrfField.FindStringSubmatch(body)
	if m == nil {
		b.t.Fatalf("no csrf_token on %s:\n%s", path, body)
	}
	return m[1]
}

func (b *browser) signIn(email, password, next string) (*http.Response, string) {
	b.t.Helper()
	return b.do("POST", "/login", url.Values{"email": {email}, "password": {password}, "next": {next}, "csrf_token": {b.csrf("/login")}})
}

func TestSignInAndOut(t *testing.T) {
	base, db := startSeeded(t)
	_, pw, err := account.CreateUser(context.Background(), db, "ann@example.org", "Ann", []string{"translator", "glossary"})
	if err != nil {
		t.Fatal(err)
	}
	b := newBrowser(t, base)

	if _, body := b.do("GET", "/articles", nil); !strings.Contains(body, `href="/login?next=%2Farticles"`) {
		t.Errorf("anonymous page has no sign-in link back to it")
	}
	res, body := b.do("GET", "/login?next=/articles", nil)
	if res.StatusCode != 200 || !strings.Contains(body, `name="next" value="/articles"`) {
		t.Fatalf("sign-in page: %d\n%s", res.StatusCode, body)
	}

	// The form without its token, as a forged cross-site post would be.
	res, body = b.do("POST", "/login", url.Values{"email": {"ann@example.org"}, "password": {pw}})
	if res.StatusCode != 403 || !strings.Contains(body, "This form has expired") {
		t.Errorf("sign-in without token: %d", res.StatusCode)
	}
	res, body = b.signIn("Ann@example.org", pw+"x", "/articles")
	if res.StatusCode != 401 || !strings.Contains(body, "Wrong email or password.") || !strings.Contains(body, `value="ann@example.org"`) {
		t.Errorf("wrong password: %d\n%s", res.StatusCode, body)
	}

	res, _ = b.signIn("ann@example.org", pw, "/articles")
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/articles" {
		t.Fatalf("sign-in: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}
	var session *http.Cookie
	for _, c := range res.Cookies() {
		if c.Name == account.SessionCookie {
			session = c
		}
	}
	if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode || session.Path != "/" || session.Secure {
		t.Fatalf("session cookie %+v: want HttpOnly, SameSite=Lax, Path=/, not Secure on http", session)
	}
	_, body = b.do("GET", "/articles", nil)
	for _, want := range []string{"ann@example.org", "(translator, glossary)", `action="/logout"`, `name="csrf-token"`, `hx-headers='{"X-CSRF-Token": "`} {
		if !strings.Contains(body, want) {
			t.Errorf("signed-in page lacks %q", want)
		}
	}
	// Signed in, the sign-in page moves on.
	if res, _ := b.do("GET", "/login?next=/articles/1", nil); res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/articles/1" {
		t.Errorf("sign-in page when signed in: %d to %q", res.StatusCode, res.Header.Get("Location"))
	}

	if res, _ := b.do("POST", "/logout", url.Values{}); res.StatusCode != 403 {
		t.Errorf("sign-out without token: %d, want 403", res.StatusCode)
	}
	res, _ = b.do("POST", "/logout", url.Values{"csrf_token": {b.csrf("/articles")}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-out: %d", res.StatusCode)
	}
	var sessions int64
	db.Raw("SELECT count(*) FROM sessions").Scan(&sessions)
	if sessions != 0 {
		t.Errorf("%d sessions after sign-out, want 0", sessions)
	}
	if _, body := b.do("GET", "/articles", nil); strings.Contains(body, "ann@example.org") || !strings.Contains(body, "Sign in") {
		t.Error("after sign-out the page still shows the user")
	}
}

// After sign-in only paths on this site are followed.
func TestSignInNextStaysOnSite(t *testing.T) {
	base, db := startSeeded(t)
	_, pw, err := account.CreateUser(context.Background(), db, "ann@example.org", "", []string{"editor"})
	if err != nil {
		t.Fatal(err)
	}
	for next, want := range map[string]string{
		"/articles/1?x=1":          "/articles/1?x=1",
		"https://evil.example/":    "/",
		"//evil.example/":          "/",
		`/\evil.example`:           "/",
		"javascript:alert(1)":      "/",
		"/login?next=//evil.examp": "/",
		"":                         "/",
	} {
		res, _ := newBrowser(t, base).signIn("ann@example.org", pw, next)
		if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != want {
			t.Errorf("next %q: %d to %q, want %q", next, res.StatusCode, res.Header.Get("Location"), want)
		}
	}
}

// Failed sign-ins slow the account (429 with Retry-After and a message),
// but not the owner's browser that signed in before: it carries a
// known-device cookie, and the right password from it is accepted.
func TestSignInThrottle(t *testing.T) {
	base, db := startSeeded(t)
	_, pw, err := account.CreateUser(context.Background(), db, "ann@example.org", "", []string{"editor"})
	if err != nil {
		t.Fatal(err)
	}
	owner := newBrowser(t, base)
	if res, _ := owner.signIn("ann@example.org", pw, "/"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("owner's first sign-in: %d", res.StatusCode)
	}
	owner.do("POST", "/logout", url.Values{"csrf_token": {owner.csrf("/articles")}})
	attacker := newBrowser(t, base)
	for i := range account.FreeFailuresPerAccount {
		if res, _ := attacker.signIn("ann@example.org", "guess", "/"); res.StatusCode != 401 {
			t.Fatalf("failure %d: status %d", i+1, res.StatusCode)
		}
	}
	res, body := attacker.signIn("ann@example.org", pw, "/")
	wait, err := strconv.Atoi(res.Header.Get("Retry-After"))
	if res.StatusCode != http.StatusTooManyRequests || err != nil || wait < 1 || wait > 2 {
		t.Fatalf("attempt after the free failures: %d, Retry-After %q; want 429 and 2 s", res.StatusCode, res.Header.Get("Retry-After"))
	}
	if !strings.Contains(body, "Too many failed sign-in attempts") || !strings.Contains(body, "Wait "+strconv.Itoa(wait)+" s") {
		t.Errorf("the page does not explain the delay:\n%s", body)
	}
	if res, _ := owner.signIn("ann@example.org", pw, "/"); res.StatusCode != http.StatusSeeOther {
		t.Errorf("owner's browser during the delay: %d, want 303", res.StatusCode)
	}
}

// The signed-in user's saved language comes after ?lang and the cookie but
// before Accept-Language.
func TestUserLocale(t *testing.T) {
	bundle, err := locales.NewBundle()
	if err != nil {
		t.Fatal(err)
	}
	if err := bundle.AddMessages(language.German, &i18n.Message{ID: "nav.articles", Other: "Artikel"}); err != nil {
		t.Fatal(err)
	}
	e, db := newSeeded(t, bundle)
	ts := httptest.NewServer(e)
	t.Cleanup(ts.Close)
	u, pw, err := account.CreateUser(context.Background(), db, "ann@example.org", "", []string{"editor"})
	if err != nil {
		t.Fatal(err)
	}
	db.Exec("UPDATE users SET locale = 'de' WHERE id = ?", u.ID)
	b := newBrowser(t, ts.URL)
	if _, body := b.do("GET", "/articles", nil); !strings.Contains(body, ">Articles<") {
		t.Fatal("anonymous reader without preferences does not get English")
	}
	if res, _ := b.signIn("ann@example.org", pw, "/"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign-in: %d", res.StatusCode)
	}
	if _, body := b.do("GET", "/articles", nil); !strings.Contains(body, ">Artikel<") || !strings.Contains(body, `<html lang="de">`) {
		t.Error("the user's saved language is not used")
	}
	if _, body := b.do("GET", "/articles?lang=en", nil); !strings.Contains(body, ">Articles<") {
		t.Error("?lang does not win over the user's language")
	}
}
