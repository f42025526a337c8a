package account

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"lector/apperr"
)

// Authenticate identifies the caller of every request and puts the
// principal on the request context (WithPrincipal). An API token comes as
// "Authorization: Bearer TOKEN"; a browser has the session cookie. A bad or
// expired token is answered 401; an ended session makes the reader
// anonymous and its cookie is removed. Unsafe methods (POST, PUT, PATCH,
// DELETE) on a session must carry its CSRF token (CSRFHeader or CSRFField)
// and must not come from another site, or they are answered 403. Anonymous
// requests pass: RequireSignedIn and RequireRole guard the routes.
func (h *Handlers) Authenticate() echo.MiddlewareFunc {
	// Go's cross-origin protection refuses unsafe requests that browsers
	// mark as cross-site (Sec-Fetch-Site, Origin): a second wall behind the
	// tokens, and the only one for the anonymous sign-in form's cookies.
	crossOrigin := http.NewCrossOriginProtection()
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			if token, ok := bearerToken(req); ok {
				p, err := h.Tokens.Lookup(req.Context(), h.DB, token)
				if err != nil {
					return err
				}
				c.SetRequest(req.WithContext(WithPrincipal(req.Context(), p)))
				return next(c)
			}
			if unsafeMethod(req.Method) {
				if err := crossOrigin.Check(req); err != nil {
					return apperr.New(apperr.Forbidden, "error.cross_origin", nil)
				}
			}
			ck, err := req.Cookie(SessionCookie)
			if err != nil || ck.Value == "" {
				return next(c)
			}
			p, err := LookupSession(req.Context(), h.DB, ck.Value)
			if apperr.CodeOf(err) == apperr.Unauthorized {
				c.SetCookie(h.cookie(SessionCookie, "", "/", -1))
				return next(c)
			}
			if err != nil {
				return err
			}
			if unsafeMethod(req.Method) {
				if err := checkCSRF(c, p.CSRFToken); err != nil {
					return err
				}
			}
			c.SetRequest(req.WithContext(WithPrincipal(req.Context(), p)))
			return next(c)
		}
	}
}

// bearerToken returns the token of an "Authorization: Bearer" header; ok is
// false when the request has none (other schemes are ignored).
func bearerToken(r *http.Request) (string, bool) {
	scheme, token, found := strings.Cut(r.Header.Get("Authorization"), " ")
	if !found || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	return strings.TrimSpace(token), true
}

// RequireSignedIn guards routes for any signed-in user: anonymous page
// requests are sent to the sign-in page (then back), API requests get 401.
func RequireSignedIn() echo.MiddlewareFunc { return RequireRole() }

// RequireRole guards routes for users holding at least one of roles (admins
// hold every role; no roles means any signed-in user). Anonymous callers are
// treated as by RequireSignedIn; signed-in callers without the role get 403.
func RequireRole(roles ...string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			p := PrincipalFrom(c.Request().Context())
			if p == nil {
				return signInFirst(c)
			}
			if len(roles) > 0 && !slices.ContainsFunc(roles, p.Has) {
				return apperr.New(apperr.Forbidden, "error.needs_role", map[string]any{"Roles": strings.Join(roles, ", ")})
			}
			return next(c)
		}
	}
}

// signInFirst answers an anonymous request for a guarded route.
func signInFirst(c echo.Context) error {
	req := c.Request()
	if strings.HasPrefix(req.URL.Path, "/api/") {
		return apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	if req.Header.Get("HX-Request") == "true" {
		// A redirect would be followed inside the XHR and the sign-in page
		// swapped into a fragment; htmx reloads the whole page instead.
		back := "/"
		if u, err := url.Parse(req.Header.Get("HX-Current-URL")); err == nil {
			back = u.RequestURI()
		}
		e := apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
		e.Header = map[string]string{"HX-Redirect": LoginURL(back)}
		return e
	}
	back := ""
	if req.Method == http.MethodGet || req.Method == http.MethodHead {
		back = req.URL.RequestURI()
	}
	return c.Redirect(http.StatusFound, LoginURL(back))
}

// LoginURL is the sign-in page that returns to next afterwards.
func LoginURL(next string) string {
	if next = SafeNext(next); next == "/" {
		return "/login"
	}
	return "/login?next=" + url.QueryEscape(next)
}

// SafeNext returns next when it is a path on this site, else "/": a link
// to the sign-in page must not send people on to another site after they
// sign in (an open redirect).
func SafeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") ||
		strings.ContainsFunc(next, func(r rune) bool { return r == '\\' || r < 0x20 || r == 0x7f }) {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || u.Path == "/login" || strings.HasPrefix(u.Path, "/login/") {
		return "/"
	}
	return next
}
