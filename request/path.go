package request

import (
	"strconv"

	"github.com/labstack/echo/v4"

	"lector/apperr"
)

// PathID parses a positive integer path parameter. Anything else is a page
// that does not exist: not_found, never a 400 that would tell ids apart.
func PathID(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.New(apperr.NotFound, "error.page_not_found", nil)
	}
	return id, nil
}
