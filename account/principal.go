package account

import (
	"context"
	"slices"

	"lector/apperr"
)

// Principal is who makes a request: a signed-in user (by session cookie or
// API token). Handlers read it from the request context; nil means
// anonymous.
type Principal struct {
	UserID int64
	Email  string
	Name   string
	Roles  []string
	Locale string
	// CSRFToken is the session's token (empty for API tokens, which need
	// none because browsers never send them on their own).
	CSRFToken string
	ViaToken  bool
}

// Has reports whether p holds role; admins hold every role.
func (p *Principal) Has(role string) bool {
	if p == nil {
		return false
	}
	return slices.Contains(p.Roles, role) || slices.Contains(p.Roles, RoleAdmin)
}

type principalKey struct{}

// WithPrincipal returns ctx carrying p.
func WithPrincipal(ctx context.Context, p *Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// PrincipalFrom returns the request's principal, nil when anonymous.
func PrincipalFrom(ctx context.Context) *Principal {
	p, _ := ctx.Value(principalKey{}).(*Principal)
	return p
}

// Require is the check every domain action starts with: unauthorized for
// nobody signed in, forbidden for a principal without role.
func Require(p *Principal, role string) error {
	switch {
	case p == nil:
		return apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	case !p.Has(role):
		return apperr.New(apperr.Forbidden, "error.forbidden", nil)
	}
	return nil
}
