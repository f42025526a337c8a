package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

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
