package request

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"lector/apperr"
)

// Limits of what the edge accepts before any handler runs; fields with
// their own limits (titles, comments, glossary keys) are checked by their
// domain's validation with Line and Text. docs/api.md lists them all.
const (
	// MaxQueryRunes bounds every query parameter: filters and searches are
	// a few words, redirect targets a path.
	MaxQueryRunes = 2000
	// MaxParamRunes bounds every path parameter.
	MaxParamRunes = 200
)

// Line checks a single-line field: valid UTF-8, no control character at all
// (no NUL, CR, LF or tab), at most maxRunes characters (0: no limit).
// Codes: invalid, naming field.
func Line(field, s string, maxRunes int) error {
	return check(field, s, maxRunes, false)
}

// Text checks a multi-line field: as Line, but line feeds, carriage returns
// and tabs are allowed.
func Text(field, s string, maxRunes int) error {
	return check(field, s, maxRunes, true)
}

func check(field, s string, maxRunes int, multiline bool) error {
	n := 0
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return apperr.New(apperr.Invalid, "error.not_utf8", map[string]any{"Field": field})
			}
		}
		if unicode.IsControl(r) {
			if multiline && (r == '\n' || r == '\r' || r == '\t') {
				n++
				continue
			}
			if !multiline && (r == '\n' || r == '\r') {
				return apperr.New(apperr.Invalid, "error.field_single_line", map[string]any{"Field": field})
			}
			return apperr.New(apperr.Invalid, "error.field_control", map[string]any{"Field": field})
		}
		n++
		if maxRunes > 0 && n > maxRunes {
			return apperr.New(apperr.Invalid, "error.field_too_long", map[string]any{"Field": field, "Limit": maxRunes})
		}
	}
	return nil
}

// Ranges of the integer columns numbers end up compared with.
const (
	MaxInt4 = 1<<31 - 1
	MaxInt8 = 1<<63 - 1
)

// Int parses a decimal integer field and checks it lies in [lo, hi], so that
// no number reaches SQL beyond its column's range. An empty raw gives def.
// Codes: invalid, naming field and the range.
func Int(field, raw string, def, lo, hi int64) (int64, error) {
	if raw == "" {
		return def, nil
	}
	n, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || n < lo || n > hi {
		return 0, apperr.New(apperr.Invalid, "error.field_number", map[string]any{"Field": field, "Min": lo, "Max": hi})
	}
	return n, nil
}
