package review_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"lector/apperr"
	"lector/review"
	"lector/review/reviewtest"
)

// twoNamesText has the segment: two wrong names in one sentence,
// then the figure cut by a paragraph break ("$ 1." / "8 billion").
const twoNamesText = "The Ministry put him in one company with Kim Jong -in in North Korea, President of Syria Bashara Assad and Alexander Lukashenko in Belarus.\n\n" +
	"SpaceX won a secret contract for the amount of $ 1.\n\n" +
	"8 billion in 2021 and is the main launcher for NASA.\n"

// approvalResponse is the 200 of POST /api/v1/corrections/{id}/approve.
type approvalResponse struct {
	ID            int64         `json:"id"`
	Status        string        `json:"status"`
	Text          string        `json:"text"`
	Resolved      []review.Flag `json:"resolved"`
	Open          []review.Flag `json:"open"`
	New           []review.Flag `json:"new"`
	State         string        `json:"state"`
	OverOpenFlags bool          `json:"over_open_flags"`
}

// approvalWorld is a world with the two-names article served over HTTP.
type approvalWorld struct {
	*world
	base string
	art  *review.Article
}

func newApprovalWorld(t *testing.T) *approvalWorld {
	t.Helper()
	w, base := servedWorld(t)
	a, err := review.CreateArticle(context.Background(), w.DB, w.Checker, review.NewArticle{Title: "Names", Lang: "en", Text: twoNamesText})
	if err != nil {
		t.Fatal(err)
	}
	return &approvalWorld{world: w, base: base, art: a}
}

// segmentWith returns the article's segment whose MT text holds s, with
// its flags.
func (aw *approvalWorld) segmentWith(t *testing.T, s string) review.Segment {
	t.Helper()
	for _, seg := range aw.segments(t, aw.art.ID) {
		if strings.Contains(seg.MTText, s) {
			return seg
		}
	}
	t.Fatalf("no segment holds %q", s)
	return review.Segment{}
}

// fixKimOnly has ed1 correct "Kim Jong -in" but not "Bashara Assad" in
// the segment that names both; it returns the segment, the two flags and
// the correction.
func (aw *approvalWorld) fixKimOnly(t *testing.T) (seg review.Segment, kim, assad review.Flag, c *review.Correction) {
	t.Helper()
	seg = aw.segmentWith(t, "Bashara Assad")
	kim, assad = flagOf(t, seg, "Kim Jong -in"), flagOf(t, seg, "Bashara Assad")
	c = aw.submit(t, seg, func(s string) string { return strings.Replace(s, "Kim Jong -in", kim.Suggestion, 1) })
	return seg, kim, assad, c
}

// submit has ed1 correct segment seg (editors may correct a flagged
// segment without claiming it) with edit applied to its current text.
func (aw *approvalWorld) submit(t *testing.T, seg review.Segment, edit func(string) string) *review.Correction {
	t.Helper()
	var cur review.Segment
	if err := aw.DB.Take(&cur, seg.ID).Error; err != nil {
		t.Fatal(err)
	}
	return reviewtest.Must[*review.Correction](t)(review.Submit(context.Background(), aw.DB, aw.Ed1, review.Submission{SegmentID: cur.ID, Text: edit(cur.CurrentText), Revision: cur.Revision}, nil))
}

