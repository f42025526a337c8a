package publish

import (
	"context"
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/account"
	"lector/apperr"
	"lector/locales"
	"lector/request"
	"lector/review"
)

type publishForm struct {
	Partial bool   `json:"partial"`
	Note    string `json:"note"`
}

// APIPublish: POST /api/v1/articles/:id/versions (editors). The body is
// optional; 201 with the new version, 409 with the count of pending
// corrections unless {"partial": true}.
func (h *Handlers) APIPublish(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	var f publishForm
	if c.Request().ContentLength != 0 || c.Request().Header.Get(echo.HeaderContentType) != "" {
		if err := request.BindJSON(c, &f, maxFormBody); err != nil {
			return err
		}
	}
	v, err := review.Publish(c.Request().Context(), h.DB, account.PrincipalFrom(c.Request().Context()), id, review.PublishOptions{Partial: f.Partial, Note: f.Note, Events: h.Events})
	if ae, ok := err.(*apperr.Error); ok && ae.MessageID == "error.publish_pending" {
		msg := locales.FromContext(c.Request().Context(), nil).Data(ae.MessageID, ae.Data)
		return c.JSON(http.StatusConflict, map[string]any{
			"error":   map[string]any{"code": ae.Code, "message": msg},
			"pending": ae.Data["Count"],
		})
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, map[string]any{"article": v.ArticleID, "number": v.Number, "published_by": v.PublishedBy,
		"published_at": v.PublishedAt, "partial": v.Partial, "note": v.Note, "segments": len(v.Segments)})
}

// APIVersions: GET /api/v1/articles/:id/versions, newest first.
func (h *Handlers) APIVersions(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	list, err := ArticleVersions(c.Request().Context(), h.DB, account.PrincipalFrom(c.Request().Context()), id)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"versions": list})
}

// APIVersionDiff: GET /api/v1/articles/:id/versions/:a/diff/:b.
func (h *Handlers) APIVersionDiff(c echo.Context) error {
	return h.withDiff(c, func(_ context.Context, _ int64, d *VersionDiffResult) error {
		return c.JSON(http.StatusOK, d)
	})
}

// withDiff reads a diff route's parameters, computes the diff within the
// budget, and hands it to use with the budget's context (still running).
func (h *Handlers) withDiff(c echo.Context, use func(ctx context.Context, id int64, d *VersionDiffResult) error) error {
	id, from, to, err := diffParams(c)
	if err != nil {
		return err
	}
	ctx, cancel := h.withBudget(c.Request().Context())
	defer cancel()
	d, err := VersionDiff(ctx, h.DB, account.PrincipalFrom(ctx), id, from, to)
	if err != nil {
		return h.budgetErr(ctx, err)
	}
	return use(ctx, id, d)
}

// versionParam parses a version number path parameter; 0 is the MT text.
// diffParams reads the article id and the two version numbers of a diff
// route (.../:id/versions/:a/diff/:b), for the API and the page.
func diffParams(c echo.Context) (id int64, from, to int, err error) {
	if id, err = request.PathID(c, "id"); err != nil {
		return 0, 0, 0, err
	}
	if from, err = versionParam(c, "a"); err != nil {
		return 0, 0, 0, err
	}
	if to, err = versionParam(c, "b"); err != nil {
		return 0, 0, 0, err
	}
	return id, from, to, nil
}

func versionParam(c echo.Context, name string) (int, error) {
	return request.PathNumber(c, name, 0)
}

// versionParams reads the article id and the version number (1 or more)
// of a version route (.../:id/versions/:n).
func versionParams(c echo.Context) (id int64, n int, err error) {
	if id, err = request.PathID(c, "id"); err != nil {
		return 0, 0, err
	}
	if n, err = request.PathNumber(c, "n", 1); err != nil {
		return 0, 0, err
	}
	return id, n, nil
}

// maxFormBody bounds a publish request's JSON body: a note and a flag.
const maxFormBody = 64 << 10
