package review

import (
	"context"
	"fmt"
	"slices"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"lector/account"
	"lector/apperr"
	"lector/webhook"
)

// Approval is an approved correction with what the approval did to its
// segment: the flags it resolved, the ones left open, and the state.
type Approval struct {
	Correction
	ApprovalOutcome
}

// Approve accepts a pending correction: its text becomes the approved
// text, its segment's findings are computed again on that text (reflag),
// and the segment becomes approved when no flag is left open. With flags
// left open it goes back to the queue as flagged, unless overOpenFlags
// says the editor approved over them: then it is approved with them still
// open, and the audit event says so. Only editors approve, and never their
// own correction. Codes: unauthorized, forbidden (not an editor, or p wrote
// it), not_found, conflict (not pending).
func Approve(ctx context.Context, db *gorm.DB, checker *Checker, p *account.Principal, correctionID int64, overOpenFlags bool,
	events *webhook.Emitter) (*Approval, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
		return nil, err
	}
	var a *Approval
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var err error
		if a, err = approve(ctx, tx, checker, p, correctionID, overOpenFlags); err != nil {
			return err
		}
		return correctionEvent(ctx, tx, events, webhook.CorrectionApproved, &a.Correction)
	})
	if err != nil {
		return nil, apperr.Annotate(err, "approve")
	}
	return a, nil
}

// ItemError is why one id of a batch failed.
type ItemError struct {
	ID    int64          `json:"id"`
	Error *apperr.Error  `json:"-"`
	Code  apperr.Code    `json:"code"`
	Data  map[string]any `json:"-"`
}

// ApproveMany approves every listed correction or none: when any fails,
// nothing is approved and the returned error (code of the first failure)
// comes with one ItemError per failed id. A batch never approves over open
// flags: a segment whose approved text still holds a finding goes back to
// the queue as flagged (its Approval's State says so). Codes: as Approve,
// and invalid for an empty or too long list.
func ApproveMany(ctx context.Context, db *gorm.DB, checker *Checker, p *account.Principal, ids []int64,
	events *webhook.Emitter) ([]Approval, []ItemError, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
		return nil, nil, err
	}
	if len(ids) == 0 {
		return nil, nil, apperr.New(apperr.Invalid, "error.field_required", map[string]any{"Field": "ids"})
	}
	if len(ids) > MaxBatch {
		return nil, nil, apperr.New(apperr.Invalid, "error.too_many", map[string]any{"Field": "ids", "Limit": MaxBatch})
	}
	ids = slices.Clone(ids)
	slices.Sort(ids)
	ids = slices.Compact(ids)
	var out []Approval
	var failed []ItemError
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		// Lock segments in one order (by id) in every batch, as other
		// batches do, so that two batches never wait for each other.
		var ordered []int64
		if err := tx.Model(&Correction{}).Where("id IN ?", ids).Order("segment_id, id").Pluck("id", &ordered).Error; err != nil {
			return err
		}
		for _, id := range ids {
			if !slices.Contains(ordered, id) {
				ordered = append(ordered, id) // not found: reported below
			}
		}
		ids = ordered
		for _, id := range ids {
			a, err := approve(ctx, tx, checker, p, id, false)
			if ae, ok := err.(*apperr.Error); ok && ae.Code != apperr.Internal {
				failed = append(failed, ItemError{ID: id, Error: ae, Code: ae.Code, Data: ae.Data})
				continue
			}
			if err != nil {
				return err
			}
			out = append(out, *a)
		}
		if len(failed) > 0 {
			return failed[0].Error
		}
		for i := range out {
			if err := correctionEvent(ctx, tx, events, webhook.CorrectionApproved, &out[i].Correction); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, failed, apperr.Annotate(err, "approve many")
	}
	return out, nil, nil
}