// approve calls the API as ed2 with body and decodes the 200.
func (aw *approvalWorld) approve(t *testing.T, id int64, body string) approvalResponse {
	t.Helper()
	status, resp := reviewtest.Call(t, aw.base, "POST", fmt.Sprintf("/api/v1/corrections/%d/approve", id), aw.Ed2, body)
	if status != 200 {
		t.Fatalf("approve: %d %s", status, resp)
	}
	var out approvalResponse
	if err := json.Unmarshal([]byte(resp), &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// flag loads one flag.
func (aw *approvalWorld) flag(t *testing.T, id int64) review.Flag {
	t.Helper()
	var f review.Flag
	if err := aw.DB.Take(&f, id).Error; err != nil {
		t.Fatal(err)
	}
	return f
}

// flagOf returns seg's flag whose text is text.
func flagOf(t *testing.T, seg review.Segment, text string) review.Flag {
	t.Helper()
	for _, f := range seg.Flags {
		if f.Text == text {
			return f
		}
	}
	t.Fatalf("no flag of %q in segment %d: %s", text, seg.ID, checks(seg))
	return review.Flag{}
}

// idsOf lists the ids of flags but the ones in except, in order, as
// fmt prints a slice.
func idsOf(flags []review.Flag, except ...int64) string {
	var ids []int64
	for _, f := range flags {
		if !slices.Contains(except, f.ID) {
			ids = append(ids, f.ID)
		}
	}
	return fmt.Sprint(ids)
}

// approvalDetail is the detail of the segment's last approve event.
func (aw *approvalWorld) approvalDetail(t *testing.T, segID int64) (detail struct {
	Resolved []int64 `json:"resolved"`
	Open     []int64 `json:"open"`
	Over     bool    `json:"over_open_flags"`
}, to string) {
	t.Helper()
	events := reviewtest.Must[[]review.HistoryEvent](t)(review.SegmentHistory(context.Background(), aw.DB, aw.Ed1, segID))
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Action == review.ActApprove {
			if err := json.Unmarshal(events[i].Detail, &detail); err != nil {
				t.Fatal(err)
			}
			return detail, events[i].ToState
		}
	}
	t.Fatalf("segment %d has no approve event", segID)
	return
}

// TestApprovalResolvesOnlyWhatItFixed is the scenario: a
// correction that fixes "Kim Jong -in" but not "Bashara Assad" resolves
// the one, leaves the other open (with offsets into the approved text)
// and sends the segment back to the queue; the published version holds
// "Bashara Assad", and its flag is open, never resolved.
func TestApprovalResolvesOnlyWhatItFixed(t *testing.T) {
	aw := newApprovalWorld(t)
	ctx := context.Background()
	seg, kim, assad, c := aw.fixKimOnly(t)

	got := aw.approve(t, c.ID, "")
	if got.ID != c.ID || got.Status != review.CorrectionApproved || got.State != review.StateFlagged || got.OverOpenFlags {
		t.Errorf("approval %+v, want correction %d approved, segment flagged", got, c.ID)
	}
	// The fix also removed the space before the hyphen of "Jong -in".
	if ids, want := idsOf(got.Resolved), idsOf(seg.Flags, assad.ID); ids != want {
		t.Errorf("resolved %s, want every flag but Bashara Assad's: %s", ids, want)
	}
	if len(got.Open) != 1 || got.Open[0].ID != assad.ID || len(got.New) != 0 {
		t.Fatalf("open %+v new %+v, want the Bashara Assad flag %d", got.Open, got.New, assad.ID)
	}
	f := aw.flag(t, assad.ID)
	if f.Status != review.FlagOpen || f.OffsetsIn != review.OffsetsApproved || c.Text[f.StartOffset:f.EndOffset] != "Bashara Assad" {
		t.Errorf("Bashara Assad flag after approval: %+v (text %q)", f, c.Text)
	}
	if k := aw.flag(t, kim.ID); k.Status != review.FlagResolved || k.ResolvedBy == nil || *k.ResolvedBy != aw.Ed2.UserID {
		t.Errorf("Kim Jong -in flag after approval: %+v, want resolved by the approver", k)
	}
	detail, to := aw.approvalDetail(t, seg.ID)
	if to != review.StateFlagged || detail.Over || fmt.Sprint(detail.Resolved) != idsOf(seg.Flags, assad.ID) ||
		len(detail.Open) != 1 || detail.Open[0] != assad.ID {
		t.Errorf("approve event to %s detail %+v", to, detail)
	}

	// Back in the queue: a translator gets it again.
	claimed := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, aw.DB, aw.Tr1, review.QueueFilter{ArticleID: aw.art.ID}))
	if claimed == nil || claimed.ID != seg.ID || claimed.CurrentText != c.Text {
		t.Errorf("claim gave %+v, want segment %d with the approved text", claimed, seg.ID)
	}
	reviewtest.Must[*review.Segment](t)(review.Release(ctx, aw.DB, aw.Tr1, seg.ID))

	v := reviewtest.Must[*review.Version](t)(review.Publish(ctx, aw.DB, aw.Ed1, aw.art.ID, review.PublishOptions{}))
	if !strings.Contains(v.Text, "Bashara Assad") || strings.Contains(v.Text, "Kim Jong -in") {
		t.Errorf("published %q, want the approved text (Kim fixed, Bashara Assad still there)", v.Text)
	}
	if f := aw.flag(t, assad.ID); f.Status != review.FlagOpen {
		t.Errorf("published with Bashara Assad while its flag is %s", f.Status)
	}
}

