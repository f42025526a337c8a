package review

import (
	"context"
	"strings"

	"gorm.io/gorm"
)

// recheck computes the flags of repaired segments the way CreateArticle
// does, over the whole article text so that the name checks see their
// context: the article's range from..to is replaced by the parts (with
// gaps[i] between part i and i+1), the text is checked, and each part gets
// the findings that start in it or in the break after it (up to the next
// part, or to next, the article offset of the segment that follows; -1 for
// none). A new flag that a person dismissed before (same check, same text)
// stays dismissed with their reason.
func recheck(checker *Checker, art *repairArticle, from, to int, parts []*Segment, gaps []string, next int, old []Flag) ([][]Flag, error) {
	from, to = min(max(from, 0), len(art.Text)), min(max(to, from), len(art.Text))
	var b strings.Builder
	b.WriteString(art.Text[:from])
	starts := make([]int, len(parts))
	for i, p := range parts {
		if i > 0 {
			b.WriteString(gaps[i-1])
		}
		starts[i] = b.Len()
		b.WriteString(p.MTText)
	}
	end := b.Len()
	b.WriteString(art.Text[to:])
	text := b.String()
	bounds := make([]int, len(parts))
	for i := range parts {
		switch {
		case i+1 < len(parts):
			bounds[i] = starts[i+1]
		case next >= to:
			bounds[i] = next - to + end
		default:
			bounds[i] = len(text)
		}
	}
	checked, err := checker.Check(text, art.Lang)
	if err != nil {
		return nil, err
	}
	dismissed := map[string]Flag{}
	for _, f := range old {
		if f.Status == FlagDismissed {
			dismissed[f.Check+"\x00"+f.Text] = f
		}
	}
	out := make([][]Flag, len(parts))
	for _, c := range checked {
		for _, f := range c.Findings {
			for i, p := range parts {
				if f.Start < starts[i] || f.Start >= bounds[i] {
					continue
				}
				fl := flagOf(f, Span{Start: starts[i], End: starts[i] + len(p.MTText), Text: p.MTText}, checker)
				fl.EndOffset = min(fl.EndOffset, len(p.MTText))
				if d, ok := dismissed[fl.Check+"\x00"+fl.Text]; ok {
					fl.Status, fl.DismissReason, fl.ResolvedBy, fl.ResolvedAt = FlagDismissed, d.DismissReason, d.ResolvedBy, d.ResolvedAt
				}
				out[i] = append(out[i], fl)
			}
		}
	}
	return out, nil
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
