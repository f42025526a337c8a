// Package request reads requests the same way for every handler, whatever
// domain package owns it: JSON bodies, path ids, and the one validation of
// strings and numbers at the edge (Line, Text, Int, Guard).
package request

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"lector/apperr"
)

// BindJSON decodes the request's JSON body into form: the Content-Type must
// be application/json, the body at most limit bytes, valid UTF-8, one JSON
// value with no field form lacks, and every string in it valid text (Text;
// a field tagged `input:"line"` must be one line). Codes: invalid (naming
// the field where there is one), too_large.
func BindJSON(c echo.Context, form any, limit int64) error {
	mt, _, err := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType))
	if err != nil || mt != echo.MIMEApplicationJSON {
		return &apperr.Error{Code: apperr.Invalid, Status: http.StatusUnsupportedMediaType, MessageID: "error.json_only", Data: map[string]any{"Type": mt}}
	}
	data, err := io.ReadAll(http.MaxBytesReader(c.Response(), c.Request().Body, limit))
	if err != nil {
		var maxErr *http.MaxBytesError
		var he *echo.HTTPError
		// A chunked body over the server's limit ends with Echo's 413
		// rather than MaxBytesError.
		if errors.As(err, &maxErr) || errors.As(err, &he) && he.Code == http.StatusRequestEntityTooLarge {
			return apperr.New(apperr.TooLarge, "error.body_too_large", map[string]any{"Limit": limit})
		}
		return apperr.New(apperr.Invalid, "error.bad_request", nil)
	}
	// encoding/json would store invalid UTF-8 as U+FFFD without a word.
	if !utf8.Valid(data) {
		return apperr.New(apperr.Invalid, "error.not_utf8", map[string]any{"Field": fieldAt(data, invalidAt(data))})
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := decodeError(dec.Decode(form)); err != nil {
		return err
	}
	if _, extra := dec.Token(); extra != io.EOF {
		return apperr.New(apperr.Invalid, "error.json_trailing", nil)
	}
	return CheckStrings(form)
}

func decodeError(err error) error {
	if err == nil {
		return nil
	}
	var typeErr *json.UnmarshalTypeError
	var syntaxErr *json.SyntaxError
	switch {
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

// invalidAt is the offset of the first byte of data that is not UTF-8.
func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// fieldAt names the JSON member whose key or value holds offset bad, as a
// path such as terms[2].form; "body" when it lies outside any member.
func fieldAt(data []byte, bad int) string {
	type frame struct {
		object    bool
		expectKey bool
		key       string
		index     int
	}
	var stack []frame
	path := func() string {
		var b strings.Builder
		for _, f := range stack {
			switch {
			case f.object && f.key != "":
				if b.Len() > 0 {
					b.WriteByte('.')
				}
				b.WriteString(f.key)
			case !f.object && f.index >= 0:
				b.WriteString("[" + strconv.Itoa(f.index) + "]")
			}
		}
		if b.Len() == 0 {
			return "body"
		}
		return b.String()
	}
	// valueDone moves the innermost container past one value.
	valueDone := func() {
		if n := len(stack); n > 0 && stack[n-1].object {
			stack[n-1].expectKey = true
		}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		tok, err := dec.Token()
		if err != nil {
			return path()
		}
		n := len(stack)
		if n > 0 && stack[n-1].object && stack[n-1].expectKey {
			if key, ok := tok.(string); ok {
				stack[n-1].key, stack[n-1].expectKey = key, false
				if dec.InputOffset() > int64(bad) {
					return path()
				}
				continue
			}
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:n-1]
			valueDone()
			continue
		}
		if n > 0 && !stack[n-1].object {
			stack[n-1].index++
		}
		if d, ok := tok.(json.Delim); ok {
			stack = append(stack, frame{object: d == '{', expectKey: d == '{', index: -1})
			continue
		}
		if dec.InputOffset() > int64(bad) {
			return path()
		}
		valueDone()
	}
}
