package review_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"gorm.io/gorm"

	"lector/account"
	"lector/detect/names"
	"lector/rescan"
	"lector/rescan/rescantest"
	"lector/review"
	"lector/review/reviewtest"
	"lector/server"
	"lector/server/servertest"
)

// mixedArticle adds an article whose first segment names "Ilon Musk" and
// the false friend "mask" (= Musk), followed by n segments holding both and
// one that holds the false friend alone.
func (w *world) mixedArticle(t *testing.T, n int) *review.Article {
	t.Helper()
	var b strings.Builder
	b.WriteString("Ilon Musk spoke about the mask dialogue with Putin.\n\n")
	for i := range n {
		fmt.Fprintf(&b, "The mask dialogue with Putin went on, Ilon Musk said in talk %d.\n\n", i+1)
	}
	// Read alone, "the mask dialogue" is an ordinary noun phrase; a use that
	// reads as the name on its own makes the article's others consistent
	// with it (the false-friend scorer's consistency cue), as in the seed.
	b.WriteString("Mask told reporters so.\n\n")
	a, err := review.CreateArticle(context.Background(), w.DB, w.Checker, review.NewArticle{Title: "Mixed", Lang: "en", Text: b.String()})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// approvedFix has tr correct the first flagged segment of article a with
// fix (old → new pairs) and ed approve it.
func (w *world) approvedFix(t *testing.T, a *review.Article, tr, ed *account.Principal, fix ...string) *review.Correction {
	t.Helper()
	ctx := context.Background()
	seg := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, tr, review.QueueFilter{ArticleID: a.ID}))
	c := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, tr, review.Submission{SegmentID: seg.ID,
		Text: strings.NewReplacer(fix...).Replace(seg.MTText), Revision: seg.Revision}, nil))
	return &reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, ed, c.ID, false, nil)).Correction
}

// muskFixed adds a mixedArticle of n and the approved fix of its first
// segment (tr1 writes, ed1 approves) that names "Elon Musk" and "Musk" in
// place of "Ilon Musk" and "mask".
func (w *world) muskFixed(t *testing.T, n int) (*review.Article, *review.Correction) {
	t.Helper()
	a := w.mixedArticle(t, n)
	return a, w.approvedFix(t, a, w.Tr1, w.Ed1, "Ilon Musk", "Elon Musk", "mask", "Musk")
}

// segmentTexts maps the article's segments to their current text.
func segmentTexts(t *testing.T, w *world, articleID int64) map[int64]string {
	t.Helper()
	var rows []review.Segment
	if err := w.DB.Where("article_id = ?", articleID).Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := map[int64]string{}
	for _, s := range rows {
		out[s.ID] = s.CurrentText
	}
	return out
}

