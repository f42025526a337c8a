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

// PathNumber parses a path parameter numbering something in an int4 column
// (a version), from lo on; anything else is a page that does not exist.
func PathNumber(c echo.Context, name string, lo int) (int, error) {
	n, err := strconv.ParseInt(c.Param(name), 10, 32)
	if err != nil || n < int64(lo) {
		return 0, apperr.New(apperr.NotFound, "error.page_not_found", nil)
	}
	return int(n), nil
}

// QueryInt is Int over the query parameter name.
func QueryInt(c echo.Context, name string, def, lo, hi int64) (int64, error) {
	return Int(name, c.QueryParam(name), def, lo, hi)
}
