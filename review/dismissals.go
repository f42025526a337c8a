package review

import (
	"context"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"lector/account"
	"lector/apperr"
)

// Dismissal statuses.
const (
	DismissalPending    = "pending"
	DismissalAccepted   = "accepted"
	DismissalRejected   = "rejected"
	DismissalSuperseded = "superseded" // the flag closed another way before anyone decided
)

// Dismissal is one person's "not a mistake" about an open flag, waiting for
// another editor: only an accepted dismissal closes the flag.
type Dismissal struct {
	ID         int64  `gorm:"primaryKey" json:"id"`
	FlagID     int64  `json:"flag"`
	SegmentID  int64  `json:"segment"`
	ProposerID int64  `json:"proposer_id"`
	Reason     string `json:"reason"`
	Decision
	CreatedAt time.Time `json:"created_at"`
}

// Dismiss proposes that an open flag is not a mistake, with p's reason: a
// pending dismissal that another editor accepts or rejects; the flag stays
// open meanwhile. A translator must hold the segment's lease; an editor may
// also propose on a segment nobody holds. When every open flag of the
// segment is then covered by a pending dismissal (or a pending correction),
// the segment leaves the proposer's hands as corrected (lease cleared) to
// wait for an editor; otherwise its state and lease stay, so the translator
// goes on correcting. Asking again about a flag that already has p's
// pending proposal returns that one (created false). Codes: invalid,
// unauthorized, forbidden, not_found, conflict (flag not open, segment
// leased by someone else, lease not held, another person's proposal
// pending).
func Dismiss(ctx context.Context, db *gorm.DB, p *account.Principal, flagID int64, reason string) (*Dismissal, bool, error) {
	if p == nil {
		return nil, false, apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	if !p.Has(account.RoleTranslator) && !p.Has(account.RoleEditor) {
		return nil, false, apperr.New(apperr.Forbidden, "error.forbidden", nil)
	}
	reason = strings.TrimSpace(reason)
	switch {
	case typedText("reason", reason, MaxReasonRunes) != nil:
		return nil, false, typedText("reason", reason, MaxReasonRunes)
	case reason == "":
		return nil, false, apperr.New(apperr.Invalid, "error.field_required", map[string]any{"Field": "reason"})
	}
	var out Dismissal
	created := false
	err := inLockedFlag(ctx, db, flagID, FlagOpen, "error.flag_not_open", func(tx *gorm.DB, seg *Segment, flag *Flag) error {
		// Asked again (a retry, a second click after the segment left p's
		// hands): the pending proposal is the answer.
		var pending []Dismissal
		if err := tx.Where("flag_id = ? AND status = ?", flagID, DismissalPending).Limit(1).Find(&pending).Error; err != nil {
			return err
		}
		if len(pending) == 1 {
			if pending[0].ProposerID != p.UserID {
				return apperr.New(apperr.Conflict, "error.dismissal_pending", map[string]any{"ID": flagID})
			}
			out = pending[0]
			return nil
		}
		if leasedByOther(seg, p) {
			return apperr.New(apperr.Conflict, "error.segment_leased", map[string]any{"ID": seg.ID})
		}
		to, err := Next(seg.State, ActDismiss, p)
		if err != nil {
			if p.Has(account.RoleTranslator) && (seg.State == StateFlagged || seg.State == StateRejected) {
				return apperr.New(apperr.Conflict, "error.lease_not_held", map[string]any{"ID": seg.ID})
			}
			return err
		}
		if seg.State == StateInProgress && !holds(seg, p) && !p.Has(account.RoleEditor) {
			return apperr.New(apperr.Conflict, "error.lease_not_held", map[string]any{"ID": seg.ID})
		}
		out = Dismissal{FlagID: flagID, SegmentID: seg.ID, ProposerID: p.UserID, Reason: reason, Decision: Decision{Status: DismissalPending}}
		if err := tx.Create(&out).Error; err != nil {
			return err
		}
		created = true
		from := seg.State
		uncovered, err := uncoveredFlags(ctx, tx, seg.ID)
		if err != nil {
			return err
		}
		if uncovered > 0 || from == to {
			to = from // other flags wait for a correction: the translator keeps the segment
		} else if err := tx.Exec(`UPDATE segments SET `+endLeaseSet+` WHERE id = ?`, to, seg.ID).Error; err != nil {
			return err
		}
		return record(ctx, tx, p, seg, ActDismiss, from, to, "", "",
			map[string]any{"dismissal": out.ID, "flag": flagID, "text": flag.Text, "reason": reason})
	})
	if err != nil {
		return nil, false, apperr.Annotate(err, "propose dismissal")
	}
	return &out, created, nil
}

// uncoveredFlags counts a segment's open flags that wait for a translator:
// none when a correction is pending (it covers them all), else the open
// flags without a pending dismissal.
func uncoveredFlags(ctx context.Context, tx *gorm.DB, segmentID int64) (int64, error) {
	var n int64
	err := tx.WithContext(ctx).Raw(`SELECT CASE WHEN EXISTS (SELECT 1 FROM corrections WHERE segment_id = ? AND status = 'pending') THEN 0
ELSE (SELECT count(*) FROM flags f WHERE f.segment_id = ? AND f.status = 'open'
      AND NOT EXISTS (SELECT 1 FROM dismissals d WHERE d.flag_id = f.id AND d.status = 'pending')) END`,
		segmentID, segmentID).Scan(&n).Error
	return n, err
}

// DismissalReview is an editor's decision on a dismissal: the reason code
// (rejections only, one of RejectReasons; "other" when empty) and a
// comment.
type DismissalReview struct {
	Reason  string
	Comment string
}

func (r *DismissalReview) validate(rejection bool) error {
	r.Comment = strings.TrimSpace(r.Comment)
	switch {
	case rejection && r.Reason == "":
		r.Reason = "other"
	case !rejection && r.Reason != "":
		return apperr.New(apperr.Invalid, "error.bad_request", nil)
	}
	switch {
	case rejection && !slices.Contains(RejectReasons(), r.Reason):
		return apperr.New(apperr.Invalid, "error.bad_reason", map[string]any{"Value": r.Reason, "Allowed": strings.Join(RejectReasons(), ", ")})
	case typedText("comment", r.Comment, MaxCommentRunes) != nil:
		return typedText("comment", r.Comment, MaxCommentRunes)
	}
	return nil
}

// AcceptDismissal closes a pending dismissal's flag as dismissed (resolved
// by p, with the proposer's reason), and only now hands it to the
// glossary's proposals. The segment then follows settledState, unless a
// translator holds a live lease on it (they keep working). Editors only,
// never on their own proposal. Codes: invalid, unauthorized, forbidden (not
// an editor, or p proposed it), not_found, conflict (not pending; the flag
// closed meanwhile, which supersedes the proposal).
func AcceptDismissal(ctx context.Context, db *gorm.DB, p *account.Principal, id int64, in DismissalReview) (*Dismissal, error) {
	return decideDismissal(ctx, db, p, id, in, false)
}

// RejectDismissal refuses a pending dismissal with a reason code and a
// comment: the flag stays open and the segment goes back to the queue as
// rejected (the translator sees the reason), or follows settledState when
// something else waits for an editor. Editors only, never on their own
// proposal. Codes: as AcceptDismissal.
func RejectDismissal(ctx context.Context, db *gorm.DB, p *account.Principal, id int64, in DismissalReview) (*Dismissal, error) {
	return decideDismissal(ctx, db, p, id, in, true)
}

func decideDismissal(ctx context.Context, db *gorm.DB, p *account.Principal, id int64, in DismissalReview, rejection bool) (*Dismissal, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
		return nil, err
	}
	if err := in.validate(rejection); err != nil {
		return nil, err
	}
	action := ActAcceptDismissal
	if rejection {
		action = ActRejectDismissal
	}
	var d Dismissal
	superseded := false
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var flagIDs []int64
		if err := tx.Model(&Dismissal{}).Where("id = ?", id).Pluck("flag_id", &flagIDs).Error; err != nil {
			return err
		}
		if len(flagIDs) == 0 {
			return apperr.New(apperr.NotFound, "error.dismissal_not_found", map[string]any{"ID": id})
		}
		seg, flag, err := lockFlag(ctx, tx, flagIDs[0]) // segment first, as every workflow step
		if err != nil {
			return err
		}
		if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).Take(&d, id).Error; err != nil {
			return err
		}
		switch {
		case d.ProposerID == p.UserID:
			return apperr.New(apperr.Forbidden, "error.own_dismissal", map[string]any{"ID": id})
		case d.Status != DismissalPending:
			return apperr.New(apperr.Conflict, "error.dismissal_not_pending", map[string]any{"ID": id, "Status": d.Status})
		case flag.Status != FlagOpen:
			superseded = true
			d.Status = DismissalSuperseded
			return tx.Model(&d).Update("status", DismissalSuperseded).Error
		}
		if _, err := Next(seg.State, action, p); err != nil {
			return err
		}
		now := time.Now()
		status, reason := DismissalAccepted, (*string)(nil)
		if rejection {
			status, reason = DismissalRejected, &in.Reason
		}
		if err := d.decide(tx, &d, status, p.UserID, now, reason, in.Comment); err != nil {
			return err
		}
		if !rejection {
			if err := tx.Model(flag).Updates(map[string]any{"status": FlagDismissed, "dismiss_reason": d.Reason,
				"resolved_by": p.UserID, "resolved_at": now}).Error; err != nil {
				return err
			}
			flag.Status, flag.DismissReason = FlagDismissed, d.Reason
			if err := learnFromDismissal(ctx, tx, seg, flag); err != nil {
				return err
			}
		}
		from, to := seg.State, seg.State
		if !(seg.State == StateInProgress && leasedByOther(seg, nil)) { // a live lease: the translator keeps working
			if to, err = settledState(ctx, tx, seg.ID, rejection); err != nil {
				return err
			}
			if err := tx.Exec(`UPDATE segments SET `+endLeaseSet+` WHERE id = ?`, to, seg.ID).Error; err != nil {
				return err
			}
		}
		detail := map[string]any{"dismissal": d.ID, "flag": flag.ID, "text": flag.Text, "reason": d.Reason,
			"proposer": d.ProposerID, "comment": in.Comment}
		if rejection {
			detail["reject_reason"] = in.Reason
		}
		return record(ctx, tx, p, seg, action, from, to, "", "", detail)
	})
	if err != nil {
		return nil, apperr.Annotate(err, "review dismissal")
	}
	if superseded {
		return nil, apperr.New(apperr.Conflict, "error.flag_not_open", map[string]any{"ID": d.FlagID})
	}
	return &d, nil
}

