package account

import (
	"slices"

	"github.com/labstack/echo/v4"
)

// Route is one row of a domain package's routes table, H being that
// package's handlers: Handler, a method of H, answers Method and Path for
// users holding any of Roles (admins hold every role), or for anyone
// signed in when Roles is empty. The domain functions check the roles; the
// table documents them, drives the authorization tests and decides which
// links and buttons a page shows.
type Route[H any] struct {
	Method, Path string
	Roles        []string
	Handler      func(H, echo.Context) error
}

// NewRoute is a row of a routes table, handler being a method expression
// such as (*Handlers).Page.
func NewRoute[H any](method, path string, roles []string, handler func(H, echo.Context) error) Route[H] {
	return Route[H]{Method: method, Path: path, Roles: roles, Handler: handler}
}

// Allows reports whether p may use the route.
func (r Route[H]) Allows(p *Principal) bool {
	return p != nil && (len(r.Roles) == 0 || slices.ContainsFunc(r.Roles, p.Has))
}

// Register adds the routes of tables to e, answered by h's handlers.
func Register[H any](e *echo.Echo, h H, tables ...[]Route[H]) {
	for _, r := range slices.Concat(tables...) {
		e.Add(r.Method, r.Path, r.handle(h))
	}
}

// RegisterGuarded is Register with each route behind RequireRole(its
// Roles), which answers before the handler runs: anonymous callers as
// RequireSignedIn does, others without the role 403.
func RegisterGuarded[H any](e *echo.Echo, h H, tables ...[]Route[H]) {
	for _, r := range slices.Concat(tables...) {
		e.Add(r.Method, r.Path, r.handle(h), RequireRole(r.Roles...))
	}
}

func (r Route[H]) handle(h H) echo.HandlerFunc {
	return func(c echo.Context) error { return r.Handler(h, c) }
}
