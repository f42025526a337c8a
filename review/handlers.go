package review

import (
	"context"
	"net/http"

	"lector/webhook"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"
)

// Handlers serve the review pages and API.
type Handlers struct {
	DB      *gorm.DB
	Checker *Checker
	// Jobs, when set, runs propagations of more than BackgroundAbove
	// segments (0: the package's BackgroundAbove) in the background; nil
	// applies every propagation within its request.
	Jobs            JobInserter
	BackgroundAbove int
	// Summaries, when set, gives the article list's pages their counts
	// from a cache (an article of 50,000 segments costs 5 ms to count);
	// nil counts the page's articles on every request.
	Summaries *SummaryCache
	// Events hears of submitted, approved and rejected corrections in
	// their transactions (webhooks); nil: nobody.
	Events *webhook.Emitter
}

// articleListPage is the data of articles.html.
type articleListPage struct {
	Articles []ArticleRow
	Deleted  string // the title of the article just deleted, if one was
	listView
}

// ArticleList shows a page of the articles with their progress, searched,
// filtered and sorted as the address says.
func (h *Handlers) ArticleList(c echo.Context) error {
	rows, pager, view, err := listPageRows(c, h.DB, articleListOptions, articleCursor,
		func(ctx context.Context, q ListQuery) ([]ArticleRow, error) {
			rows, err := ArticleRows(ctx, h.DB, q, h.Summaries == nil)
			if err != nil || h.Summaries == nil {
				return rows, err
			}
			counts, err := h.Summaries.Counts(ctx, h.DB)
			if err != nil {
				return nil, err
			}
			withCounts(rows, counts)
			return rows, nil
		})
	if err != nil {
		return err
	}
	page := articleListPage{Deleted: c.QueryParam("deleted"), listView: view}
	page.Articles, page.Pager = rows, pager
	return c.Render(http.StatusOK, "articles.html", page)
}
