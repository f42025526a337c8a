package server

import (
	"fmt"
	"net/http"
	"slices"

	"lector/account"
	"lector/glossary"
	"lector/publish"
	"lector/review"
)

// pageAccess says who may open each page, keyed by its route's path
// pattern ("/review", "/articles/:id/activity"). It is read off the domain
// packages' route tables, the same rows that document and drive their role
// checks, so a link is shown exactly to those the page will not refuse.
type pageAccess map[string]func(*account.Principal) bool

func newPageAccess() pageAccess {
	a := pageAccess{}
	for _, r := range review.PageRoutes() {
		if r.Method == http.MethodGet {
			a[r.Path] = func(p *account.Principal) bool { return review.Allows(r.Who, p) }
		}
	}
	for _, r := range publish.PageRoutes() {
		if r.Method == http.MethodGet {
			a[r.Path] = func(p *account.Principal) bool { return review.Allows(r.Who, p) }
		}
	}
	for _, r := range slices.Concat(glossary.PageRoutes(), glossary.ProposalPageRoutes()) {
		if r.Method == http.MethodGet {
			a[r.Path] = r.Allows
		}
	}
	return a
}

// may reports whether p may open the page of route pattern; a pattern that
// is no page is a template error, not a hidden link.
func (a pageAccess) may(p *account.Principal, pattern string) (bool, error) {
	allows, ok := a[pattern]
	if !ok {
		return false, fmt.Errorf("templates: may: no page route %q", pattern)
	}
	return allows(p), nil
}
