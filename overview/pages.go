package overview

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"lector/account"
	"lector/request"
)

func principal(c echo.Context) *account.Principal {
	return account.PrincipalFrom(c.Request().Context())
}

// beforeParam is a keyset page's cursor: the last id shown, 0 for the
// first page. Codes: invalid.
func beforeParam(c echo.Context) (int64, error) {
	return request.QueryInt(c, "before", 0, 1, request.MaxInt8)
}

// nextBefore is the cursor of the page after rows (ids of a page of size
// and one more when there are more), 0 when there is none; it trims rows.
func nextBefore[T any](rows *[]T, size int, id func(T) int64) int64 {
	if len(*rows) <= size {
		return 0
	}
	*rows = (*rows)[:size]
	return id((*rows)[size-1])
}

type overviewPage struct {
	*Picture
	Articles []ArticleRow
	Next     int64
	Before   int64
}

// OverviewPage: GET /overview, every article's picture and the articles
// newest first, each with its bar.
func (h *Handlers) OverviewPage(c echo.Context) error {
	before, err := beforeParam(c)
	if err != nil {
		return err
	}
	ctx, p, now := c.Request().Context(), principal(c), time.Now()
	// The counts are current; the time to approval over 30 days is kept
	// a minute, as a figure of weeks may be.
	ap, _, err := cached(h.Cache, "approval", p, []string{account.RoleEditor}, now, func() (ApprovalTimes, error) {
		return RecentApprovals(ctx, h.DB, p, now)
	})
	if err != nil {
		return err
	}
	pic, err := totalsWith(ctx, h.DB, ap)
	if err != nil {
		return err
	}
	rows, err := ArticleRows(ctx, h.DB, p, before)
	if err != nil {
		return err
	}
	next := nextBefore(&rows, ArticlePageSize, func(r ArticleRow) int64 { return r.ID })
	return c.Render(http.StatusOK, "overview.html", overviewPage{Picture: pic, Articles: rows, Next: next, Before: before})
}

// ArticlePage: GET /overview/articles/:id, one article's picture.
func (h *Handlers) ArticlePage(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	a, err := Article(c.Request().Context(), h.DB, principal(c), id)
	if err != nil {
		return err
	}
	return c.Render(http.StatusOK, "overview_article.html", a)
}

type peoplePage struct {
	People  []Person
	From    time.Time
	Days    int
	Counted time.Time
}

// PeoplePage: GET /overview/people, what each person did per day.
func (h *Handlers) PeoplePage(c echo.Context) error {
	ctx, p, now := c.Request().Context(), principal(c), time.Now()
	// Keyed by the first day, so that the days move on at midnight.
	people, counted, err := cached(h.Cache, "people "+firstDay(now).Format(time.DateOnly), p, []string{account.RoleEditor}, now,
		func() ([]Person, error) { return People(ctx, h.DB, p, now) })
	if err != nil {
		return err
	}
	return c.Render(http.StatusOK, "overview_people.html", peoplePage{People: people, From: firstDay(now), Days: PeopleDays, Counted: counted})
}

// GlossaryPage: GET /overview/glossary, the most frequent wrong forms by
// origin.
func (h *Handlers) GlossaryPage(c echo.Context) error {
	w, err := FindWrongForms(c.Request().Context(), h.DB, principal(c))
	if err != nil {
		return err
	}
	return c.Render(http.StatusOK, "overview_glossary.html", w)
}

type rejectedPage struct {
	Rejected []RejectedCorrection
	Next     int64
	Before   int64
}

// RejectedPage: GET /my/rejected, the reader's rejected corrections.
func (h *Handlers) RejectedPage(c echo.Context) error {
	before, err := beforeParam(c)
	if err != nil {
		return err
	}
	rows, err := Rejected(c.Request().Context(), h.DB, principal(c), before)
	if err != nil {
		return err
	}
	next := nextBefore(&rows, MinePageSize, func(r RejectedCorrection) int64 { return r.ID })
	return c.Render(http.StatusOK, "my_rejected.html", rejectedPage{Rejected: rows, Next: next, Before: before})
}

// WaitingPage: GET /my/waiting, the reader's segments in hand and, for
// editors, the corrections waiting for a decision.
func (h *Handlers) WaitingPage(c echo.Context) error {
	w, err := WaitingFor(c.Request().Context(), h.DB, principal(c), time.Now())
	if err != nil {
		return err
	}
	return c.Render(http.StatusOK, "my_waiting.html", w)
}
