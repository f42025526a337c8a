package review

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"lector/account"
	"lector/apperr"
)

// Repair actions: an editor fixes the segmentation.
const (
	ActMerge = "merge"
	ActSplit = "split"
)

// repairShift moves the positions after a repair out of the way before they
// are renumbered: UNIQUE (article_id, position) is checked row by row, so
// shifting them by one in a single statement could collide with itself.
const repairShift = 1 << 30

// MergeRequest joins a segment with the one after it. Both revisions are
// the ones the editor saw.
type MergeRequest struct {
	SegmentID    int64
	Revision     int
	NextRevision int
}

// SplitRequest cuts a segment in two at Offset, a byte offset into its
// current text; the white space around the cut is dropped.
type SplitRequest struct {
	SegmentID int64
	Revision  int
	Offset    int
}

// MergeSegments joins a segment with the next one into the first (which keeps its
// id, gets revision + 1 and the merged text); the next segment is deleted,
// its past corrections move to the merged one, and every later segment
// moves up a position (and a paragraph, when the two were in different
// paragraphs: the break between them was the mistake). The join is the
// suggestion of an open broken-paragraph flag on the break ("" for "$ 1." +
// "8 billion"), otherwise a space. Flags are recomputed. Editors only.
// Codes: unauthorized, forbidden, invalid, not_found, conflict (stale
// revision of either segment, the last segment, a segment leased by
// someone else, with a pending correction or a corrected text).
func MergeSegments(ctx context.Context, db *gorm.DB, checker *Checker, p *account.Principal, in MergeRequest) (*Segment, error) {
	if err := requireRole(p, account.RoleEditor); err != nil {
		return nil, err
	}
	if err := needRevision("revision", in.Revision); err != nil {
		return nil, err
	}
	if err := needRevision("next_revision", in.NextRevision); err != nil {
		return nil, err
	}
	checker = checker.Snapshot()
	var out *Segment
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		a, art, err := lockForRepair(ctx, tx, in.SegmentID)
		if err != nil {
			return err
		}
		var next []Segment
		if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).
			Where("article_id = ? AND position = ?", a.ArticleID, a.Position+1).Limit(1).Find(&next).Error; err != nil {
			return err
		}
		if len(next) == 0 {
			return apperr.New(apperr.Conflict, "error.merge_last", map[string]any{"ID": a.ID})
		}
		b := &next[0]
		if a.Revision != in.Revision {
			return StaleError(a, "")
		}
		if b.Revision != in.NextRevision {
			return StaleError(b, "")
		}
		for _, s := range []*Segment{a, b} {
			if err := repairable(s, p); err != nil {
				return err
			}
		}
		old, err := oldFlags(ctx, tx, a.ID, b.ID)
		if err != nil {
			return err
		}
		join := mergeJoin(a, old)
		merged := *a
		merged.EndOffset = b.EndOffset
		merged.MTText = a.MTText + join + b.MTText
		merged.CurrentText = merged.MTText
		merged.SourceText = joinSource(a.SourceText, b.SourceText)
		after, err := followingStart(ctx, tx, b)
		if err != nil {
			return err
		}
		var moved []movedFlag
		for _, f := range old {
			switch {
			case f.SegmentID == b.ID:
				moved = append(moved, movedFlag{flag: f, start: f.StartOffset + len(a.MTText) + len(join)})
			case f.StartOffset < len(a.MTText): // the break after a is gone
				moved = append(moved, movedFlag{flag: f, start: f.StartOffset})
			}
		}
		flags, err := recheck(checker, art, a.StartOffset, b.EndOffset, []*Segment{&merged}, nil, after, moved)
		if err != nil {
			return err
		}
		if err := tx.Where("segment_id IN ?", []int64{a.ID, b.ID}).Delete(&Flag{}).Error; err != nil {
			return err
		}
		if err := tx.Model(&Correction{}).Where("segment_id = ?", b.ID).Update("segment_id", a.ID).Error; err != nil {
			return err
		}
		if err := tx.Delete(&Segment{}, b.ID).Error; err != nil {
			return err
		}
		if err := renumber(tx, a.ArticleID, b.Position, -1, b.Paragraph-a.Paragraph); err != nil {
			return err
		}
		if out, err = saveRepaired(tx, &merged, flags[0]); err != nil {
			return err
		}
		detail := map[string]any{"merged": b.ID, "next_text": b.CurrentText, "join": join, "revision": out.Revision}
		if err := record(ctx, tx, p, out, ActMerge, a.State, out.State, a.CurrentText, out.CurrentText, detail); err != nil {
			return err
		}
		return record(ctx, tx, p, b, ActMerge, b.State, out.State, b.CurrentText, out.CurrentText, map[string]any{"into": a.ID})
	})
	if err != nil {
		return nil, wrap(err, "merge segments")
	}
	return out, nil
}

