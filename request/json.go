// Package request reads request bodies the same way for every JSON API
// handler, whatever domain package owns it.
package request

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"lector/apperr"
)

// BindJSON decodes the request's JSON body into form: the Content-Type must
// be application/json, the body at most limit bytes, one JSON value with no
// field form lacks. Codes: invalid (naming the field where there is one),
// too_large.
func BindJSON(c echo.Context, form any, limit int64) error {
	mt, _, err := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType))
	if err != nil || mt != echo.MIMEApplicationJSON {
		return &apperr.Error{Code: apperr.Invalid, Status: http.StatusUnsupportedMediaType, MessageID: "error.json_only", Data: map[string]any{"Type": mt}}
	}
	body := http.MaxBytesReader(c.Response(), c.Request().Body, limit)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	err = dec.Decode(form)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			return apperr.New(apperr.Invalid, "error.json_trailing", nil)
		}
		return nil
	}
	var maxErr *http.MaxBytesError
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
	case errors.As(err, &maxErr):
		return apperr.New(apperr.TooLarge, "error.body_too_large", map[string]any{"Limit": limit})
	case errors.As(err, &typeErr):
		return apperr.New(apperr.Invalid, "error.json_field_type", map[string]any{"Field": typeErr.Field, "Type": typeErr.Value})
	case errors.As(err, &syntaxErr), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return apperr.New(apperr.Invalid, "error.json_syntax", nil)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return apperr.New(apperr.Invalid, "error.json_unknown_field", map[string]any{"Field": field})
	}
	return apperr.New(apperr.Invalid, "error.json_syntax", nil)
}
