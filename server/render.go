package server

import (
	"bytes"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"lector/account"
	"lector/glossary"
	"lector/locales"
	"lector/notification"
	"lector/templates"
)

// renderer holds one parsed template set per page: the layout, the partials
// and the page. Sets are never executed directly: each request clones its
// page's set and binds the reader's translator, so that nothing
// language-specific is shared between requests.
type renderer struct {
	pages  map[string]*template.Template
	access pageAccess
}

// requestFuncs are placeholders replaced on every request by bindFuncs.
func requestFuncs(t *locales.Translator, c echo.Context, access pageAccess) template.FuncMap {
	return template.FuncMap{
		"T":    func(id string, kv ...any) string { return t.T(id, kv...) },
		"N":    func(id string, n int, kv ...any) string { return t.N(id, n, kv...) },
		"lang": func() string { return t.Lang() },
		// langName names an article's language in the reader's language.
		"langName": func(code string) string { return t.LangName(code) },
		// num groups a count's digits for the reader's language.
		"num": func(n int) string { return t.Number(n) },
		// date shows a moment in UTC in the reader's date order.
		"date": func(at time.Time) string { return t.Date(at) },
		// languages is the switcher's list; current marks the reader's one.
		"languages": locales.Languages,
		"langURL": func(lang string) string {
			// Only a GET can be repeated with ?lang=; after a form post (an
			// error page, say) the switcher starts over from the articles.
			if c == nil || (c.Request().Method != http.MethodGet && c.Request().Method != http.MethodHead) {
				return "/articles?lang=" + url.QueryEscape(lang)
			}
			u := *c.Request().URL
			q := u.Query()
			q.Set("lang", lang)
			u.RawQuery = q.Encode()
			return u.RequestURI()
		},
		"path": func() string {
			if c == nil {
				return "/"
			}
			return c.Request().URL.Path
		},
		// openProposals is the glossary proposals waiting for a maintainer
		// (0 for everyone else); see glossary.NavCount.
		"openProposals": func() int {
			if c == nil {
				return 0
			}
			return glossary.OpenProposalsFrom(c.Request().Context())
		},
		// unreadNotifications is the signed-in user's unread count for the
		// top bar's badge; see notification.NavCount.
		"unreadNotifications": func() int {
			if c == nil {
				return 0
			}
			return notification.UnreadFrom(c.Request().Context())
		},
		// principal is the signed-in user, nil for anonymous readers.
		"principal": func() *account.Principal {
			if c == nil {
				return nil
			}
			return account.PrincipalFrom(c.Request().Context())
		},
		// may reports whether the reader may open the page of a route
		// pattern: links to pages that would refuse them are not shown.
		"may": func(pattern string) (bool, error) {
			if c == nil {
				return false, nil
			}
			return access.may(account.PrincipalFrom(c.Request().Context()), pattern)
		},
		// loginURL signs in and comes back to this page.
		"loginURL": func() string {
			if c == nil {
				return "/login"
			}
			return account.LoginURL(c.Request().URL.RequestURI())
		},
		// csrf is the token forms send as csrf_token and htmx requests as
		// X-CSRF-Token (layout.html sets both up).
		"csrf": func() string {
			if c == nil {
				return ""
			}
			return account.CSRFToken(c)
		},
	}
}

func staticFuncs() template.FuncMap {
	return template.FuncMap{
		"percent": func(part, whole int) int {
			if whole == 0 {
				return 0
			}
			return part * 100 / whole
		},
		"query": url.QueryEscape,
		"list":  func(items ...string) []string { return items },
		// deref shows an optional string, empty when absent.
		"deref": func(s *string) string {
			if s == nil {
				return ""
			}
			return *s
		},
		// confidence shows a score in [0, 1] as a whole percentage.
		"confidence": func(f float64) int { return int(f*100 + 0.5) },
	}
}

func newRenderer() (*renderer, error) {
	placeholders := requestFuncs(nil, nil, nil)
	for k, v := range staticFuncs() {
		placeholders[k] = v
	}
	pageFiles, err := fs.Glob(templates.FS, "*.html")
	if err != nil {
		return nil, err
	}
	r := &renderer{pages: map[string]*template.Template{}, access: newPageAccess()}
	for _, page := range pageFiles {
		if page == "layout.html" {
			continue
		}
		t, err := template.New(page).Funcs(placeholders).ParseFS(templates.FS, "layout.html", "partials/*.html", page)
		if err != nil {
			return nil, fmt.Errorf("templates: %s: %w", page, err)
		}
		r.pages[page] = t
	}
	return r, nil
}

// Render executes the layout with page name; a name like "article.html#segment"
// executes only the named template of that page (for htmx fragments).
func (r *renderer) Render(w io.Writer, name string, data any, c echo.Context) error {
	page, block, _ := strings.Cut(name, "#")
	base, ok := r.pages[path.Clean(page)]
	if !ok {
		return fmt.Errorf("templates: no page %q", page)
	}
	t, err := base.Clone()
	if err != nil {
		return err
	}
	tr := translator(c)
	if tr == nil {
		return fmt.Errorf("templates: no translator for %s", c.Request().URL.Path)
	}
	t.Funcs(requestFuncs(tr, c, r.access))
	if block == "" {
		block = "layout"
	}
	// Render into a buffer so a template error yields a clean error page
	// instead of half a page.
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, block, data); err != nil {
		return err
	}
	_, err = buf.WriteTo(w)
	return err
}
