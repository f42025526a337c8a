package review

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"lector/account"
	"lector/apperr"
)

// Propagation modes.
const (
	PropagatePending = "pending"  // pending corrections by the editor; another editor approves
	PropagateApprove = "approved" // approved at once, in the original author's name
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
}

// Skipped is a segment propagation left alone, and why: "leased",
// "corrected", "changed" (its text no longer holds the form where flagged),
// or the state it was in.
type Skipped struct {
	SegmentID int64  `json:"segment"`
	Reason    string `json:"reason"`
}

// Applied is a segment propagation corrected.
type Applied struct {
	SegmentID    int64  `json:"segment"`
	CorrectionID int64  `json:"correction"`
	State        string `json:"state"`
}

// PropagationResult reports what Propagate did.
type PropagationResult struct {
	Applied []Applied `json:"applied"`
	Skipped []Skipped `json:"skipped"`
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
	var c Correction
	err := db.WithContext(ctx).Take(&c, id).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.New(apperr.NotFound, "error.correction_not_found", map[string]any{"ID": id})
	}
	if err != nil {
		return nil, err
	}
	if c.Status != CorrectionApproved {
		return nil, apperr.New(apperr.Conflict, "error.correction_not_approved", map[string]any{"ID": id})
	}
	return &c, nil
}

// openOccurrences selects the open flags with a replacement's text and
// entry outside the correction's own segment.
func openOccurrences(db *gorm.DB, c *Correction, rs []Replacement) *gorm.DB {
	q := db.Table("flags AS f").Joins("JOIN segments s ON s.id = f.segment_id").
		Where("f.status = ? AND f.segment_id <> ?", FlagOpen, c.SegmentID)
	var or []string
	var args []any
	for _, r := range rs {
		or = append(or, "(f.text = ? AND f.glossary_entry_id = ?)")
		args = append(args, r.Text, r.EntryID)
	}
	return q.Where(strings.Join(or, " OR "), args...)
}

// PreviewPropagation counts, per article, the other open occurrences of the
// wrong forms an approved correction replaced. Editors only. Codes:
// unauthorized, forbidden, not_found, conflict (not approved).
func PreviewPropagation(ctx context.Context, db *gorm.DB, p *account.Principal, correctionID int64) (*Preview, error) {
	if err := requireRole(p, account.RoleEditor); err != nil {
		return nil, err
	}
	c, err := approvedCorrection(ctx, db, correctionID)
	if err != nil {
		return nil, wrap(err, "preview propagation")
	}
	rs, err := replacements(ctx, db, c)
	if err != nil {
		return nil, wrap(err, "preview propagation")
	}
	pv := &Preview{Correction: c.ID, Replacements: rs, Articles: []ArticleCount{}}
	if len(rs) == 0 {
		return pv, nil
	}
	err = openOccurrences(db.WithContext(ctx), c, rs).Joins("JOIN articles a ON a.id = s.article_id").
		Select("a.id AS article_id, a.title, count(*) AS count").Group("a.id").Order("a.id").Scan(&pv.Articles).Error
	if err != nil {
		return nil, wrap(err, "preview propagation")
	}
	for _, a := range pv.Articles {
		pv.Total += a.Count
	}
	return pv, nil
}

// Propagate applies an approved correction's replacements to every other
// open occurrence: per segment one correction row and one audit event of its
// own, either pending (authored by p, so another editor approves it) or
// approved at once (authored by the original translator, reviewed by p).
// Segments leased by someone, already corrected or changed since they were
// flagged are skipped and reported. Editors only. Codes: invalid (mode),
// unauthorized, forbidden, not_found, conflict.
func Propagate(ctx context.Context, db *gorm.DB, p *account.Principal, correctionID int64, mode string) (*PropagationResult, error) {
	if err := requireRole(p, account.RoleEditor); err != nil {
		return nil, err
	}
	action := map[string]string{PropagatePending: ActPropagate, PropagateApprove: ActPropagateApprove}[mode]
	if action == "" {
		return nil, apperr.New(apperr.Invalid, "error.bad_mode", map[string]any{"Value": mode})
	}
	res := &PropagationResult{Applied: []Applied{}, Skipped: []Skipped{}}
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		src, err := approvedCorrection(ctx, tx, correctionID)
		if err != nil {
			return err
		}
		author := p.UserID
		if mode == PropagateApprove {
			if src.AuthorID == p.UserID {
				return apperr.New(apperr.Forbidden, "error.own_correction", map[string]any{"ID": src.ID})
			}
			author = src.AuthorID
		}
		rs, err := replacements(ctx, tx, src)
		if err != nil || len(rs) == 0 {
			return err
		}
		var flags []Flag
		if err := openOccurrences(tx, src, rs).Select("f.*").Order("f.segment_id, f.start_offset DESC").Find(&flags).Error; err != nil {
			return err
		}
		bySeg := map[int64][]Flag{}
		var segIDs []int64
		for _, f := range flags {
			if _, ok := bySeg[f.SegmentID]; !ok {
				segIDs = append(segIDs, f.SegmentID)
			}
			bySeg[f.SegmentID] = append(bySeg[f.SegmentID], f)
		}
		for _, id := range segIDs {
			a, skip, err := propagateOne(ctx, tx, p, src, bySeg[id], rs, id, action, author)
			switch {
			case err != nil:
				return err
			case skip != "":
				res.Skipped = append(res.Skipped, Skipped{SegmentID: id, Reason: skip})
			default:
				res.Applied = append(res.Applied, *a)
			}
		}
		return nil
	})
	if err != nil {
		return nil, wrap(err, "propagate")
	}
	return res, nil
}

