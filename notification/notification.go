// Package notification owns what a user is told about: being mentioned in
// a comment, their correction approved or rejected, corrections waiting
// for an editor. Mentions are written by package comment through Mention;
// the workflow's are written by a trigger on the audit log (migration
// 00026), so that every way of approving notifies alike. The badge in the
// top bar counts the unread ones, and Watch keeps it current through the
// live updates.
package notification

import "time"

// Kinds of notification.
const (
	KindMention  = "mention"  // someone wrote @you in a comment
	KindApproved = "approved" // an editor approved your correction
	KindRejected = "rejected" // an editor rejected your correction
	// KindWaiting tells an editor that corrections wait for review; an
	// editor has at most one unread, so the Review page does the counting.
	KindWaiting = "waiting"
)

// Notification is one row of notifications.
type Notification struct {
	ID           int64 `gorm:"primaryKey"`
	UserID       int64
	Kind         string
	ActorID      *int64
	SegmentID    *int64
	CommentID    *int64
	CorrectionID *int64
	CreatedAt    time.Time
	ReadAt       *time.Time
}

// Item is a notification as its list shows it: who did it, where, and for
// a mention the comment (empty once deleted).
type Item struct {
	ID           int64      `json:"id"`
	Kind         string     `json:"kind"`
	Actor        string     `json:"actor"`
	SegmentID    int64      `json:"segment,omitempty"` // 0: none
	Position     int        `json:"position"`
	ArticleTitle string     `json:"article_title,omitempty"`
	Comment      string     `json:"comment,omitempty"`
	CommentGone  bool       `json:"comment_deleted,omitempty"`
	CreatedAt    time.Time  `json:"created_at"`
	ReadAt       *time.Time `json:"read_at"`
}

// Unread reports whether the item was not yet read.
func (i Item) Unread() bool { return i.ReadAt == nil }
