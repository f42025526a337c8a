package review

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"path/filepath"
	"strings"

	"github.com/labstack/echo/v4"

	"lector/account"
	"lector/apperr"
	"lector/locales"
	"lector/xliff"
)

// The article upload page: editors add an article as text (typed or a
// file), with an optional source text and its language, or as an XLIFF
// file. It goes through CreateArticle and ImportXLIFF, the same functions
// as the API and the command line, so it has their limits (limits.go),
// which the page lists.

// uploadTextTypes are the media types and extensions of a plain text file.
var (
	uploadTextTypes = map[string]bool{"text/plain": true, "text/markdown": true}
	uploadTextExts  = map[string]bool{".txt": true, ".text": true, ".md": true}
	uploadXLIFFExts = map[string]bool{".xlf": true, ".xliff": true, ".xml": true}
)

// articleUploadPage is the form, as typed (files are never sent back), with
// the limits and the problem of the last try.
type articleUploadPage struct {
	Title, Lang, Text, SourceLang, SourceText string
	Error                                     string
	Limits                                    articleLimits
}

type articleLimits struct {
	TextMiB, BodyMiB, Segments, SegmentKiB, TitleRunes int
}

func newArticleUploadPage() articleUploadPage {
	return articleUploadPage{Limits: articleLimits{TextMiB: MaxTextBytes >> 20, BodyMiB: xliff.MaxBytes >> 20,
		Segments: MaxArticleSegments, SegmentKiB: MaxSegmentBytes >> 10, TitleRunes: MaxTitleRunes}}
}

// NewArticlePage: GET /articles/new (editors), the upload form.
func (h *Handlers) NewArticlePage(c echo.Context) error {
	if err := account.Require(principal(c), account.RoleEditor); err != nil {
		return err
	}
	return c.Render(http.StatusOK, "article_new.html", newArticleUploadPage())
}

// UploadArticlePage: POST /articles (editors), a multipart form. Stores the
// article and goes to it; a problem shows the form again with the message
// and its status (400, 413, 415), nothing stored.
func (h *Handlers) UploadArticlePage(c echo.Context) error {
	p := principal(c)
	if err := account.Require(p, account.RoleEditor); err != nil {
		return err
	}
	page := newArticleUploadPage()
	page.Title, page.Lang = c.FormValue("title"), strings.TrimSpace(c.FormValue("lang"))
	page.Text, page.SourceText = c.FormValue("text"), c.FormValue("source_text")
	page.SourceLang = strings.TrimSpace(c.FormValue("source_lang"))
	a, err := h.uploadArticle(c, page, p)
	if ae := apperr.As(err); err != nil && (ae.Code == apperr.Invalid || ae.Code == apperr.TooLarge) {
		page.Error = locales.FromContext(c.Request().Context(), nil).Data(ae.MessageID, ae.Data)
		status := ae.Code.HTTPStatus()
		if ae.Status != 0 {
			status = ae.Status
		}
		return c.Render(status, "article_new.html", page)
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/articles/%d", a.ID))
}

func (h *Handlers) uploadArticle(c echo.Context, page articleUploadPage, p *account.Principal) (*Article, error) {
	ctx := c.Request().Context()
	xf, err := uploadFile(c, "xliff_file")
	if err != nil {
		return nil, err
	}
	if xf != nil {
		if page.Text != "" || page.SourceText != "" || uploadHasFile(c, "text_file") || uploadHasFile(c, "source_file") {
			return nil, apperr.New(apperr.Invalid, "error.upload_text_or_xliff", nil)
		}
		mt, _, _ := mime.ParseMediaType(xf.Header.Get(echo.HeaderContentType))
		if !xliffTypes[mt] && !uploadXLIFFExts[strings.ToLower(filepath.Ext(xf.Filename))] {
			return nil, uploadWrongType("xliff_file", xf.Filename)
		}
		f, err := xf.Open()
		if err != nil {
			return nil, apperr.Wrap(err, "open XLIFF upload")
		}
		defer f.Close()
		return ImportXLIFF(ctx, h.DB, h.Checker, f, XLIFFImport{File: xf.Filename, Title: strings.TrimSpace(page.Title),
			Lang: page.Lang, DefaultTitle: strings.TrimSuffix(xf.Filename, filepath.Ext(xf.Filename)), CreatedBy: &p.UserID})
	}
	text, err := uploadText(c, "text", page.Text)
	if err != nil {
		return nil, err
	}
	source, err := uploadText(c, "source_text", page.SourceText)
	if err != nil {
		return nil, err
	}
	return CreateArticle(ctx, h.DB, h.Checker, NewArticle{Title: page.Title, Lang: page.Lang, Text: text,
		SourceLang: page.SourceLang, SourceText: source, CreatedBy: &p.UserID})
}

// uploadText is the text of field, typed or sent as a file (field's
// "_file" twin, "text" → "text_file"), not both. Codes: invalid,
// too_large, invalid with 415 (not a text file).
func uploadText(c echo.Context, field, typed string) (string, error) {
	fileField := strings.TrimSuffix(field, "_text") + "_file"
	fh, err := uploadFile(c, fileField)
	if err != nil || fh == nil {
		return typed, err
	}
	if typed != "" {
		return "", apperr.New(apperr.Invalid, "error.upload_typed_and_file", map[string]any{"Field": field, "File": fileField})
	}
	mt, _, _ := mime.ParseMediaType(fh.Header.Get(echo.HeaderContentType))
	if !uploadTextTypes[mt] && !uploadTextExts[strings.ToLower(filepath.Ext(fh.Filename))] {
		return "", uploadWrongType(fileField, fh.Filename)
	}
	if fh.Size > MaxTextBytes {
		return "", apperr.New(apperr.TooLarge, "error.text_too_large", map[string]any{"Limit": MaxTextBytes})
	}
	f, err := fh.Open()
	if err != nil {
		return "", apperr.Wrap(err, "open text upload")
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxTextBytes+1))
	if err != nil {
		return "", apperr.Wrap(err, "read text upload")
	}
	if len(b) > MaxTextBytes {
		return "", apperr.New(apperr.TooLarge, "error.text_too_large", map[string]any{"Limit": MaxTextBytes})
	}
	// A BOM is how some editors mark UTF-8; it is not part of the text.
	return strings.TrimPrefix(string(b), "\uFEFF"), nil
}

// uploadFile is the file sent as field, nil when none was chosen (a
// browser sends an empty part then).
func uploadFile(c echo.Context, field string) (*multipart.FileHeader, error) {
	fh, err := c.FormFile(field)
	switch {
	case errors.Is(err, http.ErrMissingFile), errors.Is(err, http.ErrNotMultipart):
		return nil, nil
	case err != nil:
		return nil, apperr.New(apperr.Invalid, "error.bad_request", nil)
	case fh.Size == 0 && fh.Filename == "":
		return nil, nil
	}
	return fh, nil
}

func uploadHasFile(c echo.Context, field string) bool {
	fh, _ := uploadFile(c, field)
	return fh != nil
}

func uploadWrongType(field, name string) error {
	return &apperr.Error{Code: apperr.Invalid, Status: http.StatusUnsupportedMediaType,
		MessageID: "error.upload_file_type", Data: map[string]any{"Field": field, "Name": name}}
}
