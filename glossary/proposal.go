package glossary

import "time"

// Proposal kinds: what accepting a proposal does to its entry.
const (
	// ProposeDeprecated adds Form as a deprecated term: an approved
	// correction replaced it with one of the entry's right forms.
	ProposeDeprecated = "add_deprecated"
	// ProposeDowngrade turns the deprecated term Form into a false friend,
	// flagged only where its context points at the entry: its flags were
	// dismissed as false positives.
	ProposeDowngrade = "downgrade"
	// ProposeRemove removes the false friend Form, whose flags were
	// dismissed as false positives all the same.
	ProposeRemove = "remove"
	// ProposeEntry adds a new entry: SourceForm in SourceLang and Form in
	// Lang, both preferred. A name the glossary does not know was spelled
	// in several ways in one translation, and Form is the romanization
	// the inconsistent-rendering flags suggested.
	ProposeEntry = "add_entry"
)

// Proposal statuses.
const (
	ProposalOpen     = "open"
	ProposalAccepted = "accepted"
	ProposalRejected = "rejected"
)

// Proposal is a change to one term of a glossary entry, or a new entry,
// that the review's evidence suggests and a glossary maintainer decides.
// At most one is open per (Kind, EntryID, Lang, Form), per (SourceLang,
// SourceForm, Lang, Form) for a new entry; a rejected one is never
// proposed again.
type Proposal struct {
	ID         int64 `gorm:"primaryKey"`
	Kind       string
	EntryID    *int64 // nil for a new entry until it is accepted
	Lang       string
	Form       string
	SourceLang string // a new entry's: the name as the source wrote it
	SourceForm string
	Status     string
	CreatedAt  time.Time
	UpdatedAt  time.Time
	DecidedBy  *int64
	DecidedAt  *time.Time
	Comment    string
	// EvidenceCount is how many evidence rows it has, kept by a trigger
	// so that the queue can page by it.
	EvidenceCount int
}

// ProposalEvidence is one observation behind a proposal: the text of a
// segment (before the approved correction, or as it was flagged) with the
// form at StartOffset..EndOffset (bytes), and what it came from.
type ProposalEvidence struct {
	ID           int64 `gorm:"primaryKey"`
	ProposalID   int64
	SegmentID    *int64
	CorrectionID *int64
	FlagID       *int64
	Text         string
	StartOffset  int
	EndOffset    int
	Reason       string // the dismissal's reason
	CreatedAt    time.Time
}

func (Proposal) TableName() string         { return "glossary_proposals" }
func (ProposalEvidence) TableName() string { return "glossary_proposal_evidence" }
