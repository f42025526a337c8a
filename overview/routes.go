package overview

import (
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"lector/account"
)

// Route is one row of the routes table: who may open it is any of Roles
// (admins hold every role).
type Route struct {
	Method, Path string
	Roles        []string
	Handler      func(*Handlers) echo.HandlerFunc
}

// Allows reports whether p may open the route, as its handler's domain
// function decides, so that pages link to it only for those.
func (r Route) Allows(p *account.Principal) bool {
	return p != nil && slices.ContainsFunc(r.Roles, p.Has)
}

// PageRoutes are the dashboard pages.
func PageRoutes() []Route {
	editors := []string{account.RoleEditor}
	curators := []string{account.RoleEditor, account.RoleGlossary}
	reviewers := []string{account.RoleTranslator, account.RoleEditor}
	return []Route{
		{http.MethodGet, "/overview", editors, func(h *Handlers) echo.HandlerFunc { return h.OverviewPage }},
		{http.MethodGet, "/overview/articles/:id", editors, func(h *Handlers) echo.HandlerFunc { return h.ArticlePage }},
		{http.MethodGet, "/overview/people", editors, func(h *Handlers) echo.HandlerFunc { return h.PeoplePage }},
		{http.MethodGet, "/overview/glossary", curators, func(h *Handlers) echo.HandlerFunc { return h.GlossaryPage }},
		{http.MethodGet, "/my/rejected", reviewers, func(h *Handlers) echo.HandlerFunc { return h.RejectedPage }},
		{http.MethodGet, "/my/waiting", reviewers, func(h *Handlers) echo.HandlerFunc { return h.WaitingPage }},
	}
}

// Routes registers the dashboards.
func Routes(e *echo.Echo, h *Handlers) {
	for _, r := range PageRoutes() {
		e.Add(r.Method, r.Path, r.Handler(h))
	}
}
