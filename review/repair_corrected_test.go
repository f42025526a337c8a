package review_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"lector/detect/finding"
	"lector/review"
	"lector/review/reviewtest"
)

// seedBreak is the seed article's mistake with a wrong name in the broken
// sentence: "… $ 1." and "8 billion in 2021 …" in two paragraphs.
const seedBreak = "SpaceX of Ilon Musk won a secret contract for the amount of $ 1.\n\n" +
	"8 billion in 2021 and is the main launcher for NASA.\n\n" +
	"Officials said they were not aware of the talks.\n"

// correctAndApprove has tr1 claim and correct the segment (which must be
// the first one the queue gives) to text, and ed1 approve it.
func correctAndApprove(t *testing.T, w *world, articleID, segID int64, text string) *review.Approval {
	t.Helper()
	ctx := context.Background()
	held := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, w.Tr1, review.QueueFilter{ArticleID: articleID}))
	if held.ID != segID {
		t.Fatalf("claimed segment %d, want %d", held.ID, segID)
	}
	c := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Tr1, review.Submission{SegmentID: held.ID, Text: text, Revision: held.Revision}, nil))
	return reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, w.Ed1, c.ID, false, nil))
}

// openChecks lists the checks of a segment's open flags, in text order.
func openChecks(s review.Segment) string {
	var out []string
	for _, f := range s.Flags {
		if f.Status == review.FlagOpen {
			out = append(out, f.Check)
		}
	}
	return strings.Join(out, " ")
}

// placed checks that every flag but a break's points at its text in the
// text its offsets_in names.
func placed(t *testing.T, s review.Segment) {
	t.Helper()
	for _, f := range s.Flags {
		text := s.MTText
		if f.OffsetsIn == review.OffsetsApproved {
			text = s.CurrentText
		}
		switch {
		case f.Kind == finding.KindSegmentation:
			if f.StartOffset != len(s.MTText) || f.OffsetsIn != review.OffsetsMT {
				t.Errorf("segment %d: break flag at %d (%s), want at the end of the MT text %d", s.ID, f.StartOffset, f.OffsetsIn, len(s.MTText))
			}
		case f.EndOffset > len(text) || text[f.StartOffset:f.EndOffset] != f.Text:
			t.Errorf("segment %d: flag %s %q at %d..%d in %s does not point at its text in %q", s.ID, f.Check, f.Text,
				f.StartOffset, f.EndOffset, f.OffsetsIn, text)
		}
	}
}

// lastDetail is the detail of the segment's last event of action.
func lastDetail(t *testing.T, w *world, segID int64, action string) map[string]any {
	t.Helper()
	events := reviewtest.Must[[]review.HistoryEvent](t)(review.SegmentHistory(context.Background(), w.DB, w.Ed1, segID))
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Action == action {
			var d map[string]any
			if err := json.Unmarshal(events[i].Detail, &d); err != nil {
				t.Fatal(err)
			}
			return d
		}
	}
	t.Fatalf("segment %d has no %s event", segID, action)
	return nil
}

