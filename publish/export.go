package publish

import (
	"context"
	"errors"
	"time"

	"gorm.io/gorm"

	"lector/apperr"
	"lector/comment"
	"lector/detect/finding"
	"lector/review"
)

// Export is what every export format is made from: an article's segments
// as they are now (the working state) or as a version published them.
type Export struct {
	ArticleID  int64           `json:"article"`
	Title      string          `json:"title"`
	Lang       string          `json:"lang"`
	SourceLang *string         `json:"source_lang"`
	Version    *ExportVersion  `json:"version"` // nil for the working state
	Segments   []ExportSegment `json:"segments"`
}

// ExportVersion is the published version an export shows.
type ExportVersion struct {
	Number      int       `json:"number"`
	PublishedAt time.Time `json:"published_at"`
	Partial     bool      `json:"partial"`
	Note        string    `json:"note"`
}

// ExportSegment is one segment: its text now (or as published), the machine
// translation it started from, the source when there is one, and the names
// and terms flagged in it.
type ExportSegment struct {
	Position   int     `json:"position"`
	Paragraph  int     `json:"paragraph"`
	SourceText *string `json:"source_text,omitempty"`
	MTText     string  `json:"mt_text"`
	Text       string  `json:"text"`
	State      string  `json:"state"`
	// FileState is the state an imported XLIFF file gave the segment,
	// information only (the article's export; versions do not keep it).
	FileState *string      `json:"file_state,omitempty"`
	Names     []ExportName `json:"names,omitempty"`
	// Comments are the segment's comment thread, deleted comments left
	// out; a version's, those written before it was published.
	Comments []ExportComment `json:"comments,omitempty"`

	segmentID *int64
}

// ExportComment is one comment on a segment.
type ExportComment struct {
	Author string    `json:"author"`
	At     time.Time `json:"at"`
	Body   string    `json:"body"`
}

// ExportName is a name or term flagged in a segment's machine translation,
// with what the glossary says it should be.
type ExportName struct {
	Text       string `json:"text"`
	Suggestion string `json:"suggestion"`
	Entry      string `json:"entry"`
	Check      string `json:"check"`
}

// CurrentExport loads the working state of an article. Anyone signed in may
// export; the handler checks that. Codes: not_found.
func CurrentExport(ctx context.Context, db *gorm.DB, articleID int64) (*Export, error) {
	var a review.Article
	err := db.WithContext(ctx).Preload("Segments", func(tx *gorm.DB) *gorm.DB { return tx.Order("position") }).
		Take(&a, articleID).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.New(apperr.NotFound, "error.article_not_found", map[string]any{"ID": articleID})
	}
	if err != nil {
		return nil, apperr.Wrap(err, "load article for export")
	}
	ex := &Export{ArticleID: a.ID, Title: a.Title, Lang: a.Lang, SourceLang: a.SourceLang}
	for _, s := range a.Segments {
		id := s.ID
		ex.Segments = append(ex.Segments, ExportSegment{Position: s.Position, Paragraph: s.Paragraph,
			SourceText: s.SourceText, MTText: s.MTText, Text: s.CurrentText, State: s.State, FileState: s.FileState, segmentID: &id})
	}
	if err := loadComments(ctx, db, ex, nil); err != nil {
		return nil, err
	}
	return ex, loadNames(ctx, db, ex)
}

// VersionExport loads published version number of an article. Codes:
// not_found (no such article or version).
func VersionExport(ctx context.Context, db *gorm.DB, articleID int64, number int) (*Export, error) {
	var a review.Article
	err := db.WithContext(ctx).Take(&a, articleID).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.New(apperr.NotFound, "error.article_not_found", map[string]any{"ID": articleID})
	}
	if err != nil {
		return nil, apperr.Wrap(err, "load article for export")
	}
	var v review.Version
	err = db.WithContext(ctx).Preload("Segments", func(tx *gorm.DB) *gorm.DB { return tx.Order("position") }).
		Where("article_id = ? AND number = ?", articleID, number).Take(&v).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.New(apperr.NotFound, "error.export_no_version", map[string]any{"ID": articleID, "Number": number})
	}
	if err != nil {
		return nil, apperr.Wrap(err, "load version for export")
	}
	ex := &Export{ArticleID: a.ID, Title: a.Title, Lang: a.Lang, SourceLang: a.SourceLang,
		Version: &ExportVersion{Number: v.Number, PublishedAt: v.PublishedAt, Partial: v.Partial, Note: v.Note}}
	for _, s := range v.Segments {
		ex.Segments = append(ex.Segments, ExportSegment{Position: s.Position, Paragraph: s.Paragraph,
			SourceText: s.SourceText, MTText: s.MTText, Text: s.Text, State: s.State, segmentID: s.SegmentID})
	}
	if err := loadComments(ctx, db, ex, &v.PublishedAt); err != nil {
		return nil, err
	}
	return ex, loadNames(ctx, db, ex)
}

// loadComments attaches the segments' comments that are not deleted, those
// written before until when it is set (a version shows the thread as it
// stood when it was published, less what was deleted since).
func loadComments(ctx context.Context, db *gorm.DB, ex *Export, until *time.Time) error {
	bySegment, err := comment.OfArticle(ctx, db, ex.ArticleID)
	if err != nil {
		return err
	}
	for i, s := range ex.Segments {
		if s.segmentID == nil {
			continue
		}
		for _, n := range bySegment[*s.segmentID] {
			if until == nil || !n.CreatedAt.After(*until) {
				ex.Segments[i].Comments = append(ex.Segments[i].Comments, ExportComment{Author: n.Author, At: n.CreatedAt.UTC(), Body: n.Body})
			}
		}
	}
	return nil
}

// loadNames attaches the name and term flags of the segments' machine
// translations, dismissed ones left out: the machine translation is the same
// in a version and in the working state, so both carry the same names. The
// flags are found by the article's id, not by a list of segment ids, which
// PostgreSQL refuses past 65,535; a version's segments are the article's
// live segments, and flags of segments the export does not show are skipped.
func loadNames(ctx context.Context, db *gorm.DB, ex *Export) error {
	index := map[int64]int{}
	for i, s := range ex.Segments {
		if s.segmentID != nil {
			index[*s.segmentID] = i
		}
	}
	if len(index) == 0 {
		return nil
	}
	var flags []review.Flag
	err := db.WithContext(ctx).Raw(`SELECT f.* FROM flags f JOIN segments s ON s.id = f.segment_id
WHERE s.article_id = ? AND f.kind IN ? AND f.status <> ? ORDER BY f.segment_id, f.start_offset, f.id`,
		ex.ArticleID, []string{finding.KindName, finding.KindTerm}, review.FlagDismissed).Scan(&flags).Error
	if err != nil {
		return apperr.Wrap(err, "load flags for export")
	}
	for _, f := range flags {
		i, ok := index[f.SegmentID]
		if !ok {
			continue
		}
		s := &ex.Segments[i]
		s.Names = append(s.Names, ExportName{Text: f.Text, Suggestion: f.Suggestion, Entry: f.Entry, Check: f.Check})
	}
	return nil
}

// paragraphs groups the segments by paragraph, in order.
func (ex *Export) paragraphs() [][]ExportSegment {
	var out [][]ExportSegment
	for i, s := range ex.Segments {
		if i == 0 || s.Paragraph != ex.Segments[i-1].Paragraph {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], s)
	}
	return out
}
