package review

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"lector/apperr"
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
}

// articleListPage is the data of articles.html.
type articleListPage struct {
	Articles []ArticleSummary
}

// ArticleList shows every article with its progress.
func (h *Handlers) ArticleList(c echo.Context) error {
	list, err := ListArticles(c.Request().Context(), h.DB)
	if err != nil {
		return err
	}
	return c.Render(http.StatusOK, "articles.html", articleListPage{Articles: list})
}

// pathID parses a positive integer path parameter.
func pathID(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.New(apperr.NotFound, "error.page_not_found", nil)
	}
	return id, nil
}
