package server_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"lector/account"
	"lector/review/reviewtest"
	"lector/webhook"
)

// TestServerQueuesWebhooks: the server hands its River client to the
// workflow and the glossary, so that a publication and a glossary write
// through the API each queue a delivery.
func TestServerQueuesWebhooks(t *testing.T) {
	base, db := startWithRescans(t, false)
	ctx := context.Background()
	if _, err := webhook.AddByOperator(ctx, db, webhook.Registration{URL: "https://hooks.example.org/", Events: webhook.Events(),
		Secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}, false); err != nil {
		t.Fatal(err)
	}
	ed := reviewtest.User(t, db, "ed@example.org", account.RoleEditor)
	gl := reviewtest.User(t, db, "gl@example.org", account.RoleGlossary)
	if st, out := reviewtest.Call(t, base, http.MethodPost, "/api/v1/articles/"+itoa(firstArticle(t, db))+"/versions", ed, `{"partial": true}`); st != http.StatusCreated {
		t.Fatalf("publish: %d %s", st, out)
	}
	entry := `{"key": "hook", "type": "person", "terms": [{"lang": "en", "form": "Anna Hook", "status": "preferred"}]}`
	if st, out := reviewtest.Call(t, base, http.MethodPost, "/api/v1/glossary/entries", gl, entry); st != http.StatusCreated {
		t.Fatalf("glossary write: %d %s", st, out)
	}
	var events []string
	db.Table("webhook_deliveries").Order("id").Pluck("event", &events)
	if got := strings.Join(events, " "); got != webhook.VersionPublished+" "+webhook.GlossaryChanged {
		t.Errorf("deliveries %q, want a version.published and a glossary.changed", got)
	}
}
