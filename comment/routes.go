package comment

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/account"
)

// Route is one row of the routes table. Every comment route is for
// signed-in users (no roles); deleting also needs the comment's author or
// an admin, which Delete checks.
type Route = account.Route[*Handlers]

// PageRoutes are the segment page's comment forms.
func PageRoutes() []Route {
	return []Route{
		account.NewRoute(http.MethodPost, "/segments/:id/comments", nil, (*Handlers).PostPage),
		account.NewRoute(http.MethodPost, "/comments/:id/delete", nil, (*Handlers).DeletePage),
	}
}

// APIRoutes are the comments part of /api/v1.
func APIRoutes() []Route {
	return []Route{
		account.NewRoute(http.MethodGet, "/api/v1/segments/:id/comments", nil, (*Handlers).APIThread),
		account.NewRoute(http.MethodPost, "/api/v1/segments/:id/comments", nil, (*Handlers).APIPost),
		account.NewRoute(http.MethodDelete, "/api/v1/comments/:id", nil, (*Handlers).APIDelete),
	}
}

// Routes registers the comment forms and API.
func Routes(e *echo.Echo, h *Handlers) { account.Register(e, h, PageRoutes(), APIRoutes()) }
