package review

import (
	"context"
	"encoding/json"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
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
	err := db.WithContext(ctx).Raw(historySelect+`WHERE e.article_id = ? ORDER BY e.id DESC LIMIT ?`, articleID, limit).
		Scan(&out).Error
	return out, apperr.Annotate(err, "article activity")
}
