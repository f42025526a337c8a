// Package loadtest is the load driver behind `lector loadtest`: reviewers
// looping claim → correct → approve over HTTP against running servers, and
// the same work as bare SQL (review.SQLCycle) as the floor to compare with,
// in closed-loop and paced phases with latency percentiles.
package loadtest

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"time"

	"lector/review"
)

// Config drives a load run: Reviewers simulated people, each a
// translator and an editor (two accounts), looping claim → correct →
// approve over HTTP against BaseURL, and the same statements straight
// against PostgreSQL as the limit.
type Config struct {
	BaseURL   string
	Client    *http.Client
	Reviewers int
	Duration  time.Duration // per phase; a phase also ends when its article runs dry
	// TranslatorToken and EditorToken are reviewer i's API tokens (from
	// `lector user token`): sent as Bearer tokens over HTTP, and looked up
	// by their hash in the SQL phase, as the server does.
	TranslatorToken, EditorToken func(i int) string
	// TranslatorID and EditorID are reviewer i's user ids, for the SQL phase.
	TranslatorID, EditorID func(i int) int64
	// NewArticle returns a fresh article of flagged segments for a phase:
	// every phase works on its own.
	NewArticle func(ctx context.Context, phase string) (int64, error)
	SQL        *sql.DB
	// Spread, when it holds URLs, adds a phase: the same loop with
	// reviewer i sent to Spread[i % len(Spread)] (several lector processes
	// on one database).
	Spread []string
	// TokenCache is the servers' API token cache TTL
	// (config.Config.TokenCache): the SQL phase looks a token up as often
	// as they do.
	TokenCache time.Duration
	// Paces, when set, add two open-loop phases for each pace after the
	// closed-loop ones: SQL and then HTTP offered pace × the closed-loop
	// SQL rate in cycles per second, spread evenly over the reviewers. A
	// closed loop measures the most a server takes; a paced run measures
	// the latency people see at a given load.
	Paces []float64
}

// Stats is one phase's result.
type Stats struct {
	Offered float64       `json:"offered_per_sec,omitempty"` // paced phases: the arrival rate
	Cycles  int           `json:"cycles"`
	Errors  int           `json:"errors"`
	Elapsed time.Duration `json:"elapsed"`
	PerSec  float64       `json:"cycles_per_sec"`
	P50     time.Duration `json:"p50"`
	P99     time.Duration `json:"p99"`
	Max     time.Duration `json:"max"`
	// StepP99 is the p99 of each step: claim, correct, approve.
	StepP99 [3]time.Duration `json:"step_p99"`
}

func (s Stats) String() string {
	offered := ""
	if s.Offered > 0 {
		offered = fmt.Sprintf(" (offered %.0f/s)", s.Offered)
	}
	r := func(d time.Duration) time.Duration { return d.Round(100 * time.Microsecond) }
	return fmt.Sprintf("%d cycles, %d errors, %.0f/s%s, step p50 %v, p99 %v (claim %v, correct %v, approve %v), max %v",
		s.Cycles, s.Errors, s.PerSec, offered, r(s.P50), r(s.P99), r(s.StepP99[0]), r(s.StepP99[1]), r(s.StepP99[2]), r(s.Max))
}

// Report holds every phase.
type Report struct {
	HTTP    Stats        `json:"http"`
	Spread  *Stats       `json:"http_spread,omitempty"` // over len(Spread) targets
	Targets int          `json:"spread_targets,omitempty"`
	SQL     Stats        `json:"sql"`
	Paced   []PacedStats `json:"paced,omitempty"`
}

// PacedStats is one pace's pair of open-loop phases.
type PacedStats struct {
	Pace float64 `json:"pace"` // of the closed-loop SQL rate
	SQL  Stats   `json:"sql"`
	HTTP Stats   `json:"http"`
}

// cycleFunc runs one claim → correct → approve on article for reviewer i;
// more is false when the queue is empty.
type cycleFunc func(ctx context.Context, article int64, i int) (more bool, steps []time.Duration, err error)

