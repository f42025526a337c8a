package server_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"lector/account"
	"lector/review/reviewtest"
)

// proposalView is the part of a proposal the tests read.
type proposalView struct {
	ID            int64  `json:"id"`
	Kind          string `json:"kind"`
	EntryKey      string `json:"entry_key"`
	Lang          string `json:"lang"`
	Form          string `json:"form"`
	Status        string `json:"status"`
	EvidenceCount int    `json:"evidence_count"`
	Comment       string `json:"comment"`
	Evidence      []struct {
		Segment    *int64 `json:"segment"`
		Correction *int64 `json:"correction"`
		Flag       *int64 `json:"flag"`
		Text       string `json:"text"`
		Start      int    `json:"start"`
		End        int    `json:"end"`
		Reason     string `json:"reason"`
	} `json:"evidence"`
}

// proposalWorld adds a second translator and editor, so that the tests can
// correct and approve as different people.
type proposalWorld struct {
	glossaryWorld
	tr *account.Principal
}

func newProposalWorld(t *testing.T) proposalWorld {
	w := newGlossaryWorld(t)
	return proposalWorld{w, reviewtest.User(t, w.db, "ptr@example.org", account.RoleTranslator)}
}

func (w proposalWorld) mustDo(t *testing.T, want int, method, path string, p *account.Principal, body string, out any) {
	t.Helper()
	status, got, _ := w.do(t, method, path, p, "", body)
	if status != want {
		t.Fatalf("%s %s: %d %s, want %d", method, path, status, got, want)
	}
	if out != nil {
		if err := json.Unmarshal([]byte(got), out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, path, err, got)
		}
	}
}

// article creates a one-segment article and has the translator claim it.
func (w proposalWorld) claim(t *testing.T, text string) (seg struct {
	ID       int64 `json:"id"`
	Revision int   `json:"revision"`
	Flags    []struct {
		ID    int64  `json:"id"`
		Check string `json:"check"`
		Text  string `json:"text"`
	} `json:"flags"`
}) {
	t.Helper()
	var a struct {
		Article struct{ ID int64 } `json:"article"`
	}
	w.mustDo(t, http.StatusCreated, http.MethodPost, "/api/v1/articles", w.editor,
		fmt.Sprintf(`{"title":"P","lang":"en","text":%q}`, text), &a)
	w.mustDo(t, http.StatusOK, http.MethodPost, "/api/v1/queue/claim", w.tr, fmt.Sprintf(`{"article":%d}`, a.Article.ID), &seg)
	return seg
}

// correct claims a new article's segment, corrects it to after and has
// the editor approve it.
func (w proposalWorld) correct(t *testing.T, before, after string) {
	t.Helper()
	seg := w.claim(t, before)
	var c struct{ ID int64 }
	w.mustDo(t, http.StatusCreated, http.MethodPost, fmt.Sprintf("/api/v1/segments/%d/corrections", seg.ID), w.tr,
		fmt.Sprintf(`{"text":%q,"revision":%d}`, after, seg.Revision), &c)
	w.mustDo(t, http.StatusOK, http.MethodPost, fmt.Sprintf("/api/v1/corrections/%d/approve", c.ID), w.editor, "", nil)
}

func (w proposalWorld) open(t *testing.T) []proposalView {
	t.Helper()
	var list struct{ Proposals []proposalView }
	w.mustDo(t, http.StatusOK, http.MethodGet, "/api/v1/glossary/proposals?status=open", w.maint, "", &list)
	return list.Proposals
}

