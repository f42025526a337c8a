package publish_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"

	"lector/account"
	"lector/review"
	"lector/review/reviewtest"
	"lector/xliff/xlifftest"
)

func TestExportAPI(t *testing.T) {
	w := newExportWorld(t)
	base, _ := serve(t, w.world)
	id := w.article.ID
	tests := []struct {
		path, ctype, file string
	}{
		{fmt.Sprintf("/api/v1/articles/%d/export?format=txt", id), "text/plain; charset=utf-8", "Musk-the-press-Isaxon-2024.txt"},
		{fmt.Sprintf("/api/v1/articles/%d/export?format=md", id), "text/markdown; charset=utf-8", "Musk-the-press-Isaxon-2024.md"},
		{fmt.Sprintf("/api/v1/articles/%d/export?format=html", id), "text/html; charset=utf-8", "Musk-the-press-Isaxon-2024.html"},
		{fmt.Sprintf("/api/v1/articles/%d/export", id), "application/json", "Musk-the-press-Isaxon-2024.json"},
		{fmt.Sprintf("/api/v1/articles/%d/export?format=xliff", id), "application/xliff+xml", "Musk-the-press-Isaxon-2024.xlf"},
		{fmt.Sprintf("/api/v1/articles/%d/versions/1", id), "application/json", "Musk-the-press-Isaxon-2024-v1.json"},
		{fmt.Sprintf("/api/v1/articles/%d/versions/1?format=xliff", id), "application/xliff+xml", "Musk-the-press-Isaxon-2024-v1.xlf"},
		{fmt.Sprintf("/api/v1/articles/%d/versions/1?format=txt", id), "text/plain; charset=utf-8", "Musk-the-press-Isaxon-2024-v1.txt"},
	}
	for _, tt := range tests {
		req, _ := http.NewRequest(http.MethodGet, base+tt.path, nil)
		res, body := send(t, req, w.Tr1)
		if res.StatusCode != http.StatusOK {
			t.Errorf("%s: %d %s", tt.path, res.StatusCode, body)
			continue
		}
		if got := res.Header.Get("Content-Type"); got != tt.ctype {
			t.Errorf("%s: Content-Type %q, want %q", tt.path, got, tt.ctype)
		}
		cd := res.Header.Get("Content-Disposition")
		if !strings.HasPrefix(cd, `attachment; filename="`+tt.file+`"`) || !strings.Contains(cd, "filename*=UTF-8''") {
			t.Errorf("%s: Content-Disposition %q, want the file %s", tt.path, cd, tt.file)
		}
		if !strings.Contains(string(body), "Elon Musk met the") {
			t.Errorf("%s: the body lacks the text:\n%s", tt.path, body)
		}
		if tt.ctype == "application/xliff+xml" {
			xlifftest.Valid(t, tt.path, body)
		}
	}
	refusals := []struct {
		path   string
		anon   bool
		status int
	}{
		{fmt.Sprintf("/api/v1/articles/%d/export?format=txt", id), true, http.StatusUnauthorized},
		{fmt.Sprintf("/api/v1/articles/%d/versions/1", id), true, http.StatusUnauthorized},
		{fmt.Sprintf("/api/v1/articles/%d/export?format=docx", id), false, http.StatusBadRequest},
		{fmt.Sprintf("/api/v1/articles/%d/versions/1?format=pdf", id), false, http.StatusBadRequest},
		{fmt.Sprintf("/api/v1/articles/%d/versions/2", id), false, http.StatusNotFound},
		{fmt.Sprintf("/api/v1/articles/%d/versions/0", id), false, http.StatusNotFound},
		{fmt.Sprintf("/api/v1/articles/%d/versions/x", id), false, http.StatusNotFound},
		{"/api/v1/articles/999999/export", false, http.StatusNotFound},
		{"/api/v1/articles/999999/versions/1", false, http.StatusNotFound},
	}
	for _, r := range refusals {
		p := w.Tr1
		if r.anon {
			p = nil
		}
		if status, body := reviewtest.Call(t, base, http.MethodGet, r.path, p, ""); status != r.status || !strings.Contains(body, `"error"`) {
			t.Errorf("%s: %d %s, want %d with an error body", r.path, status, body, r.status)
		}
	}
}

const importDoc = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ru" trgLang="en">
 <file id="f1" original="From a file">
  <unit id="p1">
   <segment state="final"><source>Илон Маск.</source><target>Ilon Musk spoke.</target></segment>
   <segment><source>Он ушёл.</source><target>He left.</target></segment>
  </unit>
 </file>
