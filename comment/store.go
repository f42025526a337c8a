package comment

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/audit"
	"lector/notification"
	"lector/request"
)

// validBody checks a comment's text. Codes: invalid, naming body.
func validBody(body string) (string, error) {
	body = strings.TrimSpace(body)
	if body == "" {
		return "", apperr.New(apperr.Invalid, "error.field_required", map[string]any{"Field": "body"})
	}
	return body, request.Text("body", body, MaxBody)
}

// Post adds p's comment to a segment and notifies the users it mentions,
// in one transaction with the segment's audit event. Anyone signed in may
// comment on any segment (every signed-in user may read every segment).
// Codes: unauthorized, invalid (body: empty, too long, control
// characters), not_found (segment).
func Post(ctx context.Context, db *gorm.DB, p *account.Principal, segmentID int64, body string) (*Note, error) {
	if p == nil {
		return nil, apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	body, err := validBody(body)
	if err != nil {
		return nil, err
	}
	c := Comment{SegmentID: segmentID, AuthorID: &p.UserID, Body: body, CreatedAt: time.Now()}
	err = db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		articleID, err := segmentArticle(ctx, tx, segmentID)
		if err != nil {
			return err
		}
		if err := tx.Create(&c).Error; err != nil {
			return err
		}
		users, err := resolve(ctx, tx, handles(body))
		if err != nil {
			return err
		}
		if err := notification.Mention(ctx, tx, p.UserID, segmentID, c.ID, users); err != nil {
			return err
		}
		return record(ctx, tx, p, ActComment, articleID, c)
	})
	if err != nil {
		return nil, apperr.Annotate(err, "post comment")
	}
	return &Note{ID: c.ID, SegmentID: segmentID, AuthorID: c.AuthorID, Author: p.Email, Body: c.Body, CreatedAt: c.CreatedAt}, nil
}

// Delete soft-deletes a comment: its author or an admin may; the thread
// then shows "comment deleted" in its place. Deleting a deleted comment
// changes nothing. Returns the comment's segment. Codes: unauthorized,
// not_found, forbidden.
func Delete(ctx context.Context, db *gorm.DB, p *account.Principal, id int64) (segmentID int64, err error) {
	if p == nil {
		return 0, apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	err = db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var c Comment
		err := tx.Raw(`SELECT * FROM comments WHERE id = ? FOR UPDATE`, id).Scan(&c).Error
		if err != nil {
			return err
		}
		if c.ID == 0 {
			return apperr.New(apperr.NotFound, "error.comment_not_found", map[string]any{"ID": id})
		}
		segmentID = c.SegmentID
		if !(Note{AuthorID: c.AuthorID}).MayDelete(p.UserID, p.Has(account.RoleAdmin)) {
			return apperr.New(apperr.Forbidden, "error.comment_not_yours", nil)
		}
		if c.DeletedAt != nil {
			return nil
		}
		if err := tx.Exec(`UPDATE comments SET deleted_at = now(), deleted_by = ? WHERE id = ?`, p.UserID, id).Error; err != nil {
			return err
		}
		articleID, err := segmentArticle(ctx, tx, c.SegmentID)
		if err != nil {
			return err
		}
		return record(ctx, tx, p, ActDelete, articleID, c)
	})
	return segmentID, apperr.Annotate(err, "delete comment")
}

// segmentArticle is the article of a segment. Codes: not_found (segment).
func segmentArticle(ctx context.Context, tx *gorm.DB, segmentID int64) (int64, error) {
	var articleID int64
	err := tx.WithContext(ctx).Raw(`SELECT article_id FROM segments WHERE id = ?`, segmentID).Scan(&articleID).Error
	if err == nil && articleID == 0 {
		err = apperr.New(apperr.NotFound, "error.comment_segment", map[string]any{"Field": "segment", "ID": segmentID})
	}
	return articleID, err
}

// record writes the segment's audit event of a comment action.
func record(ctx context.Context, tx *gorm.DB, p *account.Principal, action string, articleID int64, c Comment) error {
	detail, _ := json.Marshal(map[string]int64{"comment": c.ID}) // a map of numbers always marshals
	return audit.Record(ctx, tx, &audit.Event{ActorID: &p.UserID, SubjectType: "segment", SubjectID: c.SegmentID,
		ArticleID: &articleID, Action: action, Detail: detail})
}

const noteSelect = `SELECT c.id, c.segment_id, c.author_id, coalesce(u.email, '') AS author,
       CASE WHEN c.deleted_at IS NULL THEN c.body ELSE '' END AS body, c.created_at, c.deleted_at IS NOT NULL AS deleted
FROM comments c LEFT JOIN users u ON u.id = c.author_id `

// Thread returns a segment's comments, oldest first, deleted ones without
// their text. Codes: unauthorized, not_found (segment).
func Thread(ctx context.Context, db *gorm.DB, p *account.Principal, segmentID int64) ([]Note, error) {
	if p == nil {
		return nil, apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	if _, err := segmentArticle(ctx, db, segmentID); err != nil {
		return nil, apperr.Annotate(err, "comment thread")
	}
	out := []Note{}
	err := db.WithContext(ctx).Raw(noteSelect+`WHERE c.segment_id = ? ORDER BY c.id`, segmentID).Scan(&out).Error
	return out, apperr.Annotate(err, "comment thread")
}

// ByID returns the comments with the given ids, for histories that name
// them in their events.
func ByID(ctx context.Context, db *gorm.DB, ids []int64) (map[int64]Note, error) {
	out := map[int64]Note{}
	if len(ids) == 0 {
		return out, nil
	}
	var notes []Note
	if err := db.WithContext(ctx).Raw(noteSelect+`WHERE c.id IN ?`, ids).Scan(&notes).Error; err != nil {
		return nil, apperr.Annotate(err, "comments by id")
	}
	for _, n := range notes {
		out[n.ID] = n
	}
	return out, nil
}

// OfArticle returns the comments of an article's segments that are not
// deleted, by segment, oldest first: the notes of its exports.
func OfArticle(ctx context.Context, db *gorm.DB, articleID int64) (map[int64][]Note, error) {
	var notes []Note
	err := db.WithContext(ctx).Raw(noteSelect+`JOIN segments s ON s.id = c.segment_id
WHERE s.article_id = ? AND c.deleted_at IS NULL ORDER BY c.segment_id, c.id`, articleID).Scan(&notes).Error
	if err != nil {
		return nil, apperr.Annotate(err, "article comments")
	}
	out := map[int64][]Note{}
	for _, n := range notes {
		out[n.SegmentID] = append(out[n.SegmentID], n)
	}
	return out, nil
}
