package rescan

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverdatabasesql"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"gorm.io/gorm"

	"lector/review"
	"lector/webhook"
)

// Timings of the queue. A job runs for at most JobTimeout; a rescan longer
// than Slice stops after the article in hand and continues as the same job
// a moment later (its progress is rows), so that no run comes near the
// timeout. A job still marked running after RescueAfter belonged to a
// process that died: River's rescuer, which looks every 30 seconds, then
// hands it to any process to retry, and the retry skips the articles
// already done. So a killed process delays a rescan by about a minute and a
// half at most and loses nothing.
const (
	Slice       = 30 * time.Second
	JobTimeout  = 45 * time.Second
	RescueAfter = time.Minute
	// QueueName is River's queue for rescans; one worker per process runs
	// it, several processes share the work of one rescan.
	QueueName = "rescan"
	// webhookWorkers: deliveries in flight at once per process.
	webhookWorkers = 4
)

// Options tune a Queue; the zero value is the production set-up. Tests
// shorten the timings.
type Options struct {
	Logger      *slog.Logger
	Slice       time.Duration // default Slice
	JobTimeout  time.Duration // default JobTimeout
	RescueAfter time.Duration // default RescueAfter
	PollEvery   time.Duration // how often idle workers look for jobs; default 1s
	// Webhooks tunes the delivery of webhooks, which this client works too.
	Webhooks webhook.Options
	// beforeArticle, for tests, runs before each article is rescanned.
	beforeArticle func(ctx context.Context, articleID int64) error
}

// Queue is this process's River client for rescans (and for big
// propagations of a correction, review.PropagationWorker, and webhook
// deliveries, webhook.Worker): it inserts jobs
// and, once started, works them.
type Queue struct {
	// client works the jobs on a pgx pool, so that it LISTENs: a job
	// inserted anywhere starts at once instead of at the next poll.
	client *river.Client[pgx.Tx]
	// inserter puts jobs in the queue inside GORM's transactions, which
	// are database/sql ones; it works nothing. Its inserts send the
	// NOTIFY (at commit) that wakes every process's client.
	inserter *river.Client[*sql.Tx]
	db       *gorm.DB
	stopping chan struct{} // closed by Stop: the worker puts its job back after the article in hand
	stopOnce sync.Once
}

// New sets up the River client on pool (database.DB.JobsPool; db works
// on the same database), with the rescan and propagation workers
// registered. It does not start working: call Start. A Queue that is never
// started still inserts jobs (the command line's glossary import uses one
// so).
func New(db *gorm.DB, pool *pgxpool.Pool, opts Options) (*Queue, error) {
	log := opts.Logger
	if log == nil {
		log = slog.Default()
	}
	stopping := make(chan struct{})
	timeout := cmpOr(opts.JobTimeout, JobTimeout)
	// A slice must end well before the job times out; a shortened timeout
	// shortens the slices with it.
	slice := cmpOr(opts.Slice, min(Slice, timeout*2/3))
	w := &worker{db: db, log: log, slice: slice, stopping: stopping, beforeArticle: opts.beforeArticle}
	workers := river.NewWorkers()
	if err := river.AddWorkerSafely(workers, w); err != nil {
		return nil, fmt.Errorf("rescan: registering the worker: %w", err)
	}
	// The same client runs big propagations of a correction (review's
	// worker), so that they share its rescue and its orderly stop.
	pw := &review.PropagationWorker{DB: db, Log: log, Slice: slice, Stopping: stopping}
	if err := river.AddWorkerSafely(workers, pw); err != nil {
		return nil, fmt.Errorf("rescan: registering the propagation worker: %w", err)
	}
	// And webhook deliveries: several at once, since each mostly waits
	// for a receiver.
	if err := river.AddWorkerSafely(workers, webhook.NewWorker(db, log, opts.Webhooks)); err != nil {
		return nil, fmt.Errorf("rescan: registering the webhook worker: %w", err)
	}
	client, err := river.NewClient(riverpgxv5.New(pool), &river.Config{
		ID: clientID(),
		Queues: map[string]river.QueueConfig{QueueName: {MaxWorkers: 1}, review.PropagationQueue: {MaxWorkers: 1},
			webhook.QueueName: {MaxWorkers: webhookWorkers}},
		Workers:              workers,
		JobTimeout:           timeout,
		RescueStuckJobsAfter: cmpOr(opts.RescueAfter, RescueAfter),
		FetchPollInterval:    cmpOr(opts.PollEvery, time.Second),
		FetchCooldown:        min(cmpOr(opts.PollEvery, time.Second), 100*time.Millisecond),
		Logger:               log.With("component", "river"),
	})
	if err != nil {
		return nil, fmt.Errorf("rescan: setting up River: %w", err)
	}
	// Insert-only (no queues, no pool): it only ever gets transactions.
	inserter, err := river.NewClient(riverdatabasesql.New(nil), &river.Config{
		ID: clientID() + "_insert", Logger: log.With("component", "river"),
		FetchCooldown: min(cmpOr(opts.PollEvery, time.Second), 100*time.Millisecond),
	})
	if err != nil {
		return nil, fmt.Errorf("rescan: setting up River's inserts: %w", err)
	}
	return &Queue{client: client, inserter: inserter, db: db, stopping: stopping}, nil
}

