package server

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"lector/account"
	"lector/comment"
	"lector/glossary"
	"lector/notification"
	"lector/overview"
	"lector/publish"
	"lector/review"
	"lector/webhook"
)

// pageAccess says who may use each page and form post, keyed by method and
// route pattern ("GET /review", "POST /queue/next"). It is read off the
// domain packages' route tables, the same rows that document and drive
// their role checks, so a link or button is shown exactly to those the
// route will not refuse.
type pageAccess map[string]func(*account.Principal) bool

func newPageAccess() pageAccess {
	a := pageAccess{}
	for _, r := range review.PageRoutes() {
		a[r.Method+" "+r.Path] = func(p *account.Principal) bool { return review.Allows(r.Who, p) }
	}
	allow(a, publish.PageRoutes())
	allow(a, glossary.PageRoutes(), glossary.ProposalPageRoutes())
	allow(a, overview.PageRoutes())
	allow(a, webhook.PageRoutes())
	allow(a, comment.PageRoutes())
	allow(a, notification.PageRoutes())
	return a
}

// allow adds the rows of a domain package's tables to a.
func allow[H any](a pageAccess, tables ...[]account.Route[H]) {
	for _, r := range slices.Concat(tables...) {
		a[r.Method+" "+r.Path] = r.Allows
	}
}

// may reports whether p may use route, a pattern with its method
// ("POST /queue/next") or without one for a page ("/review"). A route that
// is not in the tables is a template error, not a hidden link.
func (a pageAccess) may(p *account.Principal, route string) (bool, error) {
	if !strings.Contains(route, " ") {
		route = http.MethodGet + " " + route
	}
	allows, ok := a[route]
	if !ok {
		return false, fmt.Errorf("templates: may: no page route %q", route)
	}
	return allows(p), nil
}
