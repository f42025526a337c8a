package glossary

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/account"
	"lector/apperr"
	"lector/locales"
	"lector/request"
)

// The import page: a maintainer uploads a CSV or TBX file, sees the dry run
// (what would be created, changed, deleted, and every conflict), and
// confirms. The file waits in glossary_import_uploads with the digest of
// the plan shown; Confirm makes the plan again under the import's lock and
// writes only if it is that plan (ImportOptions.Expect), so that a glossary
// changed by someone else meanwhile is shown again, never applied unseen.

// importShown bounds the rows each list of the dry run shows; the counts
// are of all.
const importShown = 1000

type importPage struct {
	MaxMiB  int
	Error   string // the file's problem, localized
	Prune   bool
	Preview *importPreview
}

type importPreview struct {
	UploadID  int64
	Name      string
	Digest    string
	Summary   Summary
	New       []Entry
	Changed   []EntryChange
	Deleted   []string
	Conflicts []Conflict
	// Replanned: the glossary changed between the dry run and Confirm;
	// this is the new dry run.
	Replanned bool
}

// CanApply reports whether Confirm is offered: no conflicts, and something
// to write.
func (p importPreview) CanApply() bool {
	return p.Summary.Conflicts == 0 && p.Summary.New+p.Summary.Changed+p.Summary.Deleted > 0
}

// Hidden counts the rows of a list the dry run leaves out.
func (p importPreview) Hidden(total int) int { return max(total-importShown, 0) }

// ImportPage: GET /glossary/import (glossary role), the upload form.
func (h *Handlers) ImportPage(c echo.Context) error {
	return c.Render(http.StatusOK, "glossary_import.html", importPage{MaxMiB: MaxUploadBytes >> 20})
}

// UploadImportPage: POST /glossary/import (glossary role), a multipart form
// with the file and "prune"; answers the dry run, or the form again with
// the file's problem (400, 413 or 415), nothing stored.
func (h *Handlers) UploadImportPage(c echo.Context) error {
	ctx := c.Request().Context()
	p := account.PrincipalFrom(ctx)
	page := importPage{MaxMiB: MaxUploadBytes >> 20, Prune: c.FormValue("prune") != ""}
	u, err := importUploadOf(c, p.UserID, page.Prune)
	var incoming []Entry
	if err == nil {
		incoming, err = u.Entries()
	}
	if err != nil {
		return importRefused(c, page, err)
	}
	plan, err := PlanImport(ctx, h.DB, incoming, u.Options())
	if err != nil {
		return err
	}
	u.Digest = plan.Digest()
	page.Preview = importPreviewOf(u, incoming, plan)
	// A file that cannot be applied is not kept: there is nothing to confirm.
	if page.Preview.CanApply() {
		if err := SaveUpload(ctx, h.DB, &u); err != nil {
			return err
		}
		page.Preview.UploadID = u.ID
	}
	return c.Render(http.StatusOK, "glossary_import.html", page)
}

// importUploadOf reads the form's file. Codes: invalid (no file),
// too_large, and invalid with status 415 (not a CSV or TBX file).
func importUploadOf(c echo.Context, userID int64, prune bool) (ImportUpload, error) {
	fh, err := c.FormFile("file")
	if errors.Is(err, http.ErrMissingFile) || err == nil && fh.Size == 0 {
		return ImportUpload{}, apperr.New(apperr.Invalid, "error.field_required", map[string]any{"Field": "file"})
	}
	if err != nil {
		return ImportUpload{}, apperr.New(apperr.Invalid, "error.bad_request", nil)
	}
	if err := request.Line("file", fh.Filename, MaxKeyRunes); err != nil {
		return ImportUpload{}, err
	}
	mt, _, _ := mime.ParseMediaType(fh.Header.Get(echo.HeaderContentType))
	u := ImportUpload{UserID: userID, Name: fh.Filename, Format: UploadFormat(fh.Filename, mt), Prune: prune}
	if u.Format == "" {
		return u, &apperr.Error{Code: apperr.Invalid, Status: http.StatusUnsupportedMediaType,
			MessageID: "error.glossary_import_file_type", Data: map[string]any{"Name": fh.Filename}}
	}
	if fh.Size > MaxUploadBytes {
		return u, importTooLarge()
	}
	f, err := fh.Open()
	if err != nil {
		return u, apperr.Wrap(err, "open glossary upload")
	}
	defer f.Close()
	if u.Data, err = io.ReadAll(io.LimitReader(f, MaxUploadBytes+1)); err != nil {
		return u, apperr.Wrap(err, "read glossary upload")
	}
	if len(u.Data) > MaxUploadBytes {
		return u, importTooLarge()
	}
	return u, nil
}

