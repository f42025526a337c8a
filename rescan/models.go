// Package rescan rescans every article in the background after the glossary
// changes: new findings become flags, flags whose finding is gone are
// closed, and segments people have corrected or approved are left alone.
// The work runs as River jobs (github.com/riverqueue/river) in PostgreSQL,
// so that any lector process may run it, a killed process loses none, and
// any process can show its progress, which is rows too.
package rescan

import "time"

// Rescan is one rescan of every article: how far it got and what it changed.
// JobID is the River job running it, so that a retried job resumes its own
// row instead of starting again.
type Rescan struct {
	ID          int64      `gorm:"primaryKey" json:"id"`
	JobID       int64      `json:"job"`
	Reason      string     `json:"reason"`
	Total       int        `json:"total"`
	Done        int        `json:"done"`
	FlagsAdded  int        `json:"flags_added"`
	FlagsClosed int        `json:"flags_closed"`
	StartedAt   time.Time  `json:"started_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
	FinishedAt  *time.Time `json:"finished_at"`
}

// Finished reports whether every article has been rescanned.
func (r *Rescan) Finished() bool { return r.FinishedAt != nil }

// Article records that a rescan finished one article, and what it changed
// there; it is written in the article's own transaction.
type Article struct {
	RescanID    int64 `gorm:"primaryKey"`
	ArticleID   int64 `gorm:"primaryKey"`
	FlagsAdded  int
	FlagsClosed int
	DoneAt      time.Time
}

func (Article) TableName() string { return "rescan_articles" }