// propagateOne corrects one segment; flags are its targeted flags, last
// first, so that earlier offsets stay valid while replacing. It returns the
// skip reason instead when the segment cannot take the change.
func propagateOne(ctx context.Context, tx *gorm.DB, p *account.Principal, src *Correction, flags []Flag, rs []Replacement,
	segID int64, action string, author int64) (*Applied, string, error) {
	var seg Segment
	if err := tx.Clauses(clause.Locking{Strength: "UPDATE", Options: "SKIP LOCKED"}).Where("id = ?", segID).Find(&seg).Error; err != nil {
		return nil, "", err
	}
	switch {
	case seg.ID == 0 || leasedByOther(&seg, nil):
		return nil, "leased", nil
	case seg.State == StateCorrected:
		return nil, "corrected", nil
	case seg.State == StateInProgress: // a lapsed lease
		if _, err := expire(ctx, tx, &seg); err != nil {
			return nil, "", err
		}
	}
	to, err := Next(seg.State, action, p)
	if err != nil {
		return nil, seg.State, nil
	}
	if seg.CurrentText != seg.MTText {
		return nil, "changed", nil
	}
	text := seg.CurrentText
	for _, f := range flags {
		if f.EndOffset > len(text) || text[f.StartOffset:f.EndOffset] != f.Text {
			return nil, "changed", nil
		}
		with := ""
		for _, r := range rs {
			if r.Text == f.Text && r.EntryID == derefID(f.GlossaryEntryID) {
				with = r.With
			}
		}
		text = text[:f.StartOffset] + with + text[f.EndOffset:]
	}
	var open int64
	if err := tx.Model(&Flag{}).Where("segment_id = ? AND status = ?", seg.ID, FlagOpen).Count(&open).Error; err != nil {
		return nil, "", err
	}
	if action == ActPropagateApprove && int(open) > len(flags) {
		// Other flags still need a person: the fix waits as a pending correction.
		action, author = ActPropagate, p.UserID
		if to, err = Next(seg.State, action, p); err != nil {
			return nil, seg.State, nil
		}
	}
	now := time.Now()
	c := &Correction{SegmentID: seg.ID, AuthorID: author, BaseRevision: seg.Revision, TextBefore: seg.CurrentText, Text: text,
		Comment: fmt.Sprintf("propagated from correction %d", src.ID), Status: CorrectionPending}
	if action == ActPropagateApprove {
		c.Status, c.ReviewerID, c.ReviewedAt = CorrectionApproved, &p.UserID, &now
	}
	if err := tx.Create(c).Error; err != nil {
		return nil, "", err
	}
	if action == ActPropagateApprove {
		if err := learnFromCorrection(ctx, tx, &seg, c); err != nil {
			return nil, "", err
		}
		ids := make([]int64, len(flags))
		for i, f := range flags {
			ids[i] = f.ID
		}
		if err := tx.Model(&Flag{}).Where("id IN ?", ids).
			Updates(map[string]any{"status": FlagResolved, "resolved_by": p.UserID, "resolved_at": now}).Error; err != nil {
			return nil, "", err
		}
	}
	from, before := seg.State, seg.CurrentText
	if err := tx.Exec(`UPDATE segments SET current_text = ?, state = ?, revision = revision + 1, updated_at = now() WHERE id = ?`,
		text, to, seg.ID).Error; err != nil {
		return nil, "", err
	}
	err = record(ctx, tx, p, &seg, action, from, to, before, text, map[string]any{"correction": c.ID, "source": src.ID})
	return &Applied{SegmentID: seg.ID, CorrectionID: c.ID, State: to}, "", err
}

func derefID(p *int64) int64 {
	if p == nil {
		return 0
	}
	return *p
}
