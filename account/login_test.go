package account_test

import (
	"context"
	"slices"
	"strconv"
	"sync"
	"testing"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/database/dbtest"
)

func TestAuthenticate(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	_, annPW := newUser(t, db, "ann@example.org", "translator")
	off, offPW := newUser(t, db, "off@example.org", "editor")
	db.Exec("UPDATE users SET disabled_at = now() WHERE id = ?", off.ID)
	tests := []struct {
		name, email, password string
		code                  apperr.Code
	}{
		{"right", "ann@example.org", annPW, ""},
		{"email in other case", " ANN@example.org", annPW, ""},
		{"wrong password", "ann@example.org", annPW + "x", apperr.Unauthorized},
		{"no such account", "nobody@example.org", annPW, apperr.Unauthorized},
		{"empty password", "ann@example.org", "", apperr.Invalid},
		{"empty email", "", annPW, apperr.Invalid},
		{"disabled, right password", "off@example.org", offPW, apperr.Forbidden},
		{"disabled, wrong password", "off@example.org", "nope", apperr.Unauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := account.Authenticate(ctx, db, tt.email, tt.password, "192.0.2.1")
			if got := apperr.CodeOf(err); got != tt.code {
				t.Fatalf("error %v, want code %q", err, tt.code)
			}
			if tt.code == "" && (u.Email != "ann@example.org" || !slices.Equal(u.RoleNames(), []string{"translator"})) {
				t.Errorf("user %+v", u)
			}
		})
	}
}

// rateLimited checks that err is the 429 answer and returns Retry-After.
func rateLimited(t *testing.T, err error) int {
	t.Helper()
	e := apperr.As(err)
	if e.Code != apperr.Forbidden || e.Status != 429 || e.MessageID != "error.too_many_attempts" {
		t.Fatalf("got %v (status %d), want forbidden with status 429", err, e.Status)
	}
	s, convErr := strconv.Atoi(e.Header["Retry-After"])
	if convErr != nil || s < 1 || s > 15*60 {
		t.Fatalf("Retry-After %q, want 1..900 seconds", e.Header["Retry-After"])
	}
	return s
}

func TestRateLimitPerAccount(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	_, annPW := newUser(t, db, "ann@example.org", "translator")
	_, bobPW := newUser(t, db, "bob@example.org", "translator")
	for i := range account.MaxFailuresPerAccount {
		if _, err := account.Authenticate(ctx, db, "ann@example.org", "wrong", "192.0.2.1"); apperr.CodeOf(err) != apperr.Unauthorized {
			t.Fatalf("failure %d: %v", i+1, err)
		}
	}
	// The sixth attempt is refused even with the right password, and from
	// another address: the limit protects the account.
	_, err := account.Authenticate(ctx, db, "ann@example.org", annPW, "198.51.100.7")
	if wait := rateLimited(t, err); wait < 14*60 {
		t.Errorf("Retry-After %d s right after five failures; want about 15 minutes", wait)
	}
	// Another account from the same address is not affected.
	if _, err := account.Authenticate(ctx, db, "bob@example.org", bobPW, "192.0.2.1"); err != nil {
		t.Fatalf("bob: %v", err)
	}
	// Refused attempts are not counted: once the failures age out of the
	// window, the account opens.
	db.Exec("UPDATE login_attempts SET at = at - interval '14 minutes 50 seconds'")
	_, err = account.Authenticate(ctx, db, "ann@example.org", annPW, "192.0.2.1")
	if wait := rateLimited(t, err); wait > 10 {
		t.Errorf("Retry-After %d s with 10 s left", wait)
	}
	db.Exec("UPDATE login_attempts SET at = at - interval '11 seconds'")
	if _, err := account.Authenticate(ctx, db, "ann@example.org", annPW, "192.0.2.1"); err != nil {
		t.Fatalf("after the window: %v", err)
	}
}

// seedFailures stores n failed attempts as if they had just happened.
func seedFailures(t *testing.T, db *gorm.DB, email, address string, n int) {
	t.Helper()
	if err := db.Exec("INSERT INTO login_attempts (email, address) SELECT ?, ? FROM generate_series(1, ?)", email, address, n).Error; err != nil {
		t.Fatal(err)
	}
}

func TestRateLimitPerAddress(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	_, annPW := newUser(t, db, "ann@example.org", "translator")
	// Twenty failures on different accounts from one address, the last one
	// for real.
	for i := range account.MaxFailuresPerAddress - 1 {
		seedFailures(t, db, "guess"+strconv.Itoa(i)+"@example.org", "203.0.113.9", 1)
	}
	if _, err := account.Authenticate(ctx, db, "last@example.org", "x", "203.0.113.9"); apperr.CodeOf(err) != apperr.Unauthorized {
		t.Fatalf("twentieth failure: %v", err)
	}
	_, err := account.Authenticate(ctx, db, "ann@example.org", annPW, "203.0.113.9")
	rateLimited(t, err)
	if _, err := account.Authenticate(ctx, db, "ann@example.org", annPW, "192.0.2.1"); err != nil {
		t.Fatalf("from another address: %v", err)
	}
}

// A success clears the account's own failures and nobody else's, so that an
// attacker cannot reset a victim's count by signing into their own account.
func TestSuccessResetsOnlyItsAccount(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	_, annPW := newUser(t, db, "ann@example.org", "translator")
	_, bobPW := newUser(t, db, "bob@example.org", "translator")
	seedFailures(t, db, "ann@example.org", "192.0.2.1", account.MaxFailuresPerAccount-1)
	seedFailures(t, db, "bob@example.org", "192.0.2.1", account.MaxFailuresPerAccount)
	if _, err := account.Authenticate(ctx, db, "ann@example.org", annPW, "192.0.2.1"); err != nil {
		t.Fatal(err)
	}
	_, err := account.Authenticate(ctx, db, "bob@example.org", bobPW, "192.0.2.1")
	rateLimited(t, err)
	var left int64
	db.Raw("SELECT count(*) FROM login_attempts WHERE email = 'ann@example.org'").Scan(&left)
	if left != 0 {
		t.Errorf("%d failures of ann left after her sign-in, want 0", left)
	}
	// Ann's count starts again from zero.
	seedFailures(t, db, "ann@example.org", "192.0.2.1", account.MaxFailuresPerAccount-1)
	if _, err := account.Authenticate(ctx, db, "ann@example.org", annPW, "192.0.2.1"); err != nil {
		t.Fatal(err)
	}
}

// Concurrent guesses cannot slip past the limit: each attempt is recorded
// before the count.
func TestRateLimitUnderConcurrency(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	newUser(t, db, "ann@example.org", "translator")
	const n = 10
	codes := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			_, codes[i] = account.Authenticate(ctx, db, "ann@example.org", "guess"+strconv.Itoa(i), "192.0.2."+strconv.Itoa(i))
		})
	}
	wg.Wait()
	checked := 0
	for _, err := range codes {
		switch e := apperr.As(err); {
		case e.Code == apperr.Unauthorized:
			checked++
		case e.Status == 429:
		default:
			t.Errorf("unexpected %v", err)
		}
	}
	if checked > account.MaxFailuresPerAccount {
		t.Errorf("%d of %d concurrent guesses were checked, want at most %d", checked, n, account.MaxFailuresPerAccount)
	}
}
