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

// articlePage is the data of article.html.
type articlePage struct {
	Article    *Article
	Paragraphs []ParagraphView
	Counts     map[string]int
	OpenFlags  int
	Segments   int
	// LatestVersion is the newest published version (nil: none yet), for
	// the partial article-publish.
	LatestVersion *VersionSummary
}

// Article shows one article, every segment in its paragraph, flagged spans
// highlighted with their suggestions.
func (h *Handlers) Article(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	a, err := GetArticle(c.Request().Context(), h.DB, id)
	if err != nil {
		return err
	}
	page := articlePage{Article: a, Paragraphs: Paragraphs(a.Segments), Counts: map[string]int{}, Segments: len(a.Segments)}
	if page.LatestVersion, err = LatestVersion(c.Request().Context(), h.DB, id); err != nil {
		return err
	}
	for _, s := range a.Segments {
		page.Counts[s.State]++
		page.OpenFlags += len(s.Flags)
	}
	return c.Render(http.StatusOK, "article.html", page)
}

// pathID parses a positive integer path parameter.
func pathID(c echo.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.New(apperr.NotFound, "error.page_not_found", nil)
	}
	return id, nil
}
