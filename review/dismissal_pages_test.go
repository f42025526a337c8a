package review_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"lector/account"
	"lector/review/reviewtest"
)

// TestDismissalPages: propose on the segment page, accept on the review
// page, see who did what and reopen on the segment page, propose again and
// reject through htmx.
func TestDismissalPages(t *testing.T) {
	w, base := servedWorld(t)
	a := w.Article(t, "Pages", 1)
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
