package notification

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/account"
)

// Route is one row of the routes table; every route is for signed-in
// users, each about their own notifications.
type Route struct {
	Method, Path string
	Handler      func(*Handlers) echo.HandlerFunc
}

// Allows reports whether p may use a notifications route: anyone signed in.
func (Route) Allows(p *account.Principal) bool { return p != nil }

// PageRoutes are the notifications page and its form post.
func PageRoutes() []Route {
	return []Route{
		{http.MethodGet, "/notifications", func(h *Handlers) echo.HandlerFunc { return h.Page }},
		{http.MethodPost, "/notifications/read", func(h *Handlers) echo.HandlerFunc { return h.ReadPage }},
	}
}

// APIRoutes are the notifications part of /api/v1.
func APIRoutes() []Route {
	return []Route{
		{http.MethodGet, "/api/v1/notifications", func(h *Handlers) echo.HandlerFunc { return h.APIList }},
		{http.MethodPost, "/api/v1/notifications/read", func(h *Handlers) echo.HandlerFunc { return h.APIRead }},
	}
}

// Routes registers the notifications pages and API.
func Routes(e *echo.Echo, h *Handlers) {
	for _, r := range append(PageRoutes(), APIRoutes()...) {
		e.Add(r.Method, r.Path, r.Handler(h))
	}
}
