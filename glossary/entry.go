// Package glossary owns the multilingual name glossary: entries and their
// terms as stored, their pages and API, the CSV and TBX formats, and the
// proposals of wrong forms that approved corrections reveal. It hands the
// detection engine its input (Names); the matching itself is detect/names.
package glossary

import (
	"time"

	"lector/detect/names"
)

// Status of a term within its entry and language; the engine's statuses are
// the glossary's, stored as these strings.
type Status = names.Status

const (
	Preferred   = names.Preferred
	Admitted    = names.Admitted
	Deprecated  = names.Deprecated
	FalseFriend = names.FalseFriend
)

// Entry is a concept, usually one person, place or organization, with its
// forms in many languages. Key is the CSV "entry" column.
type Entry struct {
	ID   int64  `gorm:"primaryKey"`
	Key  string `gorm:"column:key"`
	Type string
	Note string
	// Revision grows with every write to the entry (a trigger sets it);
	// an edit made on an older revision is refused as stale.
	Revision  int
	CreatedAt time.Time
	UpdatedAt time.Time
	Terms     []Term `gorm:"foreignKey:EntryID;constraint:OnDelete:CASCADE"`
}

// Term is one written form of an entry in one language.
type Term struct {
	ID            int64 `gorm:"primaryKey"`
	EntryID       int64
	Lang          string
	Form          string
	Status        Status
	CaseSensitive bool
	Note          string
	Source        string
}

func (Entry) TableName() string { return "glossary_entries" }
func (Term) TableName() string  { return "glossary_terms" }

// Preferred returns the entry's preferred form in lang by the engine's rule
// (names.Entry.Preferred: lang, then English, then any preferred form), so
// that a page titles an entry with the form suggestions use.
func (e *Entry) Preferred(lang string) string {
	return Names([]Entry{*e})[0].Preferred(lang)
}
