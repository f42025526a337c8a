package glossary

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"golang.org/x/text/language"

	"lector/account"
	"lector/locales"
	"lector/request"
)

// pageMaxCount is where the list's count stops (the page says "more than"
// beyond it): counting every match of a broad filter on a large glossary
// costs more than the page. A list filtered by type, language or status
// stops at filteredMaxCount: its count walks entries in key order and
// probes each for a matching term, as the page does, and stopping at 1,000
// keeps it to a few thousand probes, where 10,000 matches of a filter
// selecting one entry in three cost 30,000 (BenchmarkPageSearch100k,
// lang-status-type: 98-160 ms against 11-34 ms on the loaded machine).
const (
	pageMaxCount     = 10_000
	filteredMaxCount = 1_000
)

// Types and Statuses in the order the pages offer them.
var (
	pageTypes    = []string{"person", "place", "organization", "term"}
	pageStatuses = []Status{Preferred, Admitted, Deprecated, FalseFriend}
)

type pageListRow struct {
	Entry
	Preferred, PreferredLang string
	Langs                    []string
}

type pageList struct {
	Query    Query
	Sort     string
	Sorts    []string
	Rows     []pageListRow
	Total    int
	More     bool // Total is capped: more than Query.MaxCount match
	Pager    listPager
	Langs    []string
	Types    []string
	Statuses []Status
	CanEdit  bool
	Deleted  string // the key of an entry just deleted
	Imported []int  // new, changed and deleted entries of an import just applied
	Filtered bool
}

// ListPage: GET /glossary?q=&type=&language=&status=&sort=&after=|before=,
// any signed-in user: keyset pages of listPageSize entries.
func (h *Handlers) ListPage(c echo.Context) error {
	q, paging, err := parseListPage(c, pageQuery, entrySorts)
	if err != nil {
		return err
	}
	imported, err := pageImported(c.QueryParam("imported"))
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	entries, err := pageEntries(ctx, h.DB, q, paging)
	if err != nil {
		return err
	}
	total, err := countEntries(ctx, h.DB, q)
	if err != nil {
		return err
	}
	langs, err := TermLanguages(ctx, h.DB)
	if err != nil {
		return err
	}
	reader := locales.FromContext(ctx, nil).Lang()
	rows := make([]pageListRow, len(entries))
	for i, e := range entries {
		rows[i] = pageListOf(e, reader)
	}
	v := pageList{Query: q, Sort: paging.Sort, Sorts: []string{EntrySortKey, EntrySortUpdated},
		Total: int(min(total, int64(q.MaxCount))), More: total > int64(q.MaxCount), Langs: langs,
		Types: pageTypes, Statuses: pageStatuses, CanEdit: account.PrincipalFrom(ctx).Has(account.RoleGlossary),
		Deleted: c.QueryParam("deleted"), Imported: imported,
		Filtered: q.Q != "" || q.Type != "" || q.Lang != "" || q.Status != ""}
	v.Rows, v.Pager = listWindow(rows, paging, "/glossary", pageListParams(q, paging.Sort), entryCursor(paging.Sort))
	return c.Render(http.StatusOK, "glossary.html", v)
}

// pageImported reads the counts an applied import redirects with,
// "new.changed.deleted"; nil when there are none.
func pageImported(raw string) ([]int, error) {
	if raw == "" {
		return nil, nil
	}
	n := make([]int, 3)
	parts := strings.Split(raw, ".")
	for i := range n {
		var err error
		if len(parts) != 3 {
			err = strconv.ErrSyntax
		} else {
			n[i], err = strconv.Atoi(parts[i])
		}
		if err != nil || n[i] < 0 {
			return nil, apiInvalid("imported", strconv.Quote(raw)+" is not three counts, new.changed.deleted")
		}
	}
	return n, nil
}

// pageQuery reads the list's search and filters; a value no filter offers
// is a 400 naming the parameter.
func pageQuery(c echo.Context) (Query, error) {
	q := Query{Q: strings.TrimSpace(c.QueryParam("q")), Type: c.QueryParam("type"), Status: Status(c.QueryParam("status")),
		MaxCount: pageMaxCount}
	if err := request.Line("q", q.Q, MaxFormRunes); err != nil {
		return q, err
	}
	if q.Type != "" && !slices.Contains(pageTypes, q.Type) {
		return q, apiInvalid("type", "type "+strconv.Quote(q.Type)+" is not one of person, place, organization, term")
	}
	if q.Status != "" && !q.Status.Valid() {
		return q, apiInvalid("status", "status "+strconv.Quote(string(q.Status))+" is not one of preferred, admitted, deprecated, false-friend")
	}
	// "language", not "lang": ?lang= chooses the reader's UI language.
	if raw := c.QueryParam("language"); raw != "" {
		tag, err := language.Parse(raw)
		if err != nil {
			return q, apiInvalid("language", strconv.Quote(raw)+" is not a BCP 47 language tag")
		}
		q.Lang = tag.String() // as terms are stored
	}
	q.MaxCount = pageCap(q)
	return q, nil
}

