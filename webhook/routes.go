package webhook

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/account"
)

// Route is one row of the webhooks' routes table. Every route is for
// admins: the domain functions check it, and the guard answers anonymous
// callers 401 before that.
type Route = account.Route[*Handlers]

// APIRoutes are the JSON API.
func APIRoutes() []Route {
	a := []string{account.RoleAdmin}
	return []Route{
		account.NewRoute(http.MethodGet, "/api/v1/webhooks", a, (*Handlers).APIList),
		account.NewRoute(http.MethodPost, "/api/v1/webhooks", a, (*Handlers).APIAdd),
		account.NewRoute(http.MethodDelete, "/api/v1/webhooks/:id", a, (*Handlers).APIRemove),
	}
}

// PageRoutes are the admin pages and their form posts.
func PageRoutes() []Route {
	a := []string{account.RoleAdmin}
	return []Route{
		account.NewRoute(http.MethodGet, "/admin/webhooks", a, (*Handlers).Page),
		account.NewRoute(http.MethodPost, "/admin/webhooks", a, (*Handlers).AddPage),
		account.NewRoute(http.MethodPost, "/admin/webhooks/:id/remove", a, (*Handlers).RemovePage),
		account.NewRoute(http.MethodGet, "/admin/webhooks/deliveries", a, (*Handlers).LogPage),
		account.NewRoute(http.MethodPost, "/admin/webhooks/deliveries/:id/send", a, (*Handlers).SendAgainPage),
	}
}

// Routes registers the table, each route behind its guard.
func Routes(e *echo.Echo, h *Handlers) { account.RegisterGuarded(e, h, PageRoutes(), APIRoutes()) }
