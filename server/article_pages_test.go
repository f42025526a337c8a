package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
)

// articleCount is the number of stored articles and segments.
func articleCount(t *testing.T, w pageWorld) string {
	t.Helper()
	var s string
	if err := w.db.Raw(`SELECT (SELECT count(*) FROM articles) || '/' || (SELECT count(*) FROM segments)`).Scan(&s).Error; err != nil {
		t.Fatal(err)
	}
	return s
}

var articleLocation = regexp.MustCompile(`^/articles/(\d+)$`)

func TestArticleUploadPage(t *testing.T) {
	w := newPageWorld(t)
	ed := newPageUser(t, w.base, w.db, w.editor)
	ours, err := os.ReadFile("../xliff/testdata/ours-2.0.xlf")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name      string
		fields    map[string]string
		files     []filePart
		wantTitle string
		wantSQL   string // a query on the new article's id that must answer true
	}{
		{"typed text", map[string]string{"title": "Typed", "lang": "en", "text": "Ilon Musk met the press. It rained."},
			nil, "Typed", `SELECT count(*) = 2 FROM segments WHERE article_id = ?`},
		{"a text file with a typed source", map[string]string{"title": "From a file", "lang": "en", "source_lang": "ru", "source_text": "Илон Маск встретился с прессой."},
			[]filePart{{field: "text_file", name: "article.txt", ctype: "text/plain", data: []byte("\uFEFFIlon Musk met the press.")}},
			"From a file", `SELECT source_lang = 'ru' AND text = 'Ilon Musk met the press.' FROM articles WHERE id = ?`},
		{"an XLIFF file, title and language from it", nil,
			[]filePart{{field: "xliff_file", name: "ours.xlf", data: ours}},
			"Musk and the press", `SELECT count(*) = 3 FROM segments WHERE article_id = ?`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body, loc := ed.upload("/articles", c.fields, c.files...)
			m := articleLocation.FindStringSubmatch(loc)
			if status != http.StatusSeeOther || m == nil {
				t.Fatalf("%d %q\n%.2000s", status, loc, body)
			}
			var title string
			var ok bool
			if err := w.db.Raw(`SELECT title FROM articles WHERE id = ?`, m[1]).Scan(&title).Error; err != nil || title != c.wantTitle {
				t.Errorf("title %q, want %q (%v)", title, c.wantTitle, err)
			}
			if err := w.db.Raw(c.wantSQL, m[1]).Scan(&ok).Error; err != nil || !ok {
				t.Errorf("%s: false (%v)", c.wantSQL, err)
			}
			if status, page, _ := ed.get(loc); status != http.StatusOK || !strings.Contains(page, c.wantTitle) {
				t.Errorf("the new article's page: %d", status)
			}
		})
	}
}

func TestArticleUploadPageRefuses(t *testing.T) {
	w := newPageWorld(t)
	ed := newPageUser(t, w.base, w.db, w.editor)
	before := articleCount(t, w)
	text := map[string]string{"title": "T", "lang": "en", "text": "A sentence."}
	with := func(k, v string) map[string]string {
		m := map[string]string{}
		for a, b := range text {
			m[a] = b
		}
		m[k] = v
		return m
	}
	cases := []struct {
		name   string
		fields map[string]string
		files  []filePart
		status int
		want   string
	}{
		{"no text", with("text", ""), nil, http.StatusBadRequest, "The field “text” is required."},
		{"no title", with("title", ""), nil, http.StatusBadRequest, "The field “title” is required."},
		{"a bad language", with("lang", "english!"), nil, http.StatusBadRequest, "The field “lang” holds “english!”"},
		{"a source without its language", with("source_text", "Ein Satz."), nil, http.StatusBadRequest, "Give the source text and its language together"},
		{"typed text and a text file", text, []filePart{{field: "text_file", name: "a.txt", ctype: "text/plain", data: []byte("B.")}},
			http.StatusBadRequest, "The field “text” is filled in and “text_file” holds a file"},
		{"a PDF as the text", with("text", ""), []filePart{{field: "text_file", name: "a.pdf", ctype: "application/pdf", data: []byte("%PDF-1.4")}},
			http.StatusUnsupportedMediaType, "“a.pdf” (field “text_file”)"},
		{"a text file over the limit", with("text", ""), []filePart{{field: "text_file", name: "big.txt", ctype: "text/plain", data: []byte(strings.Repeat("Word. ", 8<<20/6+1))}},
			http.StatusRequestEntityTooLarge, "The text is larger than the limit of 8388608 bytes."},
		{"text and an XLIFF file", text, []filePart{{field: "xliff_file", name: "a.xlf", data: []byte("<xliff/>")}},
			http.StatusBadRequest, "Send either a text"},
		{"a broken XLIFF file", nil, []filePart{{field: "xliff_file", name: "broken.xlf", data: []byte("<?xml version=\"1.0\"?>\n<xliff version=\"2.0\">\n<file>\n</xliff>")}},
			http.StatusBadRequest, "broken.xlf"},
		{"an XLIFF file of the wrong type", nil, []filePart{{field: "xliff_file", name: "a.docx", ctype: "application/msword", data: []byte("PK")}},
			http.StatusUnsupportedMediaType, "“a.docx” (field “xliff_file”)"},
		{"over the body limit", nil, []filePart{{field: "xliff_file", name: "big.xlf", data: []byte(strings.Repeat("x", 16<<20+1))}},
			http.StatusRequestEntityTooLarge, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, body, _ := ed.upload("/articles", c.fields, c.files...)
			if status != c.status {
				t.Fatalf("%d, want %d\n%.3000s", status, c.status, body)
			}
			if c.want != "" {
				mustContain(t, body, `id="upload-error"`, c.want)
			}
			if c.fields["title"] == "T" {
				mustContain(t, body, `name="title" value="T"`) // what was typed is kept
			}
			if after := articleCount(t, w); after != before {
				t.Errorf("a refused upload stored an article: %s → %s", before, after)
			}
		})
	}
}

