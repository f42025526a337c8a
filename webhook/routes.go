package webhook

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/account"
)

// Route is one row of the webhooks' routes table. Every route is for
// admins: the domain functions check it, and the middleware answers
// anonymous callers 401 before that.
type Route struct {
	Method, Path string
	Handler      func(*Handlers) echo.HandlerFunc
}

// Allows reports whether p may use the webhooks' routes.
func Allows(p *account.Principal) bool { return p.Has(account.RoleAdmin) }

// APIRoutes are the JSON API.
func APIRoutes() []Route {
	return []Route{
		{http.MethodGet, "/api/v1/webhooks", func(h *Handlers) echo.HandlerFunc { return h.APIList }},
		{http.MethodPost, "/api/v1/webhooks", func(h *Handlers) echo.HandlerFunc { return h.APIAdd }},
		{http.MethodDelete, "/api/v1/webhooks/:id", func(h *Handlers) echo.HandlerFunc { return h.APIRemove }},
	}
}

// PageRoutes are the admin pages and their form posts.
func PageRoutes() []Route {
	return []Route{
		{http.MethodGet, "/admin/webhooks", func(h *Handlers) echo.HandlerFunc { return h.Page }},
		{http.MethodPost, "/admin/webhooks", func(h *Handlers) echo.HandlerFunc { return h.AddPage }},
		{http.MethodPost, "/admin/webhooks/:id/remove", func(h *Handlers) echo.HandlerFunc { return h.RemovePage }},
		{http.MethodGet, "/admin/webhooks/deliveries", func(h *Handlers) echo.HandlerFunc { return h.LogPage }},
		{http.MethodPost, "/admin/webhooks/deliveries/:id/send", func(h *Handlers) echo.HandlerFunc { return h.SendAgainPage }},
	}
}

// Routes registers the table.
func Routes(e *echo.Echo, h *Handlers) {
	for _, r := range append(PageRoutes(), APIRoutes()...) {
		e.Add(r.Method, r.Path, r.Handler(h), account.RequireRole(account.RoleAdmin))
	}
}
