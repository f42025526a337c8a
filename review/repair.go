package review

import (
	"context"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"lector/account"
	"lector/apperr"
)

// Repair actions: an editor fixes the segmentation.
const (
	ActMerge = "merge"
	ActSplit = "split"
)

// repairShift moves the positions after a repair out of the way before they
// are renumbered: UNIQUE (article_id, position) is checked row by row, so
// shifting them by one in a single statement could collide with itself.
const repairShift = 1 << 30

// MergeRequest joins a segment with the one after it. Both revisions are
// the ones the editor saw.
type MergeRequest struct {
	SegmentID    int64
	Revision     int
	NextRevision int
}

// SplitRequest cuts a segment in two at Offset, a byte offset into its
// current text; the white space around the cut is dropped.
type SplitRequest struct {
	SegmentID int64
	Revision  int
	Offset    int
}

// MergeSegments joins a segment with the next one into the first (which keeps its
// id, gets revision + 1 and the merged text); the next segment is deleted,
// its past corrections move to the merged one, and every later segment
// moves up a position (and a paragraph, when the two were in different
// paragraphs: the break between them was the mistake). The join is the
// suggestion of an open broken-paragraph flag on the break ("" for "$ 1." +
// "8 billion"), otherwise a space. Flags are recomputed. Editors only.
// Codes: unauthorized, forbidden, invalid, not_found, conflict (stale
// revision of either segment, the last segment, a segment leased by
// someone else, with a pending correction or a corrected text).
func MergeSegments(ctx context.Context, db *gorm.DB, checker *Checker, p *account.Principal, in MergeRequest) (*Segment, error) {
	if err := requireRole(p, account.RoleEditor); err != nil {
		return nil, err
	}
	if err := needRevision("revision", in.Revision); err != nil {
		return nil, err
	}
	if err := needRevision("next_revision", in.NextRevision); err != nil {
		return nil, err
	}
	checker = checker.Snapshot()
	var out *Segment
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		a, art, err := lockForRepair(ctx, tx, in.SegmentID)
		if err != nil {
			return err
		}
		var next []Segment
		if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).
			Where("article_id = ? AND position = ?", a.ArticleID, a.Position+1).Limit(1).Find(&next).Error; err != nil {
			return err
		}
		if len(next) == 0 {
			return apperr.New(apperr.Conflict, "error.merge_last", map[string]any{"ID": a.ID})
		}
		b := &next[0]
		if a.Revision != in.Revision {
			return StaleError(a, "")
		}
		if b.Revision != in.NextRevision {
			return StaleError(b, "")
		}
		for _, s := range []*Segment{a, b} {
			if err := repairable(s, p); err != nil {
				return err
			}
		}
		old, err := oldFlags(ctx, tx, a.ID, b.ID)
		if err != nil {
			return err
		}
		join := mergeJoin(a, old)
		merged := *a
		merged.EndOffset = b.EndOffset
		merged.MTText = a.MTText + join + b.MTText
		merged.CurrentText = merged.MTText
		merged.SourceText = joinSource(a.SourceText, b.SourceText)
		after, err := followingStart(ctx, tx, b)
		if err != nil {
			return err
		}
		var moved []movedFlag
		for _, f := range old {
			switch {
			case f.SegmentID == b.ID:
				moved = append(moved, movedFlag{flag: f, start: f.StartOffset + len(a.MTText) + len(join)})
			case f.StartOffset < len(a.MTText): // the break after a is gone
				moved = append(moved, movedFlag{flag: f, start: f.StartOffset})
			}
		}
		flags, err := recheck(checker, art, a.StartOffset, b.EndOffset, []*Segment{&merged}, nil, after, moved)
		if err != nil {
			return err
		}
		if err := tx.Where("segment_id IN ?", []int64{a.ID, b.ID}).Delete(&Flag{}).Error; err != nil {
			return err
		}
		if err := tx.Model(&Correction{}).Where("segment_id = ?", b.ID).Update("segment_id", a.ID).Error; err != nil {
			return err
		}
		if err := tx.Delete(&Segment{}, b.ID).Error; err != nil {
			return err
		}
		if err := renumber(tx, a.ArticleID, b.Position, -1, b.Paragraph-a.Paragraph); err != nil {
			return err
		}
		if out, err = saveRepaired(tx, &merged, flags[0]); err != nil {
			return err
		}
		detail := map[string]any{"merged": b.ID, "next_text": b.CurrentText, "join": join, "revision": out.Revision}
		if err := record(ctx, tx, p, out, ActMerge, a.State, out.State, a.CurrentText, out.CurrentText, detail); err != nil {
			return err
		}
		return record(ctx, tx, p, b, ActMerge, b.State, out.State, b.CurrentText, out.CurrentText, map[string]any{"into": a.ID})
	})
	if err != nil {
		return nil, wrap(err, "merge segments")
	}
	return out, nil
}