// TestJoinApprovedBreak: the seed's broken figure in a sentence whose name
// a translator corrected and an editor approved. The approval leaves the
// break's flag open (only a join resolves it), so the segment is back in
// the queue; an editor's join then resolves it, keeps the corrected words
// and settles the merged segment by the common rule.
func TestJoinApprovedBreak(t *testing.T) {
	for _, tt := range []struct {
		name, correction string
		wantCurrent      string
		wantOpen         string // open checks of the merged segment
		wantState        string
	}{
		{
			name:        "name corrected: the space after the currency stays flagged",
			correction:  "SpaceX of Elon Musk won a secret contract for the amount of $ 1.",
			wantCurrent: "SpaceX of Elon Musk won a secret contract for the amount of $ 1.8 billion in 2021 and is the main launcher for NASA.",
			wantOpen:    "space-after-currency",
			wantState:   review.StateFlagged,
		},
		{
			name:        "name and currency corrected: nothing left open",
			correction:  "SpaceX of Elon Musk won a secret contract for the amount of $1.",
			wantCurrent: "SpaceX of Elon Musk won a secret contract for the amount of $1.8 billion in 2021 and is the main launcher for NASA.",
			wantOpen:    "",
			wantState:   review.StateApproved,
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			ctx := context.Background()
			a := reviewtest.Must[*review.Article](t)(review.CreateArticle(ctx, w.DB, w.Checker, review.NewArticle{Title: "Seed", Lang: "en", Text: seedBreak}))
			segs := w.segments(t, a.ID)
			first, next := segs[0], segs[1]
			if !strings.Contains(openChecks(first), "broken-paragraph") || first.Paragraph == next.Paragraph {
				t.Fatalf("the break is not flagged: %q", checks(first))
			}
			const wantMT = "SpaceX of Ilon Musk won a secret contract for the amount of $ 1.8 billion in 2021 and is the main launcher for NASA."

			out := correctAndApprove(t, w, a.ID, first.ID, tt.correction)
			approved := w.segments(t, a.ID)[0]
			if approved.State != review.StateFlagged || !strings.Contains(openChecks(approved), "broken-paragraph") || out.State != review.StateFlagged {
				t.Fatalf("after the approval: %s with %q, want flagged with the break open", approved.State, checks(approved))
			}
			breakID := int64(0)
			for _, f := range approved.Flags {
				if f.Check == "broken-paragraph" {
					breakID = f.ID
				}
			}

			merged := reviewtest.Must[*review.Segment](t)(review.MergeSegments(ctx, w.DB, w.Checker, w.Ed2,
				review.MergeRequest{SegmentID: approved.ID, Revision: approved.Revision, NextRevision: next.Revision}))
			if merged.CurrentText != tt.wantCurrent || merged.MTText != wantMT {
				t.Errorf("merged current %q, MT %q; want %q, %q", merged.CurrentText, merged.MTText, tt.wantCurrent, wantMT)
			}
			after := w.segments(t, a.ID)
			got := after[0]
			placed(t, got)
			if strings.Contains(checks(got), "broken-paragraph") || openChecks(got) != tt.wantOpen || got.State != tt.wantState {
				t.Errorf("merged flags %q (open %q), state %s; want open %q, state %s", checks(got), openChecks(got), got.State, tt.wantOpen, tt.wantState)
			}
			for _, f := range got.Flags {
				if f.Kind != finding.KindSegmentation && f.OffsetsIn != review.OffsetsApproved {
					t.Errorf("flag %s has offsets in %s, want in the approved text", f.Check, f.OffsetsIn)
				}
			}
			if len(after) != 2 || after[1].Paragraph != got.Paragraph+1 {
				t.Errorf("%d segments after the join, the last in paragraph %d", len(after), after[1].Paragraph)
			}
			detail := lastDetail(t, w, got.ID, review.ActMerge)
			if detail["checked"] != review.OffsetsApproved || !slices.Contains(detail["resolved"].([]any), any(float64(breakID))) {
				t.Errorf("merge detail %v, want the approved text checked and break flag %d resolved", detail, breakID)
			}

			v := reviewtest.Must[*review.Version](t)(review.Publish(ctx, w.DB, w.Ed1, a.ID, review.PublishOptions{}))
			paragraphs := strings.Split(v.Text, "\n\n")
			if len(paragraphs) != 2 || paragraphs[0] != tt.wantCurrent {
				t.Errorf("published %q, want the joined sentence %q as the first of two paragraphs", v.Text, tt.wantCurrent)
			}
		})
	}
}

