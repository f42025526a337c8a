package review

import (
	"context"
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/xliff"
)

// XLIFF media types an article import accepts.
var xliffTypes = map[string]bool{"application/xliff+xml": true, "application/x-xliff+xml": true}

// XLIFFImport is what an XLIFF import needs besides the file.
type XLIFFImport struct {
	File  string // named in errors
	Title string // "" takes the file's title (its title note, else its original)
	Lang  string // the article's language when the file names no target language
	// DefaultTitle is the title when neither Title nor the file gives one.
	DefaultTitle string
	CreatedBy    *int64
	// AsApproved stores the segments the file calls reviewed or final as
	// approved (see ImportedArticle.AsApproved); callers let only editors
	// ask for it.
	AsApproved bool
}

// ImportXLIFF reads an XLIFF 1.2 or 2.x document and stores it as an
// article, keeping its units as paragraphs and its segments as they are.
// Every segment gets the state the Checker gives it and keeps the file's
// state as information: a file's "final" was decided by nobody Lector knows,
// so it does not pass review, unless opt.AsApproved says an editor takes it
// as approved (states that need rows an XLIFF file cannot carry, a lease or a
// pending correction, cannot be restored). The units' notes become their
// segments' comment threads (unitComments). Codes:
// invalid (naming file, line and element), too_large.
func ImportXLIFF(ctx context.Context, db *gorm.DB, checker *Checker, r io.Reader, opt XLIFFImport) (*Article, error) {
	doc, err := xliff.Parse(r)
	if err != nil {
		return nil, xliffError(opt.File, err)
	}
	in := ImportedArticle{Title: opt.Title, Lang: doc.TrgLang, CreatedBy: opt.CreatedBy, AsApproved: opt.AsApproved}
	if in.Title == "" {
		// A title note may wrap; a title is one line.
		in.Title = oneLine(doc.Title)
	}
	if in.Title == "" {
		in.Title = opt.DefaultTitle
	}
	if in.Lang == "" {
		in.Lang = opt.Lang
	}
	if in.Lang == "" {
		return nil, apperr.New(apperr.Invalid, "error.field_required", map[string]any{"Field": "lang"})
	}
	// srcLang = trgLang is how Lector writes an article without a source:
	// the source is the machine translation, the target the text now.
	mono := doc.SrcLang == doc.TrgLang
	if !mono {
		in.SourceLang = doc.SrcLang
	}
	for i, u := range doc.Units {
		notes, err := unitComments(opt.File, u)
		if err != nil {
			return nil, err
		}
		for j, s := range u.Segments {
			seg := ImportedSegment{Paragraph: i, Approved: s.State == xliff.Reviewed || s.State == xliff.Final, FileState: s.State,
				Comments: notes[j]}
			target := ""
			if s.HasTarget {
				target = s.Target
			}
			switch {
			case mono:
				seg.MT, seg.Current = s.Source, target
			case strings.TrimSpace(target) == "": // untranslated: copy the source, as CAT tools do
				seg.Source, seg.MT = s.Source, s.Source
			default:
				seg.Source, seg.MT = s.Source, target
			}
			in.Segments = append(in.Segments, seg)
		}
	}
	return ImportArticle(ctx, db, checker, in)
}

// xliffError turns a parse error into an apperr naming the file, line and
// element.
func xliffError(file string, err error) error {
	var xe *xliff.Error
	if !errors.As(err, &xe) {
		return apperr.Wrap(err, "read XLIFF "+file)
	}
	data := map[string]any{"File": file, "Line": xe.Line, "Element": xe.Element, "Detail": xe.Detail}
	// Each problem's code and message; a problem not listed is a syntax error.
	problems := map[xliff.Problem]struct {
		code apperr.Code
		msg  string
	}{
		xliff.ProblemTooLarge:   {apperr.TooLarge, "error.xliff_too_large"},
		xliff.ProblemTooMany:    {apperr.TooLarge, "error.xliff_too_many"},
		xliff.ProblemDoctype:    {apperr.Invalid, "error.xliff_doctype"},
		xliff.ProblemDepth:      {apperr.Invalid, "error.xliff_depth"},
		xliff.ProblemEncoding:   {apperr.Invalid, "error.xliff_encoding"},
		xliff.ProblemRoot:       {apperr.Invalid, "error.xliff_root"},
		xliff.ProblemVersion:    {apperr.Invalid, "error.xliff_version"},
		xliff.ProblemLanguage:   {apperr.Invalid, "error.xliff_language"},
		xliff.ProblemNoSource:   {apperr.Invalid, "error.xliff_no_source"},
		xliff.ProblemNoSegments: {apperr.Invalid, "error.xliff_no_segments"},
	}
	if p, ok := problems[xe.Problem]; ok {
		return apperr.New(p.code, p.msg, data)
	}
	return apperr.New(apperr.Invalid, "error.xliff_syntax", data)
}

// importIfXLIFF answers POST /api/v1/articles when the body is not JSON:
// an XLIFF body is imported (?title= and ?lang= as in XLIFFImport), any
// other type is refused with 415. done is false for a JSON body, which the
// caller reads as before.
func (h *Handlers) importIfXLIFF(c echo.Context, p *account.Principal) (done bool, err error) {
	mt, _, _ := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType))
	if mt == echo.MIMEApplicationJSON {
		return false, nil
	}
	if !xliffTypes[mt] {
		return true, &apperr.Error{Code: apperr.Invalid, Status: http.StatusUnsupportedMediaType,
			MessageID: "error.article_body_type", Data: map[string]any{"Type": mt}}
	}
	if c.Request().ContentLength > xliff.MaxBytes {
		return true, bodyTooLarge()
	}
	a, err := ImportXLIFF(c.Request().Context(), h.DB, h.Checker, c.Request().Body,
		XLIFFImport{File: "body", Title: c.QueryParam("title"), Lang: c.QueryParam("lang"), CreatedBy: &p.UserID,
			AsApproved: c.QueryParam("as_approved") == "true"})
	var he *echo.HTTPError // the server's body limit, hit by a body sent without a length
	var me *http.MaxBytesError
	if errors.As(err, &he) && he.Code == http.StatusRequestEntityTooLarge || errors.As(err, &me) {
		return true, bodyTooLarge()
	}
	if err != nil {
		return true, err
	}
	return true, createdJSON(c, a)
}

// bodyTooLarge refuses an XLIFF body over xliff.MaxBytes, whether its
// length said so or the server's limit cut it.
func bodyTooLarge() error {
	return apperr.New(apperr.TooLarge, "error.xliff_too_large",
		map[string]any{"File": "body", "Line": 1, "Element": "xliff", "Detail": xliff.MaxBytes >> 20})
}

// createdJSON is the 201 of an article import: the article, its segment and
// flag counts.
func createdJSON(c echo.Context, a *Article) error {
	flags := 0
	for _, s := range a.Segments {
		flags += len(s.Flags)
	}
	segs := len(a.Segments)
	a.Segments = nil
	return c.JSON(http.StatusCreated, map[string]any{"article": a, "segments": segs, "flags": flags})
}
