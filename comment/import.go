package comment

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"lector/audit"
)

// Imported is a comment read from a file (an XLIFF note) for a segment
// being imported.
type Imported struct {
	Author string    // the email of who wrote it; "" or no such user: the importer
	At     time.Time // when it was written; zero: now
	Body   string    // checked by the caller (request.Text, MaxBody)
}

// Import stores the comments of a file's segments in tx, the transaction
// that stores the segments: each with its author when a user has that
// email (else the importer), its time, and the segment's audit event, so
// that the thread and the history show it as if written here. Mentions in
// them notify nobody: they were read elsewhere, long ago. bySegment maps
// segment ids of article articleID to their comments, oldest first.
func Import(ctx context.Context, tx *gorm.DB, importer *int64, articleID int64, bySegment map[int64][]Imported) error {
	var emails []string
	for _, cs := range bySegment {
		for _, c := range cs {
			if c.Author != "" {
				emails = append(emails, strings.ToLower(c.Author))
			}
		}
	}
	users := map[string]int64{}
	if len(emails) > 0 {
		var rows []struct {
			ID    int64
			Email string
		}
		if err := tx.WithContext(ctx).Raw(`SELECT id, lower(email) AS email FROM users WHERE lower(email) IN ?`, emails).
			Scan(&rows).Error; err != nil {
			return err
		}
		for _, r := range rows {
			users[r.Email] = r.ID
		}
	}
	ids := make([]int64, 0, len(bySegment))
	for id := range bySegment {
		ids = append(ids, id)
	}
	slices.Sort(ids) // the threads in segment order, for ids that read as the file does
	now := time.Now()
	for _, segID := range ids {
		for _, in := range bySegment[segID] {
			c := Comment{SegmentID: segID, AuthorID: importer, Body: in.Body, CreatedAt: in.At}
			if id, ok := users[strings.ToLower(in.Author)]; ok {
				c.AuthorID = &id
			}
			if c.CreatedAt.IsZero() {
				c.CreatedAt = now
			}
			if err := tx.WithContext(ctx).Create(&c).Error; err != nil {
				return err
			}
			detail, _ := json.Marshal(map[string]any{"comment": c.ID, "imported": true}) // numbers and a bool always marshal
			if err := audit.Record(ctx, tx, &audit.Event{At: c.CreatedAt, ActorID: c.AuthorID, SubjectType: "segment", SubjectID: segID,
				ArticleID: &articleID, Action: ActComment, Detail: detail}); err != nil {
				return err
			}
		}
	}
	return nil
}