// approve is one approval inside tx; application errors leave tx usable.
// Propagation calls it, too, for a pending correction it created.
func approve(ctx context.Context, tx *gorm.DB, checker *Checker, p *account.Principal, id int64, overOpenFlags bool) (*Approval, error) {
	seg, err := lockSegmentOf(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	// The checks of lockPending (not own, still pending) go into the
	// UPDATE's WHERE, which saves the round trip of locking and reading
	// the correction first; when it changes nothing, checkPending says why,
	// in lockPending's order. The correction's row lock is taken by the
	// UPDATE itself, after the segment's, as before.
	if _, nextErr := Next(seg.State, ActApprove, p); nextErr != nil {
		if _, err := checkPending(ctx, tx, p, id); err != nil {
			return nil, err
		}
		return nil, nextErr
	}
	now := time.Now()
	c := &Correction{}
	found, err := queryRow(ctx, tx, approveSQL, []any{CorrectionApproved, p.UserID, now, id, CorrectionPending, p.UserID}, c.fields()...)
	if err != nil {
		return nil, err
	}
	if !found {
		if _, err := checkPending(ctx, tx, p, id); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("correction %d: approve changed no row", id) // unreachable: the segment lock serialises reviews
	}
	out, err := reflag(ctx, tx, checker, seg, c.Text, p.UserID)
	if err != nil {
		return nil, err
	}
	to := approvedState(out, overOpenFlags)
	if len(out.Open) > 0 {
		// Flags stay open: the common rule decides between the queue and
		// an editor's desk, where a dismissal of one of them may wait;
		// approving over open flags does not decide that dismissal.
		settled, err := settledState(ctx, tx, seg.ID, false)
		if err != nil {
			return nil, err
		}
		if settled == StateCorrected || !out.OverOpenFlags {
			to, out.State = settled, settled
		}
	}
	if err := learnFromCorrection(ctx, tx, seg, c); err != nil {
		return nil, err
	}
	ch := change{p: p, action: ActApprove, from: seg.State, to: to, before: c.TextBefore, after: c.Text,
		detail: map[string]any{"correction": c.ID, "resolved": flagIDs(out.Resolved), "open": flagIDs(out.Open),
			"new": flagIDs(out.New), "over_open_flags": out.OverOpenFlags}}
	return &Approval{Correction: *c, ApprovalOutcome: *out}, ch.apply(ctx, tx, seg, stateSet, to)
}

// approveSQL approves a pending correction someone else wrote; it changes
// nothing when the correction is not pending or is the reviewer's own.
// The segment's flags are reflag's business.
const approveSQL = `UPDATE corrections SET status = ?, reviewer_id = ?, reviewed_at = ?
	WHERE id = ? AND status = ? AND author_id <> ? RETURNING ` + correctionColumns

// lockSegmentOfSQL locks the segment of a correction.
const lockSegmentOfSQL = `SELECT ` + segmentRead + ` FROM segments
WHERE id = (SELECT segment_id FROM corrections WHERE id = ?) FOR UPDATE`

// stateSet moves a segment to another state.
const stateSet = `state = ?, updated_at = now()`

// lockPending locks a pending correction and its segment and checks that p
// may review it.
func lockPending(ctx context.Context, tx *gorm.DB, p *account.Principal, id int64) (*Correction, *Segment, error) {
	seg, err := lockSegmentOf(ctx, tx, id) // segment first, as Submit does
	if err != nil {
		return nil, nil, err
	}
	c, err := checkPending(ctx, tx, p, id)
	if err != nil {
		return nil, nil, err
	}
	return c, seg, nil
}

// lockSegmentOf locks the segment of correction id; found through the
// correction in the same statement (a correction's segment never changes),
// which saves the round trip of reading segment_id first. Codes: not_found.
func lockSegmentOf(ctx context.Context, tx *gorm.DB, id int64) (*Segment, error) {
	return lockSegmentBy(ctx, tx, lockSegmentOfSQL, id, "error.correction_not_found")
}

// checkPending locks correction id and checks that p may review it: not
// p's own, still pending. Codes: forbidden, conflict.
func checkPending(ctx context.Context, tx *gorm.DB, p *account.Principal, id int64) (*Correction, error) {
	var c Correction
	if err := tx.WithContext(ctx).Clauses(clause.Locking{Strength: "UPDATE"}).Take(&c, id).Error; err != nil {
		return nil, err
	}
	if c.AuthorID == p.UserID {
		return nil, apperr.New(apperr.Forbidden, "error.own_correction", map[string]any{"ID": id})
	}
	if c.Status != CorrectionPending {
		return nil, apperr.New(apperr.Conflict, "error.correction_not_pending", map[string]any{"ID": id, "Status": c.Status})
	}
	return &c, nil
}

// PendingCorrection is a correction waiting for an editor, with what the
// review page and the API show next to it.
type PendingCorrection struct {
	Correction
	ArticleID    int64    `json:"article"`
	ArticleTitle string   `json:"article_title"`
	MTText       string   `json:"mt_text"`
	AuthorEmail  string   `json:"author"`
	Own          bool     `json:"own"`
	Diff         []DiffOp `json:"diff" gorm:"-"`
	// Outcome is what approving it would do (a dry run): the flags it
	// resolves and those it leaves open.
	Outcome *ApprovalOutcome `json:"outcome,omitempty" gorm:"-"`
}

// PendingCorrections lists pending corrections, oldest first, with the word
// diff against the MT text and, when checker is set, what approving each
// would do to its flags. Editors only. Codes: unauthorized, forbidden.
func PendingCorrections(ctx context.Context, db *gorm.DB, checker *Checker, p *account.Principal, limit int) ([]PendingCorrection, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
		return nil, err
	}
	if limit <= 0 || limit > MaxBatch {
		limit = MaxBatch
	}
	out, err := rawRows[PendingCorrection](ctx, db, "pending corrections", `
SELECT c.*, s.article_id, a.title AS article_title, s.mt_text, u.email AS author_email
FROM corrections c JOIN segments s ON s.id = c.segment_id JOIN articles a ON a.id = s.article_id
JOIN users u ON u.id = c.author_id
WHERE c.status = 'pending' ORDER BY c.created_at, c.id LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Diff = WordDiff(out[i].MTText, out[i].Text)
		out[i].Own = out[i].AuthorID == p.UserID
	}
	if err := previewApprovals(ctx, db, checker, out); err != nil {
		return nil, apperr.Wrap(err, "pending corrections")
	}
	return out, nil
}
