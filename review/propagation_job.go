package review

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
)

// PropagationJob is one propagation, done at once or in the background:
// what was asked, how far it got and what it did. Outcomes holds one page
// of the segments done.
type PropagationJob struct {
	ID           int64      `gorm:"primaryKey" json:"id"`
	CorrectionID int64      `json:"correction"`
	EditorID     int64      `json:"editor"`
	Mode         string     `json:"mode"`
	Background   bool       `json:"background"`
	Total        int        `json:"total"`
	Done         int        `json:"done"`
	Approved     int        `json:"approved"`
	Pending      int        `json:"pending"`
	Skipped      int        `json:"skipped"`
	CreatedAt    time.Time  `json:"created_at"`
	UpdatedAt    time.Time  `json:"updated_at"`
	FinishedAt   *time.Time `json:"finished_at"`
	Outcomes     []Outcome  `gorm:"-" json:"outcomes"`
}

func (PropagationJob) TableName() string { return "propagations" }

// Finished reports whether every segment asked has its outcome.
func (j *PropagationJob) Finished() bool { return j.FinishedAt != nil }

// Counts are the job's counts as a result reports them.
func (j *PropagationJob) Counts() OutcomeCounts {
	return OutcomeCounts{Requested: j.Total, Done: j.Done, Approved: j.Approved, Pending: j.Pending, Skipped: j.Skipped}
}

// Result is the job as Propagate's result; Outcomes must hold all of them.
func (j *PropagationJob) Result() *PropagationResult {
	res := &PropagationResult{Applied: []Applied{}, Skipped: []Skipped{}, Propagation: j.ID, Outcomes: j.Outcomes, Counts: j.Counts()}
	if res.Outcomes == nil {
		res.Outcomes = []Outcome{}
	}
	for _, o := range j.Outcomes {
		if o.Outcome == OutcomeSkipped {
			res.Skipped = append(res.Skipped, Skipped{SegmentID: o.SegmentID, Reason: o.Reason})
		} else {
			res.Applied = append(res.Applied, Applied{SegmentID: o.SegmentID, CorrectionID: o.CorrectionID, State: o.State})
		}
	}
	return res
}

// PropagationSegment is one segment of a propagation: the flags chosen in
// it and, once done, its outcome.
type PropagationSegment struct {
	PropagationID int64 `gorm:"primaryKey;autoIncrement:false"`
	SegmentID     int64 `gorm:"primaryKey;autoIncrement:false"`
	ArticleID     int64
	Flags         json.RawMessage `gorm:"type:jsonb"`
	Outcome       *string
	Reason        string
	CorrectionID  *int64
	State         string
	OpenFlags     int
	DoneAt        *time.Time
}

func (s *PropagationSegment) outcome() Outcome {
	o := Outcome{SegmentID: s.SegmentID, ArticleID: s.ArticleID, Flags: []int64{}, Reason: s.Reason, State: s.State, OpenFlags: s.OpenFlags}
	_ = json.Unmarshal(s.Flags, &o.Flags)
	if s.Outcome != nil {
		o.Outcome = *s.Outcome
	}
	if s.CorrectionID != nil {
		o.CorrectionID = *s.CorrectionID
	}
	return o
}

// StartPropagation records a propagation of an approved correction to the
// occurrences req chooses. When jobs is nil, inlineMax < 0 or at most
// inlineMax segments are asked, it applies them at once, in the same
// transaction, and returns the propagation finished with every outcome;
// otherwise it enqueues a job on jobs and returns it unfinished. Editors
// only; in approved mode never the source correction's author. Codes:
// invalid, unauthorized, forbidden, not_found, conflict (not approved).
func StartPropagation(ctx context.Context, db *gorm.DB, checker *Checker, jobs JobInserter, p *account.Principal, correctionID int64,
	req PropagationRequest, inlineMax int) (*PropagationJob, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
		return nil, err
	}
	var job *PropagationJob
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		src, err := approvedCorrection(ctx, tx, correctionID)
		if err != nil {
			return err
		}
		if err := checkRequest(p, src, req); err != nil {
			return err
		}
		rs, err := replacements(ctx, tx, src)
		if err != nil {
			return err
		}
		targets, err := plan(ctx, tx, src, rs, req)
		if err != nil {
			return err
		}
		background := jobs != nil && inlineMax >= 0 && len(targets) > inlineMax
		job = &PropagationJob{CorrectionID: src.ID, EditorID: p.UserID, Mode: req.Mode, Background: background, Total: len(targets)}
		if err := tx.Create(job).Error; err != nil {
			return err
		}
		items := make([]PropagationSegment, len(targets))
		for i, t := range targets {
			flags, err := json.Marshal(append([]int64{}, t.Flags...))
			if err != nil {
				return err
			}
			items[i] = PropagationSegment{PropagationID: job.ID, SegmentID: t.SegmentID, ArticleID: t.ArticleID, Flags: flags}
		}
		if len(items) > 0 {
			if err := tx.CreateInBatches(items, 500).Error; err != nil {
				return err
			}
		}
		if background {
			return jobs.InsertTx(ctx, tx, PropagationArgs{Propagation: job.ID})
		}
		_, err = runBatch(ctx, tx, checker, job, p, src, rs, -1)
		return err
	})
	if err != nil {
		return nil, apperr.Annotate(err, "propagate")
	}
	if !job.Background {
		job.Outcomes, err = jobOutcomes(ctx, db, job.ID, 0, -1)
		if err != nil {
			return nil, apperr.Annotate(err, "propagate")
		}
	}
	return job, nil
}