// inLockedFlag runs step in one transaction with the flag and its segment
// locked (lockFlag), when the flag's status is status; else a conflict
// with message notInStatus. Codes: not_found, conflict, and step's.
func inLockedFlag(ctx context.Context, db *gorm.DB, flagID int64, status, notInStatus string,
	step func(tx *gorm.DB, seg *Segment, flag *Flag) error) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		seg, flag, err := lockFlag(ctx, tx, flagID)
		if err != nil {
			return err
		}
		if flag.Status != status {
			return apperr.New(apperr.Conflict, notInStatus, map[string]any{"ID": flagID})
		}
		return step(tx, seg, flag)
	})
}

// lockFlag locks a flag's segment, then the flag. Codes: not_found.
func lockFlag(ctx context.Context, tx *gorm.DB, flagID int64) (*Segment, *Flag, error) {
	var segID []int64
	if err := tx.WithContext(ctx).Model(&Flag{}).Where("id = ?", flagID).Pluck("segment_id", &segID).Error; err != nil {
		return nil, nil, err
	}
	if len(segID) == 0 {
		return nil, nil, apperr.New(apperr.NotFound, "error.flag_not_found", map[string]any{"ID": flagID})
	}
	seg, err := lockSegment(ctx, tx, segID[0])
	if err != nil {
		return nil, nil, err
	}
	var f Flag
	err = tx.WithContext(ctx).Clauses(clause.Locking{Strength: "UPDATE"}).Take(&f, flagID).Error
	if isNotFound(err) { // a repair recomputed the flags meanwhile
		return nil, nil, apperr.New(apperr.NotFound, "error.flag_not_found", map[string]any{"ID": flagID})
	}
	if err != nil {
		return nil, nil, err
	}
	return seg, &f, nil
}
