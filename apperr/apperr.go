// Package apperr is Lector's one application error type. A code picks the HTTP
// status and the CLI exit status; a go-i18n message ID with its data is what a
// person sees, localized at the edge. The wrapped cause is for logs only.
package apperr

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
)

// Code classifies an error. The values are part of the JSON API contract.
type Code string

const (
	Invalid      Code = "invalid"
	Unauthorized Code = "unauthorized"
	Forbidden    Code = "forbidden"
	NotFound     Code = "not_found"
	Conflict     Code = "conflict"
	TooLarge     Code = "too_large"
	// Unavailable: the database or another resource is down or saturated,
	// or a time budget ran out; the request may be sent again after
	// Retry-After.
	Unavailable Code = "unavailable"
	Internal    Code = "internal"
)

// HTTPStatus is the status a response with this code carries.
func (c Code) HTTPStatus() int {
	switch c {
	case Invalid:
		return http.StatusBadRequest
	case Unauthorized:
		return http.StatusUnauthorized
	case Forbidden:
		return http.StatusForbidden
	case NotFound:
		return http.StatusNotFound
	case Conflict:
		return http.StatusConflict
	case TooLarge:
		return http.StatusRequestEntityTooLarge
	case Unavailable:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// Error is an error safe to show: Code and the localized MessageID with Data.
// Cause, when set, is logged and never shown.
type Error struct {
	Code      Code
	MessageID string
	Data      map[string]any
	Cause     error
	// Status, when not zero, overrides the HTTP status the code picks. The
	// codes are fixed by the API contract, so a status such as 429 Too Many
	// Requests travels here with the nearest code (forbidden).
	Status int
	// Header holds response headers that belong to the error, such as
	// Retry-After; the HTTP error handler sets them.
	Header map[string]string
}

// New returns an error with a code, a go-i18n message ID and its template data.
func New(code Code, messageID string, data map[string]any) *Error {
	return &Error{Code: code, MessageID: messageID, Data: data}
}

// NewUnavailable returns an unavailable error asking the client to retry
// after retryAfter seconds (at least 1); cause is for the log.
func NewUnavailable(cause error, retryAfter int) *Error {
	return &Error{Code: Unavailable, MessageID: "error.unavailable", Cause: cause,
		Header: map[string]string{"Retry-After": strconv.Itoa(max(retryAfter, 1))}}
}

// Wrap returns an internal error that keeps cause for the log.
func Wrap(cause error, context string) *Error {
	return &Error{Code: Internal, MessageID: "error.internal", Cause: fmt.Errorf("%s: %w", context, cause)}
}

func (e *Error) Error() string {
	s := string(e.Code) + ": " + e.MessageID
	if len(e.Data) > 0 {
		s += fmt.Sprint(" ", e.Data)
	}
	if e.Cause != nil {
		s += ": " + e.Cause.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Cause }

// As returns err as an *Error; anything else becomes an internal error.
func As(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: Internal, MessageID: "error.internal", Cause: err}
}

// CodeOf returns the code of err, Internal for errors of other types.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	return As(err).Code
}

// Annotate is Wrap for an error that may already be an application error:
// nil stays nil, an *Error keeps its code, anything else becomes internal.
func Annotate(err error, context string) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return Wrap(err, context)
}
