package review

import (
	"context"
	"errors"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"lector/account"
	"lector/apperr"
)

// Limits of what people type.
const (
	MaxSegmentBytes = 8 << 10 // a corrected segment: a sentence, a heading
	MaxCommentRunes = 2000
	MaxReasonRunes  = 500
)

// Correction statuses.
const (
	CorrectionPending    = "pending"
	CorrectionApproved   = "approved"
	CorrectionRejected   = "rejected"
	CorrectionSuperseded = "superseded"
)

// Submission is a proposed text for a segment, written against Revision.
type Submission struct {
	SegmentID int64
	Text      string
	Revision  int
	Comment   string
}

func (s *Submission) validate() error {
	s.Text = strings.TrimSpace(s.Text)
	s.Comment = strings.TrimSpace(s.Comment)
	switch {
	case !utf8.ValidString(s.Text):
		return apperr.New(apperr.Invalid, "error.not_utf8", map[string]any{"Field": "text"})
	case !utf8.ValidString(s.Comment):
		return apperr.New(apperr.Invalid, "error.not_utf8", map[string]any{"Field": "comment"})
	case s.Text == "":
		return apperr.New(apperr.Invalid, "error.field_required", map[string]any{"Field": "text"})
	case len(s.Text) > MaxSegmentBytes:
		return apperr.New(apperr.TooLarge, "error.text_too_large", map[string]any{"Limit": MaxSegmentBytes})
	case utf8.RuneCountInString(s.Comment) > MaxCommentRunes:
		return apperr.New(apperr.Invalid, "error.field_too_long", map[string]any{"Field": "comment", "Limit": MaxCommentRunes})
	case s.Revision < 1:
		return apperr.New(apperr.Invalid, "error.field_required", map[string]any{"Field": "revision"})
	}
	return nil
}

// Submit stores p's correction of a segment: a pending correction row, the
// segment's current text, state corrected, revision + 1, lease cleared, one
// audit event, in one transaction. A translator must hold the segment's
// lease, or replace their own pending correction; an editor may also
// correct a segment nobody holds, clean and approved ones included
// (superseding a pending correction). Codes: invalid, too_large, unauthorized, forbidden,
// not_found, conflict. A stale revision is a conflict whose Data carries
// "CurrentText", "Revision" and the refused "YourText", so nothing is lost.
func Submit(ctx context.Context, db *gorm.DB, p *account.Principal, in Submission) (*Correction, error) {
	if p == nil {
		return nil, apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	if err := in.validate(); err != nil {
		return nil, err
	}
	var c *Correction
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		seg, err := lockSegment(ctx, tx, in.SegmentID)
		if err != nil {
			return err
		}
		if !p.Has(account.RoleTranslator) && !p.Has(account.RoleEditor) {
			return apperr.New(apperr.Forbidden, "error.forbidden", nil)
		}
		if seg.Revision != in.Revision {
			return StaleError(seg, in.Text)
		}
		from := seg.State
		if from == StateInProgress && !holds(seg, p) {
			if leasedByOther(seg, p) {
				return apperr.New(apperr.Conflict, "error.segment_leased", map[string]any{"ID": seg.ID})
			}
			if !p.Has(account.RoleEditor) { // a lapsed lease of p's or someone's
				return apperr.New(apperr.Conflict, "error.lease_not_held", map[string]any{"ID": seg.ID})
			}
		}
		to, err := Next(from, ActSubmit, p)
		if err != nil {
			if from == StateFlagged || from == StateRejected || from == StateClean || from == StateApproved { // a translator must claim it first
				return apperr.New(apperr.Conflict, "error.lease_not_held", map[string]any{"ID": seg.ID})
			}
			return err
		}
		if from == StateCorrected && !p.Has(account.RoleEditor) {
			if err := ownPending(ctx, tx, p, seg.ID); err != nil {
				return err
			}
		}
		// Supersede the pending correction and insert the new one in one
		// statement (one round trip fewer on every submit). Both parts see
		// the same snapshot, so the update never touches the new row; the
		// segment lock above serialises submits of one segment.
		c = &Correction{}
		if _, err := queryRow(ctx, tx, submitInsertSQL, []any{CorrectionSuperseded, seg.ID, CorrectionPending,
			seg.ID, p.UserID, seg.Revision, seg.CurrentText, in.Text, in.Comment, CorrectionPending}, c.fields()...); err != nil {
			return err
		}
		ch := change{p: p, action: ActSubmit, from: from, to: to, before: seg.CurrentText, after: in.Text,
			detail: map[string]any{"correction": c.ID, "comment": in.Comment, "revision": seg.Revision + 1}}
		return ch.apply(ctx, tx, seg, submitSet, in.Text, to)
	})
	if err != nil {
		return nil, wrap(err, "submit correction")
	}
	return c, nil
}

