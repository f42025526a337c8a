package rescan

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
	"gorm.io/gorm"
)

// Kind is the River job kind of a rescan.
const Kind = "rescan"

// Args are a rescan job's arguments. After is the id of the newest rescan
// when the job was asked for: jobs with the same After are one job (River
// refuses the duplicates while one waits or runs), so a burst of glossary
// writes before a rescan starts makes one rescan, and a write while it runs
// makes exactly one more. Reason is the first write's (a glossary.Reason*).
type Args struct {
	After  int64  `json:"after" river:"unique"`
	Reason string `json:"reason"`
}

// Kind is River's name for the job.
func (Args) Kind() string { return Kind }

// InsertOpts put rescans on their queue, unique by After among the jobs not
// yet finished.
func (Args) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueName, UniqueOpts: river.UniqueOpts{ByArgs: true, ByState: []rivertype.JobState{
		rivertype.JobStateAvailable, rivertype.JobStatePending, rivertype.JobStateRetryable,
		rivertype.JobStateRunning, rivertype.JobStateScheduled,
	}}}
}

// worker runs rescan jobs.
type worker struct {
	river.WorkerDefaults[Args]
	db            *gorm.DB
	log           *slog.Logger
	slice         time.Duration
	stopping      <-chan struct{}
	beforeArticle func(ctx context.Context, articleID int64) error
}

// Work runs one slice of a rescan: it resumes the job's rescan (or starts
// it), rescans the articles not yet done until the slice is used up, and
// then either finishes the rescan or snoozes the job to continue it.
func (w *worker) Work(ctx context.Context, job *river.Job[Args]) error {
	until := time.Now().Add(w.slice)
	run, err := begin(ctx, w.db, job.ID, job.Args.Reason)
	if err != nil {
		return err
	}
	tried := 0 // articles this slice took in hand
	for {
		id, ok, err := run.next(ctx)
		if err != nil {
			return err
		}
		if !ok {
			break
		}
		select {
		case <-w.stopping:
			// Back to the queue, not an error: no attempt is used up.
			w.log.Info("rescan paused: this process stops", "rescan", run.rescan.ID, "done", run.rescan.Done)
			return river.JobSnooze(0)
		default:
		}
		// At least one article per slice: a slice used up by begin alone
		// (a large glossary on a busy machine) would otherwise snooze for
		// ever without progress.
		if time.Now().After(until) && tried > 0 {
			w.log.Info("rescan continues in a new slice", "rescan", run.rescan.ID, "done", run.rescan.Done)
			return river.JobSnooze(0)
		}
		if w.beforeArticle != nil {
			if err := w.beforeArticle(ctx, id); err != nil {
				return err
			}
		}
		tried++
		if err := run.article(ctx, id); err != nil {
			if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
				return err // stopped: a later run resumes
			}
			return fmt.Errorf("rescan %d, article %d: %w", run.rescan.ID, id, err)
		}
	}
	if err := run.finish(ctx); err != nil {
		return err
	}
	w.log.Info("rescan finished", "rescan", run.rescan.ID, "articles", run.rescan.Total,
		"flags_added", run.rescan.FlagsAdded, "flags_closed", run.rescan.FlagsClosed)
	return nil
}
