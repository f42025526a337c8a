package review

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/comment"
)

// HistoryEvent is one audit event as the history views show it.
type HistoryEvent struct {
	ID         int64           `json:"id"`
	At         time.Time       `json:"at"`
	Actor      string          `json:"actor"`
	SegmentID  int64           `json:"segment" gorm:"column:subject_id"`
	Action     string          `json:"action"`
	FromState  string          `json:"from_state"`
	ToState    string          `json:"to_state"`
	TextBefore string          `json:"text_before"`
	TextAfter  string          `json:"text_after"`
	Detail     json.RawMessage `json:"detail"`
	// Comment is the comment a comment or comment_delete event names.
	Comment *comment.Note `json:"comment,omitempty" gorm:"-"`
}

// MaxActivity bounds an article's activity feed.
const MaxActivity = 200

const historySelect = `SELECT e.id, e.at, coalesce(u.email, '') AS actor, e.subject_id, e.action, e.from_state, e.to_state,
       e.text_before, e.text_after, e.detail
FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id `

// SegmentHistory returns a segment's events, oldest first. Any signed-in
// user may read it. Codes: unauthorized.
func SegmentHistory(ctx context.Context, db *gorm.DB, p *account.Principal, segmentID int64) ([]HistoryEvent, error) {
	if p == nil {
		return nil, apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	out := []HistoryEvent{}
	err := db.WithContext(ctx).Raw(historySelect+`WHERE e.subject_type = 'segment' AND e.subject_id = ? ORDER BY e.id`, segmentID).
		Scan(&out).Error
	if err == nil {
		err = attachComments(ctx, db, out)
	}
	return out, apperr.Annotate(err, "segment history")
}

// ArticleActivity returns an article's latest events, newest first, at most
// limit (MaxActivity when limit is out of range). Codes: unauthorized.
func ArticleActivity(ctx context.Context, db *gorm.DB, p *account.Principal, articleID int64, limit int) ([]HistoryEvent, error) {
	if p == nil {
		return nil, apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	if limit <= 0 || limit > MaxActivity {
		limit = MaxActivity
	}
	out := []HistoryEvent{}
	// The article as a range of one: see ArticleActivityPage.
	err := db.WithContext(ctx).Raw(historySelect+`WHERE e.article_id BETWEEN ? AND ? ORDER BY e.article_id DESC, e.id DESC LIMIT ?`,
		articleID, articleID, limit).Scan(&out).Error
	if err == nil {
		err = attachComments(ctx, db, out)
	}
	return out, apperr.Annotate(err, "article activity")
}

// attachComments gives comment events their comment as it is now: a
// deletion since shows as "comment deleted" on the event that wrote it.
func attachComments(ctx context.Context, db *gorm.DB, events []HistoryEvent) error {
	var ids []int64
	for _, e := range events {
		if id, ok := commentOf(e); ok {
			ids = append(ids, id)
		}
	}
	notes, err := comment.ByID(ctx, db, ids)
	if err != nil {
		return err
	}
	for i, e := range events {
		if id, ok := commentOf(e); ok {
			if n, found := notes[id]; found {
				events[i].Comment = &n
			}
		}
	}
	return nil
}

// commentOf is the comment id of a comment event.
func commentOf(e HistoryEvent) (int64, bool) {
	if e.Action != comment.ActComment && e.Action != comment.ActDelete {
		return 0, false
	}
	var d struct {
		Comment int64 `json:"comment"`
	}
	if json.Unmarshal(e.Detail, &d) != nil || d.Comment == 0 {
		return 0, false
	}
	return d.Comment, true
}
