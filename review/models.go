// Package review is the translation-review workflow: articles and their
// segments, the flags the detection engine's findings become, the queue
// and its leases, corrections, approvals and rejections, dismissals,
// propagation of a fix, repair of segments, history, XLIFF import and the
// act of publishing a version, with their pages and JSON API. Every state
// change happens in a domain function's transaction with its audit event;
// review/settle.go says which state a segment settles to. Checker is the
// live detection engine, swapped when the glossary changes.
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

// The texts a flag's offsets may point into (Flag.OffsetsIn).
const (
	OffsetsMT       = "mt"       // the segment's MT text
	OffsetsApproved = "approved" // the segment's approved current text (its last approved correction, joined or cut by a repair)
)

// Article is a machine-translated text under review, with the source text
// when there is one.
type Article struct {
	ID         int64     `gorm:"primaryKey" json:"id"`
	Title      string    `json:"title"`
	Lang       string    `json:"lang"`
	Text       string    `json:"text"`
	SourceLang *string   `json:"source_lang"`
	SourceText *string   `json:"source_text"`
	CreatedBy  *int64    `json:"created_by"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
	Segments   []Segment `gorm:"foreignKey:ArticleID" json:"segments,omitempty"`
}

// Segment is one sentence (or heading) of an article. StartOffset and
// EndOffset are byte offsets into Article.Text; Revision increases with every
// change so that concurrent edits are detected.
type Segment struct {
	ID          int64   `gorm:"primaryKey" json:"id"`
	ArticleID   int64   `json:"article"`
	Position    int     `json:"position"`
	Paragraph   int     `json:"paragraph"`
	StartOffset int     `json:"start_offset"`
	EndOffset   int     `json:"end_offset"`
	MTText      string  `gorm:"column:mt_text" json:"mt_text"`
	CurrentText string  `json:"current_text"`
	SourceText  *string `json:"source_text"`
	// SourceLeftOut are the source sentences the translation left out
	// that stand after this segment's source (before it on the first
	// segment, when the gap opens the text), apart by a space.
	SourceLeftOut  *string    `json:"source_left_out,omitempty"`
	State          string     `json:"state"`
	Revision       int        `json:"revision"`
	LeaseHolderID  *int64     `json:"lease_holder"`
	LeaseExpiresAt *time.Time `json:"lease_expires_at"`
	// ClaimedFrom is the state a live lease started from, where the segment
	// returns when the lease ends without a correction (see leaseEndState).
	ClaimedFrom *string `json:"-"`
	// FileState is the XLIFF state the segment had in the file it was
	// imported from (nil: none); information only, never Lector's state.
	FileState *string   `json:"file_state,omitempty"`
	UpdatedAt time.Time `json:"updated_at"`
	// DBNow is the database's clock when the segment was read (segmentRead);
	// zero for segments read otherwise, which fall back to the app's.
	DBNow time.Time `gorm:"-" json:"-"`
	Flags []Flag    `gorm:"foreignKey:SegmentID" json:"flags,omitempty"`
	// edited marks a text a person wrote, checked against the segment's
	// stored alignment (recheck): only such a text is aligned again with
	// the source sentences left out. Not stored.
	edited bool
}

// Flag is a finding stored against a segment; offsets are byte offsets into
// the text OffsetsIn names: the segment's MT text, or its reviewed text
// (an approval checks the approved text again and moves the flags that are
// still open onto it; a repair of a reviewed text finds them again on the
// joined or cut text). The reviewed text is the current text, or, while a
// correction is pending, the text that correction replaced.
type Flag struct {
	ID          int64  `gorm:"primaryKey" json:"id"`
	SegmentID   int64  `json:"segment"`
	Kind        string `json:"kind"`
	Check       string `gorm:"column:check" json:"check"`
	StartOffset int    `json:"start_offset"`
	EndOffset   int    `json:"end_offset"`
	OffsetsIn   string `gorm:"default:mt" json:"offsets_in"`
	Text        string `json:"text"`
	Suggestion  string `json:"suggestion"`
	Entry       string `json:"entry"`
	// Detail is what the flag says beyond its text: for
	// source-sentence-missing, the source sentences left out.
	Detail          string     `json:"detail,omitempty"`
	GlossaryEntryID *int64     `json:"glossary_entry"`
	Confidence      float64    `json:"confidence"`
	Status          string     `json:"status"`
	DismissReason   string     `json:"dismiss_reason"`
	ResolvedBy      *int64     `json:"resolved_by"`
	ResolvedAt      *time.Time `json:"resolved_at"`
	CreatedAt       time.Time  `json:"created_at"`
	// sourceForm is, on a new flag of a name outside the glossary, the
	// source's form of it (finding.Finding.Source), which the flag's
	// suggestion proposes as a new entry (proposeRenderings). Not stored.
	sourceForm string
}

// Correction is a translator's proposed text for a segment, based on the
// segment revision it was written against.
type Correction struct {
	ID           int64  `gorm:"primaryKey" json:"id"`
	SegmentID    int64  `json:"segment"`
	AuthorID     int64  `json:"author_id"`
	BaseRevision int    `json:"base_revision"`
	TextBefore   string `json:"text_before"`
	Text         string `json:"text"`
	Comment      string `json:"comment"`
	Decision
	CreatedAt time.Time `json:"created_at"`
}

// Version is an immutable published text of an article.
type Version struct {
	ID          int64     `gorm:"primaryKey" json:"id"`
	ArticleID   int64     `json:"article"`
	Number      int       `json:"number"`
	Text        string    `json:"text"`
	PublishedBy *int64    `json:"published_by"`
	PublishedAt time.Time `json:"published_at"`
	// Partial is set when corrections were pending at publication and the
	// editor chose to publish what was approved so far.
	Partial  bool             `json:"partial"`
	Note     string           `json:"note"`
	Segments []VersionSegment `gorm:"foreignKey:VersionID" json:"segments,omitempty"`
}

func (Version) TableName() string { return "article_versions" }

// VersionSegment is a segment as it was published in a version, with the
// provenance of its text. It is a copy: later repairs of the live segments
// never change it.
type VersionSegment struct {
	ID           int64   `gorm:"primaryKey" json:"-"`
	VersionID    int64   `json:"-"`
	Position     int     `json:"position"`
	Paragraph    int     `json:"paragraph"`
	SegmentID    *int64  `json:"segment"`
	SourceText   *string `json:"source_text,omitempty"`
	MTText       string  `gorm:"column:mt_text" json:"mt_text"`
	Text         string  `json:"text"`
	State        string  `json:"state"`
	CorrectionID *int64  `json:"correction"`
	AuthorID     *int64  `json:"author"`
	ApproverID   *int64  `json:"approver"`
}
