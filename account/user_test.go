package account_test

import (
	"context"
	"slices"
	"testing"

	"lector/account"
	"lector/apperr"
	"lector/database/dbtest"
)

func TestCreateUser(t *testing.T) {
	db := dbtest.New(t)
	newUser(t, db, "taken@example.org", "editor")
	ctx := context.Background()
	tests := []struct {
		name      string
		email     string
		roles     []string
		code      apperr.Code
		wantEmail string
		wantRoles []string
	}{
		{name: "one role", email: "ann@example.org", roles: []string{"translator"}, wantEmail: "ann@example.org", wantRoles: []string{"translator"}},
		{name: "lower-cased and trimmed", email: "  Bob@Example.ORG ", roles: []string{"admin", "editor", "editor"},
			wantEmail: "bob@example.org", wantRoles: []string{"editor", "admin"}},
		{name: "every role", email: "cy@example.org", roles: []string{"glossary", "admin", "translator", "editor"},
			wantEmail: "cy@example.org", wantRoles: []string{"translator", "editor", "glossary", "admin"}},
		{name: "duplicate", email: "TAKEN@example.org", roles: []string{"translator"}, code: apperr.Conflict},
		{name: "no role", email: "dee@example.org", code: apperr.Invalid},
		{name: "unknown role", email: "dee@example.org", roles: []string{"reviewer"}, code: apperr.Invalid},
		{name: "empty email", email: " ", roles: []string{"editor"}, code: apperr.Invalid},
		{name: "no at", email: "dee.example.org", roles: []string{"editor"}, code: apperr.Invalid},
		{name: "display name", email: "Dee <dee@example.org>", roles: []string{"editor"}, code: apperr.Invalid},
		{name: "space inside", email: "d ee@example.org", roles: []string{"editor"}, code: apperr.Invalid},
		{name: "two addresses", email: "a@example.org,b@example.org", roles: []string{"editor"}, code: apperr.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, pw, err := account.CreateUser(ctx, db, tt.email, "Name", tt.roles)
			if tt.code != "" {
				if got := apperr.CodeOf(err); got != tt.code {
					t.Fatalf("error %v, want code %s", err, tt.code)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if u.Email != tt.wantEmail || !slices.Equal(u.RoleNames(), tt.wantRoles) {
				t.Errorf("created %s %v, want %s %v", u.Email, u.RoleNames(), tt.wantEmail, tt.wantRoles)
			}
			loaded, err := account.UserByEmail(ctx, db, tt.email)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(loaded.RoleNames(), tt.wantRoles) || !account.CheckPassword(pw, loaded.PasswordHash) {
				t.Errorf("stored %v with a hash that does not match the password", loaded.RoleNames())
			}
		})
	}
}

func TestDuplicateEmailMessageNamesIt(t *testing.T) {
	db := dbtest.New(t)
	newUser(t, db, "ann@example.org", "editor")
	_, _, err := account.CreateUser(context.Background(), db, "Ann@example.org", "", []string{"editor"})
	e := apperr.As(err)
	if e.Code != apperr.Conflict || e.MessageID != "error.email_taken" || e.Data["Email"] != "ann@example.org" {
		t.Fatalf("got %v", err)
	}
}

func TestUserByEmailNotFound(t *testing.T) {
	db := dbtest.New(t)
	if _, err := account.UserByEmail(context.Background(), db, "nobody@example.org"); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("got %v, want not_found", err)
	}
}
