package server_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"regexp"
	"strings"
	"testing"
)

// filePart is one file of a multipart form: its field, name, media type
// (empty: application/octet-stream) and content.
type filePart struct {
	field, name, ctype string
	data               []byte
}

// upload posts a multipart form as a browser without JavaScript does:
// the fields, the CSRF token, and the files.
func (u *pageUser) upload(path string, fields map[string]string, files ...filePart) (int, string, string) {
	u.t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if _, ok := fields["csrf_token"]; !ok {
		_ = w.WriteField("csrf_token", u.csrfTok)
	}
	for k, v := range fields {
		_ = w.WriteField(k, v)
	}
	for _, f := range files {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", `form-data; name="`+f.field+`"; filename="`+f.name+`"`)
		ct := f.ctype
		if ct == "" {
			ct = "application/octet-stream"
		}
		h.Set("Content-Type", ct)
		part, err := w.CreatePart(h)
		if err != nil {
			u.t.Fatal(err)
		}
		_, _ = part.Write(f.data)
	}
	if err := w.Close(); err != nil {
		u.t.Fatal(err)
	}
	return u.do(http.MethodPost, path, w.FormDataContentType(), &buf)
}

// confirmForm finds the dry run's Confirm: its action and the digest.
var confirmForm = regexp.MustCompile(`action="(/glossary/import/\d+)"[^>]*>\s*<input type="hidden" name="csrf_token" value="[^"]*">\s*<input type="hidden" name="digest" value="([0-9a-f]+)">`)

// roleCase is a user and the status an upload page answers them with.
type roleCase struct {
	name string
	user *pageUser
	want int
}

// uploadPageRoles checks that each case's user gets page with its status,
// the form holding wants when let in, and that list shows link exactly to
// those let in; it returns the list page each user saw.
func uploadPageRoles(t *testing.T, page, list, link string, cases []roleCase, wants ...string) []string {
	t.Helper()
	var lists []string
	for _, c := range cases {
		status, body, _ := c.user.get(page)
		if status != c.want {
			t.Errorf("%s: GET %s %d, want %d", c.name, page, status, c.want)
		}
		if c.want == http.StatusOK {
			mustContain(t, body, wants...)
		}
		_, shown, _ := c.user.get(list)
		if got := strings.Contains(shown, link); got != (c.want == http.StatusOK) {
			t.Errorf("%s: the %s page's link %s shown %v", c.name, list, link, got)
		}
		lists = append(lists, shown)
	}
	return lists
}
