package account

import "github.com/labstack/echo/v4"

// Routes registers sign-in (through the provider too, when h.OIDC is set)
// and sign-out. Authenticate is not among them:
// server installs it for every request.
func Routes(e *echo.Echo, h *Handlers) {
	e.GET("/login", h.LoginPage)
	e.POST("/login", h.Login)
	e.POST("/logout", h.Logout)
	if h.OIDC != nil {
		e.GET(OIDCStartPath, h.StartOIDC)
		e.GET(OIDCCallbackPath, h.OIDCCallback)
	}
}
