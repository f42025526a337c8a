// Package reviewtest holds test helpers for the review workflow: users with
// roles inserted straight into the database, each with an API token that
// the real authentication middleware accepts.
package reviewtest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"testing"

	"gorm.io/gorm"

	"lector/account"
)

// User inserts a user with roles and an API token (see Bearer) and returns
// its principal.
func User(t testing.TB, db *gorm.DB, email string, roles ...string) *account.Principal {
	t.Helper()
	u := account.User{Email: email, Name: email}
	for _, r := range roles {
		u.Roles = append(u.Roles, account.UserRole{Role: r})
	}
	if err := db.Create(&u).Error; err != nil {
		t.Fatalf("reviewtest: user %s: %v", email, err)
	}
	p := &account.Principal{UserID: u.ID, Email: email, Name: email, Roles: roles}
	sum := sha256.Sum256([]byte(Bearer(p)))
	if err := db.Create(&account.APIToken{UserID: u.ID, TokenHash: hex.EncodeToString(sum[:]), Name: "reviewtest"}).Error; err != nil {
		t.Fatalf("reviewtest: token for %s: %v", email, err)
	}
	return p
}

// Bearer is the API token of a user made by User. It is derived from the
// user id so tests need no lookup; it exists only in test databases.
func Bearer(p *account.Principal) string {
	return fmt.Sprintf("%sreviewtest-%d", account.TokenPrefix, p.UserID)
}

// Session signs p in: it returns the value of the session cookie
// (account.SessionCookie) for a browser or an HTTP client.
func Session(t testing.TB, db *gorm.DB, p *account.Principal) string {
	t.Helper()
	value, _, err := account.CreateSession(t.Context(), db, p.UserID, "127.0.0.1", "reviewtest")
	if err != nil {
		t.Fatalf("reviewtest: session for %s: %v", p.Email, err)
	}
	return value
}
