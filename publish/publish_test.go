package publish_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"lector/account"
	"lector/apperr"
	"lector/publish"
	"lector/review"
	"lector/review/reviewtest"
)

// correct has tr claim the next flagged segment of article a and submit the
// Ilon → Elon fix; it returns the pending correction.
func (w *world) correct(t *testing.T, tr *account.Principal, a *review.Article) *review.Correction {
	t.Helper()
	ctx := context.Background()
	seg := reviewtest.Must[*review.Segment](t)(review.Claim(ctx, w.DB, tr, review.QueueFilter{ArticleID: a.ID}))
	if seg == nil {
		t.Fatal("nothing left to claim")
	}
	return reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, tr, review.Submission{SegmentID: seg.ID,
		Text: strings.Replace(seg.MTText, "Ilon Musk", "Elon Musk", 1), Revision: seg.Revision}, nil))
}

// approve has ed approve correction c.
func (w *world) approve(t *testing.T, ed *account.Principal, c *review.Correction) {
	t.Helper()
	reviewtest.Must[*review.Approval](t)(review.Approve(context.Background(), w.DB, w.Checker, ed, c.ID, false, nil))
}

// approved is a correction by tr of article a that ed has approved.
func (w *world) approved(t *testing.T, tr, ed *account.Principal, a *review.Article) *review.Correction {
	t.Helper()
	c := w.correct(t, tr, a)
	w.approve(t, ed, c)
	return c
}

func TestPublishAppliesApprovedOnly(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "review.Publish", 3)
	approved := w.approved(t, w.Tr1, w.Ed1, a)
	pending := w.correct(t, w.Tr2, a)

	// Pending corrections: a conflict naming the count, unless partial.
	_, err := review.Publish(ctx, w.DB, w.Ed1, a.ID, review.PublishOptions{})
	reviewtest.WantCode(t, err, apperr.Conflict)
	if ae := apperr.As(err); ae.MessageID != "error.publish_pending" || ae.Data["Count"] != 1 {
		t.Errorf("conflict %+v, want error.publish_pending with Count 1", ae)
	}
	v1 := reviewtest.Must[*review.Version](t)(review.Publish(ctx, w.DB, w.Ed2, a.ID, review.PublishOptions{Partial: true, Note: "  first cut "}))
	want := "Elon Musk spoke about topic number 1 today.\n\nIlon Musk spoke about topic number 2 today.\n\nIlon Musk spoke about topic number 3 today."
	if v1.Number != 1 || !v1.Partial || v1.Note != "first cut" || v1.Text != want || *v1.PublishedBy != w.Ed2.UserID {
		t.Fatalf("version 1: number %d partial %v note %q by %v text %q", v1.Number, v1.Partial, v1.Note, *v1.PublishedBy, v1.Text)
	}
	// Provenance: the approved segment names its correction, author and
	// approver; the pending one publishes its MT text and names nobody.
	got := reviewtest.Must[*review.Version](t)(publish.ArticleVersion(ctx, w.DB, w.Tr1, a.ID, 1))
	s0, s1 := got.Segments[0], got.Segments[1]
	if s0.State != review.StateApproved || s0.CorrectionID == nil || *s0.CorrectionID != approved.ID ||
		*s0.AuthorID != w.Tr1.UserID || *s0.ApproverID != w.Ed1.UserID || s0.MTText == s0.Text {
		t.Errorf("approved segment %+v", s0)
	}
	if s1.State != review.StateCorrected || s1.CorrectionID != nil || s1.AuthorID != nil || s1.Text != s1.MTText {
		t.Errorf("pending segment %+v", s1)
	}
	if got.Text != want || review.JoinSegments(got.Segments) != want {
		t.Errorf("stored text %q", got.Text)
	}

	// A later approval changes the next version, never version 1.
	w.approve(t, w.Ed1, pending)
	rejected := w.correct(t, w.Tr1, a)
	reviewtest.Must[*review.Correction](t)(review.Reject(ctx, w.DB, w.Ed2, rejected.ID, "style", "no", nil))
	v2 := reviewtest.Must[*review.Version](t)(review.Publish(ctx, w.DB, w.Ed1, a.ID, review.PublishOptions{}))
	if v2.Number != 2 || v2.Partial || !strings.Contains(v2.Text, "Elon Musk spoke about topic number 2") ||
		!strings.Contains(v2.Text, "Ilon Musk spoke about topic number 3") {
		t.Errorf("version 2: %d partial %v %q", v2.Number, v2.Partial, v2.Text)
	}
	if v2.Segments[2].State != review.StateRejected || v2.Segments[2].CorrectionID != nil {
		t.Errorf("rejected segment %+v", v2.Segments[2])
	}
	again := reviewtest.Must[*review.Version](t)(publish.ArticleVersion(ctx, w.DB, w.Tr1, a.ID, 1))
	if again.Text != want || again.Segments[1].Text != again.Segments[1].MTText {
		t.Errorf("version 1 changed after a later approval: %q", again.Text)
	}

	list := reviewtest.Must[[]review.VersionSummary](t)(publish.ArticleVersions(ctx, w.DB, w.Reader, a.ID))
	if len(list) != 2 || list[0].Number != 2 || list[1].Number != 1 || !list[1].Partial || list[1].Note != "first cut" ||
		list[1].PublishedByName != "ed2@example.org" || list[1].Corrected != 1 || list[0].Corrected != 2 || list[0].Segments != 3 {
		t.Errorf("versions %+v", list)
	}
	events := reviewtest.Must[[]review.HistoryEvent](t)(review.ArticleActivity(ctx, w.DB, w.Tr1, a.ID, 0))
	if events[0].Action != review.ActPublish || events[0].Actor != "ed1@example.org" || !strings.Contains(string(events[0].Detail), `"number": 2`) {
		t.Errorf("latest event %+v", events[0])
	}
}

