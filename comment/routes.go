package comment

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/account"
)

// Route is one row of the routes table. Every comment route is for
// signed-in users; deleting also needs the comment's author or an admin,
// which Delete checks.
type Route struct {
	Method, Path string
	Handler      func(*Handlers) echo.HandlerFunc
}

// Allows reports whether p may use a comment route: anyone signed in.
func (Route) Allows(p *account.Principal) bool { return p != nil }

// PageRoutes are the segment page's comment forms.
func PageRoutes() []Route {
	return []Route{
		{http.MethodPost, "/segments/:id/comments", func(h *Handlers) echo.HandlerFunc { return h.PostPage }},
		{http.MethodPost, "/comments/:id/delete", func(h *Handlers) echo.HandlerFunc { return h.DeletePage }},
	}
}

// APIRoutes are the comments part of /api/v1.
func APIRoutes() []Route {
	return []Route{
		{http.MethodGet, "/api/v1/segments/:id/comments", func(h *Handlers) echo.HandlerFunc { return h.APIThread }},
		{http.MethodPost, "/api/v1/segments/:id/comments", func(h *Handlers) echo.HandlerFunc { return h.APIPost }},
		{http.MethodDelete, "/api/v1/comments/:id", func(h *Handlers) echo.HandlerFunc { return h.APIDelete }},
	}
}

// Routes registers the comment forms and API.
func Routes(e *echo.Echo, h *Handlers) {
	for _, r := range append(PageRoutes(), APIRoutes()...) {
		e.Add(r.Method, r.Path, r.Handler(h))
	}
}
