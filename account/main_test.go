package account_test

import (
	"context"
	"testing"

	"gorm.io/gorm"

	"lector/account"
	"lector/database/dbtest"
)

func TestMain(m *testing.M) { dbtest.Main(m) }

// newUser creates an account and returns it with its password.
func newUser(t *testing.T, db *gorm.DB, email string, roles ...string) (*account.User, string) {
	t.Helper()
	u, pw, err := account.CreateUser(context.Background(), db, email, "", roles)
	if err != nil {
		t.Fatal(err)
	}
	return u, pw
}

// withAnn is a fresh database with one account, ann@example.org, of
// roles.
func withAnn(t *testing.T, roles ...string) (*gorm.DB, *account.User) {
	t.Helper()
	db := dbtest.New(t)
	u, _ := newUser(t, db, "ann@example.org", roles...)
	return db, u
}

// newSession signs userID in, as a browser without an address or agent,
// and returns the session's cookie token and its row.
func newSession(t *testing.T, db *gorm.DB, userID int64) (string, *account.Session) {
	t.Helper()
	token, s, err := account.CreateSession(context.Background(), db, userID, "", "")
	if err != nil {
		t.Fatal(err)
	}
	return token, s
}

// checkMapping checks that f maps every key of tests to its value.
func checkMapping(t *testing.T, name string, f func(string) string, tests map[string]string) {
	t.Helper()
	for in, want := range tests {
		if got := f(in); got != want {
			t.Errorf("%s(%q) = %q, want %q", name, in, got, want)
		}
	}
}
