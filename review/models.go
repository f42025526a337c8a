package review

import "time"

// Segment states, as in the API contract.
const (
	StateClean      = "clean"
	StateFlagged    = "flagged"
	StateInProgress = "in_progress"
	StateCorrected  = "corrected"
	StateApproved   = "approved"
	StateRejected   = "rejected"
)

// Flag statuses.
const (
	FlagOpen      = "open"
	FlagResolved  = "resolved"
	FlagDismissed = "dismissed"
)

// Article is a machine-translated text under review, with the source text
// when there is one.
type Article struct {
	ID         int64 `gorm:"primaryKey"`
	Title      string
	Lang       string
	Text       string
	SourceLang *string
	SourceText *string
	CreatedBy  *int64
	CreatedAt  time.Time
	UpdatedAt  time.Time
	Segments   []Segment `gorm:"foreignKey:ArticleID"`
}

// Segment is one sentence (or heading) of an article. StartOffset and
// EndOffset are byte offsets into Article.Text; Revision increases with every
// change so that concurrent edits are detected.
type Segment struct {
	ID             int64 `gorm:"primaryKey"`
	ArticleID      int64
	Position       int
	Paragraph      int
	StartOffset    int
	EndOffset      int
	MTText         string `gorm:"column:mt_text"`
	CurrentText    string
	SourceText     *string
	State          string
	Revision       int
	LeaseHolderID  *int64
	LeaseExpiresAt *time.Time
	UpdatedAt      time.Time
	Flags          []Flag `gorm:"foreignKey:SegmentID"`
}

// Flag is a finding stored against a segment; offsets are byte offsets into
// the segment's MT text.
type Flag struct {
	ID              int64 `gorm:"primaryKey"`
	SegmentID       int64
	Kind            string
	Check           string `gorm:"column:check"`
	StartOffset     int
	EndOffset       int
	Text            string
	Suggestion      string
	Entry           string
	GlossaryEntryID *int64
	Confidence      float64
	Status          string
	DismissReason   string
	ResolvedBy      *int64
	ResolvedAt      *time.Time
	CreatedAt       time.Time
}

// Correction is a translator's proposed text for a segment, based on the
// segment revision it was written against.
type Correction struct {
	ID            int64 `gorm:"primaryKey"`
	SegmentID     int64
	AuthorID      int64
	BaseRevision  int
	TextBefore    string
	Text          string
	Comment       string
	Status        string
	ReviewerID    *int64
	ReviewedAt    *time.Time
	RejectReason  *string
	ReviewComment string
	CreatedAt     time.Time
}

// Version is an immutable published text of an article.
type Version struct {
	ID          int64 `gorm:"primaryKey"`
	ArticleID   int64
	Number      int
	Text        string
	PublishedBy *int64
	PublishedAt time.Time
}

func (Version) TableName() string { return "article_versions" }
