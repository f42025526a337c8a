package review

import (
	"context"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
)

// ownPending lets a translator supersede a pending correction only when
// they wrote it: replacing someone else's text before an editor saw it
// would lose that person's work without a review. Editors are not asked
// (they may supersede any pending correction). Codes: conflict.
func ownPending(ctx context.Context, tx *gorm.DB, p *account.Principal, segmentID int64) error {
	var authors []int64
	if err := tx.WithContext(ctx).Model(&Correction{}).Where("segment_id = ? AND status = ?", segmentID, CorrectionPending).
		Pluck("author_id", &authors).Error; err != nil {
		return err
	}
	for _, a := range authors {
		if a != p.UserID {
			return apperr.New(apperr.Conflict, "error.pending_not_yours", map[string]any{"ID": segmentID})
		}
	}
	if len(authors) == 0 { // corrected without a pending correction: nothing of theirs to replace
		return apperr.New(apperr.Conflict, "error.pending_not_yours", map[string]any{"ID": segmentID})
	}
	return nil
}
