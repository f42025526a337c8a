package review

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
)

// ReopenFlag opens a dismissed flag again: a clean or approved segment
// becomes flagged, back in the queue; other states stay (the flag waits in
// the segment's work). One editor suffices: reopening adds a flag, it never
// removes one. Codes: unauthorized, forbidden, not_found, conflict (the
// flag is not dismissed).
func ReopenFlag(ctx context.Context, db *gorm.DB, p *account.Principal, flagID int64) (*Flag, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
		return nil, err
	}
	var out *Flag
	err := inLockedFlag(ctx, db, flagID, FlagDismissed, "error.flag_not_dismissed", func(tx *gorm.DB, seg *Segment, flag *Flag) error {
		to, err := Next(seg.State, ActReopen, p)
		if err != nil {
			return err
		}
		if err := placeReopened(ctx, tx, seg, flag); err != nil {
			return err
		}
		reason := flag.DismissReason
		if err := tx.Model(flag).Updates(map[string]any{"status": FlagOpen, "dismiss_reason": "",
			"resolved_by": nil, "resolved_at": nil, "start_offset": flag.StartOffset, "end_offset": flag.EndOffset,
			"offsets_in": flag.OffsetsIn}).Error; err != nil {
			return err
		}
		flag.Status, flag.DismissReason, flag.ResolvedBy, flag.ResolvedAt = FlagOpen, "", nil, nil
		out = flag
		if to != seg.State {
			if err := tx.Exec(`UPDATE segments SET state = ?, updated_at = now() WHERE id = ?`, to, seg.ID).Error; err != nil {
				return err
			}
		}
		return record(ctx, tx, p, seg, ActReopen, seg.State, to, "", "",
			map[string]any{"flag": flag.ID, "text": flag.Text, "dismiss_reason": reason})
	})
	if err != nil {
		return nil, apperr.Annotate(err, "reopen flag")
	}
	return out, nil
}

// placeReopened points a dismissed flag that is about to be reopened at its
// text in the segment's reviewed text (the current text, or the text a
// pending correction replaced), where the pages mark open flags. A
// dismissal keeps the offsets of the text it was made on, and corrections
// approved since may have moved or removed the words: an open flag must
// mark words that are there. A break flag stays where it is. Codes:
// conflict (the words are gone: there is nothing to reopen).
func placeReopened(ctx context.Context, tx *gorm.DB, seg *Segment, f *Flag) error {
	if isBreak(f) {
		return nil
	}
	reviewed, err := reviewedText(ctx, tx, seg)
	if err != nil {
		return err
	}
	in := OffsetsApproved
	if reviewed == seg.MTText {
		in = OffsetsMT
	}
	if f.OffsetsIn == in && f.StartOffset <= f.EndOffset && f.EndOffset <= len(reviewed) && reviewed[f.StartOffset:f.EndOffset] == f.Text {
		return nil
	}
	at := strings.Index(reviewed, f.Text)
	if f.Text == "" || at < 0 {
		return apperr.New(apperr.Conflict, "error.reopen_gone", map[string]any{"ID": f.ID, "Text": f.Text})
	}
	f.StartOffset, f.EndOffset, f.OffsetsIn = at, at+len(f.Text), in
	return nil
}

// reviewedText is the text of seg that an editor last accepted: its
// current text, or, while a correction is pending, the text it replaced.
func reviewedText(ctx context.Context, tx *gorm.DB, seg *Segment) (string, error) {
	var before []string
	if err := tx.WithContext(ctx).Model(&Correction{}).Where("segment_id = ? AND status = ?", seg.ID, CorrectionPending).
		Order("id DESC").Limit(1).Pluck("text_before", &before).Error; err != nil {
		return "", err
	}
	if len(before) == 1 {
		return before[0], nil
	}
	return seg.CurrentText, nil
}