// flagChecks creates an article and returns its flags' "check:text".
func (w proposalWorld) flagChecks(t *testing.T, text string) string {
	t.Helper()
	var a struct {
		Article struct{ ID int64 } `json:"article"`
	}
	w.mustDo(t, http.StatusCreated, http.MethodPost, "/api/v1/articles", w.editor, fmt.Sprintf(`{"title":"C","lang":"en","text":%q}`, text), &a)
	var segs struct {
		Segments []struct {
			Flags []struct{ Check, Text string } `json:"flags"`
		} `json:"segments"`
	}
	w.mustDo(t, http.StatusOK, http.MethodGet, fmt.Sprintf("/api/v1/articles/%d/segments", a.Article.ID), w.editor, "", &segs)
	var out []string
	for _, s := range segs.Segments {
		for _, f := range s.Flags {
			out = append(out, f.Check+":"+f.Text)
		}
	}
	return strings.Join(out, " ")
}

// TestLearnedFormAccepted: two approved corrections of the same unknown
// form make one proposal with two pieces of evidence; accepting it adds the
// deprecated term, and the live checker then flags the form as a known
// wrong form.
func TestLearnedFormAccepted(t *testing.T) {
	w := newProposalWorld(t)
	w.correct(t, "Ilon Musk read the book by Walter Isaakson.", "Elon Musk read the book by Walter Isaacson.")
	w.correct(t, "Ilon Musk praised Isaakson's biography.", "Elon Musk praised Isaacson's biography.")
	ps := w.open(t)
	if len(ps) != 1 {
		t.Fatalf("open proposals %+v, want one", ps)
	}
	p := ps[0]
	if p.Kind != "add_deprecated" || p.EntryKey != "isaacson" || p.Lang != "en" || p.Form != "Isaakson" || p.EvidenceCount != 2 || len(p.Evidence) != 2 {
		t.Fatalf("proposal %+v, want Isaakson as a deprecated form of isaacson with two pieces of evidence", p)
	}
	for _, e := range p.Evidence {
		if e.Segment == nil || e.Correction == nil || e.Text[e.Start:e.End] != "Isaakson" {
			t.Errorf("evidence %+v does not point at the form in its segment", e)
		}
	}
	if got := w.flagChecks(t, "Isaakson wrote it."); strings.Contains(got, "glossary-variant:Isaakson") {
		t.Fatalf("flags before accepting: %s", got)
	}
	path := fmt.Sprintf("/api/v1/glossary/proposals/%d/accept", p.ID)
	w.mustDo(t, http.StatusForbidden, http.MethodPost, path, w.translator, "", nil)
	w.mustDo(t, http.StatusUnauthorized, http.MethodPost, path, nil, "", nil)
	if status, _, _ := w.do(t, http.MethodPost, path, w.maint, "text/plain", "ok"); status != http.StatusUnsupportedMediaType {
		t.Errorf("accept with a text body: %d, want 415", status)
	}
	var decided proposalView
	w.mustDo(t, http.StatusOK, http.MethodPost, path, w.maint, `{"comment":"seen in the Musk biography"}`, &decided)
	if decided.Status != "accepted" || decided.Comment != "seen in the Musk biography" {
		t.Errorf("accepted proposal %+v", decided)
	}
	w.mustDo(t, http.StatusConflict, http.MethodPost, path, w.maint, "", nil)
	w.mustDo(t, http.StatusNotFound, http.MethodPost, "/api/v1/glossary/proposals/999999/accept", w.maint, "", nil)
	w.mustDo(t, http.StatusNotFound, http.MethodPost, "/api/v1/glossary/proposals/x/reject", w.maint, "", nil)
	var entry struct {
		Terms []struct{ Lang, Form, Status string } `json:"terms"`
	}
	w.mustDo(t, http.StatusOK, http.MethodGet, "/api/v1/glossary/entries/"+w.entryID(t, "isaacson"), w.maint, "", &entry)
	found := false
	for _, term := range entry.Terms {
		found = found || term.Lang == "en" && term.Form == "Isaakson" && term.Status == "deprecated"
	}
	if !found {
		t.Fatalf("the entry's terms after accepting: %+v", entry.Terms)
	}
	if got := w.flagChecks(t, "Isaakson wrote it."); !strings.Contains(got, "glossary-variant:Isaakson") {
		t.Errorf("flags after accepting: %q, want the known wrong form flagged", got)
	}
	// Now known, the form teaches nothing more.
	w.correct(t, "Ilon Musk met Isaakson.", "Elon Musk met Isaacson.")
	if ps := w.open(t); len(ps) != 0 {
		t.Errorf("open proposals after the form became known: %+v", ps)
	}
	var list struct{ Proposals []proposalView }
	w.mustDo(t, http.StatusOK, http.MethodGet, "/api/v1/glossary/proposals?status=accepted", w.admin, "", &list)
	if len(list.Proposals) != 1 || list.Proposals[0].ID != p.ID {
		t.Errorf("accepted proposals %+v", list.Proposals)
	}
}

