package review

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"lector/detect/segment"

	"gorm.io/gorm"
)

// recheck computes the flags of repaired segments the way CreateArticle
// does, over the article text around them so that the name checks see
// their context (recheckWindow): the article's range from..to is replaced by the parts (with
// gaps[i] between part i and i+1), the text is checked, and each part gets
// the findings that start in it or in the break after it (up to the next
// part, or to next, the article offset of the segment that follows; -1 for
// none). A finding that the cut between two parts goes through is
// dropped. A new flag that a person dismissed before (same check and text at
// the place the repair moved it to; for an old flag whose place is
// unknown, start -1, the first new flag that movedFlag.holds) stays
// dismissed with their reason.
func recheck(checker *Checker, art *repairArticle, from, to int, parts []*Segment, gaps []string, next int, old []movedFlag) ([][]Flag, error) {
	if art.Base > 0 { // offsets into the article, the text a part of it
		from, to = from-art.Base, to-art.Base
		if next >= 0 {
			next -= art.Base
		}
	}
	from, to = min(max(from, 0), len(art.Text)), min(max(to, from), len(art.Text))
	lo, hi := recheckWindow(art.Text, from, max(to, next))
	var b strings.Builder
	b.WriteString(art.Text[lo:from])
	// A version joins segments with white space (JoinSegments), so the
	// parts are checked apart from their neighbours even where the article
	// has nothing between them: a part without MT text of its own (a split
	// whose cut had no place in the MT text) has an empty range at the end
	// of the segment before it, and a wrong name glued to the word before
	// it there hides from the check while the published text shows it.
	if from > 0 && !endsSpace(art.Text[:from]) {
		b.WriteByte(' ')
	}
	starts := make([]int, len(parts))
	for i, p := range parts {
		if i > 0 {
			gap := gaps[i-1]
			if gap == "" {
				gap = " "
			}
			b.WriteString(gap)
		}
		starts[i] = b.Len()
		b.WriteString(p.MTText)
	}
	if to < len(art.Text) && !startsSpace(art.Text[to:]) {
		b.WriteByte(' ')
	}
	after := b.Len() // where art.Text[to] is in the checked text
	b.WriteString(art.Text[to:hi])
	text := b.String()
	bounds := make([]int, len(parts))
	for i := range parts {
		switch {
		case i+1 < len(parts):
			bounds[i] = starts[i+1]
		case next >= to:
			bounds[i] = next - to + after
		default:
			bounds[i] = len(text)
		}
	}
	partSources := make([]*sourceAt, len(parts))
	for i, p := range parts {
		partSources[i] = &sourceAt{Source: p.SourceText, LeftOut: p.SourceLeftOut, Edited: p.edited}
	}
	checked, err := checker.checkSourced(text, art.Lang, art.sources, func(x int) *sourceAt {
		switch {
		case x < starts[0]:
			return art.sources.at(art.Base + lo + x)
		case x >= after:
			return art.sources.at(art.Base + to + x - after)
		}
		i := len(parts) - 1
		for i > 0 && x < starts[i] {
			i--
		}
		return partSources[i]
	})
	if err != nil {
		return nil, err
	}
	dismissed := map[string]Flag{}
	var loose []movedFlag // no place in the checked text: by check, text and range, in order
	for _, m := range old {
		switch {
		case m.flag.Status != FlagDismissed:
		case m.start < 0:
			loose = append(loose, m)
		default:
			dismissed[m.key(m.part, m.start)] = m.flag
		}
	}
	out := make([][]Flag, len(parts))
	for _, c := range checked {
		for _, f := range c.Findings {
			for i, p := range parts {
				if f.Start < starts[i] || f.Start >= bounds[i] {
					continue
				}
				fl := flagOf(f, segment.Span{Start: starts[i], End: starts[i] + len(p.MTText), Text: p.MTText}, checker)
				if fl.StartOffset < len(p.MTText) && fl.EndOffset > len(p.MTText) {
					// A name a segment boundary goes through (an editor's cut,
					// or the edge of the text checked again): no segment has
					// it whole, so no flag of one can mark it.
					continue
				}
				d, ok := dismissed[movedFlag{flag: fl}.key(i, fl.StartOffset)]
				for j, m := range loose {
					if !ok && m.holds(i, &fl) {
						d, ok = m.flag, true
						loose = append(loose[:j:j], loose[j+1:]...)
						break
					}
				}
				if ok {
					fl.Status, fl.DismissReason, fl.ResolvedBy, fl.ResolvedAt = FlagDismissed, d.DismissReason, d.ResolvedBy, d.ResolvedAt
				}
				out[i] = append(out[i], fl)
			}
		}
	}
	return out, nil
}

