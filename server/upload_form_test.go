package server_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"regexp"
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
	req, err := http.NewRequest(http.MethodPost, u.base+path, &buf)
	if err != nil {
		u.t.Fatal(err)
	}
	req.Header.Set("Content-Type", w.FormDataContentType())
	if u.cookie != "" {
		req.Header.Set("Cookie", u.cookie)
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		u.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), res.Header.Get("Location")
}

// confirmForm finds the dry run's Confirm: its action and the digest.
var confirmForm = regexp.MustCompile(`action="(/glossary/import/\d+)"[^>]*>\s*<input type="hidden" name="csrf_token" value="[^"]*">\s*<input type="hidden" name="digest" value="([0-9a-f]+)">`)
