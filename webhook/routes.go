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

// adminRoute is a row of the table, for admins as every row is.
func adminRoute(method, path string, handler func(*Handlers, echo.Context) error) Route {
	return account.NewRoute(method, path, []string{account.RoleAdmin}, handler)
}

// APIRoutes are the JSON API.
func APIRoutes() []Route {
	return []Route{
		adminRoute(http.MethodGet, "/api/v1/webhooks", (*Handlers).APIList),
		adminRoute(http.MethodPost, "/api/v1/webhooks", (*Handlers).APIAdd),
		adminRoute(http.MethodDelete, "/api/v1/webhooks/:id", (*Handlers).APIRemove),
	}
}

// PageRoutes are the admin pages and their form posts.
func PageRoutes() []Route {
	return []Route{
		adminRoute(http.MethodGet, "/admin/webhooks", (*Handlers).Page),
		adminRoute(http.MethodPost, "/admin/webhooks", (*Handlers).AddPage),
		adminRoute(http.MethodPost, "/admin/webhooks/:id/remove", (*Handlers).RemovePage),
		adminRoute(http.MethodGet, "/admin/webhooks/deliveries", (*Handlers).LogPage),
		adminRoute(http.MethodPost, "/admin/webhooks/deliveries/:id/send", (*Handlers).SendAgainPage),
	}
}

// Routes registers the table, each route behind its guard.
func Routes(e *echo.Echo, h *Handlers) { account.RegisterGuarded(e, h, PageRoutes(), APIRoutes()) }