// pageCap is where the list's count of q stops.
func pageCap(q Query) int {
	if q.Type != "" || q.Lang != "" || q.Status != "" {
		return filteredMaxCount
	}
	return pageMaxCount
}

// pageListParams are the list's search, filters and sort as an address's
// query, without a cursor.
func pageListParams(q Query, sort string) url.Values {
	v := request.Query(map[string]string{"q": q.Q, "type": q.Type, "language": q.Lang, "status": string(q.Status)})
	if sort != EntrySortKey {
		v.Set("sort", sort)
	}
	return v
}

// pageListOf is an entry as a list row: its preferred form in the reader's
// language (else English, else any) and the languages it has.
func pageListOf(e Entry, reader string) pageListRow {
	r := pageListRow{Entry: e}
	best := 3
	for _, t := range e.Terms {
		if !slices.Contains(r.Langs, t.Lang) {
			r.Langs = append(r.Langs, t.Lang)
		}
		if rank := readerRank(reader, t.Lang); t.Status == Preferred && rank < best {
			best, r.Preferred, r.PreferredLang = rank, t.Form, t.Lang
		}
	}
	slices.Sort(r.Langs)
	return r
}

// readerRank orders languages for a reader: theirs first, then English,
// then the others.
func readerRank(reader, lang string) int {
	switch lang {
	case reader:
		return 0
	case "en":
		return 1
	}
	return 2
}

// pageLangGroup is an entry's terms in one language, by status.
type pageLangGroup struct {
	Lang     string
	ByStatus []pageStatusGroup
}

type pageStatusGroup struct {
	Status Status
	Terms  []Term
}

type pageEntry struct {
	Title   string // the preferred form in the reader's language
	Entry   Entry
	Langs   []pageLangGroup
	History []EntryEvent
	CanEdit bool
	Saved   bool
}

// EntryPage: GET /glossary/entries/:id, any signed-in user.
func (h *Handlers) EntryPage(c echo.Context) error {
	e, err := h.pathEntry(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	history, err := EntryHistory(ctx, h.DB, e.ID)
	if err != nil {
		return err
	}
	reader := locales.FromContext(ctx, nil).Lang()
	v := pageEntry{Title: e.Preferred(reader), Entry: e, Langs: pageGroups(e, reader), History: history,
		CanEdit: account.PrincipalFrom(ctx).Has(account.RoleGlossary), Saved: c.QueryParam("saved") != ""}
	return c.Render(http.StatusOK, "glossary_entry.html", v)
}

// pageGroups groups an entry's terms by language, the reader's language
// first, then English, then the others by tag; within one, by status.
func pageGroups(e Entry, reader string) []pageLangGroup {
	var groups []pageLangGroup
	for _, t := range e.Terms {
		i := slices.IndexFunc(groups, func(g pageLangGroup) bool { return g.Lang == t.Lang })
		if i < 0 {
			groups = append(groups, pageLangGroup{Lang: t.Lang})
			i = len(groups) - 1
		}
		g := &groups[i]
		j := slices.IndexFunc(g.ByStatus, func(s pageStatusGroup) bool { return s.Status == t.Status })
		if j < 0 {
			g.ByStatus = append(g.ByStatus, pageStatusGroup{Status: t.Status})
			j = len(g.ByStatus) - 1
		}
		g.ByStatus[j].Terms = append(g.ByStatus[j].Terms, t)
	}
	slices.SortStableFunc(groups, func(a, b pageLangGroup) int {
		return cmp.Or(cmp.Compare(readerRank(reader, a.Lang), readerRank(reader, b.Lang)), cmp.Compare(a.Lang, b.Lang))
	})
	for _, g := range groups {
		slices.SortStableFunc(g.ByStatus, func(a, b pageStatusGroup) int {
			return cmp.Compare(slices.Index(pageStatuses, a.Status), slices.Index(pageStatuses, b.Status))
		})
	}
	return groups
}