// TestApprovalFlagsNewWrongForm: a correction that brings in a wrong form
// the text did not hold gets a new open flag on the approved text.
func TestApprovalFlagsNewWrongForm(t *testing.T) {
	aw := newApprovalWorld(t)
	seg := aw.segmentWith(t, "Bashara Assad")
	kim, assad := flagOf(t, seg, "Kim Jong -in"), flagOf(t, seg, "Bashara Assad")
	c := aw.submit(t, seg, func(s string) string {
		s = strings.Replace(s, "Kim Jong -in", kim.Suggestion, 1)
		return strings.Replace(s, "Bashara Assad", "Ilon Musk", 1)
	})
	got := aw.approve(t, c.ID, "")
	if got.State != review.StateFlagged || len(got.New) != 1 || got.New[0].Text != "Ilon Musk" || got.New[0].ID == 0 {
		t.Fatalf("approval %+v, want a new Ilon Musk flag and the segment flagged", got)
	}
	if ids, want := idsOf(got.Resolved), idsOf(seg.Flags); ids != want {
		t.Errorf("resolved %s, want every flag of the names the correction removed: %s", ids, want)
	}
	n := aw.flag(t, got.New[0].ID)
	if n.Status != review.FlagOpen || n.SegmentID != seg.ID || n.OffsetsIn != review.OffsetsApproved || c.Text[n.StartOffset:n.EndOffset] != "Ilon Musk" {
		t.Errorf("new flag %+v in %q", n, c.Text)
	}
	if f := aw.flag(t, assad.ID); f.Status != review.FlagResolved {
		t.Errorf("Bashara Assad flag is %s after the correction removed the name", f.Status)
	}
}

// TestApprovalKeepsBrokenParagraphOpen: only a join or a split resolves a
// broken paragraph; an approval leaves its flag open, where the join
// offer looks for it, and the segment goes back to the queue.
func TestApprovalKeepsBrokenParagraphOpen(t *testing.T) {
	aw := newApprovalWorld(t)
	seg := aw.segmentWith(t, "$ 1.")
	brk := flagOf(t, seg, seg.Flags[len(seg.Flags)-1].Text)
	if brk.Check != "broken-paragraph" {
		t.Fatalf("segment %q flags %s, want a broken-paragraph flag", seg.MTText, checks(seg))
	}
	c := aw.submit(t, seg, func(s string) string { return strings.Replace(s, "secret contract", "classified contract", 1) })
	got := aw.approve(t, c.ID, "")
	if got.State != review.StateFlagged || len(got.Resolved) != 0 {
		t.Errorf("approval %+v, want nothing resolved and the segment flagged", got)
	}
	f := aw.flag(t, brk.ID)
	if f.Status != review.FlagOpen || f.StartOffset != len(seg.MTText) || f.OffsetsIn != review.OffsetsMT {
		t.Errorf("broken-paragraph flag after approval %+v, want open at the break", f)
	}
	// Approving over it keeps it open, too.
	c = aw.submit(t, seg, func(s string) string { return strings.Replace(s, "classified", "secret", 1) })
	if got := aw.approve(t, c.ID, `{"over_open_flags":true}`); got.State != review.StateApproved || len(got.Resolved) != 0 {
		t.Errorf("approval over the break %+v", got)
	}
	if f := aw.flag(t, brk.ID); f.Status != review.FlagOpen {
		t.Errorf("broken-paragraph flag is %s after an approval over it", f.Status)
	}
}

