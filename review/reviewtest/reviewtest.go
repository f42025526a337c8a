// Package reviewtest holds test helpers for the review workflow: users with
// roles inserted straight into the database, and a stand-in for the account
// middleware that takes the principal from a header or a cookie naming the
// user id. It is for tests only; the server's real authentication replaces
// it.
package reviewtest

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"lector/account"
)

// Header and Cookie name the user a test request acts as.
const (
	Header = "X-Test-User"
	Cookie = "lector_test_user"
)

// User inserts a user with roles and returns its principal.
func User(t testing.TB, db *gorm.DB, email string, roles ...string) *account.Principal {
	t.Helper()
	u := account.User{Email: email, Name: email}
	for _, r := range roles {
		u.Roles = append(u.Roles, account.UserRole{Role: r})
	}
	if err := db.Create(&u).Error; err != nil {
		t.Fatalf("reviewtest: user %s: %v", email, err)
	}
	return &account.Principal{UserID: u.ID, Email: email, Name: email, Roles: roles}
}

// Auth is the stand-in authentication middleware: the user whose id is in
// Header (or Cookie) becomes the request's principal, loaded with its roles
// from the database; no id means anonymous.
func Auth(db *gorm.DB) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			raw := c.Request().Header.Get(Header)
			if ck, err := c.Cookie(Cookie); raw == "" && err == nil {
				raw = ck.Value
			}
			id, err := strconv.ParseInt(raw, 10, 64)
			if err != nil || id <= 0 {
				return next(c)
			}
			var u account.User
			if err := db.WithContext(c.Request().Context()).Preload("Roles").Take(&u, id).Error; err != nil {
				return echo.NewHTTPError(http.StatusUnauthorized)
			}
			p := &account.Principal{UserID: u.ID, Email: u.Email, Name: u.Name}
			for _, r := range u.Roles {
				p.Roles = append(p.Roles, r.Role)
			}
			c.SetRequest(c.Request().WithContext(account.WithPrincipal(c.Request().Context(), p)))
			return next(c)
		}
	}
}
