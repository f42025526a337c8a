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
// its past corrections and its comments move to the merged one, and every later segment
// moves up a position (and a paragraph, when the two were in different
// paragraphs: the break between them was the mistake). The join is the
// suggestion of an open broken-paragraph flag on the break ("" for "$ 1." +
// "8 billion"), otherwise a space, between the MT texts and between the
// current texts alike: a corrected and approved text is joined as it is.
// Flags are recomputed on the merged current text (repair_text.go); the
// break's flag is resolved by the join and recorded in the audit detail.
// The state follows settledState's rule: flagged while a flag is open,
// else approved when either part had an approved correction, else clean.
// Editors only. Codes: unauthorized, forbidden, invalid, not_found,
// conflict (stale revision of either segment, the last segment, a segment
// leased by someone else, with a pending correction or dismissal).
func MergeSegments(ctx context.Context, db *gorm.DB, checker *Checker, p *account.Principal, in MergeRequest) (*Segment, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
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
			if err := repairable(ctx, tx, s, p); err != nil {
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
		merged.MTText = joinText(a.MTText, join, b.MTText)
		merged.CurrentText = joinText(a.CurrentText, join, b.CurrentText)
		merged.SourceText = joinSource(a.SourceText, b.SourceText)
		// What the translation left out between the two now stands after
		// both.
		merged.SourceLeftOut = joinLeftOut(a.SourceLeftOut, b.SourceLeftOut)
		after, err := followingStart(ctx, tx, b)
		if err != nil {
			return err
		}
		// The flags are found again in the merged current text; an old
		// flag moves with its segment's current text.
		shift := len(a.CurrentText) + len(join)
		var resolved []Flag
		var places []movedFlag
		for _, f := range old {
			switch {
			case f.SegmentID == b.ID:
				m := movedFlag{flag: f, start: currentStart(b, &f), lo: shift, hi: len(merged.CurrentText)}
				if m.start >= 0 {
					m.start += shift
				}
				places = append(places, m)
			case isBreak(&f): // the break after a is gone
				if f.Status == FlagOpen {
					resolved = append(resolved, f)
				}
			default:
				places = append(places, movedFlag{flag: f, start: currentStart(a, &f), lo: 0, hi: max(len(a.CurrentText), 1)})
			}
		}
		flags, err := recheck(checker, art, a.StartOffset, b.EndOffset, checkedParts(&merged), nil, after, places)
		if err != nil {
			return err
		}
		placeFlags(flags, &merged)
		if err := tx.Where("segment_id IN ?", []int64{a.ID, b.ID}).Delete(&Flag{}).Error; err != nil {
			return err
		}
		if err := tx.Model(&Correction{}).Where("segment_id = ?", b.ID).Update("segment_id", a.ID).Error; err != nil {
			return err
		}
		// b's comment thread, and the notifications that point at it, join
		// a's (a thread reads in the order it was written), rather than go
		// with b's row.
		for _, table := range []string{"comments", "notifications"} {
			if err := tx.Exec(`UPDATE `+table+` SET segment_id = ? WHERE segment_id = ?`, a.ID, b.ID).Error; err != nil {
				return err
			}
		}
		if err := tx.Delete(&Segment{}, b.ID).Error; err != nil {
			return err
		}
		if err := renumber(tx, a.ArticleID, b.Position, -1, b.Paragraph-a.Paragraph); err != nil {
			return err
		}
		approved, err := hasApproved(ctx, tx, a.ID) // b's corrections are a's now
		if err != nil {
			return err
		}
		// A part's text a split carried over from an approved segment is
		// reviewed words without a correction of its own (settledState).
		if out, err = saveRepaired(tx, &merged, flags[0], approved || corrected(&merged)); err != nil {
			return err
		}
		detail := map[string]any{"merged": b.ID, "next_text": b.CurrentText, "join": join, "revision": out.Revision,
			"resolved": flagIDs(resolved), "mt_text": out.MTText}
		if corrected(a) || corrected(b) {
			detail["checked"] = OffsetsApproved // the flags were found in the approved text
		}
		if err := record(ctx, tx, p, out, ActMerge, a.State, out.State, a.CurrentText, out.CurrentText, detail); err != nil {
			return err
		}
		return record(ctx, tx, p, b, ActMerge, b.State, out.State, b.CurrentText, out.CurrentText, map[string]any{"into": a.ID})
	})
	if err != nil {
		return nil, apperr.Annotate(err, "merge segments")
	}
	return out, nil
}