func TestPropagationPreviewPages(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a, c := w.muskFixed(t, 6)
	all := reviewtest.Must[*review.Preview](t)(review.PreviewPropagationPage(ctx, w.DB, w.Ed1, c.ID, 1, 100))
	if all.Total != 12 || all.DefaultSelected != 6 || len(all.Occurrences) != 12 || all.Pages != 1 || len(all.Replacements) != 2 {
		t.Fatalf("preview: total %d, default %d, %d listed, %d pages, replacements %+v",
			all.Total, all.DefaultSelected, len(all.Occurrences), all.Pages, all.Replacements)
	}
	for _, o := range all.Occurrences {
		ff := o.Check == names.CheckFalseFriend
		switch {
		case o.DefaultSelected == ff:
			t.Errorf("occurrence %q (%s, %.2f): default selected %v", o.Wrong, o.Check, o.Confidence, o.DefaultSelected)
		case o.Text[o.Start:o.End] != o.Wrong || o.End == 0:
			t.Errorf("occurrence %q marks %q", o.Wrong, o.Text[o.Start:o.End])
		case ff && o.With != "Musk", !ff && o.With != "Elon Musk":
			t.Errorf("occurrence %q would become %q", o.Wrong, o.With)
		case o.ArticleID != a.ID || o.ArticleTitle != "Mixed" || o.Blocked != "" || o.State != review.StateFlagged:
			t.Errorf("occurrence %+v", o)
		}
	}
	cases := []struct {
		page, perPage, wantPage, wantPages, wantListed int
	}{
		{1, 5, 1, 3, 5},
		{3, 5, 3, 3, 2},
		{9, 5, 3, 3, 2}, // past the last: the last
		{0, 0, 1, 1, 12},
		{2, 12, 1, 1, 12},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("page %d of %d", tc.page, tc.perPage), func(t *testing.T) {
			pv := reviewtest.Must[*review.Preview](t)(review.PreviewPropagationPage(ctx, w.DB, w.Ed1, c.ID, tc.page, tc.perPage))
			if pv.Page != tc.wantPage || pv.Pages != tc.wantPages || len(pv.Occurrences) != tc.wantListed || pv.Total != 12 {
				t.Fatalf("page %d/%d with %d listed (total %d)", pv.Page, pv.Pages, len(pv.Occurrences), pv.Total)
			}
			per := max(tc.perPage, 1)
			if tc.perPage == 0 {
				per = review.DefaultOccurrencesPerPage
			}
			first := (tc.wantPage - 1) * per
			for i, o := range pv.Occurrences {
				if o.FlagID != all.Occurrences[first+i].FlagID {
					t.Errorf("row %d is flag %d, want %d (pages must follow one order)", i, o.FlagID, all.Occurrences[first+i].FlagID)
				}
			}
		})
	}
	// What applying would skip shows before applying.
	held := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr2, review.QueueFilter{ArticleID: a.ID}))
	pv := reviewtest.Must[*review.Preview](t)(review.PreviewPropagationPage(ctx, w.DB, w.Ed1, c.ID, 1, 100))
	for _, o := range pv.Occurrences {
		if want := map[bool]string{true: review.SkipLeased}[o.SegmentID == held.ID]; o.Blocked != want {
			t.Errorf("segment %d (held %d): blocked %q, want %q", o.SegmentID, held.ID, o.Blocked, want)
		}
	}
	_, err := review.PreviewPropagationPage(ctx, w.DB, w.Tr1, c.ID, 1, 5)
	reviewtest.WantCode(t, err, "forbidden")
}

func TestPropagationAPIPreview(t *testing.T) {
	w, base := servedWorld(t)
	a, c := w.muskFixed(t, 3)
	cases := []struct {
		query  string
		status int
		listed int
	}{
		{"", 200, 6},
		{"?page=2&per_page=4", 200, 2},
		{"?per_page=1000", 200, 6},
		{"?page=0", 400, 0},
		{"?per_page=x", 400, 0},
	}
	for _, tc := range cases {
		status, body := reviewtest.Call(t, base, "GET", fmt.Sprintf("/api/v1/corrections/%d/propagation%s", c.ID, tc.query), w.Ed2, "")
		if status != tc.status {
			t.Errorf("%s: %d, want %d: %s", tc.query, status, tc.status, body)
			continue
		}
		if status != 200 {
			continue
		}
		var pv struct {
			Total       int `json:"total"`
			Occurrences []struct {
				Flag, Segment, Article int64
				Text, Check            string
				DefaultSelected        bool `json:"default_selected"`
			} `json:"occurrences"`
			Articles []any `json:"articles"`
		}
		if err := json.Unmarshal([]byte(body), &pv); err != nil {
			t.Fatal(err)
		}
		if pv.Total != 6 || len(pv.Occurrences) != tc.listed || len(pv.Articles) != 1 {
			t.Errorf("%s: %s", tc.query, body)
		}
		for _, o := range pv.Occurrences {
			if o.Flag == 0 || o.Segment == 0 || o.Article != a.ID || o.Text == "" || o.DefaultSelected != (o.Check != "false-friend") {
				t.Errorf("%s: occurrence %+v", tc.query, o)
			}
		}
	}
}

