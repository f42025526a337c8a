package glossary

import (
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"lector/account"
)

// Route is one row of the glossary API's routes table. Role is the role a
// caller needs; empty means any signed-in user. The table drives both the
// guard and the authorization tests.
type Route struct {
	Method, Path, Role string
	Handler            func(*Handlers) echo.HandlerFunc
}

// Allows reports whether p passes the route's guard (see Routes).
func (r Route) Allows(p *account.Principal) bool {
	if r.Role == "" {
		return p != nil
	}
	return p.Has(r.Role)
}

// APIRoutes are the glossary part of /api/v1.
func APIRoutes() []Route {
	g := account.RoleGlossary
	return []Route{
		{http.MethodGet, "/api/v1/glossary/entries", "", func(h *Handlers) echo.HandlerFunc { return h.APIList }},
		{http.MethodPost, "/api/v1/glossary/entries", g, func(h *Handlers) echo.HandlerFunc { return h.APICreate }},
		{http.MethodGet, "/api/v1/glossary/entries/:id", "", func(h *Handlers) echo.HandlerFunc { return h.APIGet }},
		{http.MethodPut, "/api/v1/glossary/entries/:id", g, func(h *Handlers) echo.HandlerFunc { return h.APIUpdate }},
		{http.MethodDelete, "/api/v1/glossary/entries/:id", g, func(h *Handlers) echo.HandlerFunc { return h.APIDelete }},
		{http.MethodPost, "/api/v1/glossary/import", g, func(h *Handlers) echo.HandlerFunc { return h.APIImport }},
		{http.MethodGet, "/api/v1/glossary/export", "", func(h *Handlers) echo.HandlerFunc { return h.APIExport }},
		{http.MethodGet, "/api/v1/glossary/proposals", g, func(h *Handlers) echo.HandlerFunc { return h.APIProposals }},
		{http.MethodPost, "/api/v1/glossary/proposals/:id/accept", g, func(h *Handlers) echo.HandlerFunc { return h.APIAcceptProposal }},
		{http.MethodPost, "/api/v1/glossary/proposals/:id/reject", g, func(h *Handlers) echo.HandlerFunc { return h.APIRejectProposal }},
	}
}

// Routes registers the glossary API and pages, each route behind its role guard
// (admins hold every role; anonymous callers get 401, others 403).
func Routes(e *echo.Echo, h *Handlers) {
	for _, r := range slices.Concat(APIRoutes(), PageRoutes(), ProposalPageRoutes()) {
		guard := account.RequireSignedIn()
		if r.Role != "" {
			guard = account.RequireRole(r.Role)
		}
		e.Add(r.Method, r.Path, r.Handler(h), guard)
	}
}

// PageRoutes are the glossary pages and their form posts.
func PageRoutes() []Route {
	g := account.RoleGlossary
	return []Route{
		{http.MethodGet, "/glossary", "", func(h *Handlers) echo.HandlerFunc { return h.ListPage }},
		{http.MethodGet, "/glossary/new", g, func(h *Handlers) echo.HandlerFunc { return h.NewPage }},
		{http.MethodPost, "/glossary/entries", g, func(h *Handlers) echo.HandlerFunc { return h.CreatePage }},
		{http.MethodGet, "/glossary/entries/:id", "", func(h *Handlers) echo.HandlerFunc { return h.EntryPage }},
		{http.MethodGet, "/glossary/entries/:id/edit", g, func(h *Handlers) echo.HandlerFunc { return h.EditPage }},
		{http.MethodPost, "/glossary/entries/:id", g, func(h *Handlers) echo.HandlerFunc { return h.UpdatePage }},
		{http.MethodPost, "/glossary/entries/:id/delete", g, func(h *Handlers) echo.HandlerFunc { return h.DeletePage }},
		{http.MethodGet, "/glossary/import", g, func(h *Handlers) echo.HandlerFunc { return h.ImportPage }},
		{http.MethodPost, "/glossary/import", g, func(h *Handlers) echo.HandlerFunc { return h.UploadImportPage }},
		{http.MethodPost, "/glossary/import/:id", g, func(h *Handlers) echo.HandlerFunc { return h.ApplyImportPage }},
	}
}

// ProposalPageRoutes are the pages of the learned wrong forms queue.
func ProposalPageRoutes() []Route {
	g := account.RoleGlossary
	return []Route{
		{http.MethodGet, "/glossary/proposals", g, func(h *Handlers) echo.HandlerFunc { return h.ProposalsPage }},
		{http.MethodPost, "/glossary/proposals/:id/accept", g, func(h *Handlers) echo.HandlerFunc { return h.AcceptProposalPage }},
		{http.MethodPost, "/glossary/proposals/:id/reject", g, func(h *Handlers) echo.HandlerFunc { return h.RejectProposalPage }},
	}
}
