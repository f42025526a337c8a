package main

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"lector/account"
	"lector/apperr"
	"lector/database"
	"lector/database/dbtest"
)

// lectorOn runs the command in-process against the database at dbURL.
func lectorOn(t *testing.T, dbURL string, args ...string) (int, string, string) {
	t.Helper()
	getenv := func(k string) string {
		if k == "DATABASE_URL" {
			return dbURL
		}
		return ""
	}
	return runWith(t, getenv, "", args)
}

// lastLine is the last non-empty line of s.
func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

func TestUserAdd(t *testing.T) {
	dbURL := dbtest.NewURL(t)
	code, out, stderr := lectorOn(t, dbURL, "user", "add", "Ann@Example.org", "--role", "translator", "--role", "editor", "--name", "Ann")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	m := regexp.MustCompile(`^created ann@example\.org \(translator, editor\); password: (\S{20})\n$`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("output %q", out)
	}
	db, err := database.Open(context.Background(), database.Options{URL: dbURL, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	u, err := account.Authenticate(context.Background(), db.Gorm, nil, account.Credentials{Email: "ann@example.org", Password: m[1]})
	if err != nil {
		t.Fatalf("the printed password does not sign in: %v", err)
	}
	if u.Name != "Ann" {
		t.Errorf("name %q", u.Name)
	}

	tests := []struct {
		name string
		args []string
		want string // in the last line of stderr
	}{
		{"duplicate", []string{"ann@example.org", "--role", "admin"}, "An account for ann@example.org already exists."},
		{"bad role", []string{"bob@example.org", "--role", "boss"}, "“boss” is not a role"},
		{"no role", []string{"bob@example.org"}, "Give at least one role"},
		{"bad email", []string{"bob", "--role", "editor"}, "“bob” is not an email address."},
		{"no email", []string{"--role", "editor"}, "want one EMAIL"},
		{"two emails", []string{"a@example.org", "b@example.org", "--role", "editor"}, "want one EMAIL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := lectorOn(t, dbURL, append([]string{"user", "add"}, tt.args...)...)
			if code != 2 {
				t.Fatalf("exit %d, want 2; stdout %q, stderr %q", code, out, stderr)
			}
			if last := lastLine(stderr); !strings.HasPrefix(last, "lector user add: ") || !strings.Contains(last, tt.want) {
				t.Errorf("stderr ends %q, want a line naming %q", last, tt.want)
			}
			if out != "" {
				t.Errorf("stdout %q, want nothing", out)
			}
		})
	}
}

func TestUserToken(t *testing.T) {
	dbURL := dbtest.NewURL(t)
	if code, _, stderr := lectorOn(t, dbURL, "user", "add", "ed@example.org", "--role", "editor"); code != 0 {
		t.Fatalf("user add: exit %d: %s", code, stderr)
	}
	code, out, stderr := lectorOn(t, dbURL, "user", "token", "ED@example.org", "--name", "ci")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	token := lastLine(out)
	if !regexp.MustCompile(`^lec_[A-Za-z0-9_-]{43}$`).MatchString(token) {
		t.Fatalf("last line %q, want the token alone", token)
	}

	// The token works as a Bearer token with the real middleware.
	db, err := database.Open(context.Background(), database.Options{URL: dbURL, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	e := echo.New()
	e.HTTPErrorHandler = func(err error, c echo.Context) { // server's handler, reduced to what is tested here
		status := http.StatusInternalServerError
		if apperr.CodeOf(err) == apperr.Unauthorized {
			status = http.StatusUnauthorized
		}
		c.NoContent(status)
	}
	e.Use((&account.Handlers{DB: db.Gorm}).Authenticate())
	e.POST("/api/v1/me", func(c echo.Context) error {
		return c.String(http.StatusOK, account.PrincipalFrom(c.Request().Context()).Email)
	}, account.RequireRole(account.RoleEditor))
	for _, tt := range []struct {
		auth   string
		status int
	}{{"Bearer " + token, 200}, {"bearer " + token, 200}, {"Bearer " + token + "x", 401}, {"", 401}} {
		req := httptest.NewRequest(http.MethodPost, "/api/v1/me", nil)
		if tt.auth != "" {
			req.Header.Set("Authorization", tt.auth)
		}
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, req)
		if rec.Code != tt.status || (tt.status == 200 && rec.Body.String() != "ed@example.org") {
			t.Errorf("Authorization %.20q: %d %q, want %d", tt.auth, rec.Code, rec.Body.String(), tt.status)
		}
	}

	for _, args := range [][]string{{"nobody@example.org"}, {}} {
		code, out, stderr := lectorOn(t, dbURL, append([]string{"user", "token"}, args...)...)
		if code != 2 || out != "" || !strings.HasPrefix(lastLine(stderr), "lector user token: ") {
			t.Errorf("user token %v: exit %d, stdout %q, stderr %q; want exit 2 and one line", args, code, out, stderr)
		}
	}
}

// An administrator lifts the throttle that failed sign-ins put on an
// account.
func TestUserUnlock(t *testing.T) {
	dbURL := dbtest.NewURL(t)
	code, out, stderr := lectorOn(t, dbURL, "user", "add", "ann@example.org", "--role", "editor")
	if code != 0 {
		t.Fatalf("user add: exit %d: %s", code, stderr)
	}
	pw := regexp.MustCompile(`password: (\S+)`).FindStringSubmatch(out)[1]
	db, err := database.Open(context.Background(), database.Options{URL: dbURL, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	creds := account.Credentials{Email: "ann@example.org", Password: pw, Address: "192.0.2.1"}
	db.Gorm.Exec("INSERT INTO login_attempts (email, address) SELECT 'ann@example.org', '203.0.113.9' FROM generate_series(1, 6)")
	if _, err := account.Authenticate(context.Background(), db.Gorm, nil, creds); apperr.As(err).Status != http.StatusTooManyRequests {
		t.Fatalf("before unlock: %v, want 429", err)
	}
	code, out, stderr = lectorOn(t, dbURL, "user", "unlock", "Ann@example.org")
	if code != 0 || out != "forgot 6 failed sign-ins of ann@example.org\n" {
		t.Fatalf("exit %d, output %q: %s", code, out, stderr)
	}
	if _, err := account.Authenticate(context.Background(), db.Gorm, nil, creds); err != nil {
		t.Fatalf("after unlock: %v", err)
	}
}
