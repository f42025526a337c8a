package overview

import (
	"context"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
)

// MinePageSize is how many rows each of a reviewer's own lists shows.
const MinePageSize = 50

// RejectedCorrection is one of the reader's corrections an editor
// rejected, with the reason, and the state its segment is in now.
type RejectedCorrection struct {
	ID            int64
	SegmentID     int64
	ArticleID     int64
	ArticleTitle  string
	Text          string
	RejectReason  string
	ReviewComment string
	ReviewerEmail string
	ReviewedAt    time.Time
	SegmentState  string
}

// Rejected returns the reader's rejected corrections, newest first, with
// ids below before (0: from the newest): MinePageSize and one more when
// there are more. Translators and editors (editors correct too). Codes:
// unauthorized, forbidden.
func Rejected(ctx context.Context, db *gorm.DB, p *account.Principal, before int64) ([]RejectedCorrection, error) {
	if err := requireAny(p, account.RoleTranslator, account.RoleEditor); err != nil {
		return nil, err
	}
	var out []RejectedCorrection
	cond, args := "", []any{p.UserID}
	if before > 0 {
		cond, args = " AND c.id < ?", append(args, before)
	}
	args = append(args, MinePageSize+1)
	err := db.WithContext(ctx).Raw(`
SELECT c.id, c.segment_id, s.article_id, a.title AS article_title, c.text, c.reject_reason, c.review_comment,
       coalesce(u.email, '') AS reviewer_email, c.reviewed_at, s.state AS segment_state
FROM corrections c JOIN segments s ON s.id = c.segment_id JOIN articles a ON a.id = s.article_id
LEFT JOIN users u ON u.id = c.reviewer_id
WHERE c.author_id = ? AND c.status = 'rejected'`+cond+`
ORDER BY c.id DESC LIMIT ?`, args...).Scan(&out).Error
	if err != nil {
		return nil, apperr.Wrap(err, "my rejected corrections")
	}
	return out, nil
}

// HeldSegment is a segment leased to the reader.
type HeldSegment struct {
	ID             int64
	ArticleID      int64
	ArticleTitle   string
	CurrentText    string
	LeaseExpiresAt time.Time
}

// AwaitingCorrection is a pending correction an editor may decide on.
type AwaitingCorrection struct {
	ID           int64
	SegmentID    int64
	ArticleTitle string
	AuthorEmail  string
	Text         string
	CreatedAt    time.Time
}

// Waiting is what waits for the reader: the segments they hold (a
// translator's work in hand) and, for editors, the pending corrections
// others wrote, oldest first, MinePageSize of them and how many in all.
type Waiting struct {
	Held          []HeldSegment
	Editor        bool
	Corrections   []AwaitingCorrection
	CorrectionsIn int
}

// WaitingFor returns what waits for the reader at now. Translators and
// editors. Codes: unauthorized, forbidden.
func WaitingFor(ctx context.Context, db *gorm.DB, p *account.Principal, now time.Time) (*Waiting, error) {
	if err := requireAny(p, account.RoleTranslator, account.RoleEditor); err != nil {
		return nil, err
	}
	db = db.WithContext(ctx)
	w := &Waiting{Editor: p.Has(account.RoleEditor)}
	err := db.Raw(`
SELECT s.id, s.article_id, a.title AS article_title, s.current_text, s.lease_expires_at
FROM segments s JOIN articles a ON a.id = s.article_id
WHERE s.lease_holder_id = ? AND s.state = 'in_progress' AND s.lease_expires_at > ?
ORDER BY s.lease_expires_at, s.id LIMIT ?`, p.UserID, now, MinePageSize).Scan(&w.Held).Error
	if err != nil {
		return nil, apperr.Wrap(err, "segments held")
	}
	if !w.Editor {
		return w, nil
	}
	err = db.Raw(`
SELECT c.id, c.segment_id, a.title AS article_title, u.email AS author_email, c.text, c.created_at
FROM corrections c JOIN segments s ON s.id = c.segment_id JOIN articles a ON a.id = s.article_id
JOIN users u ON u.id = c.author_id
WHERE c.status = 'pending' AND c.author_id <> ?
ORDER BY c.created_at, c.id LIMIT ?`, p.UserID, MinePageSize).Scan(&w.Corrections).Error
	if err != nil {
		return nil, apperr.Wrap(err, "corrections waiting")
	}
	err = db.Raw(`SELECT count(*) FROM corrections WHERE status = 'pending' AND author_id <> ?`, p.UserID).Scan(&w.CorrectionsIn).Error
	if err != nil {
		return nil, apperr.Wrap(err, "corrections waiting")
	}
	return w, nil
}
