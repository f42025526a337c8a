package rescan

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"lector/apperr"
)

// Handlers serve the rescans' progress; they only read rows, so any process
// shows the progress of a rescan that another one runs.
type Handlers struct {
	DB *gorm.DB
}

// apiDefaultListed is how many rescans GET /api/v1/rescans lists by default.
const apiDefaultListed = 10

// APIList: GET /api/v1/rescans?limit=N (1..MaxListed, default 10), the
// latest rescans, newest first, with the number still queued.
func (h *Handlers) APIList(c echo.Context) error {
	n := apiDefaultListed
	if raw := c.QueryParam("limit"); raw != "" {
		v, err := strconv.Atoi(raw)
		if err != nil || v < 1 || v > MaxListed {
			return apperr.New(apperr.Invalid, "error.rescan_limit", map[string]any{"Value": raw, "Max": MaxListed})
		}
		n = v
	}
	p, err := Latest(c.Request().Context(), h.DB, n)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}

// ProgressPartial: GET /rescans/progress, the articles page's progress line
// (htmx polls it), for the newest rescan.
func (h *Handlers) ProgressPartial(c echo.Context) error {
	p, err := Latest(c.Request().Context(), h.DB, 1)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.Render(http.StatusOK, "articles.html#rescan-progress", p)
}
