package main

import (
	"strings"
	"testing"

	"lector/database/dbtest"
)

// TestWebhookCommands: add prints the id, list shows the endpoint without
// its secret, remove takes it away; bad input exits 2 with one line naming
// the field or the file.
func TestWebhookCommands(t *testing.T) {
	db := []string{"--database-url", dbtest.NewURL(t)}
	secret := writeFile(t, "secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n")
	code, out, stderr := lector(t, "", append([]string{"webhook", "add", "https://hooks.example.org/lector",
		"--event", "version.published", "--event", "correction.approved", "--secret-file", secret}, db...)...)
	if code != 0 || out != "1\n" {
		t.Fatalf("add: exit %d, out %q, stderr %q; want the id 1", code, out, stderr)
	}
	code, out, stderr = lector(t, "", append([]string{"webhook", "list"}, db...)...)
	if code != 0 || out != "1\thttps://hooks.example.org/lector\tversion.published,correction.approved\n" {
		t.Errorf("list: exit %d, out %q, stderr %q", code, out, stderr)
	}
	short := writeFile(t, "short", "tiny")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"webhook", "add", "ftp://example.org/", "--event", "version.published", "--secret-file", secret}, "“url”"},
		{[]string{"webhook", "add", "https://example.org/", "--event", "version.deleted", "--secret-file", secret}, "“events”"},
		{[]string{"webhook", "add", "https://example.org/", "--secret-file", secret}, "“events”"},
		{[]string{"webhook", "add", "https://example.org/", "--event", "version.published", "--secret-file", short}, "“secret”"},
		{[]string{"webhook", "add", "https://example.org/", "--event", "version.published"}, "--secret-file"},
		{[]string{"webhook", "add", "https://example.org/", "--event", "version.published", "--secret-file", "/no/such/file"}, "/no/such/file"},
		{[]string{"webhook", "remove", "7"}, "no webhook 7"},
		{[]string{"webhook", "remove", "x"}, `"x" is not a webhook ID`},
		{[]string{"webhook", "frob"}, `unknown command "webhook frob"`},
	} {
		code, out, stderr := lector(t, "", append(tt.args, db...)...)
		if code != 2 || out != "" || !strings.Contains(stderr, tt.want) || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("%v: exit %d, out %q, stderr %q; want exit 2 and one line with %q", tt.args, code, out, stderr, tt.want)
		}
	}
	if code, out, stderr := lector(t, "", append([]string{"webhook", "remove", "1"}, db...)...); code != 0 || out != "removed webhook 1\n" {
		t.Errorf("remove: exit %d, out %q, stderr %q", code, out, stderr)
	}
	if code, out, _ := lector(t, "", append([]string{"webhook", "list"}, db...)...); code != 0 || out != "" {
		t.Errorf("list after remove: exit %d, out %q; want nothing", code, out)
	}
}
