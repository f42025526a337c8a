package review

import (
	"context"

	"gorm.io/gorm"
)

// settledState is the state a segment takes after a review decision
// (approving or rejecting a correction, accepting or rejecting a
// dismissal), the one rule every decision follows: a pending correction or
// a pending dismissal (of an open flag) → corrected, it waits for an
// editor; else open flags remain → flagged, back in the queue (rejected
// when the decision was a rejection, so the translator sees why); else
// approved when the segment's text was reviewed (it has an approved
// correction, or its text is not the machine's: a repair of an approved
// text carries it without a correction of its own), otherwise clean.
// An editor's explicit approval over open flags is the approval's own
// exception, decided by the caller.
func settledState(ctx context.Context, tx *gorm.DB, segmentID int64, rejection bool) (string, error) {
	var row struct {
		Waiting  bool
		Open     bool
		Approved bool
	}
	err := tx.WithContext(ctx).Raw(`SELECT
  EXISTS (SELECT 1 FROM corrections WHERE segment_id = @id AND status = 'pending')
  OR EXISTS (SELECT 1 FROM dismissals d JOIN flags f ON f.id = d.flag_id
             WHERE d.segment_id = @id AND d.status = 'pending' AND f.status = 'open') AS waiting,
  EXISTS (SELECT 1 FROM flags WHERE segment_id = @id AND status = 'open') AS open,
  EXISTS (SELECT 1 FROM corrections WHERE segment_id = @id AND status = 'approved')
  OR EXISTS (SELECT 1 FROM segments WHERE id = @id AND current_text <> mt_text) AS approved`,
		map[string]any{"id": segmentID}).Scan(&row).Error
	switch {
	case err != nil:
		return "", err
	case row.Waiting:
		return StateCorrected, nil
	case row.Open && rejection:
		return StateRejected, nil
	case row.Open:
		return StateFlagged, nil
	case row.Approved:
		return StateApproved, nil
	}
	return StateClean, nil
}
