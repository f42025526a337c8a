package account

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/apperr"
)

// The paths of OpenID Connect sign-in; the provider must know Lector's
// base URL followed by OIDCCallbackPath as a redirect URI.
const (
	OIDCStartPath    = "/login/oidc"
	OIDCCallbackPath = "/login/oidc/callback"
	// oidcStateCookie binds a sign-in to the browser that began it: a
	// callback with someone else's state (a forged sign-in into the
	// attacker's account) finds no cookie to match.
	oidcStateCookie = "lector_oidc_state"
)

// StartOIDC begins a sign-in at the provider and sends the browser there.
func (h *Handlers) StartOIDC(c echo.Context) error {
	next := SafeNext(c.QueryParam("next"))
	ctx := c.Request().Context()
	if PrincipalFrom(ctx) != nil {
		return c.Redirect(http.StatusSeeOther, next)
	}
	state, l, err := BeginOIDCLogin(ctx, h.DB, next)
	if err != nil {
		return err
	}
	to, err := h.OIDC.AuthURL(ctx, state, l)
	if err != nil {
		return h.oidcFailed(c, err)
	}
	c.SetCookie(h.cookie(oidcStateCookie, state, OIDCStartPath, int(OIDCLoginLifetime.Seconds())))
	return c.Redirect(http.StatusSeeOther, to)
}

// oidcCallback is what the provider sends back.
type oidcCallback struct {
	State            string `query:"state"`
	Code             string `query:"code"`
	Error            string `query:"error"`
	ErrorDescription string `query:"error_description"`
}

// OIDCCallback finishes a sign-in: the state must be this browser's and
// unused, the code is traded for an ID token that must be valid, and the
// account it names is signed in with the roles its groups map to.
func (h *Handlers) OIDCCallback(c echo.Context) error {
	var q oidcCallback
	if err := (&echo.DefaultBinder{}).BindQueryParams(c, &q); err != nil {
		return h.oidcFailed(c, apperr.New(apperr.Invalid, "error.bad_request", nil))
	}
	ctx := c.Request().Context()
	ck, err := c.Cookie(oidcStateCookie)
	if err != nil || !sameSecret(q.State, ck.Value) {
		return h.oidcFailed(c, &apperr.Error{Code: apperr.Invalid, MessageID: "error.oidc_state",
			Cause: errors.New("state missing or not this browser's")})
	}
	c.SetCookie(h.cookie(oidcStateCookie, "", OIDCStartPath, -1))
	l, err := ConsumeOIDCLogin(ctx, h.DB, q.State)
	if err != nil {
		return h.oidcFailed(c, err)
	}
	if q.Error != "" {
		return h.oidcFailed(c, &apperr.Error{Code: apperr.Unauthorized, MessageID: "error.oidc_refused",
			Data: map[string]any{"Provider": h.OIDC.Name()}, Cause: errors.New("provider: " + q.Error + ": " + q.ErrorDescription)})
	}
	id, err := h.OIDC.Exchange(ctx, q.Code, l)
	if err != nil {
		return h.oidcFailed(c, err)
	}
	u, err := SignInExternal(ctx, h.DB, id)
	if err != nil {
		return h.oidcFailed(c, err)
	}
	if err := h.startSession(c, u); err != nil {
		return err
	}
	if h.Logger != nil {
		h.Logger.Info("signed in through OpenID Connect", "user", u.ID, "issuer", id.Issuer, "subject", id.Subject,
			"roles", u.RoleNames(), "request_id", c.Response().Header().Get(echo.HeaderXRequestID))
	}
	return c.Redirect(http.StatusSeeOther, l.Next)
}

// oidcFailed notes why a sign-in was refused and returns err for the one
// error handler, which shows its message; internal errors it logs itself.
func (h *Handlers) oidcFailed(c echo.Context, err error) error {
	if e := apperr.As(err); e.Code != apperr.Internal && h.Logger != nil {
		h.Logger.Warn("OpenID Connect sign-in refused", "code", e.Code, "reason", e.MessageID, "err", e.Cause,
			"request_id", c.Response().Header().Get(echo.HeaderXRequestID))
	}
	return err
}
