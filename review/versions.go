package review

import (
	"context"
	"strings"
	"time"

	"lector/apperr"

	"gorm.io/gorm"
)

// JoinSegments builds an article's text from its segments in position
// order: segments of one paragraph joined with a space, paragraphs
// separated by a blank line.
func JoinSegments(segs []VersionSegment) string {
	var b strings.Builder
	for i, s := range segs {
		if i > 0 {
			if s.Paragraph != segs[i-1].Paragraph {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		b.WriteString(s.Text)
	}
	return b.String()
}

// VersionSummary is one published version as lists show it.
type VersionSummary struct {
	Number          int       `json:"number"`
	PublishedBy     *int64    `json:"published_by"`
	PublishedByName string    `json:"published_by_name"`
	PublishedAt     time.Time `json:"published_at"`
	Partial         bool      `json:"partial"`
	Note            string    `json:"note"`
	Segments        int       `json:"segments"`
	Corrected       int       `json:"corrected"` // segments whose text an approved correction gave
}

// Previous is the number of the version before this one (0: the MT text).
func (v VersionSummary) Previous() int { return v.Number - 1 }

// personName shows a user: the name, else the email.
const personName = `coalesce(nullif(u.name, ''), u.email, '')`

const versionSummarySQL = `
SELECT v.number, v.published_by, ` + personName + ` AS published_by_name, v.published_at, v.partial, v.note,
       (SELECT count(*) FROM version_segments s WHERE s.version_id = v.id) AS segments,
       (SELECT count(*) FROM version_segments s WHERE s.version_id = v.id AND s.correction_id IS NOT NULL) AS corrected
FROM article_versions v LEFT JOIN users u ON u.id = v.published_by
WHERE v.article_id = ? `

// VersionSummaries lists an article's published versions, newest first;
// limit 0 lists them all. It does not check that the article exists.
func VersionSummaries(ctx context.Context, db *gorm.DB, articleID int64, limit int) ([]VersionSummary, error) {
	out := []VersionSummary{}
	q := versionSummarySQL + `ORDER BY v.number DESC`
	args := []any{articleID}
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit)
	}
	err := db.WithContext(ctx).Raw(q, args...).Scan(&out).Error
	return out, apperr.Annotate(err, "list versions")
}

// LatestVersion is an article's newest version, nil when none was
// published yet.
func LatestVersion(ctx context.Context, db *gorm.DB, articleID int64) (*VersionSummary, error) {
	out, err := VersionSummaries(ctx, db, articleID, 1)
	if err != nil || len(out) == 0 {
		return nil, err
	}
	return &out[0], nil
}
