package review_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lector/account"
	"lector/review"
	"lector/review/reviewtest"
)

// TestDismissalPages: propose on the segment page, accept on the review
// page, see who did what and reopen on the segment page, propose again and
// reject through htmx.
func TestDismissalPages(t *testing.T) {
	w, base, a := servedArticle(t, "Pages", 1)
	page := func(path string, p *account.Principal, contains ...string) string {
		t.Helper()
		return reviewtest.Page(t, base, path, p, http.StatusOK, contains...)
	}
	propose := func(reason string) string {
		t.Helper()
		status, loc, _ := reviewtest.Form(t, base, "/queue/next", w.Tr1, url.Values{"article": {fmt.Sprint(a.ID)}})
		if status != 303 {
			t.Fatalf("next: %d", status)
		}
		flag := between(page(loc, w.Tr1), `action="/flags/`, `/dismiss"`)
		status, loc, _ = reviewtest.Form(t, base, "/flags/"+flag+"/dismiss", w.Tr1, url.Values{"reason": {reason}})
		if status != 303 || !strings.Contains(loc, "proposed=1") {
			t.Fatalf("dismiss: %d %s", status, loc)
		}
		page(loc, w.Tr1, "Your “not a mistake” waits for an editor", "Not a mistake? — waiting for an editor:", reason,
			`action="/queue/next"`, "said a flag is not a mistake", "Corrected")
		return flag
	}
	flag := propose("a quotation of the parody")
	body := page("/review", w.Ed1, "“Not a mistake” to review", "<mark class=\"flag\">Ilon Musk</mark>", "a quotation of the parody",
		"proposed by tr1@example.org")
	id := between(body, `action="/dismissals/`, `/accept"`)
	status, loc, _ := reviewtest.Form(t, base, "/dismissals/"+id+"/accept", w.Ed1, nil)
	if status != 303 || loc != "/review?dismissal=accepted" {
		t.Fatalf("accept: %d %s", status, loc)
	}
	page(loc, w.Ed1, "Accepted: the flag is dismissed.", "No “not a mistake” waits for review.")
	segPath := between(body, `<a href="/segments/`, `#flag-`)
	page("/segments/"+segPath, w.Ed2, "proposed by tr1@example.org, accepted by ed1@example.org", `action="/flags/`+flag+`/reopen"`,
		"accepted a “not a mistake”", "Clean")
	page("/segments/"+segPath+"?lang=de", w.Ed2, "Wieder öffnen", "angenommen von ed1@example.org")
	if body := page("/segments/"+segPath, w.Tr1); strings.Contains(body, "/reopen") {
		t.Error("a translator is offered to reopen")
	}
	status, loc, _ = reviewtest.Form(t, base, "/flags/"+flag+"/reopen", w.Ed2, nil)
	if status != 303 || !strings.HasPrefix(loc, "/segments/"+segPath) {
		t.Fatalf("reopen: %d %s", status, loc)
	}
	page(loc, w.Ed2, "reopened a dismissed flag", "Flagged")

	propose("the parody again")
	id = between(page("/review", w.Ed2), `id="dismissal-`, `"`)
	req, err := http.NewRequest(http.MethodPost, base+"/dismissals/"+id+"/reject",
		strings.NewReader(url.Values{"reason": {"wrong_name"}, "comment": {"It is the real one."}}.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("HX-Request", "true")
	req.Header.Set("Authorization", "Bearer "+reviewtest.Bearer(w.Ed2))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	fragment, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(fragment), "dismissal-rejected-note") {
		t.Fatalf("htmx reject: %d %s", res.StatusCode, fragment)
	}
	page("/segments/"+segPath, w.Tr1, `id="dismissal-rejection"`, "Wrong name", "It is the real one.",
		"“Not a mistake” rejected by ed2@example.org:", "Rejected")
	// Every catalog renders the new parts.
	for lang, want := range map[string]string{"de": "„Kein Fehler“ abgelehnt von", "ru": "«Это не ошибка» отклонил(а)", "uk": "«Це не помилка» відхилив(-ла)"} {
		page("/segments/"+segPath+"?lang="+lang, w.Tr1, want)
	}
	propose("and once more")
	for lang, want := range map[string]string{"de": "Annehmen: kein Fehler", "ru": "Принять: не ошибка", "uk": "Прийняти: не помилка"} {
		page("/review?lang="+lang, w.Ed1, want)
	}
}

// TestDismissalAPI: propose (201, then 200 for the same), list, decide and
// reopen over HTTP, with the status codes of each refusal.
func TestDismissalAPI(t *testing.T) {
	w, base, a := servedArticle(t, "API", 1)
	status, body := reviewtest.Call(t, base, "POST", "/api/v1/queue/claim", w.Tr1, fmt.Sprintf(`{"article":%d}`, a.ID))
	var seg review.Segment
	if err := json.Unmarshal([]byte(body), &seg); status != 200 || err != nil || len(seg.Flags) == 0 {
		t.Fatalf("claim: %d %s", status, body)
	}
	dismiss := fmt.Sprintf("/api/v1/flags/%d/dismiss", seg.Flags[0].ID)
	var first, again review.Dismissal
	status, body = reviewtest.Call(t, base, "POST", dismiss, w.Tr1, `{"reason":"a quotation"}`)
	if err := json.Unmarshal([]byte(body), &first); status != 201 || err != nil || first.Status != "pending" || first.SegmentID != seg.ID {
		t.Fatalf("dismiss: %d %s", status, body)
	}
	status, body = reviewtest.Call(t, base, "POST", dismiss, w.Tr1, `{"reason":"a quotation"}`)
	if err := json.Unmarshal([]byte(body), &again); status != 200 || err != nil || again.ID != first.ID {
		t.Errorf("dismiss again: %d %s", status, body)
	}
	var detail review.SegmentDetail
	_, body = reviewtest.Call(t, base, "GET", fmt.Sprintf("/api/v1/segments/%d", seg.ID), w.Tr1, "")
	if err := json.Unmarshal([]byte(body), &detail); err != nil || detail.Segment.State != "corrected" ||
		len(detail.Dismissals) != 1 || detail.Dismissals[0].ProposerEmail != "tr1@example.org" {
		t.Errorf("segment: %s", body)
	}
	var list struct{ Dismissals []review.PendingDismissal }
	status, body = reviewtest.Call(t, base, "GET", "/api/v1/dismissals", w.Ed1, "")
	if err := json.Unmarshal([]byte(body), &list); status != 200 || err != nil || len(list.Dismissals) != 1 ||
		list.Dismissals[0].FlagText != "Ilon Musk" || list.Dismissals[0].ProposerEmail != "tr1@example.org" {
		t.Errorf("list: %d %s", status, body)
	}
	accept := fmt.Sprintf("/api/v1/dismissals/%d/accept", first.ID)
	reject := fmt.Sprintf("/api/v1/dismissals/%d/reject", first.ID)
	reopen := fmt.Sprintf("/api/v1/flags/%d/reopen", seg.Flags[0].ID)
	for _, tc := range []struct {
		name, method, path, body string
		want                     int
	}{
		{"bad status", "GET", "/api/v1/dismissals?status=maybe", "", 400},
		{"accept with a reason", "POST", accept, `{"reason":"style"}`, 400},
		{"reject with an unknown reason", "POST", reject, `{"reason":"maybe"}`, 400},
		{"accept an unknown one", "POST", "/api/v1/dismissals/999999/accept", "", 404},
		{"reopen an open flag", "POST", reopen, "", 409},
		{"accept", "POST", accept, `{"comment":"a quotation indeed"}`, 200},
		{"accept twice", "POST", accept, "", 409},
		{"reject an accepted one", "POST", reject, "", 409},
		{"dismiss a dismissed flag", "POST", dismiss, `{"reason":"again"}`, 409},
		{"reopen", "POST", reopen, "", 200},
		{"reopen twice", "POST", reopen, "", 409},
	} {
		if status, body := reviewtest.Call(t, base, tc.method, tc.path, w.Ed1, tc.body); status != tc.want {
			t.Errorf("%s: %d %s, want %d", tc.name, status, body, tc.want)
		}
	}
	status, body = reviewtest.Call(t, base, "GET", "/api/v1/dismissals?status=accepted", w.Ed2, "")
	if err := json.Unmarshal([]byte(body), &list); status != 200 || err != nil || len(list.Dismissals) != 1 || list.Dismissals[0].ReviewerEmail != "ed1@example.org" {
		t.Errorf("accepted list: %d %s", status, body)
	}
}
