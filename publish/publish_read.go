package publish

import (
	"context"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/review"
)

// ArticleVersions lists an article's published versions, newest first. Any
// signed-in user may read them. Codes: unauthorized, not_found.
func ArticleVersions(ctx context.Context, db *gorm.DB, p *account.Principal, articleID int64) ([]review.VersionSummary, error) {
	if p == nil {
		return nil, apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	if err := articleExists(ctx, db, articleID); err != nil {
		return nil, err
	}
	return review.VersionSummaries(ctx, db, articleID, 0)
}

// ArticleVersion loads version number of an article with its segments in
// order. Number 0 is the MT text, built from the live segments as a version
// would be (no provenance, never stored). Any signed-in user may read it.
// Codes: unauthorized, not_found.
func ArticleVersion(ctx context.Context, db *gorm.DB, p *account.Principal, articleID int64, number int) (*review.Version, error) {
	if p == nil {
		return nil, apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	if err := articleExists(ctx, db, articleID); err != nil {
		return nil, err
	}
	if number == 0 {
		return mtVersion(ctx, db, articleID)
	}
	var vs []review.Version
	err := db.WithContext(ctx).Where("article_id = ? AND number = ?", articleID, number).
		Preload("Segments", func(tx *gorm.DB) *gorm.DB { return tx.Order("position") }).Limit(1).Find(&vs).Error
	if err != nil {
		return nil, apperr.Annotate(err, "get version")
	}
	if len(vs) == 0 {
		return nil, apperr.New(apperr.NotFound, "error.version_not_found", map[string]any{"Article": articleID, "Number": number})
	}
	return &vs[0], nil
}

// mtVersion is "version 0": the live segments' MT texts.
func mtVersion(ctx context.Context, db *gorm.DB, articleID int64) (*review.Version, error) {
	var live []review.Segment
	if err := db.WithContext(ctx).Where("article_id = ?", articleID).Order("position").Find(&live).Error; err != nil {
		return nil, apperr.Annotate(err, "mt version")
	}
	v := &review.Version{ArticleID: articleID, Segments: make([]review.VersionSegment, len(live))}
	for i, s := range live {
		v.Segments[i] = review.VersionSegment{Position: s.Position, Paragraph: s.Paragraph, SegmentID: &live[i].ID,
			SourceText: s.SourceText, MTText: s.MTText, Text: s.MTText, State: s.State}
	}
	v.Text = review.JoinSegments(v.Segments)
	return v, nil
}

// PendingCount is how many decisions wait for an editor in an article:
// pending corrections and pending "not a mistake" proposals, as Publish
// counts them.
func PendingCount(ctx context.Context, db *gorm.DB, articleID int64) (int, error) {
	var n int
	err := db.WithContext(ctx).Raw(`SELECT
  (SELECT count(*) FROM corrections c JOIN segments s ON s.id = c.segment_id WHERE s.article_id = @a AND c.status = 'pending')
  + (SELECT count(*) FROM dismissals d JOIN segments s ON s.id = d.segment_id WHERE s.article_id = @a AND d.status = 'pending')`,
		map[string]any{"a": articleID}).Scan(&n).Error
	return n, apperr.Annotate(err, "pending count")
}

func articleExists(ctx context.Context, db *gorm.DB, id int64) error {
	var n int64
	if err := db.WithContext(ctx).Model(&review.Article{}).Where("id = ?", id).Count(&n).Error; err != nil {
		return apperr.Annotate(err, "find article")
	}
	if n == 0 {
		return apperr.New(apperr.NotFound, "error.article_not_found", map[string]any{"ID": id})
	}
	return nil
}

// Person names a user in provenance.
type Person struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// personName shows a user: the name, else the email.
const personName = `coalesce(nullif(u.name, ''), u.email, '')`

// people loads the names of users ids; unknown ids are left out.
func people(ctx context.Context, db *gorm.DB, ids []int64) (map[int64]Person, error) {
	out := map[int64]Person{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []Person
	if err := db.WithContext(ctx).Raw(`SELECT u.id, `+personName+` AS name FROM users u WHERE u.id IN ?`, ids).
		Scan(&rows).Error; err != nil {
		return nil, apperr.Annotate(err, "load people")
	}
	for _, r := range rows {
		out[r.ID] = r
	}
	return out, nil
}
