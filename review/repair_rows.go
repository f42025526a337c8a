package review

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"gorm.io/gorm"

	"lector/apperr"
	"lector/detect/typography"
)

func needRevision(field string, rev int) error {
	if rev < 1 {
		return apperr.New(apperr.Invalid, "error.field_required", map[string]any{"Field": field})
	}
	return nil
}

// repairArticle is what a repair needs of the article: the text is the
// context the checks read.
type repairArticle struct {
	ID   int64
	Lang string
	Text string
	// Base is the article offset of Text[0]: 0 when Text is the whole
	// article text, more when it is the paragraphs around a segment
	// (reflagArticleAround).
	Base int `gorm:"-"`
	// sources are the segments' sources for the source-aware checks, nil
	// when the article has none (loadSources).
	sources *articleSources `gorm:"-"`
}

// lockForRepair locks the article row first, so that two repairs of one
// article (which both renumber its positions) run one after the other,
// then the segment.
func lockForRepair(ctx context.Context, tx *gorm.DB, segmentID int64) (*Segment, *repairArticle, error) {
	var articleID []int64
	if err := tx.Model(&Segment{}).Where("id = ?", segmentID).Pluck("article_id", &articleID).Error; err != nil {
		return nil, nil, err
	}
	if len(articleID) == 0 {
		return nil, nil, apperr.New(apperr.NotFound, "error.segment_not_found", map[string]any{"ID": segmentID})
	}
	art := &repairArticle{}
	if err := tx.Raw(`SELECT id, lang, text FROM articles WHERE id = ? FOR UPDATE`, articleID[0]).Scan(art).Error; err != nil {
		return nil, nil, err
	}
	if err := attachSources(ctx, tx, art); err != nil {
		return nil, nil, err
	}
	seg, err := lockSegment(ctx, tx, segmentID)
	return seg, art, err
}

// mergeJoin is what goes between the two texts: the broken-paragraph
// flag's suggestion when the break was flagged, else one space.
func mergeJoin(a *Segment, old []Flag) string {
	for _, f := range old {
		if f.SegmentID == a.ID && f.Status == FlagOpen && f.Check == typography.CheckBrokenParagraph && f.StartOffset >= len(a.MTText) {
			return f.Suggestion
		}
	}
	return " "
}

// joinText joins two texts of the segments a merge joins with join
// between them, and nothing when either is empty: a part a split left
// without MT text adds none, not a leading space.
func joinText(a, join, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + join + b
}

func joinSource(a, b *string) *string {
	switch {
	case a == nil:
		return b
	case b == nil, *a == *b: // the halves of one source sentence (a split, an 1:2 alignment)
		return a
	}
	s := joinText(*a, " ", *b)
	return &s
}

// joinLeftOut joins the source sentences two segments left out (nil for
// none), in order.
func joinLeftOut(a, b *string) *string {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	return appendSentence(a, *b)
}

// cut splits text at byte offset at, dropping the white space around the
// cut; ok is false when the offset is not inside the text on a character
// boundary or a part would be empty.
func cut(text string, at int) (first, second string, ok bool) {
	if at <= 0 || at >= len(text) || !utf8.RuneStart(text[at]) {
		return "", "", false
	}
	first = strings.TrimRightFunc(text[:at], unicode.IsSpace)
	second = strings.TrimLeftFunc(text[at:], unicode.IsSpace)
	return first, second, first != "" && second != ""
}

// renumber moves the segments after position by delta positions and
// paragraphs back by paragraphs, through repairShift so that no two rows
// ever share a position.
func renumber(tx *gorm.DB, articleID int64, position, delta, paragraphs int) error {
	if err := tx.Exec(`UPDATE segments SET position = position + ?, paragraph = paragraph - ? WHERE article_id = ? AND position > ?`,
		repairShift, paragraphs, articleID, position).Error; err != nil {
		return err
	}
	return tx.Exec(`UPDATE segments SET position = position - ? + ? WHERE article_id = ? AND position >= ?`,
		repairShift, delta, articleID, repairShift).Error
}

// saveRepaired writes a repaired segment (an update when it has an id, an
// insert otherwise) in the state its flags give it (repairedState;
// approved: its text was reviewed), lease cleared, and its flags.
func saveRepaired(tx *gorm.DB, s *Segment, flags []Flag, approved bool) (*Segment, error) {
	s.State = repairedState(flags, approved)
	s.LeaseHolderID, s.LeaseExpiresAt, s.Flags = nil, nil, nil
	var err error
	if s.ID == 0 {
		err = tx.Create(s).Error
	} else {
		err = tx.Raw(`UPDATE segments SET end_offset = ?, mt_text = ?, current_text = ?, source_text = ?, source_left_out = ?, state = ?,
revision = revision + 1, lease_holder_id = NULL, lease_expires_at = NULL, updated_at = now() WHERE id = ? RETURNING *`,
			s.EndOffset, s.MTText, s.CurrentText, s.SourceText, s.SourceLeftOut, s.State, s.ID).Scan(s).Error
	}
	if err != nil {
		return nil, err
	}
	for i := range flags {
		flags[i].SegmentID = s.ID
	}
	if len(flags) > 0 {
		if err := tx.Create(&flags).Error; err != nil {
			return nil, err
		}
	}
	s.Flags = flags
	return s, nil
}
