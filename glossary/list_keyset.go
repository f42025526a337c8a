package glossary

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"lector/apperr"
	"lector/request"
)

// The glossary's lists (entries, proposals) page by keyset, as the review
// lists do (review/list_page.go): a cursor names the row a page starts
// after (or ends before) by its sort key and id, so that a page deep in a
// list costs what the first costs; OFFSET read and dropped every row
// before it.

// listPageSize is how many rows a list page shows.
const listPageSize = 50

// maxCursorBytes bounds a cursor in the address: an entry key of
// MaxKeyRunes runes fits.
const maxCursorBytes = 1200

// listCursor is a page's edge: the sort column's value (a key, or a number:
// a time in microseconds, an evidence count) and the row's id. Opaque in the
// address (base64url of JSON); a tampered one is refused.
type listCursor struct {
	S  string `json:"s,omitempty"`
	N  int64  `json:"n,omitempty"`
	ID int64  `json:"i"`
}

func (c listCursor) String() string {
	b, _ := json.Marshal(c) // a string and two ints always marshal
	return base64.RawURLEncoding.EncodeToString(b)
}

// listSort is one order a list offers: its name in the address, and
// whether its cursors hold a string ('s') or a number ('n').
type listSort struct {
	Name string
	Key  byte
}

// listPaging is where a page starts: its sort, and the cursor it starts
// after or ends before (at most one).
type listPaging struct {
	Sort          string
	After, Before *listCursor
}

// parseListPage reads a list page's filters with parseQuery, then its
// paging among sorts.
func parseListPage[Q any](c echo.Context, parseQuery func(echo.Context) (Q, error), sorts []listSort) (Q, listPaging, error) {
	q, err := parseQuery(c)
	if err != nil {
		return q, listPaging{}, err
	}
	paging, err := parseListPaging(c, sorts)
	return q, paging, err
}

// parseListPaging reads sort, after and before. Codes: invalid, naming
// the parameter.
func parseListPaging(c echo.Context, sorts []listSort) (listPaging, error) {
	p := listPaging{Sort: c.QueryParam("sort")}
	if p.Sort == "" {
		p.Sort = sorts[0].Name
	}
	i := slices.IndexFunc(sorts, func(s listSort) bool { return s.Name == p.Sort })
	if i < 0 {
		names := make([]string, len(sorts))
		for j, s := range sorts {
			names[j] = s.Name
		}
		return p, apperr.New(apperr.Invalid, "error.bad_choice", map[string]any{"Field": "sort", "Choices": strings.Join(names, ", ")})
	}
	for _, field := range []string{"after", "before"} {
		raw := c.QueryParam(field)
		if raw == "" {
			continue
		}
		cur, ok := parseListCursor(raw, sorts[i].Key)
		if !ok || p.After != nil {
			return p, apperr.New(apperr.Invalid, "error.bad_cursor", map[string]any{"Field": field})
		}
		if field == "after" {
			p.After = cur
		} else {
			p.Before = cur
		}
	}
	return p, nil
}

func parseListCursor(raw string, key byte) (*listCursor, bool) {
	if len(raw) > maxCursorBytes {
		return nil, false
	}
	b, err := base64.RawURLEncoding.DecodeString(raw)
	if err != nil {
		return nil, false
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	var c listCursor
	if err := dec.Decode(&c); err != nil || dec.More() || c.ID <= 0 || c.N < 0 ||
		request.Line("cursor", c.S, MaxKeyRunes) != nil || (key == 's') != (c.S != "") || (key == 's' && c.N != 0) {
		return nil, false
	}
	return &c, true
}

// cursor is the cursor the page starts from, nil on a first page.
func (p listPaging) cursor() *listCursor {
	if p.After != nil {
		return p.After
	}
	return p.Before
}

// keyset is the SQL condition and order of p's page over sort column col
// (empty: the id alone; with unique, col alone decides) and idCol,
// ascending when asc: the rows after p.After, or those before p.Before
// read backwards; val is the cursor's value of col.
func (p listPaging) keyset(col, idCol string, asc, unique bool, val func(listCursor) any) (where string, args []any, order string) {
	dir, op := "DESC", "<"
	if asc == (p.Before == nil) {
		dir, op = "ASC", ">"
	}
	order = idCol + " " + dir
	if col != "" {
		order = col + " " + dir + ", " + order
	}
	c := p.cursor()
	switch {
	case c == nil:
		return "TRUE", nil, order
	case col == "":
		return idCol + " " + op + " ?", []any{c.ID}, order
	case unique:
		return col + " " + op + " ?", []any{val(*c)}, order
	}
	return "(" + col + ", " + idCol + ") " + op + " (?, ?)", []any{val(*c), c.ID}, order
}

// listPager is a page's links to its neighbours, empty when there is none.
type listPager struct{ Prev, Next string }

// listWindow trims rows, read as listPageSize+1 in the page's direction, to
// the page in display order and links its neighbours; params are the
// list's search, filters and sort, key a row's cursor.
func listWindow[T any](rows []T, p listPaging, path string, params url.Values, key func(T) listCursor) ([]T, listPager) {
	more := len(rows) > listPageSize
	if more {
		rows = rows[:listPageSize]
	}
	if p.Before != nil {
		slices.Reverse(rows)
	}
	link := func(field string, c listCursor) string {
		v := url.Values{}
		for k, s := range params {
			v[k] = s
		}
		if field != "" {
			v.Set(field, c.String())
		}
		if len(v) == 0 {
			return path
		}
		return path + "?" + v.Encode()
	}
	var pg listPager
	if len(rows) == 0 {
		if p.cursor() != nil { // past either end: back to the first page
			pg.Prev = link("", listCursor{})
		}
		return rows, pg
	}
	if p.After != nil || (p.Before != nil && more) {
		pg.Prev = link("before", key(rows[0]))
	}
	if p.Before != nil || more {
		pg.Next = link("after", key(rows[len(rows)-1]))
	}
	return rows, pg
}
