package server_test

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"gorm.io/gorm"

	"lector/account"
	"lector/config"
	"lector/database/dbtest"
	"lector/review"
	"lector/server"
	"lector/server/browsertest"
	"lector/server/servertest"
)

// oidcApp is Lector signing in through an OpenID Provider, with its log
// kept and the callbacks it was sent noted.
type oidcApp struct {
	base string
	db   *gorm.DB
	log  dbtest.LockedBuffer

	mu        sync.Mutex
	callbacks []string
}

func (a *oidcApp) lastCallback(t *testing.T) string {
	t.Helper()
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.callbacks) == 0 {
		t.Fatal("the provider sent no one back to Lector")
	}
	return a.callbacks[len(a.callbacks)-1]
}

// startOIDCApp serves Lector on a fresh database with its provider set by
// provider, which gets Lector's base URL.
func startOIDCApp(t *testing.T, provider func(base string) config.OIDC) *oidcApp {
	t.Helper()
	return startOIDCAppWith(t, func(c *config.Config, base string) { c.OIDC = provider(base) })
}

// startOIDCAppWith is startOIDCApp with tune setting the configuration.
func startOIDCAppWith(t *testing.T, tune func(c *config.Config, base string)) *oidcApp {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	a := &oidcApp{base: "http://" + ln.Addr().String(), db: dbtest.New(t)}
	cfg := &config.Config{Addr: ln.Addr().String(), DataDir: "unused"}
	tune(cfg, a.base)
	e := servertest.New(t, server.Deps{Config: cfg, DB: a.db, Logger: slog.New(slog.NewTextHandler(&a.log, nil)),
		Checker: review.NewChecker(nil)})
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == account.OIDCCallbackPath {
			a.mu.Lock()
			a.callbacks = append(a.callbacks, a.base+r.URL.RequestURI())
			a.mu.Unlock()
		}
		e.ServeHTTP(w, r)
	}))
	ts.Listener.Close()
	ts.Listener = ln
	ts.Start()
	t.Cleanup(ts.Close)
	return a
}

// newsroomID configures Lector for the test provider at issuer.
func newsroomID(issuer string) config.OIDC {
	return config.OIDC{Issuer: issuer, ClientID: opClientID, ClientSecret: opClientSecret, Name: "Newsroom ID",
		RoleMap: "lector-editors=editor,lector-admins=admin"}
}

// signInAtProvider goes from Lector's sign-in page through the provider's
// and back, and waits for whatever page Lector shows.
func signInAtProvider(t *testing.T, ctx context.Context, base, username string) {
	t.Helper()
	browse(ctx, t,
		chromedp.Navigate(base+"/login?next=/articles"),
		chromedp.Click(chromedp.CSS(`a.sign-in-oidc`)),
		chromedp.WaitVisible(chromedp.CSS(`#username`)),
		chromedp.SendKeys(chromedp.CSS(`#username`), username),
		chromedp.SendKeys(chromedp.CSS(`#password`), opPassword),
		chromedp.Submit(chromedp.CSS(`#password`)),
		chromedp.WaitReady(chromedp.CSS(`main h1, .who-email`)),
	)
}

