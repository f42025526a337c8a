package review_test

import (
	"context"
	"slices"
	"testing"

	"lector/review"
	"lector/review/reviewtest"
)

// A translation that left out the third of four source sentences.
const (
	leftOutSource = "Маск прилетел в Берлин 12 марта. Там он посетил завод Tesla. " +
		"На заводе работают 11 000 человек, и Шольц назвал его образцовым. Вечером он улетел."
	leftOutText = "Musk flew to Berlin on March 12. There he visited the Tesla factory. In the evening he left."
	leftOut     = "На заводе работают 11 000 человек, и Шольц назвал его образцовым."
)

var wantLeftOutFlags = [][]string{
	nil,
	{"source-sentence-missing There he visited the Tesla factory. ->  | left out: " + leftOut},
	nil,
}

// A source sentence the translation left out has no segment, and is kept
// on the segment after which it stands, flagged there with the sentence in
// the flag's detail, whether the article is created with its source or
// imported with sources (an XLIFF segment without a target is not left
// out: it is untranslated, its source copied); a rescan finds it again and
// adds or closes nothing.
func TestLeftOutSourceSentenceStored(t *testing.T) {
	w := newWorld(t)
	eachWay(t, w, []articleWay{
		createdWay(review.NewArticle{Title: "Left out", Lang: "en", Text: leftOutText, SourceLang: "ru", SourceText: leftOutSource}),
		importedWay(review.ImportedArticle{Title: "Left out", Lang: "en", SourceLang: "ru", Segments: []review.ImportedSegment{
			{Source: "Маск прилетел в Берлин 12 марта.", MT: "Musk flew to Berlin on March 12."},
			{Source: "Там он посетил завод Tesla.", MT: "There he visited the Tesla factory."},
			{Source: leftOut},
			{Source: "Вечером он улетел.", MT: "In the evening he left."},
		}}),
	}, func(t *testing.T, a *review.Article) {
		if got := openFlags(t, w, a.ID); !slices.EqualFunc(got, wantLeftOutFlags, slices.Equal) {
			t.Fatalf("flags %q, want %q", got, wantLeftOutFlags)
		}
		if got := deref(a.Segments[1].SourceLeftOut); got != leftOut {
			t.Errorf("segment 1 keeps %q left out, want %q", got, leftOut)
		}
		rescanChangesNothing(t, w, a.ID, 3)
		if got := openFlags(t, w, a.ID); !slices.EqualFunc(got, wantLeftOutFlags, slices.Equal) {
			t.Errorf("flags after the rescan %q, want %q", got, wantLeftOutFlags)
		}
	})
}

// A source sentence left out before the first translated one is kept on
// the first segment.
func TestLeftOutBeforeTheFirstSegment(t *testing.T) {
	w := newWorld(t)
	a := reviewtest.Must[*review.Article](t)(review.ImportArticle(context.Background(), w.DB, w.Checker, review.ImportedArticle{
		Title: "Left out", Lang: "en", SourceLang: "ru", Segments: []review.ImportedSegment{
			{Source: "Вечером он улетел."},
			{Source: "Маск прилетел в Берлин 12 марта.", MT: "Musk flew to Berlin on March 12."},
		}}))
	want := [][]string{{"source-sentence-missing Musk flew to Berlin on March 12. ->  | left out: Вечером он улетел."}}
	if got := openFlags(t, w, a.ID); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("flags %q, want %q", got, want)
	}
}

// The translator resolves the flag by adding the sentence: the approved
// text is aligned again with the sentence left out. A correction that
// does not add it leaves the flag open.
func TestLeftOutSentenceAddedResolves(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	for _, tc := range []struct {
		name, text string
		resolved   []string
		open       []string
	}{
		{"the sentence added", "There he visited the Tesla factory. The factory employs 11,000 people, and Scholz called it exemplary.",
			[]string{"source-sentence-missing"}, nil},
		{"another change", "There he toured the Tesla factory.", nil, []string{"source-sentence-missing"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := reviewtest.Must[*review.Article](t)(review.CreateArticle(ctx, w.DB, w.Checker, review.NewArticle{Title: "Left out",
				Lang: "en", Text: leftOutText, SourceLang: "ru", SourceText: leftOutSource}))
			seg := a.Segments[1]
			claimed := reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr1, seg.ID))
			c := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Tr1, review.Submission{SegmentID: seg.ID,
				Text: tc.text, Revision: claimed.Revision}, nil))
			ap := reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, w.Ed1, c.ID, true, nil))
			if got := checksOf(ap.Resolved); !slices.Equal(got, tc.resolved) {
				t.Errorf("resolved %q, want %q", got, tc.resolved)
			}
			if got := checksOf(ap.Open); !slices.Equal(got, tc.open) {
				t.Errorf("open %q, want %q", got, tc.open)
			}
		})
	}
}

// A flag of a sentence left out may be dismissed like any other (the
// translation leaves it out on purpose): a rescan then finds it again and
// keeps it dismissed, and the segment's left-out sentence is not lost.
func TestLeftOutSentenceDismissed(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := reviewtest.Must[*review.Article](t)(review.CreateArticle(ctx, w.DB, w.Checker, review.NewArticle{Title: "Left out",
		Lang: "en", Text: leftOutText, SourceLang: "ru", SourceText: leftOutSource}))
	var flagID int64
	for _, f := range a.Segments[1].Flags {
		if f.Check == "source-sentence-missing" {
			flagID = f.ID
		}
	}
	if flagID == 0 {
		t.Fatalf("no source-sentence-missing flag on segment 1: %+v", a.Segments[1].Flags)
	}
	d, _, err := review.Dismiss(ctx, w.DB, w.Ed1, flagID, "The editor cut the sentence on purpose.")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := review.AcceptDismissal(ctx, w.DB, w.Ed2, d.ID, review.DismissalReview{}); err != nil {
		t.Fatal(err)
	}
	res := reviewtest.Must[review.RescanResult](t)(review.RescanArticle(ctx, w.DB, w.Checker, a.ID))
	if res.Added != 0 || res.Closed != 0 {
		t.Errorf("rescan after the dismissal %+v, want nothing added or closed", res)
	}
	var f review.Flag
	if err := w.DB.First(&f, flagID).Error; err != nil {
		t.Fatal(err)
	}
	if f.Status != review.FlagDismissed || f.Detail != leftOut {
		t.Errorf("flag after the rescan: status %s, detail %q; want dismissed with the sentence", f.Status, f.Detail)
	}
}
