// Package overview is the dashboards: an editor's overview of every article
// and of one (segments by state, flags by kind, time to approval), of the
// people at work (corrections, approvals and rejections per day), of the
// glossary's most frequent wrong forms by the languages the MT came from,
// and each reviewer's own lists ("my rejected corrections", "waiting for
// me"). It reads the review and glossary tables, and the count tables that
// migration 00027's triggers keep (counts.go folds their deltas: its only
// write); its charts are SVG geometry computed here and drawn by the
// templates, with their numbers in tables beside them.
package overview

import (
	"slices"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
)

// Handlers serves the dashboards.
type Handlers struct {
	DB *gorm.DB
	// Cache keeps the people's dashboard and the overview's time to
	// approval; nil counts on every request.
	Cache *Cache
}

// requireAny is account.Require for a page that several roles may open.
// Codes: unauthorized, forbidden.
func requireAny(p *account.Principal, roles ...string) error {
	if p == nil {
		return apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	if !slices.ContainsFunc(roles, p.Has) {
		return apperr.New(apperr.Forbidden, "error.forbidden", nil)
	}
	return nil
}
