package review

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"lector/apperr"
	"lector/request"
)

// ListPageSize is how many rows a list page shows. Pages are keyset pages:
// a cursor names the last (or first) row shown and the next page starts
// after it through an index, so page 1,000 costs what page 1 costs (OFFSET
// would read and drop every row before it).
const ListPageSize = 50

// maxCursorBytes bounds a cursor in the address: a title of MaxTitleRunes
// runes, base64url-encoded with its id, fits.
const maxCursorBytes = 2000

// Cursor is the key of the row a page starts after (or ends before): the
// sort column's value (a time or a title) and the row's id, which breaks
// ties. In the address bar it is opaque (base64url of JSON); a tampered one
// is refused, never guessed at.
type Cursor struct {
	At    int64  `json:"t,omitempty"` // unix microseconds, for sorts by time
	Title string `json:"s,omitempty"` // for sorts by title
	ID    int64  `json:"i"`
}

// Time is the cursor's time, for sorts by time.
func (c Cursor) Time() time.Time { return time.UnixMicro(c.At) }

// String encodes the cursor for the address bar.
func (c Cursor) String() string {
	b, _ := json.Marshal(c) // two ints and a string always marshal
	return base64.RawURLEncoding.EncodeToString(b)
}

// parseCursor decodes the cursor of query parameter field; empty is none.
// Codes: invalid, naming field.
func parseCursor(field, raw string) (*Cursor, error) {
	if raw == "" {
		return nil, nil
	}
	bad := apperr.New(apperr.Invalid, "error.bad_cursor", map[string]any{"Field": field})
	if len(raw) > maxCursorBytes {
		return nil, bad
	}
	b, err := base64.RawURLEncoding.DecodeString(raw)
	if err != nil {
		return nil, bad
	}
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	var c Cursor
	if err := dec.Decode(&c); err != nil || dec.More() || c.ID <= 0 || c.At < 0 ||
		request.Line(field, c.Title, MaxTitleRunes) != nil {
		return nil, bad
	}
	return &c, nil
}

// ListQuery is what a list page was asked for: a title search, filters, a
// sort and where the page starts. Zero values: everything, the list's
// first sort, the first page.
type ListQuery struct {
	Search string
	Lang   string
	State  string
	Sort   string
	After  *Cursor // the page starts after this row
	Before *Cursor // the page ends before this row (Previous)
}

// sortKey is one sort a list offers: its name in the address and what its
// cursors hold besides the id.
type sortKey struct {
	Name string
	Key  byte // 't': a time, 's': a title, 'i': the id alone
}

// listOptions are the parameters a list accepts: its sorts (the first is
// the default) and states; a list without states takes no state filter.
type listOptions struct {
	Path   string
	Sorts  []sortKey
	States []string
}

func (o listOptions) sortNames() []string {
	var out []string
	for _, s := range o.Sorts {
		out = append(out, s.Name)
	}
	return out
}

// fits reports whether c is a cursor of the sort named sort: a time for
// time sorts, a title for title sorts, the id alone otherwise.
func (o listOptions) fits(sort string, c *Cursor) bool {
	if c == nil {
		return true
	}
	for _, s := range o.Sorts {
		if s.Name != sort {
			continue
		}
		switch s.Key {
		case 't':
			return c.At > 0 && c.Title == ""
		case 's':
			return c.At == 0 && c.Title != ""
		default:
			return c.At == 0 && c.Title == ""
		}
	}
	return false
}

// parseListQuery reads q, lang, state, sort, after and before from the
// address. Codes: invalid, naming the parameter.
func parseListQuery(c echo.Context, opt listOptions) (ListQuery, error) {
	q := ListQuery{Search: strings.TrimSpace(c.QueryParam("q")), Lang: c.QueryParam("lang"),
		State: c.QueryParam("state"), Sort: c.QueryParam("sort")}
	if err := request.Line("q", q.Search, MaxSearchRunes); err != nil {
		return q, err
	}
	if q.Lang != "" && !isLangTag(q.Lang) {
		return q, apperr.New(apperr.Invalid, "error.bad_language", map[string]any{"Field": "lang", "Value": q.Lang})
	}
	if q.Sort == "" {
		q.Sort = opt.Sorts[0].Name
	}
	if !slices.Contains(opt.sortNames(), q.Sort) {
		return q, apperr.New(apperr.Invalid, "error.bad_choice",
			map[string]any{"Field": "sort", "Choices": strings.Join(opt.sortNames(), ", ")})
	}
	if q.State != "" && !slices.Contains(opt.States, q.State) {
		choices := strings.Join(opt.States, ", ")
		if choices == "" {
			choices = "—"
		}
		return q, apperr.New(apperr.Invalid, "error.bad_choice", map[string]any{"Field": "state", "Choices": choices})
	}
	var err error
	q.After, q.Before, err = parseCursors(c, func(cur *Cursor) bool { return opt.fits(q.Sort, cur) })
	return q, err
}

