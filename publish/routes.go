package publish

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/account"
)

// Route is one row of the routes table: editors' routes, and the others
// for anyone signed in (no roles), as review's domain functions decide.
type Route = account.Route[*Handlers]

// APIRoutes are the JSON API of versions and exports, under /api/v1.
func APIRoutes() []Route {
	editors := []string{account.RoleEditor}
	return []Route{
		account.NewRoute(http.MethodPost, "/api/v1/articles/:id/versions", editors, (*Handlers).APIPublish),
		account.NewRoute(http.MethodGet, "/api/v1/articles/:id/versions", nil, (*Handlers).APIVersions),
		account.NewRoute(http.MethodGet, "/api/v1/articles/:id/versions/:a/diff/:b", nil, (*Handlers).APIVersionDiff),
		account.NewRoute(http.MethodGet, "/api/v1/articles/:id/export", nil, (*Handlers).APIExport),
		account.NewRoute(http.MethodGet, "/api/v1/articles/:id/versions/:n", nil, (*Handlers).APIVersion),
	}
}

// PageRoutes are the versions pages and their form posts.
func PageRoutes() []Route {
	editors := []string{account.RoleEditor}
	return []Route{
		account.NewRoute(http.MethodGet, "/articles/:id/versions", nil, (*Handlers).VersionsPage),
		account.NewRoute(http.MethodPost, "/articles/:id/versions", editors, (*Handlers).PublishPage),
		account.NewRoute(http.MethodGet, "/articles/:id/versions/compare", nil, (*Handlers).ComparePage),
		account.NewRoute(http.MethodGet, "/articles/:id/versions/:n", nil, (*Handlers).VersionPage),
		account.NewRoute(http.MethodGet, "/articles/:id/versions/:a/diff/:b", nil, (*Handlers).VersionDiffPage),
	}
}

// Routes registers the publishing pages and API.
func Routes(e *echo.Echo, h *Handlers) { account.Register(e, h, PageRoutes(), APIRoutes()) }