// movedFlag is an old flag with the part and offset a repair moves its
// text to (start -1: no place in the checked text, see currentStart).
type movedFlag struct {
	flag        Flag
	part, start int
	lo, hi      int // where a flag without a place may be (holds)
}

func (m movedFlag) key(part, start int) string {
	return fmt.Sprintf("%d/%d/%s/%s", part, start, m.flag.Check, m.flag.Text)
}

// holds reports whether a new flag of part may be the old flag m whose
// place is unknown: same check and text, in the range of the checked
// part's text that the old flag's segment became (any part when m.part
// is -1, any range when hi is 0).
func (m movedFlag) holds(part int, f *Flag) bool {
	return m.flag.Check == f.Check && m.flag.Text == f.Text && (m.part < 0 || m.part == part) &&
		(m.hi == 0 || m.lo <= f.StartOffset && f.StartOffset < m.hi)
}

// oldFlags loads the flags of the segments being repaired.
func oldFlags(ctx context.Context, tx *gorm.DB, ids ...int64) ([]Flag, error) {
	var out []Flag
	err := tx.WithContext(ctx).Where("segment_id IN ?", ids).Order("segment_id, start_offset, id").Find(&out).Error
	return out, err
}

// followingStart is the article offset where the segment after s starts,
// -1 when s is the last.
func followingStart(ctx context.Context, tx *gorm.DB, s *Segment) (int, error) {
	var starts []int
	err := tx.WithContext(ctx).Model(&Segment{}).Where("article_id = ? AND position = ?", s.ArticleID, s.Position+1).
		Limit(1).Pluck("start_offset", &starts).Error
	if err != nil || len(starts) == 0 {
		return -1, err
	}
	return starts[0], nil
}

// An approval or a repair checks the whole article text while it is short
// (a news article is a few kilobytes), and only the paragraphs within
// recheckContext bytes of the change beyond recheckWholeBelow bytes: the
// check costs about a millisecond per 10 KB, and an approval of one
// sentence of a 5,000-segment text must not check all of it. The window
// keeps every cue the name checks read near a name (mentionNearby is 1 KB);
// only "the entry is named somewhere in the text" may then miss a mention
// farther away than recheckContext.
const (
	recheckWholeBelow = 16 << 10
	recheckContext    = 4 << 10
)

// recheckWindow is the range of text that recheck checks for a change of
// from..to (to including the break after it): all of a short text, else
// whole paragraphs reaching recheckContext bytes beyond the change on
// either side.
func recheckWindow(text string, from, to int) (lo, hi int) {
	if len(text) < recheckWholeBelow {
		return 0, len(text)
	}
	if p := from - recheckContext; p > 0 {
		if i := strings.LastIndex(text[:p], "\n\n"); i >= 0 {
			lo = i + 2
		}
	}
	hi = len(text)
	if p := to + recheckContext; p < len(text) {
		if i := strings.Index(text[p:], "\n\n"); i >= 0 {
			hi = p + i
		}
	}
	return lo, hi
}

// endsSpace and startsSpace report white space at the end or start of s.
func endsSpace(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r)
}

func startsSpace(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsSpace(r)
}
