package account

import (
	"context"
	"fmt"
	"testing"
	"time"

	"gorm.io/gorm"

	"lector/apperr"
	"lector/database/dbtest"
)

// TestTokenCache: a looked-up token is answered from memory until its
// entry lapses, then from the database again, so a deleted token stops
// working within the TTL; unknown tokens are never remembered; callers
// get copies; the size stays bounded.
func TestTokenCache(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	u, token := userWithToken(t, db, "cache@example.org", "Cache", RoleEditor, "cache")
	now := time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC)
	tc := NewTokenCache(10 * time.Second)
	tc.now = func() time.Time { return now }

	steps := []struct {
		name     string
		advance  time.Duration
		deleted  bool // the token's row is gone from the database
		wantCode apperr.Code
	}{
		{name: "first lookup asks the database"},
		{name: "fresh entry", advance: 5 * time.Second},
		{name: "deleted, entry still fresh", advance: 4 * time.Second, deleted: true},
		{name: "deleted, entry lapsed", advance: 2 * time.Second, deleted: true, wantCode: apperr.Unauthorized},
		{name: "still refused", advance: time.Second, deleted: true, wantCode: apperr.Unauthorized},
	}
	for _, st := range steps {
		now = now.Add(st.advance)
		if st.deleted {
			if err := db.Exec("DELETE FROM api_tokens WHERE user_id = ?", u.ID).Error; err != nil {
				t.Fatal(err)
			}
		}
		p, err := tc.Lookup(ctx, db, token)
		if code := apperr.CodeOf(err); code != st.wantCode {
			t.Fatalf("%s: code %q (%v), want %q", st.name, code, err, st.wantCode)
		}
		if err == nil && (p.UserID != u.ID || !p.Has(RoleEditor) || !p.ViaToken) {
			t.Fatalf("%s: principal %+v", st.name, p)
		}
	}
	if _, ok := tc.entries[hashSecret("lec_unknown")]; ok {
		t.Fatal("an unknown token was remembered")
	}
	if _, err := tc.Lookup(ctx, db, "lec_unknown"); apperr.CodeOf(err) != apperr.Unauthorized {
		t.Fatalf("unknown token: %v", err)
	}
	if _, ok := tc.entries[hashSecret("lec_unknown")]; ok {
		t.Fatal("an unknown token was remembered")
	}

	// Copies: one request changing its principal does not change another's.
	token2, err := CreateToken(ctx, db, u.ID, "cache 2")
	if err != nil {
		t.Fatal(err)
	}
	a, _ := tc.Lookup(ctx, db, token2)
	b, _ := tc.Lookup(ctx, db, token2)
	a.Name = "changed"
	if b.Name != "Cache" {
		t.Fatalf("a cached principal was shared: %q", b.Name)
	}

	// The bound: a full cache drops lapsed entries first, then everything.
	for i := range maxCachedTokens {
		tc.entries[fmt.Sprintf("filler-%d", i)] = cachedToken{expires: now.Add(time.Hour)}
	}
	if _, err := tc.Lookup(ctx, db, token2); err != nil { // fresh: from memory, nothing added
		t.Fatal(err)
	}
	now = now.Add(11 * time.Second) // token2's entry lapses; the fillers do not
	if _, err := tc.Lookup(ctx, db, token2); err != nil {
		t.Fatal(err)
	}
	if n := len(tc.entries); n != 1 {
		t.Fatalf("after overflowing: %d entries, want only the new one", n)
	}
}

// TestTokenCacheOff: a zero TTL means no cache, and a nil cache looks up
// every time.
func TestTokenCacheOff(t *testing.T) {
	if tc := NewTokenCache(0); tc != nil {
		t.Fatalf("NewTokenCache(0) = %+v, want nil", tc)
	}
	db := dbtest.New(t)
	ctx := context.Background()
	u, token := userWithToken(t, db, "nocache@example.org", "No cache", RoleTranslator, "nocache")
	var tc *TokenCache
	if _, err := tc.Lookup(ctx, db, token); err != nil {
		t.Fatal(err)
	}
	db.Exec("DELETE FROM api_tokens WHERE user_id = ?", u.ID)
	if _, err := tc.Lookup(ctx, db, token); apperr.CodeOf(err) != apperr.Unauthorized {
		t.Fatalf("deleted token without a cache: %v, want unauthorized", err)
	}
}

// userWithToken creates an account of one role with an API token named
// tokenName, and returns both.
func userWithToken(t *testing.T, db *gorm.DB, email, name, role, tokenName string) (*User, string) {
	t.Helper()
	ctx := context.Background()
	u, _, err := CreateUser(ctx, db, email, name, []string{role})
	if err != nil {
		t.Fatal(err)
	}
	token, err := CreateToken(ctx, db, u.ID, tokenName)
	if err != nil {
		t.Fatal(err)
	}
	return u, token
}
