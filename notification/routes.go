package notification

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/account"
)

// Route is one row of the routes table; every route is for signed-in
// users (no roles), each about their own notifications.
type Route = account.Route[*Handlers]

// PageRoutes are the notifications page and its form post.
func PageRoutes() []Route {
	return []Route{
		account.NewRoute(http.MethodGet, "/notifications", nil, (*Handlers).Page),
		account.NewRoute(http.MethodPost, "/notifications/read", nil, (*Handlers).ReadPage),
	}
}

// APIRoutes are the notifications part of /api/v1.
func APIRoutes() []Route {
	return []Route{
		account.NewRoute(http.MethodGet, "/api/v1/notifications", nil, (*Handlers).APIList),
		account.NewRoute(http.MethodPost, "/api/v1/notifications/read", nil, (*Handlers).APIRead),
	}
}

// Routes registers the notifications pages and API.
func Routes(e *echo.Echo, h *Handlers) { account.Register(e, h, PageRoutes(), APIRoutes()) }