func TestPropagationAppliesOnlyTheChosen(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a, c := w.muskFixed(t, 4)
	pv := reviewtest.Must[*review.Preview](t)(review.PreviewPropagationPage(ctx, w.DB, w.Ed1, c.ID, 1, 100))
	segs := []int64{}
	for _, o := range pv.Occurrences {
		if !slices.Contains(segs, o.SegmentID) {
			segs = append(segs, o.SegmentID)
		}
	}
	if len(segs) != 4 {
		t.Fatalf("occurrences in %d segments", len(segs))
	}
	var flags []int64
	for _, o := range pv.Occurrences {
		// The second segment: only the name; the third: the false friend too.
		if o.SegmentID == segs[1] && o.DefaultSelected || o.SegmentID == segs[2] {
			flags = append(flags, o.FlagID)
		}
	}
	before := segmentTexts(t, w, a.ID)
	_, err := review.Propagate(ctx, w.DB, w.Checker, w.Ed1, c.ID, review.PropagationRequest{Mode: review.PropagatePending, Flags: flags, Segments: segs})
	reviewtest.WantCode(t, err, "invalid") // flags or segments, not both
	_, err = review.Propagate(ctx, w.DB, w.Checker, w.Ed1, c.ID, review.PropagationRequest{Mode: review.PropagatePending, Flags: []int64{c.ID + 1000}})
	reviewtest.WantCode(t, err, "invalid") // no occurrence
	_, err = review.Propagate(ctx, w.DB, w.Checker, w.Ed1, c.ID, review.PropagationRequest{Mode: review.PropagatePending,
		Segments: make([]int64, review.MaxPropagationSelection+1)})
	reviewtest.WantCode(t, err, "invalid") // too many named
	res := reviewtest.Must[*review.PropagationResult](t)(review.Propagate(ctx, w.DB, w.Checker, w.Ed1, c.ID,
		review.PropagationRequest{Mode: review.PropagatePending, Flags: flags}))
	if res.Counts != (review.OutcomeCounts{Requested: 2, Done: 2, Pending: 2}) || len(res.Outcomes) != 2 {
		t.Fatalf("result %+v", res)
	}
	after := segmentTexts(t, w, a.ID)
	for id, text := range after {
		want := before[id]
		switch id {
		case segs[1]:
			want = strings.Replace(want, "Ilon Musk", "Elon Musk", 1)
		case segs[2]:
			want = strings.NewReplacer("Ilon Musk", "Elon Musk", "mask", "Musk").Replace(want)
		}
		if text != want {
			t.Errorf("segment %d: %q, want %q", id, text, want)
		}
	}
	// Pending in the translator's name: never the propagating editor's,
	// so any editor, the propagating one too, approves them.
	var authors []int64
	w.DB.Raw("SELECT DISTINCT author_id FROM corrections WHERE status = 'pending'").Scan(&authors)
	if len(authors) != 1 || authors[0] != w.Tr1.UserID {
		t.Errorf("pending corrections by %v, want only the translator %d", authors, w.Tr1.UserID)
	}
	for _, o := range res.Outcomes {
		if o.Outcome != review.OutcomePending || o.Reason != review.PendingMode || o.State != review.StateCorrected {
			t.Errorf("outcome %+v", o)
		}
		reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, w.Ed1, o.CorrectionID, false, nil))
	}
	// The API without a selection: every ordinary occurrence, as before.
	res = reviewtest.Must[*review.PropagationResult](t)(review.Propagate(ctx, w.DB, w.Checker, w.Ed2, c.ID, review.PropagationRequest{Mode: review.PropagateApprove}))
	if res.Counts.Requested != 2 || res.Counts.Approved != 2 {
		t.Fatalf("default selection: %+v", res.Counts)
	}
	if after := segmentTexts(t, w, a.ID); !strings.Contains(after[segs[3]], "The mask") || strings.Contains(after[segs[3]], "Ilon") {
		t.Errorf("default selection changed %q", after[segs[3]])
	}
	// The unticked false friend stays an open flag: its segment is approved
	// with the name fixed and goes back to the queue for "mask", and the
	// outcome says so.
	seen := false
	for _, o := range res.Outcomes {
		if o.SegmentID != segs[3] {
			continue
		}
		seen = true
		if o.Outcome != review.OutcomeApproved || o.OpenFlags != 1 || o.State != review.StateFlagged {
			t.Errorf("segment keeping the false friend: %+v, want approved with 1 open flag, flagged", o)
		}
		d := reviewtest.Must[*review.SegmentDetail](t)(review.GetSegment(ctx, w.DB, w.Ed1, segs[3]))
		for _, f := range d.Segment.Flags {
			if f.Check == "false-friend" && f.Status != review.FlagOpen {
				t.Errorf("false friend %q is %s after the propagation, want open", f.Text, f.Status)
			}
		}
	}
	if !seen {
		t.Errorf("no outcome for the segment keeping the false friend: %+v", res.Outcomes)
	}
}