// TestSplitApproved: a split of a corrected and approved segment cuts its
// current text at the offset and its MT text where the two agree; both
// parts keep the reviewed text and take their state by the common rule.
func TestSplitApproved(t *testing.T) {
	const mt = "Ilon Musk spoke about topic number 1 today."
	for _, tt := range []struct {
		name, correction, at   string // at: the current text is cut before it
		wantMT1, wantMT2       string
		wantCut                bool
		wantState1, wantState2 string
		wantOpen1, wantOpen2   string
	}{
		{
			// The second part is the machine's text unchanged and has no
			// correction of its own: clean (settledState's rule).
			name: "the texts agree after the cut", correction: "Elon Musk spoke about topic number 1 today.", at: "spoke",
			wantMT1: "Ilon Musk", wantMT2: "spoke about topic number 1 today.", wantCut: true,
			wantState1: review.StateApproved, wantState2: review.StateClean,
		},
		{
			name: "changes on both sides, the cut in a shared run", correction: "Elon Musk spoke about topic number one today.", at: "spoke",
			wantMT1: "Ilon Musk", wantMT2: "spoke about topic number 1 today.", wantCut: true,
			wantState1: review.StateApproved, wantState2: review.StateApproved,
		},
		{
			name: "a wrong form left in the second part", correction: "Elon Musk spoke with Ilon Musk today.", at: "spoke",
			wantMT1: "Ilon Musk", wantMT2: "spoke about topic number 1 today.", wantCut: true,
			wantState1: review.StateApproved, wantState2: review.StateFlagged, wantOpen2: "glossary-variant",
		},
		{
			name: "the cut inside rewritten words: the MT stays whole on the first part", correction: "Elon Musk gave a short talk.", at: "short",
			wantMT1: mt, wantMT2: "", wantCut: false,
			wantState1: review.StateApproved, wantState2: review.StateApproved,
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			ctx := context.Background()
			a := reviewtest.Must[*review.Article](t)(review.CreateArticle(ctx, w.DB, w.Checker, review.NewArticle{Title: "Split", Lang: "en", Text: mt + "\n"}))
			seg := w.segments(t, a.ID)[0]
			out := correctAndApprove(t, w, a.ID, seg.ID, tt.correction)
			approved := w.segments(t, a.ID)[0]
			if approved.CurrentText != tt.correction || approved.State != out.State {
				t.Fatalf("approved %q in state %s", approved.CurrentText, approved.State)
			}
			at := strings.Index(tt.correction, tt.at)
			parts := reviewtest.Must[[]review.Segment](t)(review.SplitSegment(ctx, w.DB, w.Checker, w.Ed2,
				review.SplitRequest{SegmentID: approved.ID, Revision: approved.Revision, Offset: at}))
			segs := w.segments(t, a.ID)
			if len(segs) != 2 || segs[0].ID != approved.ID || segs[1].ID != parts[1].ID {
				t.Fatalf("after the split: %d segments", len(segs))
			}
			one, two := segs[0], segs[1]
			wantCur1, wantCur2 := strings.TrimSpace(tt.correction[:at]), tt.correction[at:]
			if one.CurrentText != wantCur1 || two.CurrentText != wantCur2 || one.MTText != tt.wantMT1 || two.MTText != tt.wantMT2 {
				t.Errorf("parts %q (MT %q) and %q (MT %q)", one.CurrentText, one.MTText, two.CurrentText, two.MTText)
			}
			if one.State != tt.wantState1 || two.State != tt.wantState2 || openChecks(one) != tt.wantOpen1 || openChecks(two) != tt.wantOpen2 {
				t.Errorf("states %s (%q) and %s (%q), want %s (%q) and %s (%q)", one.State, checks(one), two.State, checks(two),
					tt.wantState1, tt.wantOpen1, tt.wantState2, tt.wantOpen2)
			}
			placed(t, one)
			placed(t, two)
			if one.StartOffset != seg.StartOffset || two.EndOffset != seg.EndOffset || one.EndOffset > two.StartOffset ||
				mt[two.StartOffset-seg.StartOffset:two.EndOffset-seg.StartOffset] != tt.wantMT2 {
				t.Errorf("offsets %d..%d and %d..%d of %d..%d", one.StartOffset, one.EndOffset, two.StartOffset, two.EndOffset, seg.StartOffset, seg.EndOffset)
			}
			d1, d2 := lastDetail(t, w, one.ID, review.ActSplit), lastDetail(t, w, two.ID, review.ActSplit)
			// Only a second part of reviewed words is approved on the first's text.
			if d1["mt_cut"] != tt.wantCut || d1["checked"] != review.OffsetsApproved ||
				(d2["approved_text_of"] == float64(seg.ID)) != (two.CurrentText != two.MTText) {
				t.Errorf("split details %v and %v", d1, d2)
			}
			// The text a version prints is the reviewed one, whole.
			v := reviewtest.Must[*review.Version](t)(review.Publish(ctx, w.DB, w.Ed1, a.ID, review.PublishOptions{}))
			if v.Text != wantCur1+" "+wantCur2 {
				t.Errorf("published %q, want %q", v.Text, wantCur1+" "+wantCur2)
			}
		})
	}
}