func importTooLarge() error {
	return apperr.New(apperr.TooLarge, "error.glossary_upload_too_large", map[string]any{"Limit": MaxUploadBytes >> 20})
}

// importRefused shows the form again with the file's problem and the
// status its code calls for; internal errors go to the error handler.
func importRefused(c echo.Context, page importPage, err error) error {
	ae := apperr.As(err)
	if ae.Code != apperr.Invalid && ae.Code != apperr.TooLarge {
		return err
	}
	page.Error = locales.FromContext(c.Request().Context(), nil).Data(ae.MessageID, ae.Data)
	status := ae.Code.HTTPStatus()
	if ae.Status != 0 {
		status = ae.Status
	}
	return c.Render(status, "glossary_import.html", page)
}

func importPreviewOf(u ImportUpload, incoming []Entry, plan Plan) *importPreview {
	v := &importPreview{UploadID: u.ID, Name: u.Name, Digest: plan.Digest(), Summary: plan.Summary(),
		Changed: plan.Changed[:min(len(plan.Changed), importShown)], Deleted: plan.Deleted[:min(len(plan.Deleted), importShown)],
		Conflicts: plan.Conflicts[:min(len(plan.Conflicts), importShown)]}
	isNew := make(map[string]bool, len(plan.New))
	for _, k := range plan.New {
		isNew[k] = true
	}
	for _, e := range incoming {
		if isNew[e.Key] && len(v.New) < importShown {
			v.New = append(v.New, e)
			isNew[e.Key] = false
		}
	}
	return v
}

// ApplyImportPage: POST /glossary/import/:id (glossary role), Confirm with
// the "digest" of the plan shown. Applies it and goes to the glossary; when
// the glossary no longer yields that plan, shows the new dry run (409).
func (h *Handlers) ApplyImportPage(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	p := account.PrincipalFrom(ctx)
	u, err := LoadUpload(ctx, h.DB, id, p.UserID)
	if err != nil {
		return err
	}
	incoming, err := u.Entries()
	if err != nil {
		return err // it was read once already: the same bytes, the same parser
	}
	opts := u.Options()
	opts.Expect, opts.ActorID, opts.Changed = c.FormValue("digest"), &p.UserID, h.Changed
	if opts.Expect == "" {
		return apperr.New(apperr.Invalid, "error.field_required", map[string]any{"Field": "digest"})
	}
	plan, err := Import(ctx, h.DB, incoming, opts)
	if ae := apperr.As(err); err != nil && ae.Code == apperr.Conflict {
		if err := SetUploadDigest(ctx, h.DB, u.ID, plan.Digest()); err != nil {
			return err
		}
		page := importPage{MaxMiB: MaxUploadBytes >> 20, Prune: u.Prune, Preview: importPreviewOf(u, incoming, plan)}
		page.Preview.Replanned = true
		return c.Render(http.StatusConflict, "glossary_import.html", page)
	}
	if err != nil {
		return err
	}
	h.reload(ctx)
	if err := DeleteUpload(ctx, h.DB, u.ID); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/glossary?imported=%d.%d.%d", len(plan.New), len(plan.Changed), len(plan.Deleted)))
}
