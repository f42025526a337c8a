package server

import (
	"errors"
	"log/slog"
	"net/http"
	"sort"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/nicksnyder/go-i18n/v2/i18n"

	"lector/apperr"
	"lector/database"
	"lector/locales"
)

// fromHTTPError turns Echo's own errors (no route, body too large, ...) into
// application errors.
func fromHTTPError(he *echo.HTTPError) *apperr.Error {
	switch he.Code {
	case http.StatusNotFound:
		return apperr.New(apperr.NotFound, "error.page_not_found", nil)
	case http.StatusMethodNotAllowed:
		return &apperr.Error{Code: apperr.Invalid, MessageID: "error.method_not_allowed"}
	case http.StatusRequestEntityTooLarge:
		return apperr.New(apperr.TooLarge, "error.body_too_large", map[string]any{"Limit": maxBody})
	case http.StatusUnauthorized:
		return apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	case http.StatusForbidden:
		return apperr.New(apperr.Forbidden, "error.forbidden", nil)
	case http.StatusBadRequest, http.StatusUnsupportedMediaType:
		return apperr.New(apperr.Invalid, "error.bad_request", nil)
	}
	return &apperr.Error{Code: apperr.Internal, MessageID: "error.internal", Cause: he}
}

type errorBody struct {
	Error struct {
		Code    apperr.Code `json:"code"`
		Message string      `json:"message"`
	} `json:"error"`
}

// errorHandler is the one place errors become responses: internal errors are
// logged with the request id and shown only as a generic message.
// The authentication middleware runs before locale choice, so its errors find
// no translator on the request yet; b makes one from the request alone.
// A database fault (down, saturated, a timeout, full) is no bug: it becomes
// unavailable (503 with Retry-After), logged once per episode by faults.
func errorHandler(log *slog.Logger, b *i18n.Bundle, faults *faultLog) echo.HTTPErrorHandler {
	chooser := locales.NewChooser(b)
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			return
		}
		var ae *apperr.Error
		var he *echo.HTTPError
		switch {
		case errors.As(err, &ae):
		case errors.As(err, &he):
			ae = fromHTTPError(he)
		default:
			ae = apperr.As(err)
		}
		if ae.Code == apperr.Internal {
			if f := database.FaultOf(err); f != "" {
				faults.seen(f, err, requestID(c), c.Request().URL.Path)
				ae = apperr.NewUnavailable(nil, f.RetryAfter())
			}
		}
		status := ae.Code.HTTPStatus()
		if ae.Status != 0 {
			status = ae.Status
		}
		for k, v := range ae.Header {
			c.Response().Header().Set(k, v)
		}
		if ae.Code == apperr.Internal {
			log.Error("internal error", "err", err, "request_id", requestID(c), "path", c.Request().URL.Path)
			ae = apperr.New(apperr.Internal, "error.internal", nil)
		}
		t := translator(c)
		if t == nil {
			t = chooser.Translator(languagePrefs(c, "")...)
			c.Set(translatorKey, t)
		}
		message := t.Data(ae.MessageID, ae.Data)
		if he != nil && he.Code == http.StatusMethodNotAllowed {
			status = he.Code // the code stays "invalid"; the status tells HTTP clients more
		}
		if isAPI(c) {
			var body errorBody
			body.Error.Code, body.Error.Message = ae.Code, message
			err = c.JSON(status, body)
		} else {
			page := errorPage{Status: status, Code: ae.Code, Message: message, RequestID: requestID(c)}
			if ae.Code == apperr.Unavailable {
				page.Resubmit = resubmitOf(c.Request())
			}
			err = c.Render(status, "error.html", page)
		}
		if err != nil {
			log.Error("writing error response", "err", err)
		}
	}
}

type errorPage struct {
	Status    int
	Code      apperr.Code
	Message   string
	RequestID string
	Resubmit  *resubmit
}

// resubmit is a refused form, shown again so that nothing typed is lost
// when the database could not take it: the person sends it again once
// the database answers. The fields people type in are shown and
// editable; the others (the CSRF token of the session included) ride
// along hidden.
type resubmit struct {
	Action        string
	Shown, Hidden []formField
}

type formField struct{ Name, Value string }

// typedFields are the form fields people write in.
var typedFields = map[string]bool{"text": true, "comment": true, "reason": true}

// resubmitOf is the form of r to send again, or nil for anything but an
// urlencoded POST, and for forms with a password.
func resubmitOf(r *http.Request) *resubmit {
	if r.Method != http.MethodPost || !strings.HasPrefix(r.Header.Get(echo.HeaderContentType), echo.MIMEApplicationForm) {
		return nil
	}
	if err := r.ParseForm(); err != nil || len(r.PostForm) == 0 {
		return nil
	}
	rs := &resubmit{Action: r.URL.RequestURI()}
	names := make([]string, 0, len(r.PostForm))
	for name := range r.PostForm {
		if strings.Contains(name, "password") {
			return nil // never written into a page; such forms are short to type again
		}
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		for _, v := range r.PostForm[name] {
			if typedFields[name] {
				rs.Shown = append(rs.Shown, formField{name, v})
			} else {
				rs.Hidden = append(rs.Hidden, formField{name, v})
			}
		}
	}
	return rs
}