// TestJoinApprovedKeepsDismissals: a flag dismissed before the approval
// keeps its offsets into the MT text, which no longer fit the approved
// text; the join finds it again by check and text, but only in the text
// of its own segment, so the same wrong form in the other one stays open.
func TestJoinApprovedKeepsDismissals(t *testing.T) {
	const text = "Ilon Musk met Ilon Musk today.\n\nIlon Musk spoke about topic number 2 today.\n"
	for _, tt := range []struct {
		name, correction, want string
	}{
		{"the dismissed form is still there", "Entrepreneur Elon Musk met Ilon Musk today.",
			"glossary-variant:dismissed glossary-variant:open"},
		{"the dismissed form is gone: the next segment's stays open", "Entrepreneur Elon Musk met Elon Musk today.",
			"glossary-variant:open"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			ctx := context.Background()
			a := reviewtest.Must[*review.Article](t)(review.CreateArticle(ctx, w.DB, w.Checker, review.NewArticle{Title: "Quoted", Lang: "en", Text: text}))
			segs := w.segments(t, a.ID)
			if checks(segs[0]) != "glossary-variant:open glossary-variant:open" {
				t.Fatalf("first segment flags %q", checks(segs[0]))
			}
			dismissed(t, w, w.Ed1, w.Ed2, segs[0].Flags[1].ID, "the name as the letter spelled it")
			correctAndApprove(t, w, a.ID, segs[0].ID, tt.correction)
			segs = w.segments(t, a.ID)
			merged := reviewtest.Must[*review.Segment](t)(review.MergeSegments(ctx, w.DB, w.Checker, w.Ed2,
				review.MergeRequest{SegmentID: segs[0].ID, Revision: segs[0].Revision, NextRevision: segs[1].Revision}))
			got := w.segments(t, a.ID)[0]
			placed(t, got)
			if checks(got) != tt.want || got.State != review.StateFlagged || merged.State != got.State {
				t.Errorf("merged flags %q, state %s; want %q, flagged", checks(got), got.State, tt.want)
			}
			for _, f := range got.Flags {
				if f.Status == review.FlagDismissed && (f.DismissReason != "the name as the letter spelled it" ||
					f.StartOffset != strings.Index(got.CurrentText, "Ilon")) {
					t.Errorf("dismissed flag %+v", f)
				}
			}
		})
	}
}

// TestRepairOfferOnApprovedSegment: the segment page offers the repair of
// an approved segment, and neither the page nor the API offers it while a
// "not a mistake" about one of its flags waits for an editor.
func TestRepairOfferOnApprovedSegment(t *testing.T) {
	w, base := servedWorld(t)
	a := reviewtest.Must[*review.Article](t)(review.CreateArticle(context.Background(), w.DB, w.Checker, review.NewArticle{Title: "Seed", Lang: "en", Text: seedBreak}))
	segs := w.segments(t, a.ID)
	correctAndApprove(t, w, a.ID, segs[0].ID, "SpaceX of Elon Musk won a secret contract for the amount of $ 1.")
	page := fmt.Sprintf("/segments/%d", segs[0].ID)
	if status, body := reviewtest.Call(t, base, http.MethodGet, page, w.Ed2, ""); status != 200 || !strings.Contains(body, `id="repair"`) ||
		!strings.Contains(body, "Join with the next segment") {
		t.Errorf("the approved segment's page offers no join: %d", status)
	}
	segs = w.segments(t, a.ID)
	var currency review.Flag
	for _, f := range segs[0].Flags {
		if f.Check == "space-after-currency" && f.Status == review.FlagOpen {
			currency = f
		}
	}
	if currency.ID == 0 {
		t.Fatalf("no open currency flag: %q", checks(segs[0]))
	}
	propose(t, w, w.Ed2, currency.ID, "the house style spaces it")
	if _, body := reviewtest.Call(t, base, http.MethodGet, page, w.Ed2, ""); strings.Contains(body, `id="repair"`) {
		t.Error("the page offers a repair while a dismissal waits")
	}
	segs = w.segments(t, a.ID)
	status, body := reviewtest.Call(t, base, http.MethodPost, fmt.Sprintf("/api/v1/segments/%d/merge", segs[0].ID), w.Ed1,
		fmt.Sprintf(`{"revision": %d, "next_revision": %d}`, segs[0].Revision, segs[1].Revision))
	if status != 409 || !strings.Contains(body, "waiting for an editor") {
		t.Errorf("merge while a dismissal waits: %d %.300s", status, body)
	}
}

