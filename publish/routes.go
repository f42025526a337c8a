package publish

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/review"
)

// Route is one row of the routes table; Who is one of review's roles
// (review.SignedIn, review.Editor...).
type Route struct {
	Method, Path, Who string
	Handler           func(*Handlers) echo.HandlerFunc
}

// APIRoutes are the JSON API of versions and exports, under /api/v1.
func APIRoutes() []Route {
	return []Route{
		{http.MethodPost, "/api/v1/articles/:id/versions", review.Editor, func(h *Handlers) echo.HandlerFunc { return h.APIPublish }},
		{http.MethodGet, "/api/v1/articles/:id/versions", review.SignedIn, func(h *Handlers) echo.HandlerFunc { return h.APIVersions }},
		{http.MethodGet, "/api/v1/articles/:id/versions/:a/diff/:b", review.SignedIn, func(h *Handlers) echo.HandlerFunc { return h.APIVersionDiff }},
		{http.MethodGet, "/api/v1/articles/:id/export", review.SignedIn, func(h *Handlers) echo.HandlerFunc { return h.APIExport }},
		{http.MethodGet, "/api/v1/articles/:id/versions/:n", review.SignedIn, func(h *Handlers) echo.HandlerFunc { return h.APIVersion }},
	}
}

// PageRoutes are the versions pages and their form posts.
func PageRoutes() []Route {
	return []Route{
		{http.MethodGet, "/articles/:id/versions", review.SignedIn, func(h *Handlers) echo.HandlerFunc { return h.VersionsPage }},
		{http.MethodPost, "/articles/:id/versions", review.Editor, func(h *Handlers) echo.HandlerFunc { return h.PublishPage }},
		{http.MethodGet, "/articles/:id/versions/compare", review.SignedIn, func(h *Handlers) echo.HandlerFunc { return h.ComparePage }},
		{http.MethodGet, "/articles/:id/versions/:n", review.SignedIn, func(h *Handlers) echo.HandlerFunc { return h.VersionPage }},
		{http.MethodGet, "/articles/:id/versions/:a/diff/:b", review.SignedIn, func(h *Handlers) echo.HandlerFunc { return h.VersionDiffPage }},
	}
}

// Routes registers the publishing pages and API.
func Routes(e *echo.Echo, h *Handlers) {
	for _, r := range append(PageRoutes(), APIRoutes()...) {
		e.Add(r.Method, r.Path, r.Handler(h))
	}
}
