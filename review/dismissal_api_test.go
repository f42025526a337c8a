package review_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"lector/review"
	"lector/review/reviewtest"
)

// TestDismissalAPI: propose (201, then 200 for the same), list, decide and
// reopen over HTTP, with the status codes of each refusal.
func TestDismissalAPI(t *testing.T) {
	w, base := servedWorld(t)
	a := w.Article(t, "API", 1)
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
