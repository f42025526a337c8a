package account_test

import (
	"context"
	"strings"
	"testing"

	"lector/account"
	"lector/apperr"
)

func TestTokens(t *testing.T) {
	db, u := withAnn(t, "editor")
	ctx := context.Background()
	token, err := account.CreateToken(ctx, db, u.ID, "ci")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(token, "lec_") || len(token) < 40 {
		t.Fatalf("token %q: want lec_ and a 32-byte secret", token)
	}
	var stored account.APIToken
	db.Where("user_id = ?", u.ID).Take(&stored)
	if stored.TokenHash == token || len(stored.TokenHash) != 64 || stored.Name != "ci" || stored.LastUsedAt != nil {
		t.Fatalf("stored %+v: want only the SHA-256, unused", stored)
	}
	p, err := account.LookupToken(ctx, db, token)
	if err != nil {
		t.Fatal(err)
	}
	if p.UserID != u.ID || !p.ViaToken || p.CSRFToken != "" || !p.Has("editor") {
		t.Errorf("principal %+v", p)
	}
	db.Where("user_id = ?", u.ID).Take(&stored)
	if stored.LastUsedAt == nil {
		t.Error("last_used_at not set on use")
	}

	for _, bad := range []string{"", "lec_", token + "x", strings.TrimPrefix(token, "lec_"), stored.TokenHash} {
		if _, err := account.LookupToken(ctx, db, bad); apperr.CodeOf(err) != apperr.Unauthorized {
			t.Errorf("token %q: %v, want unauthorized", bad, err)
		}
	}

	db.Exec("UPDATE api_tokens SET expires_at = now() - interval '1 second'")
	if _, err := account.LookupToken(ctx, db, token); apperr.CodeOf(err) != apperr.Unauthorized {
		t.Errorf("expired token: %v, want unauthorized", err)
	}
	db.Exec("UPDATE api_tokens SET expires_at = NULL")
	db.Exec("UPDATE users SET disabled_at = now() WHERE id = ?", u.ID)
	if _, err := account.LookupToken(ctx, db, token); apperr.CodeOf(err) != apperr.Unauthorized {
		t.Errorf("disabled user's token: %v, want unauthorized", err)
	}
	if _, err := account.CreateToken(ctx, db, u.ID, ""); apperr.CodeOf(err) != apperr.Forbidden {
		t.Errorf("new token for a disabled user: %v, want forbidden", err)
	}
	if _, err := account.CreateToken(ctx, db, 999999, ""); apperr.CodeOf(err) != apperr.NotFound {
		t.Errorf("new token for no user: %v, want not_found", err)
	}
}
