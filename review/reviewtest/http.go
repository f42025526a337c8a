package reviewtest

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lector/account"
)

// Call makes one request as p (nil: anonymous) and returns the status and
// the body; header is pairs of name and value. Redirects are not followed.
func Call(t testing.TB, base, method, path string, p *account.Principal, body string, header ...string) (int, string) {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, base+path, r)
	if err != nil {
		t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	status, _, b := do(t, req, p)
	return status, b
}

// Form posts a form as p and returns the status, the Location and the body.
func Form(t testing.TB, base, path string, p *account.Principal, values url.Values) (int, string, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, base+path, strings.NewReader(values.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return do(t, req, p)
}

func do(t testing.TB, req *http.Request, p *account.Principal) (status int, location, body string) {
	t.Helper()
	if p != nil {
		req.Header.Set("Authorization", "Bearer "+Bearer(p))
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, res.Header.Get("Location"), string(b)
}

// Page gets path as p, fails the test unless the status is status, reports
// each of contains that the body lacks, and returns the body.
func Page(t testing.TB, base, path string, p *account.Principal, status int, contains ...string) string {
	t.Helper()
	got, body := Call(t, base, http.MethodGet, path, p, "")
	if got != status {
		t.Fatalf("GET %s: %d, want %d: %.500s", path, got, status, body)
	}
	for _, s := range contains {
		if !strings.Contains(body, s) {
			t.Errorf("GET %s lacks %q", path, s)
		}
	}
	return body
}

// PageShows gets path as p (200 or the test fails) and reports each of has
// that the body lacks and each of lack that it shows.
func PageShows(t testing.TB, base, path string, p *account.Principal, has, lack []string) {
	t.Helper()
	body := Page(t, base, path, p, http.StatusOK, has...)
	for _, s := range lack {
		if strings.Contains(body, s) {
			t.Errorf("GET %s shows %q", path, s)
		}
	}
}