// TestApproveOverOpenFlags: an editor who approves over the flags left
// open gets the segment approved with them still open, and the audit
// event says so; the history shows the decision.
func TestApproveOverOpenFlags(t *testing.T) {
	aw := newApprovalWorld(t)
	seg, _, assad, c := aw.fixKimOnly(t)
	got := aw.approve(t, c.ID, `{"over_open_flags": true}`)
	if got.State != review.StateApproved || !got.OverOpenFlags || len(got.Open) != 1 || got.Open[0].ID != assad.ID {
		t.Fatalf("approval %+v, want approved over the Bashara Assad flag", got)
	}
	if f := aw.flag(t, assad.ID); f.Status != review.FlagOpen {
		t.Errorf("Bashara Assad flag is %s after an approval over it", f.Status)
	}
	var state string
	aw.DB.Raw("SELECT state FROM segments WHERE id = ?", seg.ID).Scan(&state)
	if state != review.StateApproved {
		t.Errorf("segment %s, want approved", state)
	}
	detail, to := aw.approvalDetail(t, seg.ID)
	if !detail.Over || to != review.StateApproved || len(detail.Open) != 1 {
		t.Errorf("approve event to %s detail %+v, want over_open_flags", to, detail)
	}
	events := reviewtest.Must[[]review.HistoryEvent](t)(review.SegmentHistory(context.Background(), aw.DB, aw.Ed1, seg.ID))
	note := events[len(events)-1].ApprovalNote()
	if note == nil || !note.Over || note.Open != 1 || note.Resolved != len(seg.Flags)-1 {
		t.Errorf("history note %+v", note)
	}
}

// TestApproveManyNeverApprovesOver: a batch approves what it fixed and
// sends a segment with flags left open back to the queue, and says so.
func TestApproveManyNeverApprovesOver(t *testing.T) {
	aw := newApprovalWorld(t)
	names := aw.segmentWith(t, "Bashara Assad")
	kim := flagOf(t, names, "Kim Jong -in")
	partial := aw.submit(t, names, func(s string) string { return strings.Replace(s, "Kim Jong -in", kim.Suggestion, 1) })
	other := reviewtest.Must[*review.Article](t)(review.CreateArticle(context.Background(), aw.DB, aw.Checker,
		review.NewArticle{Title: "One name", Lang: "en", Text: "Ilon Musk did not answer.\n"}))
	musk := aw.segments(t, other.ID)[0]
	full := aw.submit(t, musk, func(s string) string { return strings.Replace(s, "Ilon Musk", "Elon Musk", 1) })

	status, body := reviewtest.Call(t, aw.base, "POST", "/api/v1/corrections/approve", aw.Ed2, fmt.Sprintf(`{"ids":[%d,%d]}`, partial.ID, full.ID))
	var got struct {
		Approved    []approvalResponse `json:"approved"`
		BackToQueue []int64            `json:"back_to_queue"`
	}
	if err := json.Unmarshal([]byte(body), &got); status != 200 || err != nil {
		t.Fatalf("approve many: %d %s", status, body)
	}
	if len(got.Approved) != 2 || len(got.BackToQueue) != 1 || got.BackToQueue[0] != partial.ID {
		t.Fatalf("approve many %+v, want both approved and %d back in the queue", got, partial.ID)
	}
	states := map[int64]string{}
	for _, a := range got.Approved {
		states[a.ID] = a.State
		if a.OverOpenFlags {
			t.Errorf("a batch approved %d over open flags", a.ID)
		}
	}
	if states[partial.ID] != review.StateFlagged || states[full.ID] != review.StateApproved {
		t.Errorf("states %v", states)
	}
	if f := aw.flag(t, flagOf(t, names, "Bashara Assad").ID); f.Status != review.FlagOpen {
		t.Errorf("Bashara Assad flag is %s after a batch approval", f.Status)
	}
}