func TestPropagationOutcomesAddUp(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Outcomes", 7)
	c := w.approvedFix(t, a, w.Tr1, w.Ed1, "Ilon Musk", "Elon Musk")
	segs := reviewtest.Must[[]review.Segment](t)(review.SegmentList(ctx, w.DB, w.Ed1, a.ID, review.StateFlagged))
	if len(segs) != 6 {
		t.Fatalf("%d flagged segments", len(segs))
	}
	// segs[0]: leased by someone; segs[1]: a pending correction; segs[2]:
	// its flag dismissed since; segs[3], segs[4]: free; segs[5]: its text
	// no longer the one flagged.
	leased := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr2, review.QueueFilter{ArticleID: a.ID}))
	if leased.ID != segs[0].ID {
		t.Fatalf("claimed %d, want %d", leased.ID, segs[0].ID)
	}
	reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Ed2, review.Submission{SegmentID: segs[1].ID, Text: "Elon Musk, by hand.", Revision: segs[1].Revision}, nil))
	d := reviewtest.Must[*review.SegmentDetail](t)(review.GetSegment(ctx, w.DB, w.Ed1, segs[2].ID))
	dismissed(t, w, w.Ed2, w.Ed1, d.Segment.Flags[0].ID, "a quotation")
	if err := w.DB.Exec("UPDATE segments SET current_text = 'Somebody spoke.' WHERE id = ?", segs[5].ID).Error; err != nil {
		t.Fatal(err)
	}
	ids := []int64{segs[0].ID, segs[1].ID, segs[2].ID, segs[3].ID, segs[4].ID, segs[5].ID}

	// The author of the source may not approve its copies.
	_, err := review.Propagate(ctx, w.DB, w.Checker, w.Tr1, c.ID, review.PropagationRequest{Mode: review.PropagateApprove, Segments: ids})
	reviewtest.WantCode(t, err, "forbidden")
	res := reviewtest.Must[*review.PropagationResult](t)(review.Propagate(ctx, w.DB, w.Checker, w.Ed1, c.ID,
		review.PropagationRequest{Mode: review.PropagateApprove, Segments: ids}))
	want := map[int64][2]string{
		segs[0].ID: {review.OutcomeSkipped, review.SkipLeased},
		segs[1].ID: {review.OutcomeSkipped, review.SkipCorrected},
		segs[2].ID: {review.OutcomeSkipped, review.SkipClosed},
		segs[3].ID: {review.OutcomeApproved, ""},
		segs[4].ID: {review.OutcomeApproved, ""},
		segs[5].ID: {review.OutcomeSkipped, review.SkipChanged},
	}
	if res.Counts != (review.OutcomeCounts{Requested: 6, Done: 6, Approved: 2, Skipped: 4}) || len(res.Outcomes) != 6 ||
		len(res.Applied) != 2 || len(res.Skipped) != 4 {
		t.Fatalf("counts %+v, %d outcomes", res.Counts, len(res.Outcomes))
	}
	for _, o := range res.Outcomes {
		if got := [2]string{o.Outcome, o.Reason}; got != want[o.SegmentID] {
			t.Errorf("segment %d: %v, want %v", o.SegmentID, got, want[o.SegmentID])
		}
		if o.Outcome != review.OutcomeApproved {
			continue
		}
		// Approved through the normal approval: the translator's
		// correction, the editor's approval, both in the history.
		d := reviewtest.Must[*review.SegmentDetail](t)(review.GetSegment(ctx, w.DB, w.Ed1, o.SegmentID))
		var corr review.Correction
		w.DB.Take(&corr, o.CorrectionID)
		if d.Segment.State != review.StateApproved || o.State != review.StateApproved || corr.AuthorID != w.Tr1.UserID ||
			corr.ReviewerID == nil || *corr.ReviewerID != w.Ed1.UserID || corr.Status != review.CorrectionApproved ||
			!strings.HasPrefix(d.Segment.CurrentText, "Elon Musk") {
			t.Errorf("segment %d: %+v, correction %+v", o.SegmentID, d.Segment, corr)
		}
		var actions []string
		for _, h := range d.History {
			actions = append(actions, h.Action)
		}
		if !slices.Contains(actions, review.ActPropagate) || !slices.Contains(actions, review.ActApprove) {
			t.Errorf("segment %d history %v", o.SegmentID, actions)
		}
	}
	// The recorded propagation says the same.
	job := reviewtest.Must[*review.PropagationJob](t)(review.GetPropagation(ctx, w.DB, w.Ed2, res.Propagation, 1, 100))
	if !job.Finished() || job.Counts() != res.Counts || len(job.Outcomes) != 6 || job.Outcomes[0].Outcome != review.OutcomeSkipped {
		t.Errorf("stored propagation %+v", job)
	}
	_, err = review.GetPropagation(ctx, w.DB, w.Tr1, res.Propagation, 1, 100)
	reviewtest.WantCode(t, err, "forbidden")
	_, err = review.GetPropagation(ctx, w.DB, w.Ed1, res.Propagation+99, 1, 100)
	reviewtest.WantCode(t, err, "not_found")
}