// parseCursors reads ?after= and ?before=, each refused unless fits takes
// it, and not both at once. Codes: invalid.
func parseCursors(c echo.Context, fits func(*Cursor) bool) (after, before *Cursor, err error) {
	for _, field := range []string{"after", "before"} {
		cur, err := parseCursor(field, c.QueryParam(field))
		if err == nil && !fits(cur) {
			err = apperr.New(apperr.Invalid, "error.bad_cursor", map[string]any{"Field": field})
		}
		if err != nil {
			return nil, nil, err
		}
		if field == "after" {
			after = cur
		} else {
			before = cur
		}
	}
	if after != nil && before != nil {
		return nil, nil, apperr.New(apperr.Invalid, "error.bad_cursor", map[string]any{"Field": "before"})
	}
	return after, before, nil
}

// articleFilters adds to a list query's conditions and their arguments
// the article filters asked for: the language, and the search in titles;
// the query names the articles a.
func (q ListQuery) articleFilters(conds []string, args []any) ([]string, []any) {
	if q.Lang != "" {
		conds, args = append(conds, "a.lang = ?"), append(args, q.Lang)
	}
	if q.Search != "" {
		conds, args = append(conds, `a.title ILIKE ? ESCAPE '\'`), append(args, likePattern(q.Search))
	}
	return conds, args
}

// isLangTag accepts what a stored language tag can be: letters, digits and
// hyphens, a few characters long.
func isLangTag(s string) bool {
	if len(s) > 35 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// Pager is a page's links to its neighbours: empty when there is none.
type Pager struct {
	Prev, Next string
}

// params are the query's search, filters and sort as an address's query,
// without a cursor.
func (q ListQuery) params(defaultSort string) url.Values {
	v := request.Query(map[string]string{"q": q.Search, "lang": q.Lang, "state": q.State})
	if q.Sort != defaultSort {
		v.Set("sort", q.Sort)
	}
	return v
}

// window trims rows, fetched as ListPageSize+1 in the page's reading
// direction (backwards for a Before page), to the page in display order,
// and links the neighbours; key gives a row's cursor.
func window[T any](rows []T, q ListQuery, opt listOptions, key func(T) Cursor) ([]T, Pager) {
	more := len(rows) > ListPageSize
	if more {
		rows = rows[:ListPageSize]
	}
	if q.Before != nil {
		slices.Reverse(rows)
	}
	def := opt.Sorts[0].Name
	var p Pager
	if len(rows) == 0 {
		// A page past either end (its rows gone meanwhile) links back to
		// the first page.
		if q.After != nil || q.Before != nil {
			p.Prev = link(opt.Path, q.params(def), "", Cursor{})
		}
		return rows, p
	}
	if q.After != nil || (q.Before != nil && more) {
		p.Prev = link(opt.Path, q.params(def), "before", key(rows[0]))
	}
	if q.Before != nil || more {
		p.Next = link(opt.Path, q.params(def), "after", key(rows[len(rows)-1]))
	}
	return rows, p
}

func link(path string, v url.Values, field string, c Cursor) string {
	if field != "" {
		v.Set(field, c.String())
	}
	if len(v) == 0 {
		return path
	}
	return path + "?" + v.Encode()
}

// keyset is the SQL condition and order of a keyset page over a sort
// column col (a time or a title; empty: the id alone) and id column idCol,
// ascending when asc: the rows after q.After, or those before q.Before
// read backwards.
func keyset(q ListQuery, col, idCol string, asc bool, val func(Cursor) any) (where string, args []any, order string) {
	up := asc == (q.Before == nil) // reading the index upwards
	dir, op := "DESC", "<"
	if up {
		dir, op = "ASC", ">"
	}
	order = idCol + " " + dir
	if col != "" {
		order = col + " " + dir + ", " + order
	}
	c := q.After
	if c == nil {
		c = q.Before
	}
	switch {
	case c == nil:
		return "TRUE", nil, order
	case col == "":
		return idCol + " " + op + " ?", []any{c.ID}, order
	}
	return "(" + col + ", " + idCol + ") " + op + " (?, ?)", []any{val(*c), c.ID}, order
}

// likePattern is an ILIKE pattern matching s anywhere, its wildcards
// taken literally.
func likePattern(s string) string { return "%" + likeEscaper.Replace(s) + "%" }
