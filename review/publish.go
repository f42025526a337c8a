package review

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"lector/account"
	"lector/apperr"
	"lector/audit"
	"lector/webhook"
)

// ActPublish is the action of the audit event a publication writes; its
// subject is the version.
const ActPublish = "publish"

// MaxNoteRunes bounds a version's note.
const MaxNoteRunes = 2000

// versionSegmentBatch is the rows per INSERT of a version's segments: 11
// columns each, under PostgreSQL's 65,535 bind parameters a statement (one
// statement for all of them failed from 5,958 segments).
const versionSegmentBatch = 4000

// PublishOptions is what an editor chooses when publishing.
type PublishOptions struct {
	// Partial publishes what is approved so far although corrections are
	// still pending; without it pending corrections are a conflict.
	Partial bool
	Note    string
	// Events hears of the new version in its transaction (webhooks);
	// nil: nobody.
	Events *webhook.Emitter
}

// liveSegment is a live segment with what publishing needs in one row: its
// latest approved correction and how many decisions wait for an editor on
// it (pending corrections and "not a mistake" proposals).
type liveSegment struct {
	ID           int64
	Position     int
	Paragraph    int
	SourceText   *string
	MTText       string `gorm:"column:mt_text"`
	CurrentText  string
	State        string
	CorrectionID *int64
	AuthorID     *int64
	ApproverID   *int64
	ApprovedText *string
	Pending      int
	// PendingBefore is the text the pending correction replaced: the
	// segment's text before anyone proposed it.
	PendingBefore *string
}

// One statement, so one snapshot: an approval committing meanwhile is either
// wholly in the version (segment state and correction) or wholly out.
const liveSegmentsSQL = `
SELECT s.id, s.position, s.paragraph, s.source_text, s.mt_text, s.current_text, s.state,
       c.id AS correction_id, c.author_id, c.reviewer_id AS approver_id, c.text AS approved_text,
       (SELECT count(*) FROM corrections p WHERE p.segment_id = s.id AND p.status = 'pending')
       + (SELECT count(*) FROM dismissals d WHERE d.segment_id = s.id AND d.status = 'pending') AS pending,
       (SELECT p.text_before FROM corrections p WHERE p.segment_id = s.id AND p.status = 'pending'
        ORDER BY p.id DESC LIMIT 1) AS pending_before
FROM segments s
LEFT JOIN LATERAL (SELECT id, author_id, reviewer_id, text FROM corrections
                   WHERE segment_id = s.id AND status = 'approved'
                   ORDER BY reviewed_at DESC NULLS LAST, id DESC LIMIT 1) c ON true
WHERE s.article_id = ? ORDER BY s.position`

func liveSegments(ctx context.Context, db *gorm.DB, articleID int64) ([]liveSegment, error) {
	var rows []liveSegment
	err := db.WithContext(ctx).Raw(liveSegmentsSQL, articleID).Scan(&rows).Error
	return rows, err
}

// published is the text a live segment publishes, with its provenance: an
// approved segment its current text; one with a pending correction the
// text that correction replaced (its last approved text, else its MT
// text); any other its current text too, which is its last approved text
// (a rejection puts it back) or its MT text. The current text, not the
// last approved correction's, because a join or a split of an approved
// text changes the text without a correction. A pending correction never
// reaches a version.
func (s liveSegment) published() VersionSegment {
	sid := s.ID
	v := VersionSegment{Position: s.Position, Paragraph: s.Paragraph, SegmentID: &sid, SourceText: s.SourceText,
		MTText: s.MTText, Text: s.CurrentText, State: s.State}
	switch {
	case s.State == StateApproved:
	case s.PendingBefore != nil:
		v.Text = *s.PendingBefore
	}
	if s.CorrectionID != nil && s.ApprovedText != nil && *s.ApprovedText == v.Text {
		v.CorrectionID, v.AuthorID, v.ApproverID = s.CorrectionID, s.AuthorID, s.ApproverID
	}
	return v
}

// PendingError is the conflict of publishing while corrections are pending
// without choosing to publish what is approved so far.
func PendingError(n int) *apperr.Error {
	return apperr.New(apperr.Conflict, "error.publish_pending", map[string]any{"Count": n})
}

// Publish makes a new numbered, immutable version of an article from its
// live segments: every approved correction applied, nothing pending. The
// article row is locked, so concurrent publications number 1, 2, 3 without
// gaps. Only editors publish. Codes: unauthorized, forbidden, invalid
// (note), not_found, conflict (corrections pending and opts.Partial unset;
// Data "Count").
func Publish(ctx context.Context, db *gorm.DB, p *account.Principal, articleID int64, opts PublishOptions) (*Version, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
		return nil, err
	}
	note := strings.TrimSpace(opts.Note)
	if err := typedText("note", note, MaxNoteRunes); err != nil {
		return nil, err
	}
	var v *Version
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var locked []int64
		if err := tx.Raw(`SELECT id FROM articles WHERE id = ? FOR NO KEY UPDATE`, articleID).Scan(&locked).Error; err != nil {
			return err
		}
		if len(locked) == 0 {
			return apperr.New(apperr.NotFound, "error.article_not_found", map[string]any{"ID": articleID})
		}
		rows, err := liveSegments(ctx, tx, articleID)
		if err != nil {
			return err
		}
		pending := 0
		segs := make([]VersionSegment, len(rows))
		for i, r := range rows {
			pending += r.Pending
			segs[i] = r.published()
		}
		if pending > 0 && !opts.Partial {
			return PendingError(pending)
		}
		var number int
		if err := tx.Raw(`SELECT coalesce(max(number), 0) + 1 FROM article_versions WHERE article_id = ?`, articleID).
			Scan(&number).Error; err != nil {
			return err
		}
		v = &Version{ArticleID: articleID, Number: number, Text: JoinSegments(segs), PublishedBy: &p.UserID,
			PublishedAt: time.Now().UTC().Truncate(time.Microsecond), Partial: pending > 0, Note: note, Segments: segs}
		if err := tx.Omit(clause.Associations).Create(v).Error; err != nil {
			return err
		}
		for i := range v.Segments {
			v.Segments[i].VersionID = v.ID
		}
		if len(v.Segments) > 0 {
			if err := tx.CreateInBatches(v.Segments, versionSegmentBatch).Error; err != nil {
				return err
			}
		}
		detail, err := json.Marshal(map[string]any{"number": number, "partial": v.Partial, "pending": pending, "note": note})
		if err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, &audit.Event{ActorID: &p.UserID, SubjectType: "version", SubjectID: v.ID,
			ArticleID: &articleID, Action: ActPublish, Detail: detail}); err != nil {
			return err
		}
		return versionEvent(ctx, tx, opts.Events, v)
	})
	if err != nil {
		return nil, apperr.Annotate(err, "publish")
	}
	return v, nil
}
