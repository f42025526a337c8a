package publish

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"lector/account"
	"lector/apperr"
	"lector/request"
)

// APIExport: GET /api/v1/articles/:id/export?format=txt|md|html|json|xliff,
// the working state of an article (default json).
func (h *Handlers) APIExport(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	return h.serveExport(c, func(ctx context.Context) (*Export, error) { return CurrentExport(ctx, h.DB, id) })
}

// APIVersion: GET /api/v1/articles/:id/versions/:n?format=txt|md|html|json|xliff,
// one published version (default json).
func (h *Handlers) APIVersion(c echo.Context) error {
	id, n, err := versionParams(c)
	if err != nil {
		return err
	}
	return h.serveExport(c, func(ctx context.Context) (*Export, error) { return VersionExport(ctx, h.DB, id, n) })
}

// serveExport reads ?format=, refuses anonymous callers, and writes what
// load gives within the export budget.
func (h *Handlers) serveExport(c echo.Context, load func(context.Context) (*Export, error)) error {
	format, err := exportFormat(c)
	if err != nil {
		return err
	}
	if account.PrincipalFrom(c.Request().Context()) == nil {
		return apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	ctx, cancel := h.withBudget(c.Request().Context())
	defer cancel()
	ex, err := load(ctx)
	if err != nil {
		return h.budgetErr(ctx, err)
	}
	return renderExport(c, ex, format)
}

// exportFormat reads ?format=, json when absent.
func exportFormat(c echo.Context) (ExportFormat, error) {
	name := c.QueryParam("format")
	if name == "" {
		name = "json"
	}
	f, ok := exportFormats[name]
	if !ok {
		return f, apperr.New(apperr.Invalid, "error.export_format", map[string]any{"Value": name, "Formats": exportFormatNames()})
	}
	return f, nil
}

func exportFormatNames() string {
	names := make([]string, 0, len(exportFormats))
	for n := range exportFormats {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// renderExport writes ex as a download named after the title.
func renderExport(c echo.Context, ex *Export, f ExportFormat) error {
	var buf bytes.Buffer
	if err := f.write(&buf, ex); err != nil {
		return apperr.Wrap(err, "write export")
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, contentDisposition(exportFileName(ex), f.Ext))
	return c.Blob(http.StatusOK, f.ContentType, buf.Bytes())
}

// exportFileName is the title's words joined by hyphens (as many whole
// words as fit in 80 characters), with -v<n> for a version.
func exportFileName(ex *Export) string {
	words := strings.FieldsFunc(ex.Title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	base := ""
	for _, w := range words { // whole words, at most 80 characters
		next := w
		if base != "" {
			next = base + "-" + w
		}
		if utf8.RuneCountInString(next) > 80 {
			break
		}
		base = next
	}
	if base == "" {
		base = fmt.Sprintf("article-%d", ex.ArticleID)
	}
	if ex.Version != nil {
		base += fmt.Sprintf("-v%d", ex.Version.Number)
	}
	return base
}

// contentDisposition names the download twice (RFC 6266): filename* in
// UTF-8 for browsers, and an ASCII filename for the rest.
func contentDisposition(base, ext string) string {
	ascii := strings.Map(func(r rune) rune {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-') {
			return r
		}
		return -1
	}, base)
	ascii = strings.Trim(strings.ReplaceAll(ascii, "--", "-"), "-")
	if ascii == "" {
		ascii = "article"
	}
	return fmt.Sprintf(`attachment; filename="%s.%s"; filename*=UTF-8''%s.%s`, ascii, ext,
		strings.ReplaceAll(url.PathEscape(base), "+", "%2B"), ext)
}