// An editor who wrote the source correction may propagate it as pending
// fixes (in their own name, as the source's author): another editor
// approves them, so none is left that nobody can approve.
func TestPropagationByTheSourcesEditorAuthor(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Editor's fix", 3)
	segs := reviewtest.Must[[]review.Segment](t)(review.SegmentList(ctx, w.DB, w.Ed1, a.ID, review.StateFlagged))
	c := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Ed2, review.Submission{SegmentID: segs[0].ID,
		Text: strings.Replace(segs[0].MTText, "Ilon Musk", "Elon Musk", 1), Revision: segs[0].Revision}, nil))
	reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, w.Ed1, c.ID, false, nil))
	_, err := review.Propagate(ctx, w.DB, w.Checker, w.Ed2, c.ID, review.PropagationRequest{Mode: review.PropagateApprove})
	reviewtest.WantCode(t, err, "forbidden")
	res := reviewtest.Must[*review.PropagationResult](t)(review.Propagate(ctx, w.DB, w.Checker, w.Ed2, c.ID, review.PropagationRequest{Mode: review.PropagatePending}))
	if res.Counts.Pending != 2 {
		t.Fatalf("counts %+v", res.Counts)
	}
	for _, o := range res.Outcomes {
		_, err := review.Approve(ctx, w.DB, w.Checker, w.Ed2, o.CorrectionID, false, nil)
		reviewtest.WantCode(t, err, "forbidden")
		reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, w.Ed1, o.CorrectionID, false, nil))
	}
}

// startJobs runs River's queue (rescans and propagations) on w's database
// until the test ends.
func startJobs(t *testing.T, w *world) *rescan.Queue {
	t.Helper()
	return rescantest.Start(t, w.DB, rescan.Options{JobTimeout: 10 * time.Second, RescueAfter: 20 * time.Second})
}

