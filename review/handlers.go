package review

import (
	"net/http"

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
	// Summaries, when set, serves the front page's article list from a
	// cache; nil counts on every request.
	Summaries *SummaryCache
}

// articleListPage is the data of articles.html.
type articleListPage struct {
	Articles []ArticleSummary
	Deleted  string // the title of the article just deleted, if one was
}

// ArticleList shows every article with its progress.
func (h *Handlers) ArticleList(c echo.Context) error {
	ctx := c.Request().Context()
	var list []ArticleSummary
	var err error
	if h.Summaries != nil {
		list, err = h.Summaries.List(ctx, h.DB)
	} else {
		list, err = ListArticles(ctx, h.DB)
	}
	if err != nil {
		return err
	}
	return c.Render(http.StatusOK, "articles.html", articleListPage{Articles: list, Deleted: c.QueryParam("deleted")})
}