func TestPublishKeepsParagraphs(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	text := "A headline here\n\nIlon Musk spoke today. He left early.\nThe end came soon.\n\nLast words."
	a := reviewtest.Must[*review.Article](t)(review.CreateArticle(ctx, w.DB, w.Checker, review.NewArticle{Title: "Paragraphs", Lang: "en", Text: text}))
	v := reviewtest.Must[*review.Version](t)(review.Publish(ctx, w.DB, w.Ed1, a.ID, review.PublishOptions{}))
	want := "A headline here\n\nIlon Musk spoke today. He left early. The end came soon.\n\nLast words."
	if v.Text != want {
		t.Errorf("text %q, want %q", v.Text, want)
	}
	mt := reviewtest.Must[*review.Version](t)(publish.ArticleVersion(ctx, w.DB, w.Tr1, a.ID, 0))
	if mt.Number != 0 || mt.Text != want {
		t.Errorf("MT version %d %q", mt.Number, mt.Text)
	}
}

func TestPublishRefusals(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Refusals", 1)
	tests := []struct {
		name    string
		p       *account.Principal
		article int64
		note    string
		code    apperr.Code
	}{
		{"anonymous", nil, a.ID, "", apperr.Unauthorized},
		{"translator", w.Tr1, a.ID, "", apperr.Forbidden},
		{"glossary maintainer", w.Reader, a.ID, "", apperr.Forbidden},
		{"no such article", w.Ed1, 999999, "", apperr.NotFound},
		{"note too long", w.Ed1, a.ID, strings.Repeat("n", review.MaxNoteRunes+1), apperr.Invalid},
		{"note not UTF-8", w.Ed1, a.ID, "bad \xff", apperr.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := review.Publish(ctx, w.DB, tt.p, tt.article, review.PublishOptions{Note: tt.note})
			reviewtest.WantCode(t, err, tt.code)
		})
	}
	if list := reviewtest.Must[[]review.VersionSummary](t)(publish.ArticleVersions(ctx, w.DB, w.Ed1, a.ID)); len(list) != 0 {
		t.Errorf("refused publications stored %d versions", len(list))
	}
	_, err := publish.ArticleVersion(ctx, w.DB, w.Ed1, a.ID, 1)
	reviewtest.WantCode(t, err, apperr.NotFound)
	_, err = publish.ArticleVersions(ctx, w.DB, nil, a.ID)
	reviewtest.WantCode(t, err, apperr.Unauthorized)
}

