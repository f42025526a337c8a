package server_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lector/config"
)

// TestLocalPasswordsOff: with LECTOR_LOCAL_PASSWORDS=false the sign-in page
// offers the provider alone and a posted password is refused; without a
// provider the page has no provider button. Neither calls the provider.
func TestLocalPasswordsOff(t *testing.T) {
	off := startOIDCAppWith(t, func(c *config.Config, base string) {
		c.OIDC = newsroomID("https://id.invalid/realms/news")
		c.NoLocalPasswords = true
	})
	plain := startOIDCAppWith(t, func(*config.Config, string) {})
	tests := []struct {
		name             string
		base             string
		button, password bool
	}{
		{"provider only", off.base, true, false},
		{"passwords only", plain.base, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, err := http.Get(tt.base + "/login")
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			page := string(body)
			if got := strings.Contains(page, "Sign in with Newsroom ID"); got != tt.button {
				t.Errorf("provider button shown: %v, want %v", got, tt.button)
			}
			if got := strings.Contains(page, `type="password"`); got != tt.password {
				t.Errorf("password form shown: %v, want %v", got, tt.password)
			}
		})
	}
	resp, err := http.PostForm(off.base+"/login", url.Values{"email": {"a@example.org"}, "password": {"x"}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(body), "password is turned off") {
		t.Errorf("a posted password: %d %s", resp.StatusCode, body)
	}
}