// Run runs the SQL phase, the HTTP phase against BaseURL, the spread
// phase when Spread is set, and the paced phases of each of Paces, and
// reports them. Step latencies (claim, correct, approve) feed the
// percentiles.
func Run(ctx context.Context, cfg Config) (Report, error) {
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: 10 * time.Second}
	}
	var rep Report
	overHTTP := func(base func(i int) string) cycleFunc {
		return func(ctx context.Context, article int64, i int) (bool, []time.Duration, error) {
			return httpCycle(ctx, cfg, base(i), article, i)
		}
	}
	one := overHTTP(func(int) string { return cfg.BaseURL })
	sqlCycle := review.NewSQLCycle(cfg.SQL, cfg.TokenCache)
	direct := func(ctx context.Context, article int64, i int) (bool, []time.Duration, error) {
		return sqlCycle.Run(ctx, article, cfg.TranslatorID(i), cfg.EditorID(i), cfg.TranslatorToken(i), cfg.EditorToken(i))
	}
	run := func(name string, rate float64, cycle cycleFunc) (Stats, error) {
		article, err := cfg.NewArticle(ctx, name)
		if err != nil {
			return Stats{}, fmt.Errorf("load test article for %s: %w", name, err)
		}
		return phase(ctx, cfg, rate, func(ctx context.Context, i int) (bool, []time.Duration, error) {
			return cycle(ctx, article, i)
		}), nil
	}
	var err error
	if cfg.SQL != nil {
		if rep.SQL, err = run("SQL", 0, direct); err != nil {
			return rep, err
		}
	}
	if rep.HTTP, err = run("HTTP", 0, one); err != nil {
		return rep, err
	}
	if n := len(cfg.Spread); n > 0 {
		st, err := run("spread", 0, overHTTP(func(i int) string { return cfg.Spread[i%n] }))
		if err != nil {
			return rep, err
		}
		rep.Spread, rep.Targets = &st, n
	}
	for _, pace := range cfg.Paces {
		rate := pace * rep.SQL.PerSec
		if rate <= 0 {
			continue
		}
		ps := PacedStats{Pace: pace}
		if ps.SQL, err = run(fmt.Sprintf("SQL, paced %.2f", pace), rate, direct); err != nil {
			return rep, err
		}
		if ps.HTTP, err = run(fmt.Sprintf("HTTP, paced %.2f", pace), rate, one); err != nil {
			return rep, err
		}
		rep.Paced = append(rep.Paced, ps)
	}
	return rep, nil
}

// phase runs cycle on every reviewer until the duration is over or the
// queue is empty. With rate 0 each reviewer starts its next cycle as soon
// as one ends (a closed loop). With a rate, reviewer i starts cycle k at
// i/rate + k·Reviewers/rate from the start, so cycles arrive evenly at rate
// per second; a reviewer behind schedule starts at once, and its first
// step counts from when it should have started, so that a slow server
// cannot hide its queue by slowing the arrivals (coordinated omission).
//
// When the duration is over no new cycle starts, but the cycles under way
// finish: cancelling their requests would make the server cancel its
// statements, which closes those database connections, and the next phase
// would begin by opening them again (a second of 300 ms steps).
func phase(ctx context.Context, cfg Config, rate float64, cycle func(context.Context, int) (bool, []time.Duration, error)) Stats {
	// waiting ends with the duration; cycles run on ctx.
	waiting, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	var mu sync.Mutex
	st := Stats{Offered: rate}
	var lat []time.Duration
	var byStep [3][]time.Duration
	start := time.Now()
	var wg sync.WaitGroup
	for i := range cfg.Reviewers {
		wg.Go(func() {
			for k := 0; waiting.Err() == nil; k++ {
				var late time.Duration
				if rate > 0 {
					due := start.Add(time.Duration((float64(i) + float64(k*cfg.Reviewers)) / rate * float64(time.Second)))
					if !sleepUntil(waiting, due) {
						return
					}
					late = time.Since(due)
				}
				more, steps, err := cycle(ctx, i)
				if len(steps) > 0 {
					steps[0] += late
				}
				mu.Lock()
				switch {
				case err != nil && ctx.Err() == nil:
					st.Errors++
				case err == nil && more:
					st.Cycles++
					lat = append(lat, steps...)
					for j, d := range steps {
						byStep[j%3] = append(byStep[j%3], d)
					}
				}
				mu.Unlock()
				if !more {
					return
				}
			}
		})
	}
	wg.Wait()
	st.Elapsed = time.Since(start)
	if st.Elapsed > 0 {
		st.PerSec = float64(st.Cycles) / st.Elapsed.Seconds()
	}
	p := func(ds []time.Duration, q int) time.Duration {
		if len(ds) == 0 {
			return 0
		}
		return ds[min(len(ds)-1, len(ds)*q/100)]
	}
	slices.Sort(lat)
	if n := len(lat); n > 0 {
		st.P50, st.P99, st.Max = p(lat, 50), p(lat, 99), lat[n-1]
	}
	for j := range byStep {
		slices.Sort(byStep[j])
		st.StepP99[j] = p(byStep[j], 99)
	}
	return st
}

// sleepUntil waits for t; false when ctx ends first.
func sleepUntil(ctx context.Context, t time.Time) bool {
	d := time.Until(t)
	if d <= 0 {
		return ctx.Err() == nil
	}
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case <-timer.C:
		return true
	case <-ctx.Done():
		return false
	}
}