// clientID names this process in River's tables (river_job.attempted_by,
// the leader): River's default, host and start time, plus the process id,
// so that an operator (or a test) can tell which process ran a job.
func clientID() string {
	host, _ := os.Hostname()
	host = strings.ReplaceAll(cmp.Or(host, "unknown_host"), ".", "_")
	if len(host) > 60 {
		host = host[:60]
	}
	return fmt.Sprintf("%s_pid%d_%s", host, os.Getpid(), time.Now().UTC().Format("2006_01_02T15_04_05"))
}

func cmpOr(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}

// Start works rescan jobs until Stop. Jobs of processes that died are
// rescued by whichever process leads River's maintenance.
func (q *Queue) Start(ctx context.Context) error {
	if err := q.client.Start(ctx); err != nil {
		return fmt.Errorf("rescan: starting River: %w", err)
	}
	return nil
}

// Stop lets the running job finish the article in hand, puts the job back
// in the queue for any process to resume, and stops; when ctx ends first,
// it cancels the job, which a later run resumes too. Either way no article
// is left half done: each is one transaction.
func (q *Queue) Stop(ctx context.Context) error {
	q.stopOnce.Do(func() { close(q.stopping) })
	err := q.client.Stop(ctx)
	if err == nil || !errors.Is(err, context.DeadlineExceeded) && !errors.Is(err, context.Canceled) {
		return err
	}
	hard, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return q.client.StopAndCancel(hard)
}

// Enqueue asks for a rescan inside tx, the transaction of the glossary
// write that calls for it, so that both commit or neither; it is a
// glossary.Changed. Writes that come before a rescan starts share one job.
// tx must be a transaction (gorm's Transaction gives one).
func (q *Queue) Enqueue(ctx context.Context, tx *gorm.DB, reason string) error {
	sqlTx, ok := tx.Statement.ConnPool.(*sql.Tx)
	if !ok {
		return errors.New("rescan: Enqueue needs a transaction")
	}
	// The newest rescan's id names the jobs of the next one. A rescan, when
	// it starts, adds its row and reads the glossary under a lock that
	// glossary writes wait for (see begin), so a write either is read by
	// that rescan or sees its row and asks for the one after.
	var after int64
	if err := tx.WithContext(ctx).Raw("SELECT coalesce(max(id), 0) FROM rescans").Scan(&after).Error; err != nil {
		return fmt.Errorf("rescan: enqueue: %w", err)
	}
	if _, err := q.inserter.InsertTx(ctx, sqlTx, Args{After: after, Reason: reason}, nil); err != nil {
		return fmt.Errorf("rescan: enqueue: %w", err)
	}
	return nil
}

// InsertTx puts a job in River's queue inside tx, the transaction that
// calls for it (review.JobInserter: background propagations).
func (q *Queue) InsertTx(ctx context.Context, tx *gorm.DB, args river.JobArgs) error {
	sqlTx, ok := tx.Statement.ConnPool.(*sql.Tx)
	if !ok {
		return errors.New("rescan: InsertTx needs a transaction")
	}
	if _, err := q.inserter.InsertTx(ctx, sqlTx, args, nil); err != nil {
		return fmt.Errorf("enqueue %s: %w", args.Kind(), err)
	}
	return nil
}
