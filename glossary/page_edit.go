package glossary

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/labstack/echo/v4"

	"lector/apperr"
	"lector/locales"
)

// The entry form's pages. A form post that breaks a rule shows the form
// again (422, or 409 for a conflict) with what was typed and each problem
// next to its field; a save answers with a redirect (303) to the entry.

type pageEditView struct {
	pageForm
	Types    []string
	Statuses []Status
}

func (h *Handlers) renderForm(c echo.Context, status int, f pageForm) error {
	return c.Render(status, "glossary_form.html", pageEditView{pageForm: f, Types: pageTypes, Statuses: pageStatuses})
}

// NewPage: GET /glossary/new (glossary role).
func (h *Handlers) NewPage(c echo.Context) error {
	f := pageForm{Type: "person"}.withBlankRows()
	f.Rows[0].Lang, f.Rows[0].Status = "en", string(Preferred)
	return h.renderForm(c, http.StatusOK, f)
}

// EditPage: GET /glossary/entries/:id/edit (glossary role).
func (h *Handlers) EditPage(c echo.Context) error {
	e, err := h.pathEntry(c)
	if err != nil {
		return err
	}
	return h.renderForm(c, http.StatusOK, pageFormOf(e))
}

// CreatePage: POST /glossary/entries (glossary role).
func (h *Handlers) CreatePage(c echo.Context) error { return h.savePage(c, 0) }

// UpdatePage: POST /glossary/entries/:id (glossary role); the form carries
// the revision it was made on, and a stale one shows the stored entry
// beside the user's, nothing of theirs lost.
func (h *Handlers) UpdatePage(c echo.Context) error { return withEntryID(c, h.savePage) }

func (h *Handlers) savePage(c echo.Context, id int64) error {
	values, err := c.FormParams()
	if err != nil {
		return apperr.New(apperr.Invalid, "error.bad_request", nil)
	}
	ctx := c.Request().Context()
	t := locales.FromContext(ctx, nil)
	f, in, err := pageParseForm(values, t)
	if err != nil {
		return err
	}
	f.ID = id
	if f.hasProblems {
		return h.renderForm(c, http.StatusUnprocessableEntity, f.withBlankRows())
	}
	e, err := h.writeEntry(ctx, id, in, apiActor(c))
	var entryErr *EntryError
	ae := apperr.As(err)
	switch {
	case err == nil:
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/glossary/entries/%d?saved=1", e.ID))
	case errors.As(err, &entryErr):
		var others []string
		for _, cf := range entryErr.Conflicts {
			others = append(others, cf.Other)
		}
		ids, err := EntryIDs(ctx, h.DB, others)
		if err != nil {
			return err
		}
		f.conflicts(entryErr.Conflicts, ids, t)
		return h.renderForm(c, http.StatusConflict, f.withBlankRows())
	case ae.MessageID == "error.glossary_stale":
		stored, err := GetEntry(ctx, h.DB, id)
		if err != nil {
			return err
		}
		// The next save is made knowing the stored entry: it may replace it.
		f.Stale, f.Revision = &stored, stored.Revision
		return h.renderForm(c, http.StatusConflict, f.withBlankRows())
	case ae.MessageID == "error.glossary_key_taken":
		f.problem("key", t.Data(ae.MessageID, ae.Data))
		return h.renderForm(c, http.StatusConflict, f.withBlankRows())
	}
	return err
}

// DeletePage: POST /glossary/entries/:id/delete (glossary role).
func (h *Handlers) DeletePage(c echo.Context) error {
	e, err := h.pathEntry(c)
	if err != nil {
		return err
	}
	if err := h.removeEntry(c.Request().Context(), e.ID, apiActor(c)); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/glossary?deleted="+url.QueryEscape(e.Key))
}