// SplitSegment cuts a segment in two: the first part keeps the id (revision + 1),
// its source text, its past corrections and its comments; the second part is a new
// segment in the same paragraph, right after it, and every later segment
// moves down a position. The offset cuts the current text; the MT text is
// cut at the matching place (splitMT; where the correction changed the
// words at the cut, the first part keeps the whole MT text and the second
// gets none). Flags are recomputed for both on their current texts, and
// both take their state by settledState's rule, the second part as
// approved as the first when the text was reviewed. Editors only. Codes:
// unauthorized, forbidden, invalid (offset), not_found, conflict (stale
// revision, segment leased by someone else, pending correction or
// dismissal).
func SplitSegment(ctx context.Context, db *gorm.DB, checker *Checker, p *account.Principal, in SplitRequest) ([]Segment, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
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
		if err := repairable(ctx, tx, a, p); err != nil {
			return err
		}
		first, second, ok := cut(a.CurrentText, in.Offset)
		if !ok {
			return apperr.New(apperr.Invalid, "error.bad_split_offset",
				map[string]any{"Offset": in.Offset, "Length": len(a.CurrentText)})
		}
		mtFirst, mtSecond, mtCut := splitMT(a, in.Offset)
		one, two := *a, Segment{ArticleID: a.ArticleID, Position: a.Position + 1, Paragraph: a.Paragraph, Revision: 1}
		one.MTText, one.CurrentText = mtFirst, first
		one.EndOffset = min(a.StartOffset+len(mtFirst), a.EndOffset)
		two.MTText, two.CurrentText = mtSecond, second
		two.SourceText = a.SourceText // both halves translate the one source sentence
		one.SourceLeftOut, two.SourceLeftOut = nil, a.SourceLeftOut
		two.StartOffset = max(one.EndOffset, a.StartOffset+len(a.MTText)-len(mtSecond))
		two.EndOffset = max(a.EndOffset, two.StartOffset)
		old, err := oldFlags(ctx, tx, a.ID)
		if err != nil {
			return err
		}
		after, err := followingStart(ctx, tx, a)
		if err != nil {
			return err
		}
		// The flags are found again in the current texts of the parts; an
		// old flag moves with the part of the current text it was in.
		gap := a.CurrentText[len(first) : len(a.CurrentText)-len(second)]
		moved := make([]movedFlag, len(old))
		for i, f := range old {
			start := currentStart(a, &f)
			moved[i] = movedFlag{flag: f, start: start}
			switch {
			case start < 0:
				moved[i].part = -1
			case start >= len(first):
				moved[i].part, moved[i].start = 1, max(start-len(first)-len(gap), 0)
			}
		}
		flags, err := recheck(checker, art, a.StartOffset, a.EndOffset, checkedParts(&one, &two), []string{gap}, after, moved)
		if err != nil {
			return err
		}
		placeFlags(flags, &one, &two)
		approved, err := hasApproved(ctx, tx, a.ID)
		if err != nil {
			return err
		}
		if err := tx.Where("segment_id = ?", a.ID).Delete(&Flag{}).Error; err != nil {
			return err
		}
		if err := renumber(tx, a.ArticleID, a.Position, 1, 0); err != nil {
			return err
		}
		// A part is approved when it has an approved correction or its text
		// is reviewed words the machine did not write (a text carried over
		// from an approved segment), and clean when it is the machine's text
		// unchanged with no correction (settledState's rule). The second
		// part has no correction of its own: they stay with the first.
		saved, err := saveRepaired(tx, &one, flags[0], approved || corrected(&one))
		if err != nil {
			return err
		}
		approved = corrected(&two)
		created, err := saveRepaired(tx, &two, flags[1], approved)
		if err != nil {
			return err
		}
		detail := map[string]any{"offset": in.Offset, "into": created.ID, "next_text": created.CurrentText, "revision": saved.Revision,
			"mt_text": saved.MTText, "next_mt_text": created.MTText, "mt_cut": mtCut}
		if corrected(a) {
			detail["checked"] = OffsetsApproved
		}
		if err := record(ctx, tx, p, saved, ActSplit, a.State, saved.State, a.CurrentText, saved.CurrentText, detail); err != nil {
			return err
		}
		out = []Segment{*saved, *created}
		detail = map[string]any{"from": a.ID, "offset": in.Offset, "mt_text": created.MTText, "mt_cut": mtCut}
		if approved {
			detail["approved_text_of"] = a.ID // approved without a correction of its own: its text was reviewed in a
		}
		return record(ctx, tx, p, created, ActSplit, a.State, created.State, a.CurrentText, created.CurrentText, detail)
	})
	if err != nil {
		return nil, apperr.Annotate(err, "split segment")
	}
	return out, nil
}
