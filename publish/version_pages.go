package publish

import (
	"context"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/request"
	"lector/review"
)

// ExportFormats are the download formats a version page links to (served
// by GET /api/v1/articles/:id/versions/:n?format=).
func ExportFormats() []string { return []string{"txt", "md", "html", "json", "xliff"} }

type versionsPage struct {
	Article    *review.ArticleRef
	Versions   []review.VersionSummary
	Pending    int
	Unreviewed int // flagged, in progress or rejected: they publish their last approved or MT text
	IsEditor   bool
	Confirm    bool // publishing was refused for pending corrections: ask again
	Note       string
}

// VersionsPage: GET /articles/:id/versions, the list and the publish form.
func (h *Handlers) VersionsPage(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	page, err := h.versionsPage(c.Request().Context(), account.PrincipalFrom(c.Request().Context()), id)
	if err != nil {
		return err
	}
	return c.Render(http.StatusOK, "versions.html", page)
}

func (h *Handlers) versionsPage(ctx context.Context, p *account.Principal, id int64) (*versionsPage, error) {
	list, a, err := h.versionsAndArticle(ctx, p, id)
	if err != nil {
		return nil, err
	}
	page := &versionsPage{Article: a, Versions: list, IsEditor: p.Has(account.RoleEditor)}
	if page.Pending, err = PendingCount(ctx, h.DB, id); err != nil {
		return nil, err
	}
	counts, err := review.StateCounts(ctx, h.DB, id)
	if err != nil {
		return nil, err
	}
	page.Unreviewed = counts[review.StateFlagged] + counts[review.StateInProgress] + counts[review.StateRejected]
	return page, nil
}

// PublishPage: POST /articles/:id/versions. Pending corrections without
// the "publish what is approved" box show the page again (409) asking for
// it.
func (h *Handlers) PublishPage(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	ctx, p := c.Request().Context(), account.PrincipalFrom(c.Request().Context())
	note := c.FormValue("note")
	v, err := review.Publish(ctx, h.DB, p, id, review.PublishOptions{Partial: c.FormValue("partial") != "", Note: note, Events: h.Events})
	if ae, ok := err.(*apperr.Error); ok && ae.MessageID == "error.publish_pending" {
		page, err := h.versionsPage(ctx, p, id)
		if err != nil {
			return err
		}
		page.Confirm, page.Note = true, note
		return c.Render(http.StatusConflict, "versions.html", page)
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/articles/%d/versions/%d?published=1", id, v.Number))
}

// ComparePage: GET /articles/:id/versions/compare?from=A&to=B, the compare
// form's target, opens the diff page.
func (h *Handlers) ComparePage(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	if account.PrincipalFrom(c.Request().Context()) == nil {
		return apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	from, err := request.Int("from", c.QueryParam("from"), -1, 0, request.MaxInt4)
	if err != nil {
		return err
	}
	to, err := request.Int("to", c.QueryParam("to"), -1, 0, request.MaxInt4)
	if err != nil {
		return err
	}
	if from < 0 || to < 0 {
		return apperr.New(apperr.Invalid, "error.bad_request", nil)
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/articles/%d/versions/%d/diff/%d", id, from, to))
}

type versionPage struct {
	Article    *review.ArticleRef
	Version    *review.Version
	Summary    review.VersionSummary
	Paragraphs [][]review.VersionSegment
	Formats    []string
	Published  bool
}

// VersionPage: GET /articles/:id/versions/:n, the text with downloads.
func (h *Handlers) VersionPage(c echo.Context) error {
	id, n, err := versionParams(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	v, err := ArticleVersion(ctx, h.DB, account.PrincipalFrom(c.Request().Context()), id, n)
	if err != nil {
		return err
	}
	list, a, err := h.versionsAndArticle(ctx, account.PrincipalFrom(c.Request().Context()), id)
	if err != nil {
		return err
	}
	page := versionPage{Article: a, Version: v, Paragraphs: paragraphsOf(v.Segments), Formats: ExportFormats(),
		Published: c.QueryParam("published") != ""}
	for _, s := range list {
		if s.Number == v.Number {
			page.Summary = s
		}
	}
	return c.Render(http.StatusOK, "version.html", page)
}

type diffPage struct {
	Article    *review.ArticleRef
	Diff       *VersionDiffResult
	Paragraphs [][]DiffSegment
	Versions   []review.VersionSummary
	Inline     bool
}

// VersionDiffPage: GET /articles/:id/versions/:a/diff/:b, side by side or
// (?view=inline) inline.
func (h *Handlers) VersionDiffPage(c echo.Context) error {
	return h.withDiff(c, func(ctx context.Context, id int64, d *VersionDiffResult) error {
		list, a, err := h.versionsAndArticle(ctx, account.PrincipalFrom(c.Request().Context()), id)
		if err != nil {
			return err
		}
		page := diffPage{Article: a, Diff: d, Versions: list, Inline: c.QueryParam("view") == "inline"}
		for _, s := range d.Segments {
			if n := len(page.Paragraphs); n == 0 || page.Paragraphs[n-1][0].Paragraph != s.Paragraph {
				page.Paragraphs = append(page.Paragraphs, nil)
			}
			page.Paragraphs[len(page.Paragraphs)-1] = append(page.Paragraphs[len(page.Paragraphs)-1], s)
		}
		return c.Render(http.StatusOK, "version_diff.html", page)
	})
}

// versionsAndArticle loads what every version page shows around its text:
// the article's versions as p may see them, and the article itself.
func (h *Handlers) versionsAndArticle(ctx context.Context, p *account.Principal, id int64) ([]review.VersionSummary, *review.ArticleRef, error) {
	list, err := ArticleVersions(ctx, h.DB, p, id)
	if err != nil {
		return nil, nil, err
	}
	a, err := articleRef(ctx, h.DB, id)
	if err != nil {
		return nil, nil, err
	}
	return list, a, nil
}

// articleRef loads an article's id, title and language. Codes: not_found.
func articleRef(ctx context.Context, db *gorm.DB, id int64) (*review.ArticleRef, error) {
	var refs []review.ArticleRef
	if err := db.WithContext(ctx).Model(&review.Article{}).Select("id, title, lang").Where("id = ?", id).Scan(&refs).Error; err != nil {
		return nil, apperr.Annotate(err, "get article")
	}
	if len(refs) == 0 {
		return nil, apperr.New(apperr.NotFound, "error.article_not_found", map[string]any{"ID": id})
	}
	return &refs[0], nil
}
