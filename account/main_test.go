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