// TestOIDCSignInInBrowser signs in through a real OpenID Provider: the
// account is made on the first sign-in with the role its groups map to,
// changes roles with its groups at the next, and the provider's callback
// replayed, even with the browser's state cookie put back, is refused.
func TestOIDCSignInInBrowser(t *testing.T) {
	groups := []string{"lector-editors", "staff"}
	var issuer, username string
	app := startOIDCApp(t, func(base string) config.OIDC {
		issuer, username = startProvider(t, base, groups, 0)
		return newsroomID(issuer)
	})
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := noFollow.Get(app.base + account.OIDCStartPath)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	to, err := url.Parse(resp.Header.Get("Location"))
	if err != nil {
		t.Fatal(err)
	}
	q := to.Query()
	if !strings.HasPrefix(to.String(), issuer) || q.Get("code_challenge_method") != "S256" || len(q.Get("code_challenge")) != 43 ||
		q.Get("nonce") == "" || q.Get("state") == "" || q.Get("redirect_uri") != app.base+account.OIDCCallbackPath {
		t.Errorf("sign-in begins at %s: want the provider with PKCE (S256), a nonce, a state and Lector's callback", to)
	}

	ctx := browsertest.New(t)
	browse(ctx, t, chromedp.Navigate(app.base+"/login"))
	if got := text(ctx, t, `document.querySelector('a.sign-in-oidc').innerText`); got != "Sign in with Newsroom ID" {
		t.Errorf("the sign-in page offers %q", got)
	}
	signInAtProvider(t, ctx, app.base, username)
	if got := text(ctx, t, `location.pathname`); got != "/articles" {
		t.Errorf("after sign-in at %q, want /articles", got)
	}
	if got := text(ctx, t, `document.querySelector('.who') ? document.querySelector('.who').innerText : document.body.innerText`); !strings.Contains(got, opUserEmail) || !strings.Contains(got, "(editor)") {
		t.Errorf("navigation shows %q, want %s as an editor", got, opUserEmail)
	}
	u, err := account.UserByEmail(context.Background(), app.db, opUserEmail)
	if err != nil {
		t.Fatal(err)
	}
	if u.OIDCIssuer == nil || *u.OIDCIssuer != issuer || u.OIDCSubject == nil || *u.OIDCSubject != "id1" || u.PasswordHash != "" {
		t.Errorf("account %+v: want issuer %s, subject id1 and no password", u, issuer)
	}

	// The same callback again, with the state cookie the browser had.
	callback := app.lastCallback(t)
	cb, err := url.Parse(callback)
	if err != nil {
		t.Fatal(err)
	}
	state := cb.Query().Get("state")
	browse(ctx, t,
		chromedp.Evaluate[chromedp.Void](`document.cookie = "lector_oidc_state=`+state+`; path=`+account.OIDCStartPath+`"`),
		chromedp.Navigate(callback),
		chromedp.WaitVisible(chromedp.CSS(`main h1`)),
	)
	if got := text(ctx, t, `document.querySelector('main').innerText`); !strings.Contains(got, "Bad request") || !strings.Contains(got, "This sign-in was used already") {
		t.Errorf("the replayed callback shows %q, want the bad-request page about a used sign-in", got)
	}
	if res, _ := get(t, callback, "Cookie", "lector_oidc_state="+state); res.StatusCode != http.StatusBadRequest {
		t.Errorf("the replayed callback: status %d, want 400", res.StatusCode)
	}
	if log := app.log.String(); !strings.Contains(log, "OpenID Connect sign-in refused") || !strings.Contains(log, "error.oidc_state") {
		t.Errorf("the replay was not logged:\n%s", log)
	}

	// Groups are read again at each sign-in.
	groups[0] = "lector-admins"
	browse(ctx, t, chromedp.Click(chromedp.CSS(`form.sign-out button`)), chromedp.WaitVisible(chromedp.CSS(`a.sign-in`)))
	signInAtProvider(t, ctx, app.base, username)
	if u, err = account.UserByEmail(context.Background(), app.db, opUserEmail); err != nil {
		t.Fatal(err)
	}
	if got := u.RoleNames(); !slices.Equal(got, []string{account.RoleAdmin}) {
		t.Errorf("after the groups changed the roles are %v, want [admin]", got)
	}
}

// TestOIDCRefusals: an expired ID token and a provider that answers as
// another issuer give a page saying so, with a 4xx status, and a log line.
func TestOIDCRefusals(t *testing.T) {
	t.Run("expired ID token", func(t *testing.T) {
		var username string
		app := startOIDCApp(t, func(base string) config.OIDC {
			var issuer string
			issuer, username = startProvider(t, base, []string{"lector-editors"}, -time.Minute)
			return newsroomID(issuer)
		})
		ctx := browsertest.New(t)
		signInAtProvider(t, ctx, app.base, username)
		if got := text(ctx, t, `document.querySelector('main').innerText`); !strings.Contains(got, "Please sign in") || !strings.Contains(got, "The answer of Newsroom ID has expired") {
			t.Errorf("an expired token shows %q", got)
		}
		if got := text(ctx, t, `document.querySelector('.who-email') ? 'signed in' : ''`); got != "" {
			t.Error("signed in with an expired ID token")
		}
		if _, err := account.UserByEmail(context.Background(), app.db, opUserEmail); err == nil {
			t.Error("an account was made from an expired ID token")
		}
		if log := app.log.String(); !strings.Contains(log, "error.oidc_expired") || !strings.Contains(log, "expired") {
			t.Errorf("the refusal was not logged:\n%s", log)
		}
	})
	t.Run("wrong issuer", func(t *testing.T) {
		app := startOIDCApp(t, func(base string) config.OIDC {
			issuer, _ := startProvider(t, base, []string{"lector-editors"}, 0)
			// The same provider under another name: its discovery
			// document names the issuer it signs tokens as.
			return newsroomID(strings.Replace(issuer, "127.0.0.1", "localhost", 1))
		})
		ctx := browsertest.New(t)
		browse(ctx, t,
			chromedp.Navigate(app.base+"/login"),
			chromedp.Click(chromedp.CSS(`a.sign-in-oidc`)),
			chromedp.WaitVisible(chromedp.CSS(`main h1`)),
		)
		if got := text(ctx, t, `document.querySelector('main').innerText`); !strings.Contains(got, "Please sign in") || !strings.Contains(got, "did not come from Newsroom ID") {
			t.Errorf("a wrong issuer shows %q", got)
		}
		if res, _ := get(t, app.base+account.OIDCStartPath); res.StatusCode != http.StatusUnauthorized {
			t.Errorf("a wrong issuer: status %d, want 401", res.StatusCode)
		}
		if log := app.log.String(); !strings.Contains(log, "error.oidc_wrong_issuer") || !strings.Contains(log, "did not match") {
			t.Errorf("the refusal was not logged:\n%s", log)
		}
	})
}
