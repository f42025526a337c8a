package metrics

import (
	"context"
	"database/sql"
	"log/slog"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
)

// queueStates are the segment states that make up the review queue's work:
// waiting (flagged, rejected), leased (in_progress), waiting for an editor
// (corrected), in the order of the count query's columns.
func queueStates() [4]string { return [4]string{"flagged", "rejected", "in_progress", "corrected"} }

// jobStates are River's job states (river_job.state).
func jobStates() []string {
	return []string{"available", "pending", "scheduled", "running", "retryable", "completed", "cancelled", "discarded"}
}

// counts is a collector that counts queue segments and jobs with one query
// each at scrape time, reusing the result for cacheFor. The jobs table
// belongs to River; while it does not exist (a database from before the job
// queue) the job metrics are left out rather than failing the scrape.
type counts struct {
	db       *sql.DB
	cacheFor time.Duration
	log      *slog.Logger

	queueDesc, jobsDesc, jobErrorsDesc, countErrorsDesc *prometheus.Desc

	mu       sync.Mutex
	at       time.Time
	queue    [4]int64
	jobs     map[string]int64 // nil: no river_job table
	jobErrs  int64
	failures int64
}

func newCounts(db *sql.DB, cacheFor time.Duration, log *slog.Logger) *counts {
	return &counts{db: db, cacheFor: cacheFor, log: log,
		queueDesc: prometheus.NewDesc("lector_queue_segments",
			"Segments in the review queue by state, counted at scrape time (cached a few seconds).", []string{"state"}, nil),
		jobsDesc: prometheus.NewDesc("lector_jobs",
			"Background jobs in river_job by state; retryable and discarded are failures (will retry, gave up).", []string{"state"}, nil),
		jobErrorsDesc: prometheus.NewDesc("lector_jobs_with_errors",
			"Jobs still in river_job that failed at least one attempt.", nil, nil),
		countErrorsDesc: prometheus.NewDesc("lector_metrics_count_errors_total",
			"Queue and job count queries that failed.", nil, nil),
	}
}

func (c *counts) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.queueDesc
	ch <- c.jobsDesc
	ch <- c.jobErrorsDesc
	ch <- c.countErrorsDesc
}

func (c *counts) Collect(ch chan<- prometheus.Metric) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ok := true
	if time.Since(c.at) >= c.cacheFor {
		ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		if err := c.refresh(ctx); err != nil {
			c.failures++
			c.log.Warn("metrics: counting queue and jobs", "err", err)
			ok = false
		} else {
			c.at = time.Now()
		}
	}
	ch <- prometheus.MustNewConstMetric(c.countErrorsDesc, prometheus.CounterValue, float64(c.failures))
	if !ok {
		return
	}
	for i, s := range queueStates() {
		ch <- prometheus.MustNewConstMetric(c.queueDesc, prometheus.GaugeValue, float64(c.queue[i]), s)
	}
	if c.jobs == nil {
		return
	}
	for _, s := range jobStates() {
		ch <- prometheus.MustNewConstMetric(c.jobsDesc, prometheus.GaugeValue, float64(c.jobs[s]), s)
	}
	ch <- prometheus.MustNewConstMetric(c.jobErrorsDesc, prometheus.GaugeValue, float64(c.jobErrs))
}

// refresh reads the counts: one query for the queue (which also says whether
// river_job exists), one more for the jobs when it does.
func (c *counts) refresh(ctx context.Context) error {
	var q [4]int64
	var hasJobs bool
	err := c.db.QueryRowContext(ctx, `SELECT
  count(*) FILTER (WHERE state = 'flagged'),
  count(*) FILTER (WHERE state = 'rejected'),
  count(*) FILTER (WHERE state = 'in_progress'),
  count(*) FILTER (WHERE state = 'corrected'),
  to_regclass('river_job') IS NOT NULL
FROM segments WHERE state IN ('flagged', 'rejected', 'in_progress', 'corrected')`).
		Scan(&q[0], &q[1], &q[2], &q[3], &hasJobs)
	if err != nil {
		return err
	}
	var jobs map[string]int64
	var jobErrs int64
	if hasJobs {
		if jobs, jobErrs, err = countJobs(ctx, c.db); err != nil {
			return err
		}
	}
	c.queue, c.jobs, c.jobErrs = q, jobs, jobErrs
	return nil
}

func countJobs(ctx context.Context, db *sql.DB) (map[string]int64, int64, error) {
	rows, err := db.QueryContext(ctx, `SELECT state::text, count(*),
  count(*) FILTER (WHERE cardinality(errors) > 0)
FROM river_job GROUP BY state`)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	jobs := map[string]int64{}
	var withErrors int64
	for rows.Next() {
		var state string
		var n, e int64
		if err := rows.Scan(&state, &n, &e); err != nil {
			return nil, 0, err
		}
		jobs[state], withErrors = n, withErrors+e
	}
	return jobs, withErrors, rows.Err()
}