// SplitSegment cuts a segment in two: the first part keeps the id (revision + 1),
// its source text and its past corrections; the second part is a new
// segment in the same paragraph, right after it, and every later segment
// moves down a position. Flags are recomputed for both. Editors only.
// Codes: unauthorized, forbidden, invalid (offset), not_found, conflict
// (stale revision, segment leased by someone else, pending correction,
// corrected text).
func SplitSegment(ctx context.Context, db *gorm.DB, checker *Checker, p *account.Principal, in SplitRequest) ([]Segment, error) {
	if err := requireRole(p, account.RoleEditor); err != nil {
		return nil, err
	}
	if err := needRevision("revision", in.Revision); err != nil {
		return nil, err
	}
	checker = checker.Snapshot()
	var out []Segment
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		a, art, err := lockForRepair(ctx, tx, in.SegmentID)
		if err != nil {
			return err
		}
		if a.Revision != in.Revision {
			return StaleError(a, "")
		}
		if err := repairable(a, p); err != nil {
			return err
		}
		first, second, ok := cut(a.CurrentText, in.Offset)
		if !ok {
			return apperr.New(apperr.Invalid, "error.bad_split_offset",
				map[string]any{"Offset": in.Offset, "Length": len(a.CurrentText)})
		}
		one, two := *a, Segment{ArticleID: a.ArticleID, Position: a.Position + 1, Paragraph: a.Paragraph, Revision: 1}
		one.MTText, one.CurrentText = first, first
		one.EndOffset = min(a.StartOffset+len(first), a.EndOffset)
		two.MTText, two.CurrentText = second, second
		two.StartOffset = max(one.EndOffset, a.StartOffset+len(a.MTText)-len(second))
		two.EndOffset = max(a.EndOffset, two.StartOffset)
		old, err := oldFlags(ctx, tx, a.ID)
		if err != nil {
			return err
		}
		after, err := followingStart(ctx, tx, a)
		if err != nil {
			return err
		}
		gap := a.MTText[len(first) : len(a.MTText)-len(second)]
		moved := make([]movedFlag, len(old))
		for i, f := range old {
			moved[i] = movedFlag{flag: f, start: f.StartOffset}
			if f.StartOffset >= len(first) {
				moved[i].part, moved[i].start = 1, max(f.StartOffset-len(first)-len(gap), 0)
			}
		}
		flags, err := recheck(checker, art, a.StartOffset, a.EndOffset, []*Segment{&one, &two}, []string{gap}, after, moved)
		if err != nil {
			return err
		}
		if err := tx.Where("segment_id = ?", a.ID).Delete(&Flag{}).Error; err != nil {
			return err
		}
		if err := renumber(tx, a.ArticleID, a.Position, 1, 0); err != nil {
			return err
		}
		saved, err := saveRepaired(tx, &one, flags[0])
		if err != nil {
			return err
		}
		created, err := saveRepaired(tx, &two, flags[1])
		if err != nil {
			return err
		}
		detail := map[string]any{"offset": in.Offset, "into": created.ID, "next_text": created.CurrentText, "revision": saved.Revision}
		if err := record(ctx, tx, p, saved, ActSplit, a.State, saved.State, a.CurrentText, saved.CurrentText, detail); err != nil {
			return err
		}
		out = []Segment{*saved, *created}
		return record(ctx, tx, p, created, ActSplit, a.State, created.State, a.CurrentText, created.CurrentText,
			map[string]any{"from": a.ID, "offset": in.Offset})
	})
	if err != nil {
		return nil, wrap(err, "split segment")
	}
	return out, nil
}

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
	seg, err := lockSegment(ctx, tx, segmentID)
	return seg, art, err
}

// repairable refuses segments someone is working on: leased by another
// person, or with a pending correction. A corrected text is refused too: the
// correction was reviewed against the old boundaries, so segmentation is
// repaired first and words after.
func repairable(s *Segment, p *account.Principal) error {
	switch {
	case leasedByOther(s, p):
		return apperr.New(apperr.Conflict, "error.segment_leased", map[string]any{"ID": s.ID})
	case s.State == StateCorrected:
		return apperr.New(apperr.Conflict, "error.repair_pending", map[string]any{"ID": s.ID})
	case s.CurrentText != s.MTText:
		return apperr.New(apperr.Conflict, "error.repair_corrected", map[string]any{"ID": s.ID})
	}
	return nil
}

// mergeJoin is what goes between the two texts: the broken-paragraph
// flag's suggestion when the break was flagged, else one space.
func mergeJoin(a *Segment, old []Flag) string {
	for _, f := range old {
		if f.SegmentID == a.ID && f.Status == FlagOpen && f.Check == typoCheckBrokenParagraph && f.StartOffset >= len(a.MTText) {
			return f.Suggestion
		}
	}
	return " "
}

func joinSource(a, b *string) *string {
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	}
	s := *a + " " + *b
	return &s
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
// insert otherwise) in the state its flags give it, lease cleared, and its
// flags.
func saveRepaired(tx *gorm.DB, s *Segment, flags []Flag) (*Segment, error) {
	s.State = StateClean
	for _, f := range flags {
		if f.Status == FlagOpen {
			s.State = StateFlagged
		}
	}
	s.LeaseHolderID, s.LeaseExpiresAt, s.Flags = nil, nil, nil
	var err error
	if s.ID == 0 {
		err = tx.Create(s).Error
	} else {
		err = tx.Raw(`UPDATE segments SET end_offset = ?, mt_text = ?, current_text = ?, source_text = ?, state = ?,
revision = revision + 1, lease_holder_id = NULL, lease_expires_at = NULL, updated_at = now() WHERE id = ? RETURNING *`,
			s.EndOffset, s.MTText, s.CurrentText, s.SourceText, s.State, s.ID).Scan(s).Error
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
