package webhook_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lector/account"
	"lector/database/dbtest"
	"lector/review"
	"lector/review/reviewtest"
	"lector/server/servertest"
	"lector/webhook"
)

const goodSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"

// TestAPIRegistersListsAndRemoves: the API is for admins only; a
// registration comes back without its secret, and the list never shows it.
func TestAPIRegistersListsAndRemoves(t *testing.T) {
	db := dbtest.New(t)
	base, _ := servertest.Serve(t, db, review.NewChecker(nil))
	admin := reviewtest.User(t, db, "admin@example.org", account.RoleAdmin)
	editor := reviewtest.User(t, db, "editor@example.org", account.RoleEditor)
	body := `{"url": "https://hooks.example.org/lector", "events": ["version.published", "glossary.changed"], "secret": "` + goodSecret + `"}`

	if st, _ := reviewtest.Call(t, base, http.MethodPost, "/api/v1/webhooks", nil, body); st != http.StatusUnauthorized {
		t.Errorf("anonymous registration: %d, want 401", st)
	}
	if st, _ := reviewtest.Call(t, base, http.MethodPost, "/api/v1/webhooks", editor, body); st != http.StatusForbidden {
		t.Errorf("an editor's registration: %d, want 403", st)
	}
	if st, _ := reviewtest.Call(t, base, http.MethodGet, "/api/v1/webhooks", editor, ""); st != http.StatusForbidden {
		t.Errorf("an editor's list: %d, want 403", st)
	}
	st, out := reviewtest.Call(t, base, http.MethodPost, "/api/v1/webhooks", admin, body)
	if st != http.StatusCreated || strings.Contains(out, "whsec_") || strings.Contains(out, "secret") {
		t.Fatalf("registration: %d %s, want 201 without the secret", st, out)
	}
	var ep struct {
		ID     int64    `json:"id"`
		URL    string   `json:"url"`
		Events []string `json:"events"`
	}
	if err := json.Unmarshal([]byte(out), &ep); err != nil || ep.ID == 0 || ep.URL != "https://hooks.example.org/lector" || len(ep.Events) != 2 {
		t.Fatalf("registration answered %s (%v)", out, err)
	}
	st, out = reviewtest.Call(t, base, http.MethodGet, "/api/v1/webhooks", admin, "")
	if st != http.StatusOK || !strings.Contains(out, `"id":`) || strings.Contains(out, "whsec_") {
		t.Errorf("list: %d %s, want 200 with the endpoint and no secret", st, out)
	}
	path := "/api/v1/webhooks/" + jsonNumber(ep.ID)
	if st, _ := reviewtest.Call(t, base, http.MethodDelete, path, editor, ""); st != http.StatusForbidden {
		t.Errorf("an editor's removal: %d, want 403", st)
	}
	if st, _ := reviewtest.Call(t, base, http.MethodDelete, path, admin, ""); st != http.StatusNoContent {
		t.Errorf("removal: %d, want 204", st)
	}
	if st, _ := reviewtest.Call(t, base, http.MethodDelete, path, admin, ""); st != http.StatusNotFound {
		t.Errorf("second removal: %d, want 404", st)
	}
	var audited int64
	db.Table("audit_events").Where("subject_type = 'webhook_endpoint' AND subject_id = ?", ep.ID).Count(&audited)
	if audited != 2 {
		t.Errorf("%d audit events for the endpoint, want 2 (added, removed)", audited)
	}
}

func jsonNumber(n int64) string { b, _ := json.Marshal(n); return string(b) }

