package glossary

import (
	"context"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"lector/account"
)

type openProposalsKey struct{}

// NavCount is middleware that counts the open proposals for the nav of
// glossary maintainers' pages: one indexed count on a full page load,
// nothing for other users, the API or htmx fragments. A failed count shows
// no number rather than failing the page.
func (h *Handlers) NavCount() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			req := c.Request()
			p := account.PrincipalFrom(req.Context())
			if req.Method != http.MethodGet || !p.Has(account.RoleGlossary) || strings.HasPrefix(req.URL.Path, "/api/") ||
				req.Header.Get("HX-Request") == "true" {
				return next(c)
			}
			if n, err := countOpenProposalsUpTo(req.Context(), h.DB, NavCountMax+1); err == nil {
				c.SetRequest(req.WithContext(context.WithValue(req.Context(), openProposalsKey{}, int(n))))
			}
			return next(c)
		}
	}
}

// NavCountMax is where the nav's count stops: beyond it the nav says "more
// than NavCountMax". Counting 100,000 open proposals on every page a
// maintainer opens cost more than the page (BENCHMARKS.md, issue 20).
const NavCountMax = 999

// OpenProposalsFrom is the count NavCount put into ctx, 0 when none, at
// most NavCountMax+1 (which means more than NavCountMax).
func OpenProposalsFrom(ctx context.Context) int {
	n, _ := ctx.Value(openProposalsKey{}).(int)
	return n
}
