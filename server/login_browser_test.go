package server_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/labstack/echo/v4"

	"lector/account"
	"lector/seeds"
	"lector/server/browsertest"
)

// TestSignInInBrowser signs in as the demo translator through the form,
// finds the email and role in the navigation, sends an htmx POST (which
// must carry the CSRF token on its own), and signs out.
func TestSignInInBrowser(t *testing.T) {
	e, db := newSeeded(t, nil)
	e.POST("/test/htmx", func(c echo.Context) error { return c.String(http.StatusOK, "accepted") }, account.RequireSignedIn())
	ts := httptest.NewServer(e)
	t.Cleanup(ts.Close)
	base := ts.URL
	demo, err := seeds.DemoAccounts(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	var translator seeds.DemoAccount
	for _, d := range demo {
		if d.Email == "translator@demo.lector" {
			translator = d
		}
	}
	ctx := browsertest.New(t)
	browse(ctx, t,
		chromedp.Navigate(base+"/articles"),
		chromedp.Click(chromedp.CSS(`a.sign-in`)),
		chromedp.WaitVisible(chromedp.CSS(`#email`)),
		chromedp.SendKeys(chromedp.CSS(`#email`), translator.Email),
		chromedp.SendKeys(chromedp.CSS(`#password`), translator.Password),
		chromedp.Submit(chromedp.CSS(`#password`)),
		chromedp.WaitVisible(chromedp.CSS(`.who-email`)),
	)
	if got := text(ctx, t, `location.pathname`); got != "/articles" {
		t.Errorf("after sign-in at %q, want back at /articles", got)
	}
	if got := text(ctx, t, `document.querySelector('.who').innerText`); !strings.Contains(got, "translator@demo.lector") || !strings.Contains(got, "translator)") {
		t.Errorf("navigation shows %q, want the email and role", got)
	}
	if got := text(ctx, t, `document.cookie`); strings.Contains(got, "lector_session") {
		t.Errorf("the session cookie is readable by scripts: %q", got)
	}
	// The status is noted once the probe's own response is swapped in
	// (afterSettle, target #probe): any other htmx request of the page
	// settling first would otherwise mark the probe before htmx has filled it.
	browse(ctx, t,
		chromedp.Evaluate[chromedp.Void](`document.querySelector('main').insertAdjacentHTML('beforeend', '<p id="probe"></p>');
			document.body.addEventListener('htmx:afterSettle', e => { if (e.detail.target.id === 'probe') e.detail.target.dataset.status = e.detail.xhr.status });
			htmx.ajax('POST', '/test/htmx', '#probe')`),
		chromedp.WaitReady(chromedp.CSS(`#probe[data-status]`)),
	)
	if got := text(ctx, t, `document.getElementById('probe').dataset.status + ' ' + document.getElementById('probe').innerText`); got != "200 accepted" {
		t.Errorf("the htmx POST got %q, want 200 accepted: the page's CSRF token must go along", got)
	}
	browse(ctx, t,
		chromedp.Click(chromedp.CSS(`form.sign-out button`)),
		chromedp.WaitVisible(chromedp.CSS(`a.sign-in`)),
	)
	if got := text(ctx, t, `document.body.innerText`); strings.Contains(got, "translator@demo.lector") {
		t.Error("after sign-out the page still shows the user")
	}
}