// TestConcurrentPublishing: editors publishing at once get 1..n, each once.
func TestConcurrentPublishing(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Race", 4)
	w.correct(t, w.Tr1, a) // pending: every publication is partial
	const n = 8
	numbers := make([]int, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ed := w.Ed1
			if i%2 == 1 {
				ed = w.Ed2
			}
			v, err := review.Publish(ctx, w.DB, ed, a.ID, review.PublishOptions{Partial: true})
			errs[i] = err
			if err == nil {
				numbers[i] = v.Number
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(numbers)
	if !slices.Equal(numbers, []int{1, 2, 3, 4, 5, 6, 7, 8}) {
		t.Errorf("numbers %v, want 1..8", numbers)
	}
}

func TestVersionDiffProvenance(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := w.Article(t, "Diff", 2)
	w.approved(t, w.Tr1, w.Ed1, a)
	reviewtest.Must[*review.Version](t)(review.Publish(ctx, w.DB, w.Ed1, a.ID, review.PublishOptions{}))
	w.approved(t, w.Tr2, w.Ed2, a)
	reviewtest.Must[*review.Version](t)(review.Publish(ctx, w.DB, w.Ed1, a.ID, review.PublishOptions{}))

	tests := []struct {
		name     string
		from, to int
		changed  []string // the ops of changed pieces, with who is behind them
	}{
		{"MT to version 1", 0, 1, []string{"[-Ilon-]{+Elon+} Musk spoke about topic number 1 today. to:tr1@example.org>ed1@example.org"}},
		{"MT to version 2", 0, 2, []string{
			"[-Ilon-]{+Elon+} Musk spoke about topic number 1 today. to:tr1@example.org>ed1@example.org",
			"[-Ilon-]{+Elon+} Musk spoke about topic number 2 today. to:tr2@example.org>ed2@example.org"}},
		{"version 1 to 2", 1, 2, []string{"[-Ilon-]{+Elon+} Musk spoke about topic number 2 today. to:tr2@example.org>ed2@example.org"}},
		{"backwards", 2, 0, []string{
			"[-Elon-]{+Ilon+} Musk spoke about topic number 1 today. from:tr1@example.org>ed1@example.org",
			"[-Elon-]{+Ilon+} Musk spoke about topic number 2 today. from:tr2@example.org>ed2@example.org"}},
		{"same version", 2, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := reviewtest.Must[*publish.VersionDiffResult](t)(publish.VersionDiff(ctx, w.DB, w.Reader, a.ID, tt.from, tt.to))
			var got []string
			for _, s := range d.Segments {
				if s.Changed {
					got = append(got, diffString(s.Ops)+" "+provenance(s.Corrections))
				}
			}
			if !slices.Equal(got, tt.changed) || d.Changed != len(tt.changed) || len(d.Segments) != 2 {
				t.Errorf("changed %q (%d of %d), want %q", got, d.Changed, len(d.Segments), tt.changed)
			}
		})
	}
	_, err := publish.VersionDiff(ctx, w.DB, w.Reader, a.ID, 1, 3)
	reviewtest.WantCode(t, err, apperr.NotFound)
	_, err = publish.VersionDiff(ctx, w.DB, w.Reader, 999999, 0, 1)
	reviewtest.WantCode(t, err, apperr.NotFound)
	_, err = publish.VersionDiff(ctx, w.DB, nil, a.ID, 0, 1)
	reviewtest.WantCode(t, err, apperr.Unauthorized)
}

// diffString shows ops with [-deleted-] and {+inserted+} marks.
func diffString(ops []review.DiffOp) string {
	var b strings.Builder
	for _, o := range ops {
		switch o.Op {
		case review.OpDelete:
			b.WriteString("[-" + o.Text + "-]")
		case review.OpInsert:
			b.WriteString("{+" + o.Text + "+}")
		default:
			b.WriteString(o.Text)
		}
	}
	return b.String()
}

// provenance shows corrections as side:author>approver (ids when no name
// was filled).
func provenance(cs []publish.CorrectionRef) string {
	var parts []string
	for _, c := range cs {
		name := func(p *publish.Person) string {
			switch {
			case p == nil:
				return "-"
			case p.Name != "":
				return p.Name
			}
			return fmt.Sprintf("#%d", p.ID)
		}
		parts = append(parts, c.Side+":"+name(c.Author)+">"+name(c.Approver))
	}
	return strings.Join(parts, " ")
}