func TestArticleUploadPageRoles(t *testing.T) {
	w := newPageWorld(t)
	uploadPageRoles(t, "/articles/new", "/articles", `id="new-article"`, []roleCase{
		{"anonymous", newPageUser(t, w.base, w.db, nil), http.StatusUnauthorized},
		{"translator", newPageUser(t, w.base, w.db, w.translator), http.StatusForbidden},
		{"glossary maintainer", newPageUser(t, w.base, w.db, w.maint), http.StatusForbidden},
		{"editor", newPageUser(t, w.base, w.db, w.editor), http.StatusOK},
	}, `data-upload-progress="upload-progress"`, "up to 8 MiB each", "At most 100,000 segments, each at most 8 KiB.")
}

// The article page's delete button: editors only, a second step that says
// what goes, the form's CSRF token required, back to the list with a notice,
// and an audit event that names the editor.
func TestDeleteArticlePage(t *testing.T) {
	w := newPageWorld(t)
	status, body, _ := w.do(t, http.MethodPost, "/api/v1/articles", w.editor, "", `{"title":"Doomed","lang":"en","text":"Ilon Musk spoke. He left."}`)
	if status != http.StatusCreated {
		t.Fatalf("create article: %d %s", status, body)
	}
	var created struct{ Article struct{ ID int64 } }
	if err := json.Unmarshal([]byte(body), &created); err != nil {
		t.Fatal(err)
	}
	page := fmt.Sprintf("/articles/%d", created.Article.ID)

	tr := newPageUser(t, w.base, w.db, w.translator)
	_, body, _ = tr.get(page)
	if strings.Contains(body, `id="delete-article"`) || strings.Contains(body, "/delete") {
		t.Errorf("a translator is offered the delete button")
	}
	if status, _, _ := tr.post(page+"/delete", url.Values{}); status != http.StatusForbidden {
		t.Errorf("a translator's delete: %d, want 403", status)
	}

	ed := newPageUser(t, w.base, w.db, w.editor)
	_, body, _ = ed.get(page)
	mustContain(t, body, `<details class="delete-article">`, `action="`+page+`/delete"`, `name="csrf_token"`,
		`id="delete-article"`, "“Doomed” and everything of it are deleted for good: its 2 segments")
	if status, _, _ := ed.post(page+"/delete", url.Values{"csrf_token": {"forged"}}); status != http.StatusForbidden {
		t.Errorf("a delete with a forged CSRF token: %d, want 403", status)
	}
	if status, _, _ := ed.get(page); status != http.StatusOK {
		t.Fatalf("the article is gone after a refused delete: %d", status)
	}
	status, _, loc := ed.post(page+"/delete", url.Values{})
	if status != http.StatusSeeOther || loc != "/articles?deleted=Doomed" {
		t.Fatalf("delete: %d %q", status, loc)
	}
	_, body, _ = ed.get(loc)
	mustContain(t, body, `The article “Doomed” was deleted.`)
	if status, _, _ := ed.get(page); status != http.StatusNotFound {
		t.Errorf("the deleted article: %d, want 404", status)
	}
	if status, _, _ := ed.post(page+"/delete", url.Values{}); status != http.StatusNotFound {
		t.Errorf("deleting it again: %d, want 404", status)
	}
	var events int64
	if err := w.db.Raw(`SELECT count(*) FROM audit_events e JOIN users u ON u.id = e.actor_id
WHERE e.subject_type = 'article' AND e.subject_id = ? AND e.action = 'delete' AND u.email = 'ged@example.org'
  AND e.detail->>'title' = 'Doomed' AND (e.detail->>'segments')::int = 2`, created.Article.ID).Scan(&events).Error; err != nil {
		t.Fatal(err)
	}
	if events != 1 {
		t.Errorf("%d audit events of the delete naming the editor, want 1", events)
	}
}
