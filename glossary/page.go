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
)

// List page bounds: entries per page, and where counting stops (the page
// says "more than" beyond it; counting every match of a broad filter on a
// large glossary costs more than the page).
const (
	pageSize     = 50
	pageMaxCount = 10_000
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
	Query       Query
	Rows        []pageListRow
	Total       int
	More        bool // Total is capped: more than pageMaxCount match
	First, Last int  // 1-based positions of the rows shown
	Prev, Next  string
	Langs       []string
	Types       []string
	Statuses    []Status
	CanEdit     bool
	Deleted     string // the key of an entry just deleted
	Imported    []int  // new, changed and deleted entries of an import just applied
	Filtered    bool
}

// ListPage: GET /glossary?q=&type=&language=&status=&page=, any signed-in
// user.
func (h *Handlers) ListPage(c echo.Context) error {
	q, page, err := pageQuery(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	entries, total, err := SearchEntries(ctx, h.DB, q)
	if err != nil {
		return err
	}
	langs, err := TermLanguages(ctx, h.DB)
	if err != nil {
		return err
	}
	imported, err := pageImported(c.QueryParam("imported"))
	if err != nil {
		return err
	}
	reader := locales.FromContext(ctx, nil).Lang()
	v := pageList{Imported: imported, Query: q, Total: int(min(total, pageMaxCount)), More: total > pageMaxCount, Langs: langs,
		Types: pageTypes, Statuses: pageStatuses, CanEdit: account.PrincipalFrom(ctx).Has(account.RoleGlossary),
		Deleted: c.QueryParam("deleted"), Filtered: q.Q != "" || q.Type != "" || q.Lang != "" || q.Status != ""}
	for _, e := range entries {
		v.Rows = append(v.Rows, pageListOf(e, reader))
	}
	if len(entries) > 0 {
		v.First, v.Last = q.Offset+1, q.Offset+len(entries)
	}
	if page > 1 {
		v.Prev = pageListURL(q, page-1)
	}
	if int64(q.Offset+len(entries)) < total {
		v.Next = pageListURL(q, page+1)
	}
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

// pageQuery reads the list's filters; a value no filter offers is a 400
// naming the parameter.
func pageQuery(c echo.Context) (Query, int, error) {
	q := Query{Q: c.QueryParam("q"), Type: c.QueryParam("type"), Status: Status(c.QueryParam("status")),
		Limit: pageSize, MaxCount: pageMaxCount}
	if q.Type != "" && !slices.Contains(pageTypes, q.Type) {
		return q, 0, apiInvalid("type", "type "+strconv.Quote(q.Type)+" is not one of person, place, organization, term")
	}
	if q.Status != "" && !q.Status.Valid() {
		return q, 0, apiInvalid("status", "status "+strconv.Quote(string(q.Status))+" is not one of preferred, admitted, deprecated, false-friend")
	}
	// "language", not "lang": ?lang= chooses the reader's UI language.
	if raw := c.QueryParam("language"); raw != "" {
		tag, err := language.Parse(raw)
		if err != nil {
			return q, 0, apiInvalid("language", strconv.Quote(raw)+" is not a BCP 47 language tag")
		}
		q.Lang = tag.String() // as terms are stored
	}
	page := 1
	if raw := c.QueryParam("page"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > pageMaxCount/pageSize+1 {
			return q, 0, apiInvalid("page", "page "+strconv.Quote(raw)+" is not between 1 and "+strconv.Itoa(pageMaxCount/pageSize+1))
		}
		page = n
	}
	q.Offset = (page - 1) * pageSize
	return q, page, nil
}

func pageListURL(q Query, page int) string {
	v := url.Values{}
	for k, s := range map[string]string{"q": q.Q, "type": q.Type, "language": q.Lang, "status": string(q.Status)} {
		if s != "" {
			v.Set(k, s)
		}
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	if len(v) == 0 {
		return "/glossary"
	}
	return "/glossary?" + v.Encode()
}

// pageListOf is an entry as a list row: its preferred form in the reader's
// language (else English, else any) and the languages it has.
func pageListOf(e Entry, reader string) pageListRow {
	r := pageListRow{Entry: e}
	rank := func(lang string) int {
		switch lang {
		case reader:
			return 0
		case "en":
			return 1
		}
		return 2
	}
	best := 3
	for _, t := range e.Terms {
		if !slices.Contains(r.Langs, t.Lang) {
			r.Langs = append(r.Langs, t.Lang)
		}
		if t.Status == Preferred && rank(t.Lang) < best {
			best, r.Preferred, r.PreferredLang = rank(t.Lang), t.Form, t.Lang
		}
	}
	slices.Sort(r.Langs)
	return r
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
	id, err := apiPathID(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	e, err := GetEntry(ctx, h.DB, id)
	if err != nil {
		return err
	}
	history, err := EntryHistory(ctx, h.DB, id)
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
	order := func(lang string) int {
		switch lang {
		case reader:
			return 0
		case "en":
			return 1
		}
		return 2
	}
	slices.SortStableFunc(groups, func(a, b pageLangGroup) int {
		return cmp.Or(cmp.Compare(order(a.Lang), order(b.Lang)), cmp.Compare(a.Lang, b.Lang))
	})
	for _, g := range groups {
		slices.SortStableFunc(g.ByStatus, func(a, b pageStatusGroup) int {
			return cmp.Compare(slices.Index(pageStatuses, a.Status), slices.Index(pageStatuses, b.Status))
		})
	}
	return groups
}
