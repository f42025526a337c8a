package review_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"lector/glossary"
	"lector/review"
	"lector/review/reviewtest"
)

// A pair whose second sentence dropped the name the source holds, and
// whose third has no counterpart in the source.
const (
	pairSource = "Маск прилетел в Берлин. Маск отказался от комментариев."
	pairText   = "Musk flew to Berlin. The billionaire declined to comment. " +
		"Officials in Washington said the visit was of great interest to them."
)

// pairXLIFF is the pair as an XLIFF file: the third segment's source is
// empty.
const pairXLIFF = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" trgLang="en">
 <file id="f"><unit id="u1">
  <segment><source>Маск прилетел в Берлин.</source><target>Musk flew to Berlin.</target></segment>
  <segment><source>Маск отказался от комментариев.</source><target>The billionaire declined to comment.</target></segment>
  <segment><source></source><target>Officials in Washington said the visit was of great interest to them.</target></segment>
 </unit></file>
</xliff>`

// pairSegments are the pair as an import's segments, aligned already.
func pairSegments() []review.ImportedSegment {
	return []review.ImportedSegment{
		{Source: "Маск прилетел в Берлин.", MT: "Musk flew to Berlin."},
		{Source: "Маск отказался от комментариев.", MT: "The billionaire declined to comment."},
		{MT: "Officials in Washington said the visit was of great interest to them."},
	}
}

// openFlags lists the open flags of an article by segment position as
// "check text -> suggestion", name and alignment checks only.
func openFlags(t *testing.T, w *world, articleID int64) [][]string {
	t.Helper()
	a, err := review.GetArticle(context.Background(), w.DB, articleID)
	if err != nil {
		t.Fatal(err)
	}
	out := make([][]string, len(a.Segments))
	for i, s := range a.Segments {
		for _, f := range s.Flags {
			if f.Kind == "typography" {
				continue
			}
			line := fmt.Sprintf("%s %s -> %s", f.Check, f.Text, f.Suggestion)
			if f.Detail != "" {
				line += " | left out: " + f.Detail
			}
			out[i] = append(out[i], line)
			if f.Check == "source-name-missing" && f.GlossaryEntryID == nil {
				t.Errorf("flag %s has no glossary entry", f.Check)
			}
		}
	}
	return out
}

var wantPairFlags = [][]string{
	nil,
	{"source-name-missing The billionaire declined to comment. -> Musk"},
	{"sentence-not-in-source Officials in Washington said the visit was of great interest to them. -> "},
}

// Every way an article with a source comes in stores the source-aware
// findings as flags, and a rescan with the same glossary finds them again:
// it adds and closes nothing.
func TestSourceFindingsStoredAsFlags(t *testing.T) {
	w := newWorld(t)
	eachWay(t, w, []articleWay{
		createdWay(review.NewArticle{Title: "Pair", Lang: "en", Text: pairText, SourceLang: "ru", SourceText: pairSource,
			CreatedBy: &w.Ed1.UserID}),
		importedWay(review.ImportedArticle{Title: "Pair", Lang: "en", SourceLang: "ru", Segments: pairSegments(),
			CreatedBy: &w.Ed1.UserID}),
		{"imported from XLIFF", func(ctx context.Context, w *world) (*review.Article, error) {
			return review.ImportXLIFF(ctx, w.DB, w.Checker, strings.NewReader(pairXLIFF), review.XLIFFImport{File: "pair.xlf",
				Title: "Pair", CreatedBy: &w.Ed1.UserID})
		}},
	}, func(t *testing.T, a *review.Article) {
		if got := openFlags(t, w, a.ID); !slices.EqualFunc(got, wantPairFlags, slices.Equal) {
			t.Fatalf("flags %q, want %q", got, wantPairFlags)
		}
		if a.Segments[1].State != review.StateFlagged || a.Segments[0].State != review.StateClean {
			t.Errorf("states %s, %s; want clean, flagged", a.Segments[0].State, a.Segments[1].State)
		}
		rescanChangesNothing(t, w, a.ID, 3)
	})
}

// articleWay is one way an article with a source comes in: created,
// imported, imported from XLIFF.
type articleWay struct {
	name   string
	create func(ctx context.Context, w *world) (*review.Article, error)
}

// createdWay creates the article a describes.
func createdWay(a review.NewArticle) articleWay {
	return articleWay{"created with a source", func(ctx context.Context, w *world) (*review.Article, error) {
		return review.CreateArticle(ctx, w.DB, w.Checker, a)
	}}
}

// importedWay imports the article a describes, its segments aligned.
func importedWay(a review.ImportedArticle) articleWay {
	return articleWay{"imported with sources", func(ctx context.Context, w *world) (*review.Article, error) {
		return review.ImportArticle(ctx, w.DB, w.Checker, a)
	}}
}

// eachWay stores an article each way in w and runs check on it, in a
// subtest named for the way.
func eachWay(t *testing.T, w *world, ways []articleWay, check func(t *testing.T, a *review.Article)) {
	t.Helper()
	for _, way := range ways {
		t.Run(way.name, func(t *testing.T) {
			a, err := way.create(context.Background(), w)
			if err != nil {
				t.Fatal(err)
			}
			check(t, a)
		})
	}
}

// A rescan flags what a new glossary says the source holds, and a source
// that agrees with the translation gives nothing to flag.
func TestRescanChecksAgainstTheSource(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a, err := review.CreateArticle(ctx, w.DB, review.NewChecker(nil), review.NewArticle{Title: "Pair", Lang: "en",
		Text: pairText, SourceLang: "ru", SourceText: pairSource})
	if err != nil {
		t.Fatal(err)
	}
	if got := openFlags(t, w, a.ID); len(got[1]) != 0 {
		t.Fatalf("flags %q before the glossary knows Musk, want none on segment 1", got)
	}
	res, err := review.RescanArticle(ctx, w.DB, w.Checker, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 1 || res.Flagged != 1 {
		t.Errorf("rescan %+v, want 1 flag added, 1 segment flagged", res)
	}
	if got := openFlags(t, w, a.ID); !slices.EqualFunc(got, wantPairFlags, slices.Equal) {
		t.Errorf("flags %q, want %q", got, wantPairFlags)
	}
}

// An approval checks the approved text against the segment's source: a
// correction that puts the name back resolves the flag, one that drops the
// name of a clean segment brings a new one.
func TestApprovalChecksAgainstTheSource(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a, err := review.CreateArticle(ctx, w.DB, w.Checker, review.NewArticle{Title: "Pair", Lang: "en", Text: pairText,
		SourceLang: "ru", SourceText: pairSource})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, from, to      string
		state               string
		resolved, new, kept []string // checks
	}{
		{"the name put back", "The billionaire", "Musk", review.StateApproved, []string{"source-name-missing"}, nil, nil},
		{"the name dropped", "Musk flew", "He flew", review.StateFlagged, nil, []string{"source-name-missing"}, []string{"source-name-missing"}},
		{"a sentence without a source corrected", "in Washington", "in Washington, D.C.,", review.StateFlagged, nil, nil,
			[]string{"sentence-not-in-source"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var seg review.Segment
			for _, s := range a.Segments {
				if strings.Contains(s.MTText, tc.from) {
					seg = s
				}
			}
			claimed := reviewtest.Must[*review.Segment](t)(review.ClaimSegment(ctx, w.DB, w.Tr1, seg.ID))
			c := reviewtest.Must[*review.Correction](t)(review.Submit(ctx, w.DB, w.Tr1, review.Submission{SegmentID: seg.ID,
				Text: strings.Replace(claimed.CurrentText, tc.from, tc.to, 1), Revision: claimed.Revision}, nil))
			ap := reviewtest.Must[*review.Approval](t)(review.Approve(ctx, w.DB, w.Checker, w.Ed1, c.ID, false, nil))
			if ap.State != tc.state {
				t.Errorf("state %s, want %s", ap.State, tc.state)
			}
			if got := checksOf(ap.Resolved); !slices.Equal(got, tc.resolved) {
				t.Errorf("resolved %q, want %q", got, tc.resolved)
			}
			if got := checksOf(ap.New); !slices.Equal(got, tc.new) {
				t.Errorf("new %q, want %q", got, tc.new)
			}
			if got := checksOf(ap.Open); !slices.Equal(got, tc.kept) {
				t.Errorf("open %q, want %q", got, tc.kept)
			}
		})
	}
}

func checksOf(flags []review.Flag) []string {
	var out []string
	for _, f := range flags {
		out = append(out, f.Check)
	}
	return out
}

// A name outside the glossary that the translation spells in two ways is
// flagged with its romanization, and that romanization is proposed as a
// new glossary entry: once, however many articles and rescans find it,
// each flag one piece of evidence, and never again once rejected.
func TestInconsistentRenderingProposesAnEntry(t *testing.T) {
	w, base := servedWorld(t)
	ctx := context.Background()
	create := func() *review.Article {
		t.Helper()
		return reviewtest.Must[*review.Article](t)(review.CreateArticle(ctx, w.DB, w.Checker, review.NewArticle{Title: "Petrenko",
			Lang: "en", SourceLang: "uk",
			SourceText: "Петренко заявив, що зустріч була корисною. Журналісти запитали Петренка про деталі.",
			Text:       "Petrenko said the meeting was useful. Journalists asked Petrenka about the details."}))
	}
	open := func() []glossary.ProposalView {
		t.Helper()
		return reviewtest.Must[[]glossary.ProposalView](t)(glossary.ListProposals(ctx, w.DB, glossary.ProposalOpen))
	}
	a := create()
	if got := openFlags(t, w, a.ID); len(got) != 2 || !slices.Equal(got[1], []string{"inconsistent-rendering Petrenka -> Petrenko"}) {
		t.Fatalf("flags %q, want Petrenka flagged on segment 1", got)
	}
	ps := open()
	if len(ps) != 1 || ps[0].Kind != glossary.ProposeEntry || ps[0].SourceLang != "uk" || ps[0].SourceForm != "Петренко" ||
		ps[0].Lang != "en" || ps[0].Form != "Petrenko" || ps[0].EvidenceCount != 1 || ps[0].Evidence[0].Form != "Petrenka" {
		t.Fatalf("proposals %+v, want one new entry Петренко → Petrenko with Petrenka as evidence", ps)
	}
	// Glossary maintainers find it in their queue, with the flagged spelling.
	reviewtest.Page(t, base, "/glossary/proposals", w.Reader, 200, "Add the new entry Петренко (uk) → “Petrenko”",
		`<mark class="learned">Petrenka</mark>`)
	create()
	if _, err := review.RescanArticle(ctx, w.DB, w.Checker, a.ID); err != nil {
		t.Fatal(err)
	}
	if ps = open(); len(ps) != 1 || ps[0].EvidenceCount != 2 {
		t.Fatalf("after a second article and a rescan: %+v, want the one proposal with 2 pieces of evidence", ps)
	}
	if _, err := glossary.DecideProposal(ctx, w.DB, ps[0].ID, false, &w.Ed1.UserID, "", nil); err != nil {
		t.Fatal(err)
	}
	create()
	if ps = open(); len(ps) != 0 {
		t.Errorf("proposals after a rejection %+v, want none", ps)
	}
}

// A split segment's halves translate the one source sentence: both keep
// it, and the name the sentence dropped is flagged on the first half, not
// lost at the cut, nor the second half called a sentence without a source.
func TestSplitKeepsTheSource(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	a := reviewtest.Must[*review.Article](t)(review.CreateArticle(ctx, w.DB, w.Checker, review.NewArticle{Title: "Pair", Lang: "en",
		Text: pairText, SourceLang: "ru", SourceText: pairSource}))
	seg := a.Segments[1]
	at := strings.Index(seg.MTText, "declined")
	parts := reviewtest.Must[[]review.Segment](t)(review.SplitSegment(ctx, w.DB, w.Checker, w.Ed2,
		review.SplitRequest{SegmentID: seg.ID, Revision: seg.Revision, Offset: at}))
	for i, p := range parts {
		if p.SourceText == nil || *p.SourceText != "Маск отказался от комментариев." {
			t.Errorf("part %d source %q, want the segment's", i, deref(p.SourceText))
		}
	}
	got := openFlags(t, w, a.ID)
	want := [][]string{nil, {"source-name-missing The billionaire -> Musk"}, nil, wantPairFlags[2]}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("flags after the split %q, want %q", got, want)
	}
	res, err := review.RescanArticle(ctx, w.DB, w.Checker, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 0 || res.Closed != 0 {
		t.Errorf("rescan after the split %+v, want nothing added or closed", res)
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// rescanChangesNothing rescans the article with the same glossary: it
// must look at its segments and add or close no flag.
func rescanChangesNothing(t *testing.T, w *world, articleID int64, segments int) {
	t.Helper()
	res, err := review.RescanArticle(context.Background(), w.DB, w.Checker, articleID)
	if err != nil {
		t.Fatal(err)
	}
	if res.Added != 0 || res.Closed != 0 || res.Segments != segments {
		t.Errorf("rescan with the same glossary %+v, want %d segments, nothing added or closed", res, segments)
	}
}