// runBatch applies up to limit (< 0: all) of job's segments not yet done,
// inside tx, records their outcomes and adds them to job's counts; job
// must be locked by tx or new in it. It reports whether segments remain,
// and finishes the job when none do.
func runBatch(ctx context.Context, tx *gorm.DB, checker *Checker, job *PropagationJob, p *account.Principal, src *Correction, rs []Replacement, limit int) (bool, error) {
	var items []PropagationSegment
	q := tx.WithContext(ctx).Where("propagation_id = ? AND outcome IS NULL", job.ID).Order("segment_id")
	if limit >= 0 {
		q = q.Limit(limit)
	}
	if err := q.Find(&items).Error; err != nil {
		return false, err
	}
	now := time.Now()
	for i := range items {
		it := &items[i]
		t := target{SegmentID: it.SegmentID, ArticleID: it.ArticleID}
		if err := json.Unmarshal(it.Flags, &t.Flags); err != nil {
			return false, fmt.Errorf("propagation %d, segment %d: flags: %w", job.ID, it.SegmentID, err)
		}
		var o Outcome
		if p == nil || !p.Has(account.RoleEditor) {
			o = Outcome{Outcome: OutcomeSkipped, Reason: SkipForbidden}
		} else {
			var err error
			if o, err = applyTarget(ctx, tx, checker, p, src, rs, job.Mode, t); err != nil {
				return false, err
			}
		}
		var corr *int64
		if o.CorrectionID != 0 {
			corr = &o.CorrectionID
		}
		if err := tx.Model(&PropagationSegment{}).Where("propagation_id = ? AND segment_id = ?", job.ID, it.SegmentID).
			Updates(map[string]any{"outcome": o.Outcome, "reason": o.Reason, "correction_id": corr, "state": o.State,
				"open_flags": o.OpenFlags, "done_at": now}).Error; err != nil {
			return false, err
		}
		job.Done++
		switch o.Outcome {
		case OutcomeApproved:
			job.Approved++
		case OutcomePending:
			job.Pending++
		default:
			job.Skipped++
		}
	}
	var left int64
	if err := tx.Model(&PropagationSegment{}).Where("propagation_id = ? AND outcome IS NULL", job.ID).Count(&left).Error; err != nil {
		return false, err
	}
	set := map[string]any{"done": job.Done, "approved": job.Approved, "pending": job.Pending, "skipped": job.Skipped, "updated_at": now}
	if left == 0 {
		job.FinishedAt = &now
		set["finished_at"] = now
	}
	return left > 0, tx.Model(&PropagationJob{}).Where("id = ?", job.ID).Updates(set).Error
}

// Paging of a propagation's outcomes.
const (
	DefaultOutcomesPerPage = 100
	MaxOutcomesPerPage     = 1000
)

// GetPropagation returns a propagation with one page (from 1) of the
// outcomes of its segments done, skipped first, then left pending, then
// approved. Editors only. Codes: unauthorized, forbidden, not_found.
func GetPropagation(ctx context.Context, db *gorm.DB, p *account.Principal, id int64, page, perPage int) (*PropagationJob, error) {
	if err := account.Require(p, account.RoleEditor); err != nil {
		return nil, err
	}
	var job PropagationJob
	if err := db.WithContext(ctx).Where("id = ?", id).Limit(1).Find(&job).Error; err != nil {
		return nil, apperr.Annotate(err, "get propagation")
	}
	if job.ID == 0 {
		return nil, apperr.New(apperr.NotFound, "error.propagation_not_found", map[string]any{"ID": id})
	}
	if perPage <= 0 {
		perPage = DefaultOutcomesPerPage
	}
	perPage = min(perPage, MaxOutcomesPerPage)
	var err error
	if job.Outcomes, err = jobOutcomes(ctx, db, id, (max(page, 1)-1)*perPage, perPage); err != nil {
		return nil, apperr.Annotate(err, "get propagation")
	}
	return &job, nil
}

// jobOutcomes lists the outcomes of a propagation's segments done, with
// their article's title and their text now (none when the segment is gone).
func jobOutcomes(ctx context.Context, db *gorm.DB, id int64, offset, limit int) ([]Outcome, error) {
	var rows []struct {
		PropagationSegment
		Title string
		Text  string
	}
	q := db.WithContext(ctx).Table("propagation_segments AS ps").
		Joins("LEFT JOIN segments s ON s.id = ps.segment_id").Joins("LEFT JOIN articles a ON a.id = ps.article_id").
		Select("ps.*, coalesce(a.title, '') AS title, coalesce(s.current_text, '') AS text").
		Where("ps.propagation_id = ? AND ps.outcome IS NOT NULL", id).
		Order("CASE ps.outcome WHEN 'skipped' THEN 0 WHEN 'pending' THEN 1 ELSE 2 END, ps.segment_id").Offset(offset)
	if limit >= 0 {
		q = q.Limit(limit)
	}
	if err := q.Scan(&rows).Error; err != nil {
		return nil, err
	}
	out := make([]Outcome, len(rows))
	for i := range rows {
		out[i] = rows[i].outcome()
		out[i].ArticleTitle, out[i].Text = rows[i].Title, rows[i].Text
	}
	return out, nil
}
