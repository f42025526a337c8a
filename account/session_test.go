package account_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"lector/account"
	"lector/apperr"
)

func TestSessionLifecycle(t *testing.T) {
	db, u := withAnn(t, "translator", "glossary")
	ctx := context.Background()
	token, s, err := account.CreateSession(ctx, db, u.ID, "192.0.2.1", "test agent")
	if err != nil {
		t.Fatal(err)
	}
	if len(token) < 43 || s.ID == token || len(s.ID) != 64 || s.CSRFToken == "" {
		t.Fatalf("token %q, id %q, csrf %q: want a 32-byte secret stored as SHA-256 hex with a CSRF token", token, s.ID, s.CSRFToken)
	}
	if life := s.ExpiresAt.Sub(s.CreatedAt); life < account.SessionLifetime-time.Second || life > account.SessionLifetime+time.Second {
		t.Errorf("session lives %v, want %v", life, account.SessionLifetime)
	}
	p, err := account.LookupSession(ctx, db, token)
	if err != nil {
		t.Fatal(err)
	}
	if p.UserID != u.ID || p.Email != "ann@example.org" || !slices.Equal(p.Roles, []string{"translator", "glossary"}) ||
		p.CSRFToken != s.CSRFToken || p.ViaToken {
		t.Errorf("principal %+v", p)
	}
	if _, err := account.LookupSession(ctx, db, token+"x"); apperr.CodeOf(err) != apperr.Unauthorized {
		t.Errorf("a wrong token gave %v, want unauthorized", err)
	}
	if _, err := account.LookupSession(ctx, db, s.ID); apperr.CodeOf(err) != apperr.Unauthorized {
		t.Errorf("the stored hash as token gave %v, want unauthorized", err)
	}
	if err := account.DeleteSession(ctx, db, token); err != nil {
		t.Fatal(err)
	}
	if _, err := account.LookupSession(ctx, db, token); apperr.CodeOf(err) != apperr.Unauthorized {
		t.Errorf("after sign-out: %v, want unauthorized", err)
	}
}

func TestSessionExpiry(t *testing.T) {
	db, u := withAnn(t, "editor")
	ctx := context.Background()
	tests := []struct {
		name   string
		update string // run on the session row to age it
		valid  bool
	}{
		{name: "fresh", update: "", valid: true},
		{name: "idle 11h", update: "last_seen_at = now() - interval '11 hours'", valid: true},
		{name: "idle 13h", update: "last_seen_at = now() - interval '13 hours'", valid: false},
		{name: "used now but past the absolute limit", update: "created_at = now() - interval '8 days', expires_at = now() - interval '1 day'", valid: false},
		{name: "six days old, active", update: "created_at = now() - interval '6 days', expires_at = now() + interval '1 day'", valid: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			token, s := newSession(t, db, u.ID)
			if tt.update != "" {
				if err := db.Exec("UPDATE sessions SET "+tt.update+" WHERE id = ?", s.ID).Error; err != nil {
					t.Fatal(err)
				}
			}
			_, err := account.LookupSession(ctx, db, token)
			if tt.valid && err != nil {
				t.Fatalf("want valid, got %v", err)
			}
			if !tt.valid && apperr.CodeOf(err) != apperr.Unauthorized {
				t.Fatalf("want unauthorized, got %v", err)
			}
		})
	}
}

// last_seen_at moves on use, but at most once a minute.
func TestSessionTouch(t *testing.T) {
	db, u := withAnn(t, "editor")
	ctx := context.Background()
	token, s := newSession(t, db, u.ID)
	lastSeen := func() time.Time {
		var ts time.Time
		if err := db.Raw("SELECT last_seen_at FROM sessions WHERE id = ?", s.ID).Scan(&ts).Error; err != nil {
			t.Fatal(err)
		}
		return ts
	}
	db.Exec("UPDATE sessions SET last_seen_at = now() - interval '30 seconds' WHERE id = ?", s.ID)
	before := lastSeen()
	if _, err := account.LookupSession(ctx, db, token); err != nil {
		t.Fatal(err)
	}
	if !lastSeen().Equal(before) {
		t.Error("last_seen_at moved after 30 s; want at most once a minute")
	}
	db.Exec("UPDATE sessions SET last_seen_at = now() - interval '2 hours' WHERE id = ?", s.ID)
	before = lastSeen()
	if _, err := account.LookupSession(ctx, db, token); err != nil {
		t.Fatal(err)
	}
	if after := lastSeen(); after.Sub(before) < time.Hour {
		t.Errorf("last_seen_at went from %v to %v; want it moved to now", before, after)
	}
}

func TestSessionOfDisabledUser(t *testing.T) {
	db, u := withAnn(t, "editor")
	ctx := context.Background()
	token, _ := newSession(t, db, u.ID)
	db.Exec("UPDATE users SET disabled_at = now() WHERE id = ?", u.ID)
	if _, err := account.LookupSession(ctx, db, token); apperr.CodeOf(err) != apperr.Unauthorized {
		t.Fatalf("disabled user's session: %v, want unauthorized", err)
	}
}

func TestPurgeExpired(t *testing.T) {
	db, u := withAnn(t, "editor")
	ctx := context.Background()
	live, _, _ := account.CreateSession(ctx, db, u.ID, "", "")
	_, idle, _ := account.CreateSession(ctx, db, u.ID, "", "")
	_, old, _ := account.CreateSession(ctx, db, u.ID, "", "")
	db.Exec("UPDATE sessions SET last_seen_at = now() - interval '13 hours' WHERE id = ?", idle.ID)
	db.Exec("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = ?", old.ID)
	db.Exec("INSERT INTO login_attempts (email, address, at) VALUES ('x@example.org', '', now() - interval '61 minutes'), ('y@example.org', '', now() - interval '59 minutes')")
	n, err := account.PurgeExpired(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("purged %d rows, want 3 (two sessions, one attempt)", n)
	}
	if _, err := account.LookupSession(ctx, db, live); err != nil {
		t.Errorf("the live session went: %v", err)
	}
	var attempts int64
	db.Raw("SELECT count(*) FROM login_attempts").Scan(&attempts)
	if attempts != 1 {
		t.Errorf("%d attempts left, want the recent one", attempts)
	}
}