// submitInsertSQL supersedes a segment's pending correction and inserts
// the new one.
const submitInsertSQL = `WITH superseded AS (
	UPDATE corrections SET status = ? WHERE segment_id = ? AND status = ?)
INSERT INTO corrections (segment_id, author_id, base_revision, text_before, text, comment, status)
VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING ` + correctionColumns

// submitSet writes a correction's text into its segment and ends the lease.
const submitSet = `current_text = ?, state = ?, revision = revision + 1, lease_holder_id = NULL, lease_expires_at = NULL, claimed_from = NULL, updated_at = now()`

// StaleError is the conflict of a correction written against an old
// revision; its Data lets the client show both texts side by side.
func StaleError(seg *Segment, yours string) *apperr.Error {
	return apperr.New(apperr.Conflict, "error.stale_revision", map[string]any{
		"ID": seg.ID, "CurrentText": seg.CurrentText, "Revision": seg.Revision, "YourText": yours})
}

// Dismiss marks an open flag as a false positive with p's reason (glossary
// maintainers review those later). When it was the segment's last open
// flag and no correction is pending, the segment becomes clean and leaves
// the queue. A translator must hold the segment's lease. Codes: invalid,
// unauthorized, forbidden, not_found, conflict (flag not open, segment
// leased by someone else).
func Dismiss(ctx context.Context, db *gorm.DB, p *account.Principal, flagID int64, reason string) (*Flag, error) {
	if p == nil {
		return nil, apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	reason = strings.TrimSpace(reason)
	switch {
	case !utf8.ValidString(reason):
		return nil, apperr.New(apperr.Invalid, "error.not_utf8", map[string]any{"Field": "reason"})
	case reason == "":
		return nil, apperr.New(apperr.Invalid, "error.field_required", map[string]any{"Field": "reason"})
	case utf8.RuneCountInString(reason) > MaxReasonRunes:
		return nil, apperr.New(apperr.Invalid, "error.field_too_long", map[string]any{"Field": "reason", "Limit": MaxReasonRunes})
	}
	var out Flag
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var segID []int64
		if err := tx.Model(&Flag{}).Where("id = ?", flagID).Pluck("segment_id", &segID).Error; err != nil {
			return err
		}
		if len(segID) == 0 {
			return apperr.New(apperr.NotFound, "error.flag_not_found", map[string]any{"ID": flagID})
		}
		seg, err := lockSegment(ctx, tx, segID[0])
		if err != nil {
			return err
		}
		if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).Take(&out, flagID).Error; err != nil {
			return err
		}
		if out.Status != FlagOpen {
			return apperr.New(apperr.Conflict, "error.flag_not_open", map[string]any{"ID": flagID})
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
		if err := tx.Model(&out).Updates(map[string]any{"status": FlagDismissed, "dismiss_reason": reason,
			"resolved_by": p.UserID, "resolved_at": gorm.Expr("now()")}).Error; err != nil {
			return err
		}
		out.Status, out.DismissReason = FlagDismissed, reason
		if err := learnFromDismissal(ctx, tx, seg, &out); err != nil {
			return err
		}
		var open int64
		if err := tx.Model(&Flag{}).Where("segment_id = ? AND status = ?", seg.ID, FlagOpen).Count(&open).Error; err != nil {
			return err
		}
		from := seg.State
		if open > 0 || to == from {
			to = from
		} else if err := tx.Exec(`UPDATE segments SET state = ?, lease_holder_id = NULL, lease_expires_at = NULL, updated_at = now() WHERE id = ?`,
			to, seg.ID).Error; err != nil {
			return err
		}
		return record(ctx, tx, p, seg, ActDismiss, from, to, "", "", map[string]any{"flag": flagID, "text": out.Text, "reason": reason})
	})
	if err != nil {
		return nil, wrap(err, "dismiss flag")
	}
	return &out, nil
}

// isNotFound reports whether err is GORM's missing row.
func isNotFound(err error) bool { return errors.Is(err, gorm.ErrRecordNotFound) }
