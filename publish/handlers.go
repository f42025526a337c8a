// Package publish owns what leaves the review workflow: numbered, immutable
// versions of an article, the diffs between them with the provenance of
// every change, and the exports (text, Markdown, HTML, JSON, XLIFF), with
// their pages and API. It reads the review package's tables and never
// changes a segment.
package publish

import (
	"time"

	"lector/webhook"

	"gorm.io/gorm"
)

// Handlers serves the versions pages and API.
type Handlers struct {
	DB *gorm.DB
	// ReadBudget bounds one diff or export; 0 means the ReadBudget constant.
	ReadBudget time.Duration
	// Events hears of every published version in its transaction
	// (webhooks); nil: nobody.
	Events *webhook.Emitter
}
