package review

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"lector/apperr"
)

// placeReopened points a dismissed flag that is about to be reopened at its
// text in the segment's reviewed text (the current text, or the text a
// pending correction replaced), where the pages mark open flags. A
// dismissal keeps the offsets of the text it was made on, and corrections
// approved since may have moved or removed the words: an open flag must
// mark words that are there. A break flag stays where it is. Codes:
// conflict (the words are gone: there is nothing to reopen).
func placeReopened(ctx context.Context, tx *gorm.DB, seg *Segment, f *Flag) error {
	if f.Kind == KindSegmentation {
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
