package review

import (
	"context"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/detect/names"
)

// SureConfidence is the confidence from which an occurrence is ticked by
// default: below it the checker itself was unsure, so a person decides.
const SureConfidence = 0.7

// Paging of the occurrences.
const (
	DefaultOccurrencesPerPage = 50
	MaxOccurrencesPerPage     = 500
)

// Occurrence is one other open occurrence of a wrong form an approved
// correction replaced, as the preview lists it.
type Occurrence struct {
	FlagID       int64   `json:"flag"`
	SegmentID    int64   `json:"segment"`
	ArticleID    int64   `json:"article"`
	ArticleTitle string  `json:"article_title"`
	Text         string  `json:"text"`  // the segment's current text
	Start        int     `json:"start"` // the wrong form in Text, byte offsets;
	End          int     `json:"end"`   // both 0 when Text no longer holds it there
	Wrong        string  `json:"wrong"`
	With         string  `json:"with"`
	Check        string  `json:"check"`
	Confidence   float64 `json:"confidence"`
	State        string  `json:"state"`
	// Blocked says why applying would skip the segment as it stands now
	// (a Skip* reason or its state); empty when it would not.
	Blocked         string `json:"blocked,omitempty"`
	DefaultSelected bool   `json:"default_selected"`
}

// Before, Marked and After cut Text around the wrong form for the page.
func (o Occurrence) Before() string { return o.Text[:o.Start] }
func (o Occurrence) Marked() string { return o.Text[o.Start:o.End] }
func (o Occurrence) After() string  { return o.Text[o.End:] }

// DefaultSelected reports whether an occurrence is ticked by default: an
// ordinary wrong form is; a false friend (an ordinary word that is a wrong
// form of a name only in some contexts) or a finding of low confidence is
// not, because its context decides. PreviewPropagationPage counts the same
// rule in SQL.
func DefaultSelected(f *Flag) bool {
	return f.Check != names.CheckFalseFriend && f.Confidence >= SureConfidence
}

// PreviewPropagationPage is PreviewPropagation with one page (from 1) of
// the occurrences, perPage (1..MaxOccurrencesPerPage; 0: the default) to a
// page, in article, segment and text order, each with what applying would
// do now. Editors only. Codes: unauthorized, forbidden, not_found,
// conflict (not approved).
func PreviewPropagationPage(ctx context.Context, db *gorm.DB, p *account.Principal, correctionID int64, page, perPage int) (*Preview, error) {
	pv, err := PreviewPropagation(ctx, db, p, correctionID)
	if err != nil {
		return nil, err
	}
	if perPage <= 0 {
		perPage = DefaultOccurrencesPerPage
	}
	perPage = min(perPage, MaxOccurrencesPerPage)
	pv.PerPage, pv.Pages = perPage, max(1, (pv.Total+perPage-1)/perPage)
	pv.Page = min(max(page, 1), pv.Pages)
	if pv.Total == 0 {
		return pv, nil
	}
	src, err := approvedCorrection(ctx, db, correctionID)
	if err != nil {
		return nil, apperr.Annotate(err, "preview propagation")
	}
	open := func() *gorm.DB { return openOccurrences(db.WithContext(ctx), src, pv.Replacements) }
	var n int64
	if err := open().Where(`f."check" <> ? AND f.confidence >= ?`, names.CheckFalseFriend, SureConfidence).
		Count(&n).Error; err != nil {
		return nil, apperr.Annotate(err, "preview propagation")
	}
	pv.DefaultSelected = int(n)
	type row struct {
		ID              int64      `gorm:"column:id"`
		SegmentID       int64      `gorm:"column:segment_id"`
		ArticleID       int64      `gorm:"column:article_id"`
		LeaseHolderID   *int64     `gorm:"column:lease_holder_id"`
		GlossaryEntryID *int64     `gorm:"column:glossary_entry_id"`
		Title           string     `gorm:"column:title"`
		Text            string     `gorm:"column:text"`
		Check           string     `gorm:"column:check"`
		MTText          string     `gorm:"column:mt_text"`
		CurrentText     string     `gorm:"column:current_text"`
		State           string     `gorm:"column:state"`
		StartOffset     int        `gorm:"column:start_offset"`
		EndOffset       int        `gorm:"column:end_offset"`
		Confidence      float64    `gorm:"column:confidence"`
		LeaseExpiresAt  *time.Time `gorm:"column:lease_expires_at"`
	}
	var rows []row
	err = open().Joins("JOIN articles a ON a.id = s.article_id").
		Select(`f.id, f.segment_id, s.article_id, s.lease_holder_id, f.glossary_entry_id, a.title, f.text, f."check",
s.mt_text, s.current_text, s.state, f.start_offset, f.end_offset, f.confidence, s.lease_expires_at`).
		Order("s.article_id, s.position, f.start_offset, f.id").Offset((pv.Page - 1) * perPage).Limit(perPage).
		Scan(&rows).Error
	if err != nil {
		return nil, apperr.Annotate(err, "preview propagation")
	}
	for _, r := range rows {
		seg := Segment{ID: r.SegmentID, ArticleID: r.ArticleID, MTText: r.MTText, CurrentText: r.CurrentText, State: r.State,
			LeaseHolderID: r.LeaseHolderID, LeaseExpiresAt: r.LeaseExpiresAt}
		f := Flag{Check: r.Check, Confidence: r.Confidence}
		o := Occurrence{FlagID: r.ID, SegmentID: seg.ID, ArticleID: seg.ArticleID, ArticleTitle: r.Title,
			Text: r.CurrentText, Wrong: r.Text, Check: r.Check, Confidence: r.Confidence, State: r.State,
			Blocked: blockReason(&seg, p), DefaultSelected: DefaultSelected(&f)}
		for _, rp := range pv.Replacements {
			if rp.Text == r.Text && r.GlossaryEntryID != nil && rp.EntryID == *r.GlossaryEntryID {
				o.With = rp.With
			}
		}
		if r.EndOffset <= len(o.Text) && r.StartOffset <= r.EndOffset && o.Text[r.StartOffset:r.EndOffset] == r.Text {
			o.Start, o.End = r.StartOffset, r.EndOffset
		} else if o.Blocked == "" {
			o.Blocked = SkipChanged
		}
		pv.Occurrences = append(pv.Occurrences, o)
	}
	return pv, nil
}
