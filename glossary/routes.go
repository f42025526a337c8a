package glossary

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/account"
)

// Route is one row of the glossary's routes table: Roles is the role a
// caller needs, none meaning any signed-in user. The table drives both the
// guard and the authorization tests.
type Route = account.Route[*Handlers]

// APIRoutes are the glossary part of /api/v1.
func APIRoutes() []Route {
	g := []string{account.RoleGlossary}
	return []Route{
		account.NewRoute(http.MethodGet, "/api/v1/glossary/entries", nil, (*Handlers).APIList),
		account.NewRoute(http.MethodPost, "/api/v1/glossary/entries", g, (*Handlers).APICreate),
		account.NewRoute(http.MethodGet, "/api/v1/glossary/entries/:id", nil, (*Handlers).APIGet),
		account.NewRoute(http.MethodPut, "/api/v1/glossary/entries/:id", g, (*Handlers).APIUpdate),
		account.NewRoute(http.MethodDelete, "/api/v1/glossary/entries/:id", g, (*Handlers).APIDelete),
		account.NewRoute(http.MethodPost, "/api/v1/glossary/import", g, (*Handlers).APIImport),
		account.NewRoute(http.MethodGet, "/api/v1/glossary/export", nil, (*Handlers).APIExport),
		account.NewRoute(http.MethodGet, "/api/v1/glossary/proposals", g, (*Handlers).APIProposals),
		account.NewRoute(http.MethodPost, "/api/v1/glossary/proposals/:id/accept", g, (*Handlers).APIAcceptProposal),
		account.NewRoute(http.MethodPost, "/api/v1/glossary/proposals/:id/reject", g, (*Handlers).APIRejectProposal),
	}
}

// Routes registers the glossary API and pages, each route behind its role guard
// (admins hold every role; anonymous callers get 401, others 403).
func Routes(e *echo.Echo, h *Handlers) {
	account.RegisterGuarded(e, h, APIRoutes(), PageRoutes(), ProposalPageRoutes())
}

// PageRoutes are the glossary pages and their form posts.
func PageRoutes() []Route {
	g := []string{account.RoleGlossary}
	return []Route{
		account.NewRoute(http.MethodGet, "/glossary", nil, (*Handlers).ListPage),
		account.NewRoute(http.MethodGet, "/glossary/new", g, (*Handlers).NewPage),
		account.NewRoute(http.MethodPost, "/glossary/entries", g, (*Handlers).CreatePage),
		account.NewRoute(http.MethodGet, "/glossary/entries/:id", nil, (*Handlers).EntryPage),
		account.NewRoute(http.MethodGet, "/glossary/entries/:id/edit", g, (*Handlers).EditPage),
		account.NewRoute(http.MethodPost, "/glossary/entries/:id", g, (*Handlers).UpdatePage),
		account.NewRoute(http.MethodPost, "/glossary/entries/:id/delete", g, (*Handlers).DeletePage),
		account.NewRoute(http.MethodGet, "/glossary/import", g, (*Handlers).ImportPage),
		account.NewRoute(http.MethodPost, "/glossary/import", g, (*Handlers).UploadImportPage),
		account.NewRoute(http.MethodPost, "/glossary/import/:id", g, (*Handlers).ApplyImportPage),
	}
}

// ProposalPageRoutes are the pages of the learned wrong forms queue.
func ProposalPageRoutes() []Route {
	g := []string{account.RoleGlossary}
	return []Route{
		account.NewRoute(http.MethodGet, "/glossary/proposals", g, (*Handlers).ProposalsPage),
		account.NewRoute(http.MethodPost, "/glossary/proposals/:id/accept", g, (*Handlers).AcceptProposalPage),
		account.NewRoute(http.MethodPost, "/glossary/proposals/:id/reject", g, (*Handlers).RejectProposalPage),
	}
}
