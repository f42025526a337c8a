package review

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
)

// DismissalRow is a dismissal with the people involved, as the segment
// page and the API show it.
type DismissalRow struct {
	Dismissal
	ProposerEmail string `json:"proposer"`
	ReviewerEmail string `json:"reviewer"`
}

// PendingDismissal is a dismissal waiting for an editor, with the sentence
// and the flagged words the review page shows next to it.
type PendingDismissal struct {
	DismissalRow
	ArticleID    int64   `json:"article"`
	ArticleTitle string  `json:"article_title"`
	ArticleLang  string  `json:"lang"`
	MTText       string  `json:"mt_text"`
	CurrentText  string  `json:"current_text"`
	Check        string  `json:"check"`
	FlagText     string  `json:"flag_text"`
	Suggestion   string  `json:"suggestion"`
	Entry        string  `json:"entry"`
	StartOffset  int     `json:"start_offset"`
	EndOffset    int     `json:"end_offset"`
	Own          bool    `json:"own"`
	Pieces       []Piece `json:"-" gorm:"-"`
}

// dismissalStatuses are the statuses a list may ask for.
func dismissalStatuses() []string {
	return []string{DismissalPending, DismissalAccepted, DismissalRejected, DismissalSuperseded}
}

// ListDismissals lists dismissals in one status (pending when empty),
// oldest first, at most limit (MaxBatch when out of range). A pending one
// is listed only while its flag is open: one whose flag closed another way
// waits for nobody. Editors only. Codes: unauthorized, forbidden, invalid
// (status).
func ListDismissals(ctx context.Context, db *gorm.DB, p *account.Principal, status string, limit int) ([]PendingDismissal, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
		return nil, err
	}
	if status == "" {
		status = DismissalPending
	}
	valid := false
	for _, s := range dismissalStatuses() {
		valid = valid || s == status
	}
	if !valid {
		return nil, apperr.New(apperr.Invalid, "error.bad_dismissal_status", map[string]any{"Value": status, "Allowed": strings.Join(dismissalStatuses(), ", ")})
	}
	if limit <= 0 || limit > MaxBatch {
		limit = MaxBatch
	}
	out := []PendingDismissal{}
	err := db.WithContext(ctx).Raw(`
SELECT d.*, up.email AS proposer_email, coalesce(ur.email, '') AS reviewer_email,
       s.article_id, a.title AS article_title, a.lang AS article_lang, s.mt_text, s.current_text,
       f."check", f.text AS flag_text, f.suggestion, f.entry, f.start_offset, f.end_offset
FROM dismissals d JOIN flags f ON f.id = d.flag_id JOIN segments s ON s.id = d.segment_id
JOIN articles a ON a.id = s.article_id JOIN users up ON up.id = d.proposer_id LEFT JOIN users ur ON ur.id = d.reviewer_id
WHERE d.status = ? AND (d.status <> 'pending' OR f.status = 'open')
ORDER BY d.created_at, d.id LIMIT ?`, status, limit).Scan(&out).Error
	if err != nil {
		return nil, apperr.Wrap(err, "list dismissals")
	}
	for i := range out {
		d := &out[i]
		d.Own = d.ProposerID == p.UserID
		if d.EndOffset <= len(d.MTText) {
			d.Pieces = pieces(d.MTText, []Flag{{ID: d.FlagID, StartOffset: d.StartOffset, EndOffset: d.EndOffset}})
		} else {
			d.Pieces = []Piece{{Text: d.MTText}}
		}
	}
	return out, nil
}

// segmentDismissals loads the dismissals of a segment's flags, oldest
// first.
func segmentDismissals(ctx context.Context, db *gorm.DB, segmentID int64) ([]DismissalRow, error) {
	out := []DismissalRow{}
	err := db.WithContext(ctx).Raw(`
SELECT d.*, up.email AS proposer_email, coalesce(ur.email, '') AS reviewer_email
FROM dismissals d JOIN users up ON up.id = d.proposer_id LEFT JOIN users ur ON ur.id = d.reviewer_id
WHERE d.segment_id = ? ORDER BY d.id`, segmentID).Scan(&out).Error
	return out, apperr.Annotate(err, "segment dismissals")
}

// latestDismissals maps each flag to its latest dismissal.
func latestDismissals(all []DismissalRow) map[int64]*DismissalRow {
	out := make(map[int64]*DismissalRow, len(all))
	for i := range all {
		out[all[i].FlagID] = &all[i] // oldest first: the last one wins
	}
	return out
}
