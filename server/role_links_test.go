package server_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"lector/account"
	"lector/review/reviewtest"
)

// TestNextShownToThoseItServes: the "Next segment" buttons of the queue and
// of a flagged segment's page are shown to translators and never to a role
// whose POST /queue/next is refused.
func TestNextShownToThoseItServes(t *testing.T) {
	base, db := startSeeded(t)
	var segment int64
	if err := db.Raw("SELECT id FROM segments WHERE state = 'flagged' ORDER BY position LIMIT 1").Scan(&segment).Error; err != nil || segment == 0 {
		t.Fatalf("a flagged segment: %d %v", segment, err)
	}
	// Every role looks before anyone claims: a claim would take the
	// segment out of the flagged state that offers Next.
	roles := []string{account.RoleTranslator, account.RoleEditor, account.RoleGlossary, account.RoleAdmin}
	users := map[string]*account.Principal{}
	shown := map[string][]bool{}
	for _, role := range roles {
		users[role] = reviewtest.User(t, db, role+"@example.org", role)
		for _, page := range []string{"/queue", fmt.Sprintf("/segments/%d", segment)} {
			status, body := reviewtest.Call(t, base, http.MethodGet, page, users[role], "")
			if status != http.StatusOK {
				t.Fatalf("%s: GET %s: %d", role, page, status)
			}
			shown[role] = append(shown[role], strings.Contains(body, `action="/queue/next"`))
		}
	}
	for _, role := range roles {
		status, _, _ := reviewtest.Form(t, base, "/queue/next", users[role], nil)
		if status != http.StatusSeeOther && status != http.StatusForbidden {
			t.Fatalf("%s: POST /queue/next: %d, want 303 or 403", role, status)
		}
		for i, s := range shown[role] {
			// Editors correct a segment in place, so its page may offer no
			// Next even to an admin; a refused Next must never be offered.
			if s && status == http.StatusForbidden || !s && role == account.RoleTranslator {
				t.Errorf("%s: Next shown on page %d: %v; POST /queue/next answers %d", role, i, s, status)
			}
		}
	}
	if !shown[account.RoleAdmin][0] {
		t.Error("admin: the queue offers no Next")
	}
}
