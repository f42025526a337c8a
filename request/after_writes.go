package request

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// AfterWrites calls changed after every request that may have committed a
// change (an unsafe method answered without error): the front page's
// cache forgets its counts, the live feed notifies the other processes.
func AfterWrites(changed func()) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			err := next(c)
			switch c.Request().Method {
			case http.MethodGet, http.MethodHead, http.MethodOptions:
				return err
			}
			if err == nil && c.Response().Status < http.StatusBadRequest {
				changed()
			}
			return err
		}
	}
}
