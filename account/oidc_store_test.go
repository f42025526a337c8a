package account_test

import (
	"context"
	"slices"
	"testing"

	"lector/account"
	"lector/apperr"
	"lector/database/dbtest"
)

func TestOIDCLoginIsUsedOnce(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	state, begun, err := account.BeginOIDCLogin(ctx, db, "/articles?x=1")
	if err != nil {
		t.Fatal(err)
	}
	stale, _, err := account.BeginOIDCLogin(ctx, db, "//evil.example")
	if err != nil {
		t.Fatal(err)
	}
	l, err := account.ConsumeOIDCLogin(ctx, db, state)
	if err != nil {
		t.Fatal(err)
	}
	if l.Nonce != begun.Nonce || l.CodeVerifier != begun.CodeVerifier || l.Next != "/articles?x=1" {
		t.Errorf("took %+v, want %+v", l, begun)
	}
	if _, err := account.ConsumeOIDCLogin(ctx, db, state); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("the state taken a second time: %v, want invalid", err)
	}
	if _, err := account.ConsumeOIDCLogin(ctx, db, "made-up"); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("an unknown state: %v, want invalid", err)
	}
	db.Exec("UPDATE oidc_logins SET expires_at = now() - interval '1 second'")
	if _, err := account.ConsumeOIDCLogin(ctx, db, stale); apperr.CodeOf(err) != apperr.Invalid {
		t.Errorf("an expired state: %v, want invalid", err)
	}
	if _, _, err := account.BeginOIDCLogin(ctx, db, "/"); err != nil {
		t.Fatal(err)
	}
	var left int64
	db.Raw("SELECT count(*) FROM oidc_logins WHERE expires_at < now()").Scan(&left)
	if left != 0 {
		t.Errorf("%d expired sign-ins left after a new one began", left)
	}
	db.Exec(`INSERT INTO oidc_logins (state_hash, nonce, code_verifier, expires_at)
		SELECT 'h' || i, 'n', 'v', now() + interval '1 minute' FROM generate_series(1, ?) i`, account.MaxOIDCLogins)
	if _, _, err := account.BeginOIDCLogin(ctx, db, "/"); apperr.CodeOf(err) != apperr.Unavailable {
		t.Errorf("sign-in begun past %d unfinished ones: %v, want unavailable", account.MaxOIDCLogins, err)
	}
}

func TestSignInExternal(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	const iss = "https://id.example"
	local, _ := newUser(t, db, "local@example.org", "translator")
	newUser(t, db, "taken@example.org", "translator")
	id := func(sub, email string, verified bool, roles ...string) *account.Identity {
		return &account.Identity{Issuer: iss, Subject: sub, Email: email, EmailVerified: verified, Name: "N " + sub, Roles: roles}
	}
	roles := func(u *account.User) []string {
		got, err := account.UserByEmail(ctx, db, u.Email)
		if err != nil {
			t.Fatal(err)
		}
		return got.RoleNames()
	}

	u, err := account.SignInExternal(ctx, db, id("s1", "new@example.org", false, "editor"))
	if err != nil {
		t.Fatal(err)
	}
	if u.Email != "new@example.org" || u.PasswordHash != "" || !slices.Equal(roles(u), []string{"editor"}) {
		t.Errorf("created %+v with roles %v", u, roles(u))
	}
	again, err := account.SignInExternal(ctx, db, id("s1", "new@example.org", false, "translator", "admin"))
	if err != nil {
		t.Fatal(err)
	}
	if again.ID != u.ID || !slices.Equal(roles(u), []string{"translator", "admin"}) {
		t.Errorf("second sign-in: account %d (want %d), roles %v", again.ID, u.ID, roles(u))
	}
	if _, err := account.SignInExternal(ctx, db, id("s1", "new@example.org", false)); apperr.As(err).MessageID != "error.oidc_no_role" {
		t.Errorf("no role left: %v", err)
	}
	if got := roles(u); len(got) != 0 {
		t.Errorf("the provider took every role away, the account keeps %v", got)
	}
	var events int64
	db.Raw("SELECT count(*) FROM audit_events WHERE subject_type = 'user' AND subject_id = ?", u.ID).Scan(&events)
	if events != 3 {
		t.Errorf("%d audit events for creating and twice changing roles, want 3", events)
	}

	tests := []struct {
		name string
		id   *account.Identity
		code apperr.Code
	}{
		{"a stranger with no role is not created", id("s2", "nobody@example.org", true), apperr.Forbidden},
		{"an unverified email does not take over a local account", id("s3", "taken@example.org", false, "admin"), apperr.Conflict},
		{"a verified email takes over a local account", id("s4", "local@example.org", true, "glossary"), ""},
		{"nor one another subject holds", id("s5", "local@example.org", true, "admin"), apperr.Conflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := account.SignInExternal(ctx, db, tt.id)
			if apperr.CodeOf(err) != tt.code {
				t.Fatalf("got %v, want code %q", err, tt.code)
			}
			if err == nil && got.ID != local.ID {
				t.Errorf("signed into account %d, want the local one %d", got.ID, local.ID)
			}
		})
	}
	if _, err := account.UserByEmail(ctx, db, "nobody@example.org"); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("an account was made for someone with no role: %v", err)
	}
	db.Exec("UPDATE users SET disabled_at = now() WHERE id = ?", local.ID)
	if _, err := account.SignInExternal(ctx, db, id("s4", "local@example.org", true, "glossary")); apperr.As(err).MessageID != "error.account_disabled" {
		t.Errorf("a disabled account: %v", err)
	}
}
