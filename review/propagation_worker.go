package review

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"lector/account"
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
