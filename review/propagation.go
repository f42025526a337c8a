package review

import (
	"context"
	"slices"
	"strings"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
)

// Propagation modes.
const (
	PropagatePending = "pending"  // pending corrections in the source's author's name; any editor approves
	PropagateApprove = "approved" // the same, then approved at once by the propagating editor
)

// Replacement is a wrong form an approved correction replaced: the flagged
// Text (matched case-sensitively) of a glossary entry, and what took its
// place.
type Replacement struct {
	Text    string `json:"text"`
	With    string `json:"with"`
	EntryID int64  `json:"glossary_entry"`
	Entry   string `json:"entry"`
}

// ArticleCount is how many open occurrences one article holds.
type ArticleCount struct {
	ArticleID int64  `json:"article"`
	Title     string `json:"title"`
	Count     int    `json:"count"`
}

// Preview is what propagating an approved correction would touch.
type Preview struct {
	Correction   int64          `json:"correction"`
	Replacements []Replacement  `json:"replacements"`
	Articles     []ArticleCount `json:"articles"`
	Total        int            `json:"total"`
	// One page of the occurrences (PreviewPropagationPage), and how many
	// are ticked by default on all pages.
	Occurrences     []Occurrence `json:"occurrences"`
	DefaultSelected int          `json:"default_selected"`
	Page            int          `json:"page"`
	PerPage         int          `json:"per_page"`
	Pages           int          `json:"pages"`
}

// Skipped is a segment propagation left alone, and why: one of the Skip*
// reasons, or the state it was in.
type Skipped struct {
	SegmentID int64  `json:"segment"`
	Reason    string `json:"reason"`
}

// Applied is a segment propagation corrected: State approved (or flagged,
// when other flags stay open) or corrected (left pending).
type Applied struct {
	SegmentID    int64  `json:"segment"`
	CorrectionID int64  `json:"correction"`
	State        string `json:"state"`
}

// PropagationResult reports what Propagate did: Applied and Skipped as
// before, and the exact outcome of every segment asked, with counts that add
// up to Counts.Requested.
type PropagationResult struct {
	Applied     []Applied     `json:"applied"`
	Skipped     []Skipped     `json:"skipped"`
	Propagation int64         `json:"propagation"`
	Outcomes    []Outcome     `json:"outcomes"`
	Counts      OutcomeCounts `json:"counts"`
}

// replacements finds the wrong forms an approved correction replaced: flags
// of its segment with a glossary entry and a suggestion, whose text occurs
// fewer times after the correction than before while the suggestion now
// occurs.
func replacements(ctx context.Context, db *gorm.DB, c *Correction) ([]Replacement, error) {
	var flags []Flag
	if err := db.WithContext(ctx).Where("segment_id = ? AND glossary_entry_id IS NOT NULL AND suggestion <> '' AND text <> ''", c.SegmentID).
		Order("start_offset, id").Find(&flags).Error; err != nil {
		return nil, err
	}
	var out []Replacement
	for _, f := range flags {
		if strings.Count(c.Text, f.Text) >= strings.Count(c.TextBefore, f.Text) || !strings.Contains(c.Text, f.Suggestion) {
			continue
		}
		r := Replacement{Text: f.Text, With: f.Suggestion, EntryID: *f.GlossaryEntryID, Entry: f.Entry}
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out, nil
}

// approvedCorrection loads an approved correction. Codes: not_found,
// conflict.
func approvedCorrection(ctx context.Context, db *gorm.DB, id int64) (*Correction, error) {
	c, err := takeByID[Correction](ctx, db, id, "error.correction_not_found")
	if err != nil {
		return nil, err
	}
	if c.Status != CorrectionApproved {
		return nil, apperr.New(apperr.Conflict, "error.correction_not_approved", map[string]any{"ID": id})
	}
	return c, nil
}

// openOccurrences selects the open flags with a replacement's text and
// entry outside the correction's own segment.
func openOccurrences(db *gorm.DB, c *Correction, rs []Replacement) *gorm.DB {
	return occurrences(db, c, rs).Where("f.status = ?", FlagOpen)
}

// PreviewPropagation counts, per article, the other open occurrences of the
// wrong forms an approved correction replaced. Editors only. Codes:
// unauthorized, forbidden, not_found, conflict (not approved).
func PreviewPropagation(ctx context.Context, db *gorm.DB, p *account.Principal, correctionID int64) (*Preview, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
		return nil, err
	}
	c, err := approvedCorrection(ctx, db, correctionID)
	if err != nil {
		return nil, apperr.Annotate(err, "preview propagation")
	}
	rs, err := replacements(ctx, db, c)
	if err != nil {
		return nil, apperr.Annotate(err, "preview propagation")
	}
	pv := &Preview{Correction: c.ID, Replacements: rs, Articles: []ArticleCount{}, Occurrences: []Occurrence{}}
	if len(rs) == 0 {
		return pv, nil
	}
	err = openOccurrences(db.WithContext(ctx), c, rs).Joins("JOIN articles a ON a.id = s.article_id").
		Select("a.id AS article_id, a.title, count(*) AS count").Group("a.id").Order("a.id").Scan(&pv.Articles).Error
	if err != nil {
		return nil, apperr.Annotate(err, "preview propagation")
	}
	for _, a := range pv.Articles {
		pv.Total += a.Count
	}
	return pv, nil
}

// Propagate applies an approved correction's replacements to the open
// occurrences req chooses, in one transaction, and reports the outcome of
// every segment asked (see ApplyPropagation). Editors only. Codes: invalid
// (mode, selection), unauthorized, forbidden, not_found, conflict.
func Propagate(ctx context.Context, db *gorm.DB, checker *Checker, p *account.Principal, correctionID int64, req PropagationRequest) (*PropagationResult, error) {
	job, err := StartPropagation(ctx, db, checker, nil, p, correctionID, req, -1)
	if err != nil {
		return nil, err
	}
	return job.Result(), nil
}