// waitFinished polls a propagation until it is finished.
func waitFinished(t *testing.T, w *world, id int64) *review.PropagationJob {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		job := reviewtest.Must[*review.PropagationJob](t)(review.GetPropagation(context.Background(), w.DB, w.Ed1, id, 1, 1000))
		if job.Finished() {
			return job
		}
		if time.Now().After(deadline) {
			t.Fatalf("propagation %d not finished: %+v", id, job)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestPropagationInTheBackground(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Big", 9)
	c := w.approvedFix(t, a, w.Tr1, w.Ed1, "Ilon Musk", "Elon Musk")
	held := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr2, review.QueueFilter{ArticleID: a.ID}))
	// Enqueued, not yet worked: nothing applied; one batch runs, as a
	// process that then dies would have; the queue does the rest.
	job := reviewtest.Must[*review.PropagationJob](t)(review.StartPropagation(ctx, w.DB, w.Checker, startJobsLater{}, w.Ed1, c.ID,
		review.PropagationRequest{Mode: review.PropagateApprove}, 3))
	if !job.Background || job.Total != 8 || job.Done != 0 || job.Finished() {
		t.Fatalf("started %+v", job)
	}
	// The page shows the progress and polls while the job runs.
	base, _ := serve(t, w)
	progress := fmt.Sprintf(`hx-get="/propagations/%d/progress?page=1"`, job.ID)
	for _, path := range []string{fmt.Sprintf("/propagations/%d", job.ID), fmt.Sprintf("/propagations/%d/progress", job.ID)} {
		status, body := reviewtest.Call(t, base, "GET", path, w.Ed2, "")
		if status != 200 || !strings.Contains(body, progress) || !strings.Contains(body, "Running in the background: 0 of 8 segments done.") {
			t.Errorf("GET %s: %d %.2000s", path, status, body)
		}
	}
	more := reviewtest.Must[bool](t)(review.RunPropagationBatch(ctx, w.DB, w.Checker, job.ID, 3))
	mid := reviewtest.Must[*review.PropagationJob](t)(review.GetPropagation(ctx, w.DB, w.Ed1, job.ID, 1, 100))
	if !more || mid.Done != 3 || mid.Approved+mid.Skipped != 3 || len(mid.Outcomes) != 3 {
		t.Fatalf("after one batch: %+v", mid)
	}
	// Meanwhile an editor joins the last two segments: the second is gone,
	// the first has new flags (the ones chosen are closed).
	segs := reviewtest.Must[[]review.Segment](t)(review.SegmentList(ctx, w.DB, w.Ed1, a.ID, review.StateFlagged))
	last, gone := segs[len(segs)-2], segs[len(segs)-1]
	reviewtest.Must[*review.Segment](t)(review.MergeSegments(ctx, w.DB, w.Checker, w.Ed2, review.MergeRequest{SegmentID: last.ID,
		Revision: last.Revision, NextRevision: gone.Revision}))
	q := startJobs(t, w)
	if err := w.DB.Transaction(func(tx *gorm.DB) error { return q.InsertTx(ctx, tx, review.PropagationArgs{Propagation: job.ID}) }); err != nil {
		t.Fatal(err)
	}
	done := waitFinished(t, w, job.ID)
	if done.Counts() != (review.OutcomeCounts{Requested: 8, Done: 8, Approved: 5, Skipped: 3}) || len(done.Outcomes) != 8 {
		t.Fatalf("finished %+v", done.Counts())
	}
	// Every segment asked exactly once: one outcome and one propagated
	// correction each; the skipped ones none.
	seen := map[int64]int{}
	skipped := map[int64]string{held.ID: review.SkipLeased, last.ID: review.SkipClosed, gone.ID: review.SkipGone}
	for _, o := range done.Outcomes {
		seen[o.SegmentID]++
		if want, skip := skipped[o.SegmentID]; skip != (o.Outcome == review.OutcomeSkipped) || o.Reason != want {
			t.Errorf("outcome %+v, want reason %q", o, want)
		}
	}
	var perSegment []struct {
		SegmentID int64
		N         int
	}
	w.DB.Raw(`SELECT segment_id, count(*) AS n FROM corrections WHERE comment = ? GROUP BY segment_id`,
		fmt.Sprintf("propagated from correction %d", c.ID)).Scan(&perSegment)
	if len(seen) != 8 || len(perSegment) != 5 {
		t.Errorf("%d segments with outcomes, %d with propagated corrections", len(seen), len(perSegment))
	}
	for _, s := range perSegment {
		if _, skip := skipped[s.SegmentID]; s.N != 1 || skip {
			t.Errorf("segment %d has %d propagated corrections", s.SegmentID, s.N)
		}
	}
	status, body := reviewtest.Call(t, base, "GET", fmt.Sprintf("/propagations/%d/progress", job.ID), w.Ed2, "")
	if status != 200 || strings.Contains(body, "hx-get") || !strings.Contains(body, "Segments asked: 8 · approved: 5 · left pending: 0 · skipped: 3") ||
		!strings.Contains(body, "The segment no longer exists") {
		t.Errorf("finished progress: %d %.2000s", status, body)
	}
	// Running it again changes nothing.
	if more := reviewtest.Must[bool](t)(review.RunPropagationBatch(ctx, w.DB, w.Checker, job.ID, 50)); more {
		t.Error("a finished propagation has more to do")
	}
}

