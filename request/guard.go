package request

import (
	"errors"
	"net/http"
	"sort"
	"strings"

	"github.com/labstack/echo/v4"

	"lector/apperr"
)

// Guard refuses, before any handler reads them, parameters no field of
// Lector's could hold: every query parameter must be one line of at most
// MaxQueryRunes characters, every path parameter one line of at most
// MaxParamRunes, every form value valid text (Text, no length limit here:
// the body limit and each field's own limit bound it). Codes: invalid,
// naming the parameter; too_large for a form body over the limit.
func Guard(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if err := guardParams(c); err != nil {
			return err
		}
		return next(c)
	}
}

func guardParams(c echo.Context) error {
	for _, name := range c.ParamNames() {
		if err := Line(name, c.Param(name), MaxParamRunes); err != nil {
			return err
		}
	}
	if err := checkValues(c.QueryParams(), Line, MaxQueryRunes); err != nil {
		return err
	}
	ct := c.Request().Header.Get(echo.HeaderContentType)
	if !strings.HasPrefix(ct, echo.MIMEApplicationForm) && !strings.HasPrefix(ct, echo.MIMEMultipartForm) {
		return nil
	}
	form, err := c.FormParams()
	if err != nil {
		var he *echo.HTTPError
		var maxErr *http.MaxBytesError
		if errors.As(err, &he) && he.Code == http.StatusRequestEntityTooLarge || errors.As(err, &maxErr) {
			return echo.ErrStatusRequestEntityTooLarge
		}
		return apperr.New(apperr.Invalid, "error.bad_request", nil)
	}
	return checkValues(form, Text, 0)
}

// checkValues checks names and values in a stable order, so that the field a
// 400 names does not change from one request to the next.
func checkValues(values map[string][]string, check func(field, s string, maxRunes int) error, maxRunes int) error {
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := Line("parameter", name, MaxParamRunes); err != nil {
			return err
		}
		for _, v := range values[name] {
			if err := check(name, v, maxRunes); err != nil {
				return err
			}
		}
	}
	return nil
}
