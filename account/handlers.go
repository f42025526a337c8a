package account

import (
	"log/slog"
	"net/http"

	"github.com/labstack/echo/v4"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"gorm.io/gorm"

	"lector/apperr"
	"lector/locales"
	"lector/request"
)

// Handlers serve sign-in and sign-out, and authenticate requests.
type Handlers struct {
	DB     *gorm.DB
	Bundle *i18n.Bundle
	// Secure marks cookies Secure: set it when Lector is served over HTTPS
	// (config.Config.Secure).
	Secure bool
	// Tokens, when set, remembers looked-up API tokens for a short time
	// (NewTokenCache); nil looks each one up on every request.
	Tokens *TokenCache
	// Hashes bounds the password hashes computed at once (NewHashPool);
	// nil does not.
	Hashes *HashPool
	// OIDC, when set, signs people in through an OpenID Provider too.
	OIDC *OIDC
	// NoPasswords refuses sign-in with Lector's own passwords (OIDC alone).
	NoPasswords bool
	// Logger notes refused OpenID Connect sign-ins; nil: not noted.
	Logger *slog.Logger
}

// loginForm is what the sign-in form posts.
// Limits of the sign-in form: an address as SMTP allows it, and a password
// far longer than anyone types, short enough to hash cheaply.
const (
	MaxEmailRunes    = 254
	MaxPasswordBytes = 4096
)

type loginForm struct {
	Email     string `form:"email"`
	Password  string `form:"password"`
	Next      string `form:"next"`
	CSRFToken string `form:"csrf_token"`
}

// loginPage is the data of login.html.
type loginPage struct {
	Email string
	Next  string
	Error string
	// Provider names the OpenID Provider to sign in with; empty: none.
	Provider string
	// Passwords shows the email and password form.
	Passwords bool
}

// page is the sign-in page's data for f with msg as its error.
func (h *Handlers) page(f loginForm, msg string) loginPage {
	p := loginPage{Email: NormalizeEmail(f.Email), Next: f.Next, Error: msg, Passwords: !h.NoPasswords}
	if h.OIDC != nil {
		p.Provider = h.OIDC.Name()
	}
	return p
}

// LoginPage shows the sign-in form; signed-in users go straight on.
func (h *Handlers) LoginPage(c echo.Context) error {
	next := SafeNext(c.QueryParam("next"))
	if PrincipalFrom(c.Request().Context()) != nil {
		return c.Redirect(http.StatusSeeOther, next)
	}
	h.loginCSRF(c)
	return c.Render(http.StatusOK, "login.html", h.page(loginForm{Next: next}, ""))
}

// Login checks the email and password and starts a session.
func (h *Handlers) Login(c echo.Context) error {
	var f loginForm
	if err := c.Bind(&f); err != nil {
		return apperr.New(apperr.Invalid, "error.bad_request", nil)
	}
	f.Next = SafeNext(f.Next)
	if h.NoPasswords {
		return h.loginFailed(c, loginForm{Next: f.Next}, apperr.New(apperr.Forbidden, "error.passwords_off", nil))
	}
	// Bounded before the rate limiter counts it and a log line carries it.
	if err := request.Line("email", f.Email, MaxEmailRunes); err != nil {
		f.Email = ""
		return h.loginFailed(c, f, err)
	}
	if len(f.Password) > MaxPasswordBytes {
		return h.loginFailed(c, f, apperr.New(apperr.Invalid, "error.field_too_long", map[string]any{"Field": "password", "Limit": MaxPasswordBytes}))
	}
	ctx := c.Request().Context()
	// A signed-in user's session token was checked by Authenticate; an
	// anonymous form must echo its pre-session cookie.
	if PrincipalFrom(ctx) == nil {
		if ck, err := c.Cookie(loginCSRFCookie); err != nil || !sameSecret(f.CSRFToken, ck.Value) {
			return h.loginFailed(c, f, apperr.New(apperr.Forbidden, "error.csrf", nil))
		}
	}
	creds := Credentials{Email: f.Email, Password: f.Password, Address: c.RealIP()}
	if ck, err := c.Cookie(deviceCookie); err == nil {
		creds.Device = ck.Value
	}
	u, err := Authenticate(ctx, h.DB, h.Hashes, creds)
	if err != nil {
		return h.loginFailed(c, f, err)
	}
	if err := h.startSession(c, u); err != nil {
		return err
	}
	c.SetCookie(h.cookie(deviceCookie, DeviceToken(u), "/login", int(deviceLifetime.Seconds())))
	return c.Redirect(http.StatusSeeOther, f.Next)
}

// startSession signs u in on this browser.
func (h *Handlers) startSession(c echo.Context, u *User) error {
	ctx := c.Request().Context()
	// A new session on every sign-in: a session id planted before sign-in
	// (session fixation) never becomes a signed-in one.
	if ck, err := c.Cookie(SessionCookie); err == nil && ck.Value != "" {
		if err := DeleteSession(ctx, h.DB, ck.Value); err != nil {
			return err
		}
	}
	token, _, err := CreateSession(ctx, h.DB, u.ID, c.RealIP(), c.Request().UserAgent())
	if err != nil {
		return err
	}
	c.SetCookie(h.cookie(SessionCookie, token, "/", int(SessionLifetime.Seconds())))
	c.SetCookie(h.cookie(loginCSRFCookie, "", "/login", -1))
	return nil
}

// loginFailed shows the form again with the reason, keeping the email; the
// status and headers are the error's (401, 403, or 429 with Retry-After).
func (h *Handlers) loginFailed(c echo.Context, f loginForm, err error) error {
	e := apperr.As(err)
	status := http.StatusUnauthorized
	switch e.Code {
	case apperr.Internal:
		return err
	case apperr.Invalid:
		status = http.StatusBadRequest
	case apperr.Forbidden:
		status = http.StatusForbidden
	}
	if e.Status != 0 {
		status = e.Status
	}
	for k, v := range e.Header {
		c.Response().Header().Set(k, v)
	}
	h.loginCSRF(c)
	msg := locales.FromContext(c.Request().Context(), h.Bundle).Data(e.MessageID, e.Data)
	return c.Render(status, "login.html", h.page(f, msg))
}

// Logout ends the session (Authenticate has checked its CSRF token) and
// goes to the front page.
func (h *Handlers) Logout(c echo.Context) error {
	if ck, err := c.Cookie(SessionCookie); err == nil && ck.Value != "" {
		if err := DeleteSession(c.Request().Context(), h.DB, ck.Value); err != nil {
			return err
		}
	}
	c.SetCookie(h.cookie(SessionCookie, "", "/", -1))
	return c.Redirect(http.StatusSeeOther, "/")
}