// TestAPIBadRegistrations: every refusal is a 400 whose message names the
// field, and nothing is stored.
func TestAPIBadRegistrations(t *testing.T) {
	db := dbtest.New(t)
	base, _ := servertest.Serve(t, db, review.NewChecker(nil))
	admin := reviewtest.User(t, db, "admin@example.org", account.RoleAdmin)
	for _, tt := range []struct {
		name, body, field string
	}{
		{"no URL", `{"events": ["version.published"], "secret": "` + goodSecret + `"}`, "url"},
		{"ftp URL", `{"url": "ftp://example.org/x", "events": ["version.published"], "secret": "` + goodSecret + `"}`, "url"},
		{"no host", `{"url": "https:///x", "events": ["version.published"], "secret": "` + goodSecret + `"}`, "url"},
		{"password in URL", `{"url": "https://u:p@example.org/", "events": ["version.published"], "secret": "` + goodSecret + `"}`, "url"},
		{"loopback", `{"url": "http://127.0.0.1:9/", "events": ["version.published"], "secret": "` + goodSecret + `"}`, "url"},
		{"private", `{"url": "http://10.1.2.3/", "events": ["version.published"], "secret": "` + goodSecret + `"}`, "url"},
		{"localhost", `{"url": "http://localhost:8080/", "events": ["version.published"], "secret": "` + goodSecret + `"}`, "url"},
		{"metadata", `{"url": "http://169.254.169.254/latest", "events": ["version.published"], "secret": "` + goodSecret + `"}`, "url"},
		{"no events", `{"url": "https://example.org/", "events": [], "secret": "` + goodSecret + `"}`, "events"},
		{"unknown event", `{"url": "https://example.org/", "events": ["version.deleted"], "secret": "` + goodSecret + `"}`, "events"},
		{"no secret", `{"url": "https://example.org/", "events": ["version.published"]}`, "secret"},
		{"short secret", `{"url": "https://example.org/", "events": ["version.published"], "secret": "short"}`, "secret"},
		{"bad whsec", `{"url": "https://example.org/", "events": ["version.published"], "secret": "whsec_not base64!"}`, "secret"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			st, out := reviewtest.Call(t, base, http.MethodPost, "/api/v1/webhooks", admin, tt.body)
			var e struct {
				Error struct{ Code, Message string } `json:"error"`
			}
			_ = json.Unmarshal([]byte(out), &e)
			if st != http.StatusBadRequest || e.Error.Code != "invalid" || !strings.Contains(e.Error.Message, tt.field) {
				t.Errorf("%d %s, want 400 invalid naming %q", st, out, tt.field)
			}
		})
	}
	reviewtest.NoRows(t, db, &webhook.Endpoint{}, "endpoints")
}

// TestAdminPages: the admin registers on the page; a refused form comes
// back with the URL typed, the problem under its field and no secret; the
// delivery log lists deliveries with a "send again" button; other roles
// get 403 and no link.
func TestAdminPages(t *testing.T) {
	db := dbtest.New(t)
	base, _ := servertest.Serve(t, db, review.NewChecker(nil))
	admin := reviewtest.User(t, db, "admin@example.org", account.RoleAdmin)
	editor := reviewtest.User(t, db, "editor@example.org", account.RoleEditor)

	bad := url.Values{"url": {"gopher://example.org/"}, "events": {"version.published"}, "secret": {goodSecret}}
	st, _, body := reviewtest.Form(t, base, "/admin/webhooks", admin, bad)
	if st != http.StatusBadRequest || !strings.Contains(body, `value="gopher://example.org/"`) ||
		!strings.Contains(body, `id="webhook-url-error"`) || strings.Contains(body, goodSecret) {
		t.Errorf("refused form: %d, want 400 with the URL kept, its problem shown and the secret not echoed", st)
	}
	good := url.Values{"url": {"https://hooks.example.org/x"}, "events": {"version.published", "correction.approved"}, "secret": {goodSecret}}
	st, loc, _ := reviewtest.Form(t, base, "/admin/webhooks", admin, good)
	if st != http.StatusSeeOther || loc != "/admin/webhooks?done=added" {
		t.Fatalf("registration form: %d to %q, want 303 to the list", st, loc)
	}
	st, page := reviewtest.Call(t, base, http.MethodGet, "/admin/webhooks?lang=de", admin, "")
	if st != http.StatusOK || !strings.Contains(page, "https://hooks.example.org/x") || strings.Contains(page, goodSecret) ||
		!strings.Contains(page, "Webhook eintragen") || !strings.Contains(page, `href="/admin/webhooks"`) {
		t.Errorf("list page: %d; want the endpoint, in German, with the nav link, and no secret", st)
	}
	if st, _ := reviewtest.Call(t, base, http.MethodGet, "/admin/webhooks", editor, ""); st != http.StatusForbidden {
		t.Errorf("an editor on the page: %d, want 403", st)
	}
	if _, home := reviewtest.Call(t, base, http.MethodGet, "/articles", editor, ""); strings.Contains(home, `href="/admin/webhooks"`) {
		t.Error("an editor's nav links to the webhooks page")
	}

	// A delivery in the log, as Emit leaves it; send again needs a queue,
	// which this server has not, so the button is checked in the log only.
	var ep webhook.Endpoint
	db.First(&ep)
	d := webhook.Delivery{EndpointID: ep.ID, MessageID: "msg_test", Event: webhook.VersionPublished, Body: "{}",
		Status: webhook.StatusFailed, Attempts: 12, LastStatus: 502, LastError: "the receiver answered 502 Bad Gateway"}
	if err := db.Create(&d).Error; err != nil {
		t.Fatal(err)
	}
	st, log := reviewtest.Call(t, base, http.MethodGet, "/admin/webhooks/deliveries?lang=ru", admin, "")
	if st != http.StatusOK || !strings.Contains(log, "the receiver answered 502") || !strings.Contains(log, "Отправить снова") ||
		!strings.Contains(log, `action="/admin/webhooks/deliveries/`+jsonNumber(d.ID)+`/send"`) {
		t.Errorf("log page: %d; want the delivery, its last error and a send-again button, in Russian", st)
	}
}