// SplitSegment cuts a segment in two: the first part keeps the id (revision + 1),
// its source text and its past corrections; the second part is a new
// segment in the same paragraph, right after it, and every later segment
// moves down a position. Flags are recomputed for both. Editors only.
// Codes: unauthorized, forbidden, invalid (offset), not_found, conflict
// (stale revision, segment leased by someone else, pending correction,
// corrected text).
func SplitSegment(ctx context.Context, db *gorm.DB, checker *Checker, p *account.Principal, in SplitRequest) ([]Segment, error) {
	if err := requireRole(p, account.RoleEditor); err != nil {
		return nil, err
	}
	if err := needRevision("revision", in.Revision); err != nil {
		return nil, err
	}
	checker = checker.Snapshot()
	var out []Segment
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		a, art, err := lockForRepair(ctx, tx, in.SegmentID)
		if err != nil {
			return err
		}
		if a.Revision != in.Revision {
			return StaleError(a, "")
		}
		if err := repairable(a, p); err != nil {
			return err
		}
		first, second, ok := cut(a.CurrentText, in.Offset)
		if !ok {
			return apperr.New(apperr.Invalid, "error.bad_split_offset",
				map[string]any{"Offset": in.Offset, "Length": len(a.CurrentText)})
		}
		one, two := *a, Segment{ArticleID: a.ArticleID, Position: a.Position + 1, Paragraph: a.Paragraph, Revision: 1}
		one.MTText, one.CurrentText = first, first
		one.EndOffset = min(a.StartOffset+len(first), a.EndOffset)
		two.MTText, two.CurrentText = second, second
		two.StartOffset = max(one.EndOffset, a.StartOffset+len(a.MTText)-len(second))
		two.EndOffset = max(a.EndOffset, two.StartOffset)
		old, err := oldFlags(ctx, tx, a.ID)
		if err != nil {
			return err
		}
		after, err := followingStart(ctx, tx, a)
		if err != nil {
			return err
		}
		gap := a.MTText[len(first) : len(a.MTText)-len(second)]
		moved := make([]movedFlag, len(old))
		for i, f := range old {
			moved[i] = movedFlag{flag: f, start: f.StartOffset}
			if f.StartOffset >= len(first) {
				moved[i].part, moved[i].start = 1, max(f.StartOffset-len(first)-len(gap), 0)
			}
		}
		flags, err := recheck(checker, art, a.StartOffset, a.EndOffset, []*Segment{&one, &two}, []string{gap}, after, moved)
		if err != nil {
			return err
		}
		if err := tx.Where("segment_id = ?", a.ID).Delete(&Flag{}).Error; err != nil {
			return err
		}
		if err := renumber(tx, a.ArticleID, a.Position, 1, 0); err != nil {
			return err
		}
		saved, err := saveRepaired(tx, &one, flags[0])
		if err != nil {
			return err
		}
		created, err := saveRepaired(tx, &two, flags[1])
		if err != nil {
			return err
		}
		detail := map[string]any{"offset": in.Offset, "into": created.ID, "next_text": created.CurrentText, "revision": saved.Revision}
		if err := record(ctx, tx, p, saved, ActSplit, a.State, saved.State, a.CurrentText, saved.CurrentText, detail); err != nil {
			return err
		}
		out = []Segment{*saved, *created}
		return record(ctx, tx, p, created, ActSplit, a.State, created.State, a.CurrentText, created.CurrentText,
			map[string]any{"from": a.ID, "offset": in.Offset})
	})
	if err != nil {
		return nil, wrap(err, "split segment")
	}
	return out, nil
}
