package notification

import (
	"context"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
)

// PageSize is how many notifications one page of the list shows.
const PageSize = 50

// Mention notifies users that actor mentioned them in comment on segment,
// in the caller's transaction; the actor is never told of their own
// mention, and a user mentioned twice in one comment is told once.
func Mention(ctx context.Context, tx *gorm.DB, actorID, segmentID, commentID int64, users []int64) error {
	var rows []Notification
	seen := map[int64]bool{actorID: true}
	for _, u := range users {
		if !seen[u] {
			seen[u] = true
			rows = append(rows, Notification{UserID: u, Kind: KindMention, ActorID: &actorID, SegmentID: &segmentID,
				CommentID: &commentID, CreatedAt: time.Now()})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return apperr.Annotate(tx.WithContext(ctx).Create(&rows).Error, "notify mentions")
}

// UnreadCount is how many notifications userID has not read.
func UnreadCount(ctx context.Context, db *gorm.DB, userID int64) (int64, error) {
	var n int64
	err := db.WithContext(ctx).Raw(`SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NULL`, userID).Scan(&n).Error
	return n, apperr.Annotate(err, "count notifications")
}

// List returns p's notifications newest first, at most PageSize, older
// than before (0: from the newest), and whether there are more. Codes:
// unauthorized.
func List(ctx context.Context, db *gorm.DB, p *account.Principal, before int64) ([]Item, bool, error) {
	if p == nil {
		return nil, false, apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	q := `SELECT n.id, n.kind, coalesce(u.email, '') AS actor, coalesce(n.segment_id, 0) AS segment_id, coalesce(s.position, 0) AS position, coalesce(a.title, '') AS article_title,
       CASE WHEN c.deleted_at IS NULL THEN coalesce(c.body, '') ELSE '' END AS comment,
       c.deleted_at IS NOT NULL AS comment_gone, n.created_at, n.read_at
FROM notifications n
LEFT JOIN users u ON u.id = n.actor_id
LEFT JOIN segments s ON s.id = n.segment_id
LEFT JOIN articles a ON a.id = s.article_id
LEFT JOIN comments c ON c.id = n.comment_id
WHERE n.user_id = ?`
	args := []any{p.UserID}
	if before > 0 {
		q += ` AND n.id < ?`
		args = append(args, before)
	}
	q += ` ORDER BY n.id DESC LIMIT ?`
	args = append(args, PageSize+1)
	items := []Item{}
	if err := db.WithContext(ctx).Raw(q, args...).Scan(&items).Error; err != nil {
		return nil, false, apperr.Annotate(err, "list notifications")
	}
	more := len(items) > PageSize
	if more {
		items = items[:PageSize]
	}
	return items, more, nil
}

// MarkAllRead marks every notification of p read and returns how many
// were unread. Codes: unauthorized.
func MarkAllRead(ctx context.Context, db *gorm.DB, p *account.Principal) (int64, error) {
	if p == nil {
		return 0, apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	res := db.WithContext(ctx).Exec(`UPDATE notifications SET read_at = now() WHERE user_id = ? AND read_at IS NULL`, p.UserID)
	return res.RowsAffected, apperr.Annotate(res.Error, "mark notifications read")
}
