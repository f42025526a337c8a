package review

import (
	"context"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/webhook"
)

// RejectReasons are the codes an editor picks from when rejecting.
func RejectReasons() []string {
	return []string{"wrong_name", "wrong_term", "style", "typography", "other"}
}

// MaxBatch bounds ApproveMany.
const MaxBatch = 500

// Reject refuses a pending correction with a reason code and a comment: the
// segment's text goes back to what it was, and the segment goes back to the
// queue as rejected, where the translator sees the reason, while it holds
// open flags (settledState: to an editor when a dismissal waits, back to
// clean or approved when none is open). Codes: invalid,
// unauthorized, forbidden, not_found, conflict.
func Reject(ctx context.Context, db *gorm.DB, p *account.Principal, correctionID int64, reason, comment string,
	events *webhook.Emitter) (*Correction, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
		return nil, err
	}
	comment = strings.TrimSpace(comment)
	switch {
	case reason == "":
		return nil, apperr.New(apperr.Invalid, "error.field_required", map[string]any{"Field": "reason"})
	case !slices.Contains(RejectReasons(), reason):
		return nil, apperr.New(apperr.Invalid, "error.bad_reason", map[string]any{"Value": reason, "Allowed": strings.Join(RejectReasons(), ", ")})
	case typedText("comment", comment, MaxCommentRunes) != nil:
		return nil, typedText("comment", comment, MaxCommentRunes)
	}
	var c *Correction
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var seg *Segment
		var err error
		if c, seg, err = lockPending(ctx, tx, p, correctionID); err != nil {
			return err
		}
		if _, err := Next(seg.State, ActReject, p); err != nil {
			return err
		}
		now := time.Now()
		if err := c.decide(tx, c, CorrectionRejected, p.UserID, now, &reason, comment); err != nil {
			return err
		}
		// Where the segment goes follows the common rule: back to the
		// queue as rejected while flags are open, to an editor when a
		// dismissal waits, and back to clean or approved when the rejected
		// correction was of a segment nothing was wrong with.
		// The text goes back first: the rule asks whether it is reviewed.
		from, before := seg.State, seg.CurrentText
		if err := tx.Exec(`UPDATE segments SET current_text = ?, revision = revision + 1, updated_at = now() WHERE id = ?`,
			c.TextBefore, seg.ID).Error; err != nil {
			return err
		}
		to, err := settledState(ctx, tx, seg.ID, true)
		if err != nil {
			return err
		}
		if err := tx.Exec(`UPDATE segments SET state = ? WHERE id = ?`, to, seg.ID).Error; err != nil {
			return err
		}
		if err := record(ctx, tx, p, seg, ActReject, from, to, before, c.TextBefore,
			map[string]any{"correction": c.ID, "reason": reason, "comment": comment}); err != nil {
			return err
		}
		return correctionEvent(ctx, tx, events, webhook.CorrectionRejected, c)
	})
	if err != nil {
		return nil, apperr.Annotate(err, "reject")
	}
	return c, nil
}
