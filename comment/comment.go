// Package comment owns the comment threads of segments: who wrote what,
// the @mentions that notify (package notification), soft deletion, and
// the notes exports write. A comment is plain text: pages escape it and
// make no links of it. Each comment and each deletion writes the segment's
// audit event, so the thread is part of the segment's history and live
// updates.
package comment

import (
	"time"

	"lector/account"
)

// Limits of a comment.
const (
	MaxBody = 2000 // characters (runes) of a comment; the column checks it too
	// MaxMentions bounds the users one comment notifies.
	MaxMentions = 20
)

// Audit actions of comments, on the segment's history.
const (
	ActComment = "comment"
	ActDelete  = "comment_delete"
)

// Comment is one row of comments.
type Comment struct {
	ID        int64 `gorm:"primaryKey"`
	SegmentID int64
	AuthorID  *int64
	Body      string
	CreatedAt time.Time
	DeletedAt *time.Time
	DeletedBy *int64
}

// Note is a comment as threads, histories and exports show it; a deleted
// one keeps its place and loses its body.
type Note struct {
	ID        int64     `json:"id"`
	SegmentID int64     `json:"segment"`
	AuthorID  *int64    `json:"-"`
	Author    string    `json:"author"`
	Body      string    `json:"body"`
	CreatedAt time.Time `json:"created_at"`
	Deleted   bool      `json:"deleted"`
}

// DeletableBy reports whether p may delete the note (MayDelete for
// templates, which hold the principal).
func (n Note) DeletableBy(p *account.Principal) bool {
	return p != nil && n.MayDelete(p.UserID, p.Has(account.RoleAdmin))
}

// MayDelete reports whether p's user may delete the note: its author or
// an admin, while it is not deleted yet.
func (n Note) MayDelete(userID int64, admin bool) bool {
	return !n.Deleted && (admin || n.AuthorID != nil && *n.AuthorID == userID)
}
