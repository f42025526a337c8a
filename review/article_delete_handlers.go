package review

import (
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"
)

// APIDeleteArticle: DELETE /api/v1/articles/:id (editors): 200 with what
// was deleted.
func (h *Handlers) APIDeleteArticle(c echo.Context) error {
	return jsonUnderOnPathID(c, h.DB, "deleted", DeleteArticle)
}

// DeleteArticlePage: POST /articles/:id/delete (editors), the confirmed
// form of the article page; back to the list, which says what went.
func (h *Handlers) DeleteArticlePage(c echo.Context) error {
	d, err := onPathID(c, h.DB, DeleteArticle)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/articles?deleted="+url.QueryEscape(d.Title))
}