</xliff>`

// counts is the number of articles, segments and flags stored.
func counts(t *testing.T, w *world) [3]int64 {
	t.Helper()
	var c [3]int64
	for i, m := range []any{&review.Article{}, &review.Segment{}, &review.Flag{}} {
		if err := w.DB.Model(m).Count(&c[i]).Error; err != nil {
			t.Fatal(err)
		}
	}
	return c
}

func TestImportXLIFFAPI(t *testing.T) {
	w := newWorld(t)
	base, _ := serve(t, w)
	status, body := reviewtest.Call(t, base, http.MethodPost, "/api/v1/articles?title=Imported", w.Ed1, importDoc, "Content-Type", "application/xliff+xml")
	if status != http.StatusCreated || !strings.Contains(body, `"segments":2`) || !strings.Contains(body, `"title":"Imported"`) {
		t.Fatalf("import: %d %s", status, body)
	}
	status, body = reviewtest.Call(t, base, http.MethodPost, "/api/v1/articles", w.Ed1, importDoc, "Content-Type", "application/x-xliff+xml")
	if status != http.StatusCreated || !strings.Contains(body, `"title":"From a file"`) {
		t.Fatalf("import with the file's title: %d %s", status, body)
	}
	if status, body := reviewtest.Call(t, base, http.MethodPost, "/api/v1/articles", w.Tr1, importDoc, "Content-Type", "application/xliff+xml"); status != http.StatusForbidden {
		t.Errorf("a translator imports: %d %s", status, body)
	}
	// Only "as approved" takes the file's final as a review, on the
	// editor's name.
	asApproved := func() (n int64) {
		if err := w.DB.Raw(`SELECT count(*) FROM audit_events WHERE action = 'import_as_approved' AND actor_id = ?`, w.Ed1.UserID).Scan(&n).Error; err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := asApproved(); n != 0 {
		t.Errorf("%d imports as approved, none asked for", n)
	}
	if status, body := reviewtest.Call(t, base, http.MethodPost, "/api/v1/articles?as_approved=true", w.Ed1, importDoc, "Content-Type", "application/xliff+xml"); status != http.StatusCreated {
		t.Fatalf("import as approved: %d %s", status, body)
	}
	if n := asApproved(); n != 1 {
		t.Errorf("%d imports as approved in the audit log, want 1", n)
	}

	before := counts(t, w)
	bad := []struct {
		name, ctype, body string
		status            int
		message           string
	}{
		{"malformed", "application/xliff+xml", strings.Replace(importDoc, "</target></segment>\n  </unit>", "</segment>\n  </unit>", 1),
			http.StatusBadRequest, "body, line 6, element <target>"},
		{"billion laughs", "application/xliff+xml", `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<xliff>&lol2;</xliff>`, http.StatusBadRequest, "line 2: a DOCTYPE"},
		{"external entity", "application/xliff+xml", `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xliff>&e;</xliff>`,
			http.StatusBadRequest, "DOCTYPE"},
		{"no source", "application/xliff+xml", strings.Replace(importDoc, "<source>Он ушёл.</source>", "", 1), http.StatusBadRequest, "line 6, element <segment>"},
		{"not XLIFF", "application/xliff+xml", `<html/>`, http.StatusBadRequest, "not an XLIFF document"},
		{"wrong type", "text/plain", importDoc, http.StatusUnsupportedMediaType, "application/xliff+xml"},
		{"XML type", "application/xml", importDoc, http.StatusUnsupportedMediaType, "application/xliff+xml"},
	}
	for _, tt := range bad {
		status, body := reviewtest.Call(t, base, http.MethodPost, "/api/v1/articles?title=Bad", w.Ed1, tt.body, "Content-Type", tt.ctype)
		var e struct {
			Error struct{ Message string } `json:"error"`
		}
		_ = json.Unmarshal([]byte(body), &e)
		if status != tt.status || !strings.Contains(e.Error.Message, tt.message) {
			t.Errorf("%s: %d %s, want %d naming %q", tt.name, status, body, tt.status, tt.message)
		}
	}
	// 100 MB, streamed: refused from its Content-Length before it is read.
	huge := io.MultiReader(strings.NewReader(importDoc[:200]), &zeros{n: 100 << 20})
	req, _ := http.NewRequest(http.MethodPost, base+"/api/v1/articles", huge)
	req.ContentLength = 200 + 100<<20
	req.Header.Set("Content-Type", "application/xliff+xml")
	res, raw := send(t, req, w.Ed1)
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(raw), "too_large") {
		t.Errorf("100 MB: %d %s", res.StatusCode, raw)
	}
	// 20 MB without a length: refused while it is read.
	chunked := io.MultiReader(strings.NewReader(importDoc[:200]), &zeros{n: 20 << 20})
	req, _ = http.NewRequest(http.MethodPost, base+"/api/v1/articles", chunked)
	req.ContentLength = -1
	req.Header.Set("Content-Type", "application/xliff+xml")
	res, raw = send(t, req, w.Ed1)
	if res.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(raw), "too_large") {
		t.Errorf("20 MB chunked: %d %s", res.StatusCode, raw)
	}
	if after := counts(t, w); after != before {
		t.Errorf("refused imports stored rows: %v before, %v after", before, after)
	}
}

// send sends req with p's API token; the body is read and closed.
func send(t *testing.T, req *http.Request, p *account.Principal) (*http.Response, []byte) {
	t.Helper()
	req.Header.Set("Authorization", "Bearer "+reviewtest.Bearer(p))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res, body
}

// zeros reads n spaces.
type zeros struct{ n int }

func (z *zeros) Read(p []byte) (int, error) {
	if z.n == 0 {
		return 0, io.EOF
	}
	k := min(len(p), z.n)
	for i := range k {
		p[i] = ' '
	}
	z.n -= k
	return k, nil
}