// startJobsLater enqueues nothing: the test runs the job itself.
type startJobsLater struct{}

func (startJobsLater) InsertTx(context.Context, *gorm.DB, river.JobArgs) error { return nil }

func TestPropagationAPIBackground(t *testing.T) {
	w := newWorld(t)
	q := startJobs(t, w)
	base := servertest.Start(t, servertest.New(t, server.Deps{DB: w.DB, Checker: w.Checker, Rescans: q, PropagateInBackgroundAbove: 2}))
	a := w.Article(t, "Background", 6)
	c := w.approvedFix(t, a, w.Tr1, w.Ed1, "Ilon Musk", "Elon Musk")
	status, body := reviewtest.Call(t, base, "POST", fmt.Sprintf("/api/v1/corrections/%d/propagation", c.ID), w.Ed2, `{"mode":"pending"}`)
	var job struct {
		ID         int64 `json:"id"`
		Background bool  `json:"background"`
		Total      int   `json:"total"`
	}
	if err := json.Unmarshal([]byte(body), &job); status != http.StatusAccepted || err != nil || !job.Background || job.Total != 5 {
		t.Fatalf("POST: %d %s", status, body)
	}
	waitFinished(t, w, job.ID)
	status, body = reviewtest.Call(t, base, "GET", fmt.Sprintf("/api/v1/propagations/%d?per_page=2&page=3", job.ID), w.Ed2, "")
	var got struct {
		Done, Pending int
		FinishedAt    *time.Time `json:"finished_at"`
		Outcomes      []review.Outcome
	}
	if err := json.Unmarshal([]byte(body), &got); status != 200 || err != nil || got.Done != 5 || got.Pending != 5 ||
		got.FinishedAt == nil || len(got.Outcomes) != 1 {
		t.Fatalf("GET: %d %s", status, body)
	}
	// Small ones are applied within the request.
	b := w.Article(t, "Small", 2)
	c2 := w.approvedFix(t, b, w.Tr1, w.Ed1, "Ilon Musk", "Elon Musk")
	status, body = reviewtest.Call(t, base, "POST", fmt.Sprintf("/api/v1/corrections/%d/propagation", c2.ID), w.Ed2,
		fmt.Sprintf(`{"mode":"approved","segments":[%d]}`, reviewtest.Must[[]review.Segment](t)(review.SegmentList(context.Background(), w.DB, w.Ed1, b.ID, review.StateFlagged))[0].ID))
	if status != 200 || !strings.Contains(body, `"counts":{"requested":1,"done":1,"approved":1,"pending":0,"skipped":0}`) {
		t.Fatalf("small POST: %d %s", status, body)
	}
}
