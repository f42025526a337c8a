package overview

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/account"
)

// Route is one row of the routes table: who may open it is any of Roles
// (admins hold every role), as its handler's domain function decides, so
// that pages link to it only for those.
type Route = account.Route[*Handlers]

// PageRoutes are the dashboard pages.
func PageRoutes() []Route {
	editors := []string{account.RoleEditor}
	curators := []string{account.RoleEditor, account.RoleGlossary}
	reviewers := []string{account.RoleTranslator, account.RoleEditor}
	return []Route{
		account.NewRoute(http.MethodGet, "/overview", editors, (*Handlers).OverviewPage),
		account.NewRoute(http.MethodGet, "/overview/articles/:id", editors, (*Handlers).ArticlePage),
		account.NewRoute(http.MethodGet, "/overview/people", editors, (*Handlers).PeoplePage),
		account.NewRoute(http.MethodGet, "/overview/glossary", curators, (*Handlers).GlossaryPage),
		account.NewRoute(http.MethodGet, "/my/rejected", reviewers, (*Handlers).RejectedPage),
		account.NewRoute(http.MethodGet, "/my/waiting", reviewers, (*Handlers).WaitingPage),
	}
}

// Routes registers the dashboards.
func Routes(e *echo.Echo, h *Handlers) { account.Register(e, h, PageRoutes()) }
