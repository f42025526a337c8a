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
			if n, err := CountOpenProposals(req.Context(), h.DB); err == nil {
				c.SetRequest(req.WithContext(context.WithValue(req.Context(), openProposalsKey{}, int(n))))
			}
			return next(c)
		}
	}
}

// OpenProposalsFrom is the count NavCount put into ctx, 0 when none.
func OpenProposalsFrom(ctx context.Context) int {
	n, _ := ctx.Value(openProposalsKey{}).(int)
	return n
}
