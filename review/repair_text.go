package review

import (
	"context"
	"strings"
	"unicode"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
)

// Repairs of corrected segments (issue 14): a broken-paragraph flag is
// resolved only by a join or a split, so an approved text must not stand
// in the way of either. A repair cuts or joins both texts of a segment,
// the MT text and the current one (the last approved text: a pending
// correction is refused), and checks the current text, which is what a
// version publishes. While nobody corrected the segment the two are the
// same and the repair is what it always was.

// repairable refuses segments someone is working on, the real conflicts:
// leased by another person, a correction waiting for review (it was
// written against the old boundaries), a dismissal waiting for an editor
// (its flag is recomputed by the repair). A corrected and approved text is
// no reason: the repair joins or cuts it with the MT text.
func repairable(ctx context.Context, tx *gorm.DB, s *Segment, p *account.Principal) error {
	if leasedByOther(s, p) {
		return apperr.New(apperr.Conflict, "error.segment_leased", map[string]any{"ID": s.ID})
	}
	var row struct{ Correction, Dismissal bool }
	if err := tx.WithContext(ctx).Raw(`SELECT
  EXISTS (SELECT 1 FROM corrections WHERE segment_id = @id AND status = 'pending') AS correction,
  EXISTS (SELECT 1 FROM dismissals WHERE segment_id = @id AND status = 'pending') AS dismissal`,
		map[string]any{"id": s.ID}).Scan(&row).Error; err != nil {
		return err
	}
	switch {
	case row.Correction:
		return apperr.New(apperr.Conflict, "error.repair_pending", map[string]any{"ID": s.ID})
	case row.Dismissal:
		return apperr.New(apperr.Conflict, "error.repair_dismissal_pending", map[string]any{"ID": s.ID})
	case s.State == StateCorrected: // waits for an editor, whatever the reason
		return apperr.New(apperr.Conflict, "error.repair_pending", map[string]any{"ID": s.ID})
	}
	return nil
}

// corrected reports whether the segment's current text is an approved
// text other than its MT text.
func corrected(s *Segment) bool { return s.CurrentText != s.MTText }

// currentStart is where an old flag of s starts in s's current text, the
// text a repair checks: a segmentation flag marks the break after the
// text; a flag whose offsets are into the MT text of a corrected segment
// (one a decision closed before the approval) has no place there (-1), so
// its dismissal is matched by check and text alone.
func currentStart(s *Segment, f *Flag) int {
	switch {
	case isBreak(f):
		return len(s.CurrentText)
	case f.OffsetsIn == OffsetsApproved || !corrected(s):
		return f.StartOffset
	}
	return -1
}

// checkedParts are the texts recheck reads for the repaired parts: their
// current texts.
func checkedParts(parts ...*Segment) []*Segment {
	out := make([]*Segment, len(parts))
	for i, p := range parts {
		out[i] = &Segment{MTText: p.CurrentText, SourceText: p.SourceText, SourceLeftOut: p.SourceLeftOut,
			edited: p.CurrentText != p.MTText}
	}
	return out
}

// placeFlags says what the offsets of the flags recheck computed on the
// current texts point into, as an approval does: the approved text where
// the part carries one, the MT text otherwise; a segmentation flag marks
// the break after the MT text, where the join offer looks for it.
func placeFlags(flags [][]Flag, parts ...*Segment) {
	for i, p := range parts {
		for j := range flags[i] {
			f := &flags[i][j]
			switch {
			case isBreak(f):
				f.StartOffset, f.EndOffset, f.OffsetsIn = len(p.MTText), len(p.MTText), OffsetsMT
			case corrected(p):
				f.OffsetsIn = OffsetsApproved
			}
		}
	}
}

// hasApproved reports whether the segment has an approved correction,
// which makes it approved once no flag is open (settledState's rule).
func hasApproved(ctx context.Context, tx *gorm.DB, segmentID int64) (bool, error) {
	var ok bool
	err := tx.WithContext(ctx).Raw(`SELECT EXISTS (SELECT 1 FROM corrections WHERE segment_id = ? AND status = 'approved')`,
		segmentID).Scan(&ok).Error
	return ok, err
}

// repairedState is settledState for a repaired part, whose flags are not
// written yet and on which nothing is pending (repairable refused that):
// flagged while a flag is open, else approved when its text was reviewed
// (approved), else clean.
func repairedState(flags []Flag, approved bool) string {
	for _, f := range flags {
		if f.Status == FlagOpen {
			return StateFlagged
		}
	}
	if approved {
		return StateApproved
	}
	return StateClean
}

// splitMT finds the place in s's MT text that matches the cut of its
// current text at byte offset at. While the segment is not corrected it
// is the same cut. Otherwise the word diff of the two texts maps it: a cut
// in (or at either end of) a run of words both texts share falls at the
// same place in that run of the MT text (a shared space or comma between
// rewritten words places nothing). A cut inside words the correction changed
// has no such place: the first part keeps the whole MT text and the second
// part gets none (ok false), rather than an MT text the machine never
// produced for it; its text is the reviewed one all the same.
func splitMT(s *Segment, at int) (first, second string, ok bool) {
	if !corrected(s) {
		return cut(s.MTText, at)
	}
	cur, mt := 0, 0
	for _, op := range WordDiff(s.MTText, s.CurrentText) {
		switch op.Op {
		case OpEqual:
			if cur <= at && at <= cur+len(op.Text) && hasWord(op.Text) {
				if first, second, ok = cut(s.MTText, mt+at-cur); ok {
					return first, second, true
				}
			}
			cur, mt = cur+len(op.Text), mt+len(op.Text)
		case OpInsert:
			cur += len(op.Text)
		case OpDelete:
			mt += len(op.Text)
		}
	}
	return s.MTText, "", false
}

// hasWord reports whether s holds a letter or a digit.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
