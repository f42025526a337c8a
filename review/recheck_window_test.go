package review

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"lector/detect/segment"
	"lector/glossary"
)

// seedChecker is the checker of the seed glossary, without a database.
func seedChecker(tb testing.TB) *Checker {
	tb.Helper()
	f, err := os.Open("../seeds/glossary.csv")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	entries, err := glossary.ParseCSV(f, "seeds/glossary.csv")
	if err != nil {
		tb.Fatal(err)
	}
	return NewChecker(entries)
}

// longArticle is n paragraphs of one sentence each, some of them with a
// wrong name, some with a false friend, and the offsets of paragraph i.
func longArticle(n int) (*repairArticle, []int) {
	var b strings.Builder
	starts := make([]int, n)
	for i := range n {
		if i > 0 {
			b.WriteString("\n\n")
		}
		starts[i] = b.Len()
		switch i % 3 {
		case 0:
			fmt.Fprintf(&b, "Ilon Musk spoke about topic number %d today.", i)
		case 1:
			fmt.Fprintf(&b, "The mask said that topic %d mattered.", i)
		default:
			fmt.Fprintf(&b, "Nothing was wrong with paragraph %d at all.", i)
		}
	}
	return &repairArticle{ID: 1, Lang: "en", Text: b.String()}, starts
}

// TestRecheckWindowFindsWhatTheWholeTextFinds: in a text long enough to be
// checked in a window, the flags of a changed paragraph are those a check of
// the whole text gives it.
func TestRecheckWindowFindsWhatTheWholeTextFinds(t *testing.T) {
	checker := seedChecker(t)
	art, starts := longArticle(6000)
	if len(art.Text) < 4*recheckWholeBelow {
		t.Fatalf("the article is %d bytes: too short to test the window", len(art.Text))
	}
	for _, i := range []int{0, 1, 2, 3000, 3001, 5999} {
		end := len(art.Text)
		if i+1 < len(starts) {
			end = strings.Index(art.Text[starts[i]:], "\n\n") + starts[i]
		}
		next := -1
		if i+1 < len(starts) {
			next = starts[i+1]
		}
		text := strings.Replace(art.Text[starts[i]:end], "topic", "the topic", 1)
		got, err := recheck(checker, art, starts[i], end, []*Segment{{MTText: text}}, nil, next, nil)
		if err != nil {
			t.Fatal(err)
		}
		whole := &repairArticle{ID: 1, Lang: "en", Text: art.Text}
		want, err := recheckWhole(checker, whole, starts[i], end, text, next)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(flagSummaries(got[0]), flagSummaries(want)) {
			t.Errorf("paragraph %d: window %v, whole text %v", i, flagSummaries(got[0]), flagSummaries(want))
		}
		if i%3 != 2 && len(want) == 0 {
			t.Errorf("paragraph %d: no flag at all in %q", i, text)
		}
	}
}

// recheckWhole is what recheck did before the window: the whole text with
// the change, checked, and the findings of the changed range.
func recheckWhole(checker *Checker, art *repairArticle, from, to int, text string, next int) ([]Flag, error) {
	whole := art.Text[:from] + text + art.Text[to:]
	checked, err := checker.Check(whole, art.Lang)
	if err != nil {
		return nil, err
	}
	bound := len(whole)
	if next >= 0 {
		bound = next - to + from + len(text)
	}
	var out []Flag
	for _, c := range checked {
		for _, f := range c.Findings {
			if f.Start >= from && f.Start < bound {
				fl := flagOf(f, segment.Span{Start: from, End: from + len(text), Text: text}, checker)
				if fl.StartOffset < len(text) && fl.EndOffset > len(text) {
					continue
				}
				out = append(out, fl)
			}
		}
	}
	return out, nil
}

func flagSummaries(flags []Flag) []string {
	var out []string
	for _, f := range flags {
		out = append(out, fmt.Sprintf("%s %q %d..%d %.2f", f.Check, f.Text, f.StartOffset, f.EndOffset, f.Confidence))
	}
	return out
}

// BenchmarkRecheckLongArticle is the check an approval (or a repair) of one
// sentence runs, in an article of 6,000 paragraphs (about 300 KB): "whole"
// checks the whole text, as approvals did at first; "window" is recheck,
// which checks the paragraphs within recheckContext of the change.
//
//	go test ./review -run '^$' -bench RecheckLongArticle -count 3
func BenchmarkRecheckLongArticle(b *testing.B) {
	checker := seedChecker(b)
	art, starts := longArticle(6000)
	i := 3000
	end := strings.Index(art.Text[starts[i]:], "\n\n") + starts[i]
	text := strings.Replace(art.Text[starts[i]:end], "Ilon", "Elon", 1)
	b.Run("whole", func(b *testing.B) {
		for b.Loop() {
			if _, err := recheckWhole(checker, art, starts[i], end, text, starts[i+1]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("window", func(b *testing.B) {
		for b.Loop() {
			if _, err := recheck(checker, art, starts[i], end, []*Segment{{MTText: text}}, nil, starts[i+1], nil); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestApprovalReadsTheParagraphsAround: an approval in a long article
// reads only the paragraphs around its segment from the database, and its
// plan is the one the whole text gives, for segments at the start, in the
// middle and at the end, and with a Cyrillic paragraph beside the cut so
// that the byte slice must not split a character.
func TestApprovalReadsTheParagraphsAround(t *testing.T) {
	w := newPropWorld(t)
	ctx := context.Background()
	art, _ := longArticle(3000)
	text := strings.Replace(art.Text, "Nothing was wrong with paragraph 1499 at all.", "Илон Маск ничего не сказал о параграфе.", 1)
	a, err := CreateArticle(ctx, w.db, w.checker, NewArticle{Title: "Long", Lang: "en", Text: text})
	if err != nil {
		t.Fatal(err)
	}
	var segs []Segment
	if err := w.db.Where("article_id = ?", a.ID).Order("position").Find(&segs).Error; err != nil {
		t.Fatal(err)
	}
	whole, err := reflagArticle(ctx, w.db, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, pos := range []int{0, 1, 1500, 1501, len(segs) - 1} {
		seg := &segs[pos]
		part, err := reflagArticleAround(ctx, w.db, seg)
		if err != nil {
			t.Fatal(err)
		}
		if pos == 1500 && (part.Base == 0 || len(part.Text) >= len(whole.Text)/4) {
			t.Errorf("segment %d: read %d bytes from %d of %d; want the paragraphs around it", pos, len(part.Text), part.Base, len(whole.Text))
		}
		if whole.Text[part.Base:part.Base+len(part.Text)] != part.Text {
			t.Fatalf("segment %d: the part read is not the article's text at %d", pos, part.Base)
		}
		approved := strings.Replace(seg.MTText, "Ilon", "Elon", 1) + " Ilon Musk agreed."
		got, err := planReflagIn(ctx, w.db, w.checker, part, seg, approved)
		if err != nil {
			t.Fatal(err)
		}
		want, err := planReflagIn(ctx, w.db, w.checker, whole, seg, approved)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(flagSummaries(got.Open), flagSummaries(got.Resolved)) != fmt.Sprint(flagSummaries(want.Open), flagSummaries(want.Resolved)) {
			t.Errorf("segment %d: open %v resolved %v; the whole text gives open %v resolved %v", pos,
				flagSummaries(got.Open), flagSummaries(got.Resolved), flagSummaries(want.Open), flagSummaries(want.Resolved))
		}
		if len(got.Open) == 0 {
			t.Errorf("segment %d: no open flag for the Ilon Musk the approval adds", pos)
		}
	}
}
