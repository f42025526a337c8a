package rescan

import (
	"github.com/labstack/echo/v4"

	"lector/account"
)

// Routes registers the rescans' page fragment and API; the API answers
// anonymous callers 401.
func Routes(e *echo.Echo, h *Handlers) {
	// The articles page, which anyone may read, polls this.
	e.GET("/rescans/progress", h.ProgressPartial)
	e.GET("/api/v1/rescans", h.APIList, account.RequireSignedIn())
}
