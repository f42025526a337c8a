package review

import (
	"context"

	"gorm.io/gorm"

	"lector/glossary"
)

// learnFromCorrection hands an approved correction to the glossary's
// proposals (learned wrong forms), inside the approval's transaction tx.
func learnFromCorrection(ctx context.Context, tx *gorm.DB, seg *Segment, c *Correction) error {
	if c.TextBefore == c.Text {
		return nil
	}
	ops := WordDiff(c.TextBefore, c.Text)
	chunks := make([]glossary.DiffChunk, len(ops))
	for i, op := range ops {
		chunks[i] = glossary.DiffChunk{Op: op.Op, Text: op.Text}
	}
	lang := func() (string, error) { return articleLang(ctx, tx, seg.ArticleID) }
	_, err := glossary.LearnFromCorrection(ctx, tx, lang, chunks, glossary.Evidence{SegmentID: seg.ID, CorrectionID: c.ID})
	return err
}

// learnFromDismissal hands a flag dismissed as a false positive to the
// glossary's proposals, inside the dismissal's transaction tx.
func learnFromDismissal(ctx context.Context, tx *gorm.DB, seg *Segment, f *Flag) error {
	if f.GlossaryEntryID == nil {
		return nil
	}
	lang, err := articleLang(ctx, tx, seg.ArticleID)
	if err != nil {
		return err
	}
	// The flag's offsets point into the MT text or, after an approval
	// that left it open, into the approved text.
	text, start, end := seg.MTText, f.StartOffset, f.EndOffset
	if f.OffsetsIn == OffsetsApproved {
		if t, ok := offsetsText(seg, f); ok {
			text = t
		} else {
			text, start, end = f.Text, 0, len(f.Text)
		}
	}
	_, err = glossary.LearnFromDismissal(ctx, tx, lang, *f.GlossaryEntryID, text, start, end,
		glossary.Evidence{SegmentID: seg.ID, FlagID: f.ID, Reason: f.DismissReason})
	return err
}

func articleLang(ctx context.Context, tx *gorm.DB, articleID int64) (string, error) {
	var lang string
	err := tx.WithContext(ctx).Raw("SELECT lang FROM articles WHERE id = ?", articleID).Scan(&lang).Error
	return lang, err
}
