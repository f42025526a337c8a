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

// pager is a keyset page's links: Before the cursor it was asked with (0:
// the first page), Next the cursor of the page after it (0: none).
type pager struct {
	Next, Before int64
}

// keysetPage reads the request's cursor (before: the last id shown, none
// for the first page) and the page of rows it opens: load gives the rows
// whose ids come before the cursor, newest first, a page of size and one
// more when there are more. Codes: invalid (naming before), and load's.
func keysetPage[T any](c echo.Context, size int, id func(T) int64, load func(before int64) ([]T, error)) ([]T, pager, error) {
	before, err := request.QueryInt(c, "before", 0, 1, request.MaxInt8)
	if err != nil {
		return nil, pager{}, err
	}
	rows, err := load(before)
	if err != nil {
		return nil, pager{}, err
	}
	if len(rows) <= size {
		return rows, pager{Before: before}, nil
	}
	return rows[:size], pager{Next: id(rows[size-1]), Before: before}, nil
}

type overviewPage struct {
	*Picture
	Articles []ArticleRow
	pager
}

// OverviewPage: GET /overview, every article's picture and the articles
// newest first, each with its bar.
func (h *Handlers) OverviewPage(c echo.Context) error {
	ctx, p, now := c.Request().Context(), principal(c), time.Now()
	rows, pg, err := keysetPage(c, ArticlePageSize, func(r ArticleRow) int64 { return r.ID }, func(before int64) ([]ArticleRow, error) {
		return ArticleRows(ctx, h.DB, p, before)
	})
	if err != nil {
		return err
	}
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
	return c.Render(http.StatusOK, "overview.html", overviewPage{Picture: pic, Articles: rows, pager: pg})
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
	pager
}

// RejectedPage: GET /my/rejected, the reader's rejected corrections.
func (h *Handlers) RejectedPage(c echo.Context) error {
	rows, pg, err := keysetPage(c, MinePageSize, func(r RejectedCorrection) int64 { return r.ID }, func(before int64) ([]RejectedCorrection, error) {
		return Rejected(c.Request().Context(), h.DB, principal(c), before)
	})
	if err != nil {
		return err
	}
	return c.Render(http.StatusOK, "my_rejected.html", rejectedPage{Rejected: rows, pager: pg})
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
