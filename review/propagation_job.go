package review

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"lector/account"
	"lector/apperr"
	"lector/glossary"
)

// Background propagation: a propagation of more than BackgroundAbove
// segments is recorded with its segments and applied by a River job in
// batches of PropagationBatch segments, each batch one transaction that
// also records the batch's outcomes. A batch takes a segment only while its
// outcome is unset, under the propagation's row lock, so a job retried
// after a crash or run twice never applies a segment twice.
const (
	PropagationQueue = "propagation"
	PropagationKind  = "propagation"
	PropagationBatch = 50
	BackgroundAbove  = 200
	// PropagationSlice bounds one run of a job, well inside River's job
	// timeout; a longer propagation continues as the same job.
	PropagationSlice = 20 * time.Second
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

// JobInserter puts a River job in the queue inside tx, the transaction
// that records the propagation, so that both commit or neither.
// rescan.Queue is one.
type JobInserter interface {
	InsertTx(ctx context.Context, tx *gorm.DB, args river.JobArgs) error
}

// PropagationArgs are a propagation job's arguments.
type PropagationArgs struct {
	Propagation int64 `json:"propagation" river:"unique"`
}

// Kind is River's name for the job.
func (PropagationArgs) Kind() string { return PropagationKind }

// InsertOpts put propagations on their queue, one job per propagation.
func (PropagationArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: PropagationQueue, UniqueOpts: river.UniqueOpts{ByArgs: true}}
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
	if err := requireRole(p, account.RoleEditor); err != nil {
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
		return nil, wrap(err, "propagate")
	}
	if !job.Background {
		job.Outcomes, err = jobOutcomes(ctx, db, job.ID, 0, -1)
		if err != nil {
			return nil, wrap(err, "propagate")
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

// RunPropagationBatch applies the next batch (up to n segments) of
// propagation id in a transaction of its own, as its editor, and reports
// whether segments remain. A finished or deleted propagation has none.
// The approvals check their texts with checker, as a person's do.
func RunPropagationBatch(ctx context.Context, db *gorm.DB, checker *Checker, id int64, n int) (bool, error) {
	more := false
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var job PropagationJob
		if err := tx.Clauses(clause.Locking{Strength: "UPDATE"}).Where("id = ?", id).Limit(1).Find(&job).Error; err != nil {
			return err
		}
		if job.ID == 0 || job.Finished() {
			return nil
		}
		p, err := editorOf(ctx, tx, job.EditorID)
		if err != nil {
			return err
		}
		src, err := approvedCorrection(ctx, tx, job.CorrectionID)
		if err != nil {
			return err
		}
		rs, err := replacements(ctx, tx, src)
		if err != nil {
			return err
		}
		more, err = runBatch(ctx, tx, checker, &job, p, src, rs, n)
		return err
	})
	if err != nil {
		return false, fmt.Errorf("propagation %d: %w", id, err)
	}
	return more, nil
}

// editorOf is the principal a background propagation acts as: its editor
// as now, with the roles held now; nil when the account is disabled.
func editorOf(ctx context.Context, tx *gorm.DB, userID int64) (*account.Principal, error) {
	var u account.User
	if err := tx.WithContext(ctx).Preload("Roles").Where("id = ? AND disabled_at IS NULL", userID).Limit(1).Find(&u).Error; err != nil {
		return nil, err
	}
	if u.ID == 0 {
		return nil, nil
	}
	return &account.Principal{UserID: u.ID, Email: u.Email, Name: u.Name, Roles: u.RoleNames(), Locale: u.Locale}, nil
}

// PropagationWorker runs propagation jobs on River.
type PropagationWorker struct {
	river.WorkerDefaults[PropagationArgs]
	DB       *gorm.DB
	Log      *slog.Logger
	Slice    time.Duration   // default PropagationSlice
	Batch    int             // default PropagationBatch
	Stopping <-chan struct{} // closed when the process stops: the job goes back to the queue
}

// Work applies batches until the propagation is done, the slice is used
// up or the process stops; in the last two cases the job continues later.
func (w *PropagationWorker) Work(ctx context.Context, job *river.Job[PropagationArgs]) error {
	until := time.Now().Add(cmpDur(w.Slice, PropagationSlice))
	batch := w.Batch
	if batch <= 0 {
		batch = PropagationBatch
	}
	// The approvals check the approved texts against the glossary as it is
	// now, as the rescan worker does; a slice builds its checker once.
	entries, err := glossary.LoadEntries(ctx, w.DB)
	if err != nil {
		return err
	}
	checker := NewChecker(entries)
	for {
		more, err := RunPropagationBatch(ctx, w.DB, checker, job.Args.Propagation, batch)
		if err != nil || !more {
			return err
		}
		select {
		case <-w.Stopping:
			return river.JobSnooze(0)
		default:
		}
		if time.Now().After(until) {
			if w.Log != nil {
				w.Log.Info("propagation continues in a new slice", "propagation", job.Args.Propagation)
			}
			return river.JobSnooze(0)
		}
	}
}

func cmpDur(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
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
	if err := requireRole(p, account.RoleEditor); err != nil {
		return nil, err
	}
	var job PropagationJob
	if err := db.WithContext(ctx).Where("id = ?", id).Limit(1).Find(&job).Error; err != nil {
		return nil, wrap(err, "get propagation")
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
		return nil, wrap(err, "get propagation")
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
