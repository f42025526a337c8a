package review

import (
	"context"
	"errors"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/request"
	"lector/webhook"
)

// Limits of what people type.
const (
	MaxCommentRunes = 2000
	MaxReasonRunes  = 500
)

// typedText checks what someone typed into multi-line field s: as
// request.Text does, then at most maxRunes characters. Codes: invalid,
// naming field.
func typedText(field, s string, maxRunes int) error {
	if err := request.Text(field, s, 0); err != nil {
		return err
	}
	if utf8.RuneCountInString(s) > maxRunes {
		return apperr.New(apperr.Invalid, "error.field_too_long", map[string]any{"Field": field, "Limit": maxRunes})
	}
	return nil
}

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
	case request.Text("text", s.Text, 0) != nil:
		return request.Text("text", s.Text, 0)
	case request.Text("comment", s.Comment, 0) != nil:
		return request.Text("comment", s.Comment, 0)
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
func Submit(ctx context.Context, db *gorm.DB, p *account.Principal, in Submission, events *webhook.Emitter) (*Correction, error) {
	if p == nil {
		return nil, apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	if err := in.validate(); err != nil {
		return nil, err
	}
	var c *Correction
	err := inLockedSegment(ctx, db, in.SegmentID, func(tx *gorm.DB, seg *Segment) error {
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
		if err := ch.apply(ctx, tx, seg, submitSet, in.Text, to); err != nil {
			return err
		}
		return correctionEvent(ctx, tx, events, webhook.CorrectionSubmitted, c)
	})
	if err != nil {
		return nil, apperr.Annotate(err, "submit correction")
	}
	return c, nil
}

// submitInsertSQL supersedes a segment's pending correction and inserts
// the new one. The new one's text_before is the superseded one's: the text
// an editor last accepted (or the MT text), which a rejection restores;
// the superseded text was never reviewed and must not come back by a
// rejection of its successor.
const submitInsertSQL = `WITH superseded AS (
	UPDATE corrections SET status = ? WHERE segment_id = ? AND status = ? RETURNING text_before)
INSERT INTO corrections (segment_id, author_id, base_revision, text_before, text, comment, status)
VALUES (?, ?, ?, COALESCE((SELECT text_before FROM superseded LIMIT 1), ?), ?, ?, ?) RETURNING ` + correctionColumns

// submitSet writes a correction's text into its segment and ends the lease.
const submitSet = `current_text = ?, state = ?, revision = revision + 1, lease_holder_id = NULL, lease_expires_at = NULL, claimed_from = NULL, updated_at = now()`

// StaleError is the conflict of a correction written against an old
// revision; its Data lets the client show both texts side by side.
func StaleError(seg *Segment, yours string) *apperr.Error {
	return apperr.New(apperr.Conflict, "error.stale_revision", map[string]any{
		"ID": seg.ID, "CurrentText": seg.CurrentText, "Revision": seg.Revision, "YourText": yours})
}

// isNotFound reports whether err is GORM's missing row.
func isNotFound(err error) bool { return errors.Is(err, gorm.ErrRecordNotFound) }
