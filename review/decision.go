package review

import (
	"time"

	"gorm.io/gorm"
)

// Decision is where a proposal (a correction or a dismissal) stands: its
// status, and once an editor decided, who, when and, for a rejection, why.
// Embedded, its fields are the proposal's own columns and JSON fields.
type Decision struct {
	Status        string     `json:"status"`
	ReviewerID    *int64     `json:"reviewer_id"`
	ReviewedAt    *time.Time `json:"reviewed_at"`
	RejectReason  *string    `json:"reject_reason"`
	ReviewComment string     `json:"review_comment"`
}

// decide stores on row, the proposal d is embedded in, the decision
// reviewer took at now: status, the editor's comment and, for a rejection,
// its reason. d then holds it too.
func (d *Decision) decide(tx *gorm.DB, row any, status string, reviewer int64, now time.Time, reason *string, comment string) error {
	set := map[string]any{"status": status, "reviewer_id": reviewer, "reviewed_at": now, "review_comment": comment}
	if reason != nil {
		set["reject_reason"] = *reason
	}
	if err := tx.Model(row).Updates(set).Error; err != nil {
		return err
	}
	d.Status, d.ReviewerID, d.ReviewedAt, d.ReviewComment = status, &reviewer, &now, comment
	if reason != nil {
		d.RejectReason = reason
	}
	return nil
}