// TestJoinPartWithoutMT: a split inside words a correction wrote leaves
// the second part without MT text of its own, an empty range at the end of
// the first part's; joining it with the next segment must not start the
// MT text with the join's space, must check the carried words apart from
// the word before the range (the article has no space there, a version
// has), and must settle the merged segment as reviewed words: approved
// when nothing is open, not clean.
func TestJoinPartWithoutMT(t *testing.T) {
	// The first sentence ends in a letter, so the article has "fine"
	// right before the empty range: "fineIsaxon" hides the wrong form.
	const text = "The weather was fine\n\nIt rained later.\n"
	for _, tt := range []struct {
		name, correction, at string // at: the approved text is cut before it
		wantOpen, wantState  string
	}{
		{
			name: "a wrong form in the carried words stays flagged", correction: "The weather was fine, said Isaxon", at: "Isaxon",
			wantOpen: "glossary-variant", wantState: review.StateFlagged,
		},
		{
			name: "carried words without a wrong form are approved", correction: "The weather was fine, said our Walter.", at: "our",
			wantOpen: "", wantState: review.StateApproved,
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorld(t)
			ctx := context.Background()
			a := reviewtest.Must[*review.Article](t)(review.CreateArticle(ctx, w.DB, w.Checker, review.NewArticle{Title: "Join", Lang: "en", Text: text}))
			seg := w.segments(t, a.ID)[0] // clean: no queue gives it, an editor corrects it
			c := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Ed1, review.Submission{SegmentID: seg.ID, Text: tt.correction, Revision: seg.Revision}, nil))
			reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, w.Ed2, c.ID, false, nil))
			approved := w.segments(t, a.ID)[0]
			parts := reviewtest.Must[[]review.Segment](t)(review.SplitSegment(ctx, w.DB, w.Checker, w.Ed2,
				review.SplitRequest{SegmentID: approved.ID, Revision: approved.Revision, Offset: strings.Index(tt.correction, tt.at)}))
			segs := w.segments(t, a.ID)
			if len(segs) != 3 || parts[1].MTText != "" || parts[1].StartOffset != parts[0].EndOffset {
				t.Fatalf("after the split: %d segments, second part MT %q at %d (first ends at %d), want no MT at the first's end",
					len(segs), parts[1].MTText, parts[1].StartOffset, parts[0].EndOffset)
			}
			if parts[1].State != tt.wantState || openChecks(segs[1]) != tt.wantOpen {
				t.Errorf("second part %s with open %q, want %s with %q", parts[1].State, openChecks(segs[1]), tt.wantState, tt.wantOpen)
			}

			reviewtest.Must[*review.Segment](t)(review.MergeSegments(ctx, w.DB, w.Checker, w.Ed1,
				review.MergeRequest{SegmentID: segs[1].ID, Revision: segs[1].Revision, NextRevision: segs[2].Revision}))
			got := w.segments(t, a.ID)[1]
			wantCurrent := tt.correction[strings.Index(tt.correction, tt.at):] + " It rained later."
			if got.MTText != "It rained later." || got.CurrentText != wantCurrent {
				t.Errorf("merged MT %q, current %q; want %q, %q", got.MTText, got.CurrentText, "It rained later.", wantCurrent)
			}
			if got.State != tt.wantState || openChecks(got) != tt.wantOpen {
				t.Errorf("merged %s with flags %q (open %q), want %s with open %q", got.State, checks(got), openChecks(got), tt.wantState, tt.wantOpen)
			}
			placed(t, got)
		})
	}
}