// TestDismissedFlagsProposeDowngrade: dismissing flags of a deprecated form
// proposes making it a false friend, once an editor accepted each
// dismissal (a translator's proposal alone teaches nothing); a rejected
// proposal is not made again.
func TestDismissedFlagsProposeDowngrade(t *testing.T) {
	w := newProposalWorld(t)
	dismiss := func(reason string) {
		seg := w.claim(t, "Ilon Musk is how the 2015 parody spelled it.")
		for _, f := range seg.Flags {
			if f.Text == "Ilon Musk" {
				var d struct {
					ID int64 `json:"id"`
				}
				w.mustDo(t, http.StatusCreated, http.MethodPost, fmt.Sprintf("/api/v1/flags/%d/dismiss", f.ID), w.tr,
					fmt.Sprintf(`{"reason":%q}`, reason), &d)
				var learned int64
				w.db.Raw(`SELECT count(*) FROM glossary_proposal_evidence WHERE flag_id = ?`, f.ID).Scan(&learned)
				if learned != 0 {
					t.Fatalf("a pending dismissal was learned from")
				}
				w.mustDo(t, http.StatusOK, http.MethodPost, fmt.Sprintf("/api/v1/dismissals/%d/accept", d.ID), w.editor, "", nil)
				return
			}
		}
		t.Fatalf("no flag of Ilon Musk in %+v", seg.Flags)
	}
	dismiss("a quote of the parody")
	dismiss("the parody again")
	ps := w.open(t)
	if len(ps) != 1 || ps[0].Kind != "downgrade" || ps[0].Form != "Ilon Musk" || ps[0].EntryKey != "musk" || ps[0].EvidenceCount != 2 {
		t.Fatalf("open proposals %+v, want one downgrade of Ilon Musk with two pieces of evidence", ps)
	}
	if ev := ps[0].Evidence[1]; ev.Flag == nil || ev.Reason != "the parody again" || ev.Text[ev.Start:ev.End] != "Ilon Musk" {
		t.Errorf("evidence %+v", ev)
	}
	w.mustDo(t, http.StatusBadRequest, http.MethodGet, "/api/v1/glossary/proposals?status=maybe", w.maint, "", nil)
	w.mustDo(t, http.StatusForbidden, http.MethodGet, "/api/v1/glossary/proposals", w.editor, "", nil)
	w.mustDo(t, http.StatusForbidden, http.MethodPost, fmt.Sprintf("/api/v1/glossary/proposals/%d/reject", ps[0].ID), w.translator, "", nil)
	var decided proposalView
	w.mustDo(t, http.StatusOK, http.MethodPost, fmt.Sprintf("/api/v1/glossary/proposals/%d/reject", ps[0].ID), w.maint, "", &decided)
	if decided.Status != "rejected" {
		t.Errorf("rejected proposal %+v", decided)
	}
	dismiss("and again")
	if ps := w.open(t); len(ps) != 0 {
		t.Errorf("open proposals after a rejection: %+v", ps)
	}
	if got := w.flagChecks(t, "Ilon Musk spoke."); !strings.Contains(got, "glossary-variant:Ilon Musk") {
		t.Errorf("a rejected proposal changed the glossary: flags %q", got)
	}
}
