package account

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/apperr"
)

// A browser sends cookies on its own, even on requests another site makes
// it send; so every unsafe request that a session cookie authenticates must
// also carry the session's CSRF token, which only Lector's own pages know.
const (
	// CSRFHeader carries the token on htmx and fetch requests.
	CSRFHeader = "X-CSRF-Token"
	// CSRFField carries the token in HTML forms.
	CSRFField = "csrf_token"
	// loginCSRFCookie holds the sign-in form's token before any session
	// exists (the double-submit pattern): a forged sign-in, which would
	// sign the victim into the attacker's account, cannot know it.
	loginCSRFCookie = "lector_login_csrf"
	loginCSRFKey    = "account.login_csrf"
	loginCSRFMaxAge = 12 * 60 * 60
)

// CSRFToken returns the token that the current page's forms and htmx
// requests must send (as CSRFField or CSRFHeader): the session's, or on the
// sign-in page the pre-session token. Empty for anonymous readers elsewhere.
// The renderer exposes it to templates as {{csrf}}.
func CSRFToken(c echo.Context) string {
	if p := PrincipalFrom(c.Request().Context()); p != nil {
		return p.CSRFToken
	}
	s, _ := c.Get(loginCSRFKey).(string)
	return s
}

func unsafeMethod(m string) bool {
	switch m {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace:
		return false
	}
	return true
}

// sentCSRFToken is the token the request carries, header first.
func sentCSRFToken(c echo.Context) string {
	if t := c.Request().Header.Get(CSRFHeader); t != "" {
		return t
	}
	return c.FormValue(CSRFField)
}

// checkCSRF refuses a request whose token is not want. Error codes:
// forbidden.
func checkCSRF(c echo.Context, want string) error {
	if !sameSecret(sentCSRFToken(c), want) {
		return apperr.New(apperr.Forbidden, "error.csrf", nil)
	}
	return nil
}

// loginCSRF returns the sign-in form's token, setting its cookie when the
// browser has none yet, and makes it the page's {{csrf}}.
func (h *Handlers) loginCSRF(c echo.Context) string {
	token := ""
	if ck, err := c.Cookie(loginCSRFCookie); err == nil && len(ck.Value) >= 32 {
		token = ck.Value
	} else {
		token = newSecret()
		c.SetCookie(h.cookie(loginCSRFCookie, token, "/login", loginCSRFMaxAge))
	}
	c.Set(loginCSRFKey, token)
	return token
}

// cookie is a cookie as Lector sets them: out of scripts' reach, not sent
// on cross-site subrequests, and Secure when served over HTTPS. maxAge < 0
// deletes it.
func (h *Handlers) cookie(name, value, path string, maxAge int) *http.Cookie {
	return &http.Cookie{Name: name, Value: value, Path: path, MaxAge: maxAge,
		HttpOnly: true, Secure: h.Secure, SameSite: http.SameSiteLaxMode}
}
