package comment_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lector/comment"
	"lector/review/reviewtest"
	"lector/review/testworld"
	"lector/server/servertest"
)

// TestCommentsAPI: GET and POST /api/v1/segments/{id}/comments; bad input
// is a 4xx naming the field, and stores nothing.
func TestCommentsAPI(t *testing.T) {
	w := testworld.New(t)
	seg := firstSegment(t, w)
	base, _ := servertest.Serve(t, w.DB, w.Checker)
	path := fmt.Sprintf("/api/v1/segments/%d/comments", seg)
	for _, tc := range []struct {
		name, path, body string
		status           int
		mention          string // in the error message
	}{
		{"empty", path, `{"body": ""}`, http.StatusBadRequest, "body"},
		{"no body field", path, `{}`, http.StatusBadRequest, "body"},
		{"too long", path, `{"body": "` + strings.Repeat("x", comment.MaxBody+1) + `"}`, http.StatusBadRequest, "body"},
		{"not JSON", path, `{"body": `, http.StatusBadRequest, ""},
		{"unknown field", path, `{"text": "hello"}`, http.StatusBadRequest, "text"},
		{"unknown segment", fmt.Sprintf("/api/v1/segments/%d/comments", seg+1000), `{"body": "hello"}`, http.StatusNotFound, "segment"},
		// request.PathID: an id that is no number is a page that does not exist.
		{"bad id", "/api/v1/segments/abc/comments", `{"body": "hello"}`, http.StatusNotFound, "no page"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body := reviewtest.Call(t, base, http.MethodPost, tc.path, w.Tr1, tc.body)
			if status != tc.status || !strings.Contains(body, tc.mention) {
				t.Errorf("status %d %s, want %d naming %q", status, body, tc.status, tc.mention)
			}
		})
	}
	if n := count(t, w.DB, `SELECT count(*) FROM comments`); n != 0 {
		t.Fatalf("%d comments stored by refused requests", n)
	}
	if status, _ := reviewtest.Call(t, base, http.MethodPost, path, nil, `{"body": "hello"}`); status != http.StatusUnauthorized {
		t.Errorf("anonymous post: %d", status)
	}

	status, body := reviewtest.Call(t, base, http.MethodPost, path, w.Tr1, `{"body": "Check @tr2 <b>this</b>"}`)
	var posted comment.Note
	if status != http.StatusCreated || json.Unmarshal([]byte(body), &posted) != nil || posted.ID == 0 {
		t.Fatalf("post: %d %s", status, body)
	}
	status, body = reviewtest.Call(t, base, http.MethodGet, path, w.Ed1, "")
	var thread struct{ Comments []comment.Note }
	if status != http.StatusOK || json.Unmarshal([]byte(body), &thread) != nil || len(thread.Comments) != 1 ||
		thread.Comments[0].Body != "Check @tr2 <b>this</b>" || thread.Comments[0].Author != "tr1@example.org" {
		t.Fatalf("thread: %d %s", status, body)
	}
	if status, _ := reviewtest.Call(t, base, http.MethodGet, fmt.Sprintf("/api/v1/segments/%d/comments", seg+1000), w.Ed1, ""); status != http.StatusNotFound {
		t.Errorf("thread of an unknown segment: %d", status)
	}
	del := fmt.Sprintf("/api/v1/comments/%d", posted.ID)
	if status, body := reviewtest.Call(t, base, http.MethodDelete, del, w.Tr2, ""); status != http.StatusForbidden {
		t.Errorf("someone else deleting: %d %s", status, body)
	}
	if status, body := reviewtest.Call(t, base, http.MethodDelete, del, w.Tr1, ""); status != http.StatusOK {
		t.Errorf("the author deleting: %d %s", status, body)
	}
	_, body = reviewtest.Call(t, base, http.MethodGet, path, w.Ed1, "")
	if !strings.Contains(body, `"deleted":true`) || strings.Contains(body, "this") {
		t.Errorf("thread after deleting: %s", body)
	}
}

// TestCommentOnSegmentPage: the segment page's form posts a comment; the
// history shows it escaped, with no link made of an address, a delete
// button for its author only, and "comment deleted" once deleted.
func TestCommentOnSegmentPage(t *testing.T) {
	w := testworld.New(t)
	seg := firstSegment(t, w)
	base, _ := servertest.Serve(t, w.DB, w.Checker)
	page := fmt.Sprintf("/segments/%d", seg)
	status, body := reviewtest.Call(t, base, http.MethodGet, page, w.Tr2, "")
	if status != http.StatusOK || !strings.Contains(body, fmt.Sprintf(`action="/segments/%d/comments"`, seg)) {
		t.Fatalf("segment page: %d, no comment form", status)
	}
	text := "See <script>alert(1)</script> and https://evil.example/x\nsecond line"
	status, loc, _ := reviewtest.Form(t, base, page+"/comments", w.Tr1, url.Values{"body": {text}})
	if status != http.StatusSeeOther || !strings.HasPrefix(loc, page+"#comment-") {
		t.Fatalf("post: %d to %q", status, loc)
	}
	id := strings.TrimPrefix(loc, page+"#comment-")
	_, mine := reviewtest.Call(t, base, http.MethodGet, page, w.Tr1, "")
	_, theirs := reviewtest.Call(t, base, http.MethodGet, page, w.Tr2, "")
	for name, b := range map[string]string{"author": mine, "other": theirs} {
		if !strings.Contains(b, `id="comment-`+id+`"`) || !strings.Contains(b, "See &lt;script&gt;alert(1)&lt;/script&gt; and https://evil.example/x\nsecond line") {
			t.Errorf("%s: the history does not show the comment escaped", name)
		}
		if strings.Contains(b, "<script>alert") || strings.Contains(b, `href="https://evil.example`) {
			t.Errorf("%s: the comment's markup or address became live", name)
		}
	}
	deleteForm := `action="/comments/` + id + `/delete"`
	if !strings.Contains(mine, deleteForm) || strings.Contains(theirs, deleteForm) {
		t.Errorf("delete button: author %v, other %v; want only the author's", strings.Contains(mine, deleteForm), strings.Contains(theirs, deleteForm))
	}
	if status, _, _ := reviewtest.Form(t, base, "/comments/"+id+"/delete", w.Tr2, nil); status != http.StatusForbidden {
		t.Errorf("someone else deleting from the page: %d", status)
	}
	if status, loc, _ := reviewtest.Form(t, base, "/comments/"+id+"/delete", w.Tr1, nil); status != http.StatusSeeOther || loc != page+"#comment-"+id {
		t.Errorf("the author deleting: %d to %q", status, loc)
	}
	_, after := reviewtest.Call(t, base, http.MethodGet, page, w.Tr2, "")
	if !strings.Contains(after, "comment deleted") || strings.Contains(after, "evil.example") {
		t.Errorf("after deleting, the history still shows the text or no mark")
	}
	if status, _, _ := reviewtest.Form(t, base, page+"/comments", w.Tr1, url.Values{"body": {""}}); status != http.StatusBadRequest {
		t.Errorf("an empty comment from the page: %d", status)
	}
}