// TestPendingCorrectionsPreviewOutcome: the review list shows, per
// correction, what approving it would resolve and leave, without writing.
func TestPendingCorrectionsPreviewOutcome(t *testing.T) {
	aw := newApprovalWorld(t)
	seg, kim, assad, c := aw.fixKimOnly(t)
	list := reviewtest.Must[[]review.PendingCorrection](t)(review.PendingCorrections(context.Background(), aw.DB, aw.Checker, aw.Ed2, 0))
	if len(list) != 1 || list[0].ID != c.ID || list[0].Outcome == nil {
		t.Fatalf("pending %+v", list)
	}
	o := list[0].Outcome
	if idsOf(o.Resolved) != idsOf(seg.Flags, assad.ID) || len(o.Open) != 1 || o.Open[0].ID != assad.ID {
		t.Errorf("preview %+v", o)
	}
	if f := aw.flag(t, kim.ID); f.Status != review.FlagOpen || f.OffsetsIn != review.OffsetsMT {
		t.Errorf("the preview wrote: Kim Jong -in flag %+v", f)
	}
	_, _, err := review.PreviewApproval(context.Background(), aw.DB, aw.Checker, aw.Ed1, c.ID)
	reviewtest.WantCode(t, err, apperr.Forbidden) // ed1 wrote it
}

// TestApprovePageAsksFirst: without JavaScript, Approve on a correction
// that leaves flags open answers with the question (nothing approved
// yet); the editor's answer approves; a correction that leaves nothing
// open is approved at once.
func TestApprovePageAsksFirst(t *testing.T) {
	aw := newApprovalWorld(t)
	seg, _, assad, c := aw.fixKimOnly(t)
	path := fmt.Sprintf("/corrections/%d/approve", c.ID)

	status, body := reviewtest.Call(t, aw.base, "GET", "/review", aw.Ed2, "")
	if status != 200 || !strings.Contains(body, `class="leaves"`) || !strings.Contains(body, "Approve…") {
		t.Errorf("review page %d lacks the outcome of the pending correction: %.2000s", status, body)
	}
	status, _, body = reviewtest.Form(t, aw.base, path, aw.Ed2, url.Values{})
	if status != 200 || !strings.Contains(body, `class="confirm-approval`) || !strings.Contains(body, "Bashara Assad") ||
		!strings.Contains(body, `name="open_flags" value="queue"`) || !strings.Contains(body, `name="open_flags" value="over"`) {
		t.Fatalf("approve without a decision: %d %.3000s", status, body)
	}
	var corrStatus string
	aw.DB.Raw("SELECT status FROM corrections WHERE id = ?", c.ID).Scan(&corrStatus)
	if corrStatus != review.CorrectionPending {
		t.Fatalf("the question approved the correction: %s", corrStatus)
	}
	if status, _, _ := reviewtest.Form(t, aw.base, path, aw.Ed2, url.Values{"open_flags": {"maybe"}}); status != 400 {
		t.Errorf("a decision of maybe: %d, want 400", status)
	}
	status, loc, _ := reviewtest.Form(t, aw.base, path, aw.Ed2, url.Values{"open_flags": {"over"}})
	if status != 303 || loc != fmt.Sprintf("/review?approved=%d&count=1&back=0", c.ID) {
		t.Fatalf("approve over: %d %s", status, loc)
	}
	if f := aw.flag(t, assad.ID); f.Status != review.FlagOpen {
		t.Errorf("Bashara Assad flag is %s after an approval over it", f.Status)
	}
	if detail, to := aw.approvalDetail(t, seg.ID); !detail.Over || to != review.StateApproved {
		t.Errorf("approve event to %s detail %+v", to, detail)
	}

	// Nothing left open: no question.
	other := reviewtest.Must[*review.Article](t)(review.CreateArticle(context.Background(), aw.DB, aw.Checker,
		review.NewArticle{Title: "One name", Lang: "en", Text: "Ilon Musk did not answer.\n"}))
	full := aw.submit(t, aw.segments(t, other.ID)[0], func(s string) string { return strings.Replace(s, "Ilon Musk", "Elon Musk", 1) })
	status, loc, _ = reviewtest.Form(t, aw.base, fmt.Sprintf("/corrections/%d/approve", full.ID), aw.Ed2, url.Values{})
	if status != 303 || loc != fmt.Sprintf("/review?approved=%d&count=1&back=0", full.ID) {
		t.Errorf("approve with nothing left open: %d %s", status, loc)
	}
}
