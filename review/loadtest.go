package review

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"
	"time"
)

// LoadConfig drives a load run: Reviewers simulated people, each a
// translator and an editor (two accounts), looping claim → correct →
// approve over HTTP against BaseURL, then the same work as plain SQL
// straight against PostgreSQL as the limit.
type LoadConfig struct {
	BaseURL   string
	Client    *http.Client
	Reviewers int
	Duration  time.Duration // per phase; a phase also ends when its article runs dry
	// Translator and Editor set reviewer i's credentials on a request (a
	// Bearer token from `lector user token`, or a test header).
	Translator, Editor func(i int, r *http.Request)
	// TranslatorID and EditorID are reviewer i's user ids, for the SQL phase.
	TranslatorID, EditorID  func(i int) int64
	HTTPArticle, SQLArticle int64 // each phase works on its own article
	SQL                     *sql.DB
	// Spread, when it holds URLs, adds a phase after the first: the same
	// loop with reviewer i sent to Spread[i % len(Spread)] (several lector
	// processes on one database), on SpreadArticle.
	Spread        []string
	SpreadArticle int64
}

// LoadStats is one phase's result.
type LoadStats struct {
	Cycles  int           `json:"cycles"`
	Errors  int           `json:"errors"`
	Elapsed time.Duration `json:"elapsed"`
	PerSec  float64       `json:"cycles_per_sec"`
	P50     time.Duration `json:"p50"`
	P99     time.Duration `json:"p99"`
}

func (s LoadStats) String() string {
	return fmt.Sprintf("%d cycles, %d errors, %.0f/s, step p50 %v, p99 %v", s.Cycles, s.Errors, s.PerSec, s.P50, s.P99)
}

// LoadReport holds every phase.
type LoadReport struct {
	HTTP    LoadStats  `json:"http"`
	Spread  *LoadStats `json:"http_spread,omitempty"` // over len(Spread) targets
	Targets int        `json:"spread_targets,omitempty"`
	SQL     LoadStats  `json:"sql"`
}

// LoadTest runs the HTTP phase against BaseURL, the spread phase when
// Spread is set, then the SQL phase, and reports them. Step latencies
// (claim, correct, approve) feed the percentiles.
func LoadTest(ctx context.Context, cfg LoadConfig) (LoadReport, error) {
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: 10 * time.Second}
	}
	var rep LoadReport
	rep.HTTP = phase(ctx, cfg, func(ctx context.Context, i int) (bool, []time.Duration, error) {
		return httpCycle(ctx, cfg, cfg.BaseURL, cfg.HTTPArticle, i)
	})
	if n := len(cfg.Spread); n > 0 {
		st := phase(ctx, cfg, func(ctx context.Context, i int) (bool, []time.Duration, error) {
			return httpCycle(ctx, cfg, cfg.Spread[i%n], cfg.SpreadArticle, i)
		})
		rep.Spread, rep.Targets = &st, n
	}
	if cfg.SQL != nil {
		rep.SQL = phase(ctx, cfg, func(ctx context.Context, i int) (bool, []time.Duration, error) { return sqlCycle(ctx, cfg, i) })
	}
	return rep, nil
}

// phase runs cycle on every reviewer until the duration is over or the
// queue is empty.
func phase(ctx context.Context, cfg LoadConfig, cycle func(context.Context, int) (bool, []time.Duration, error)) LoadStats {
	ctx, cancel := context.WithTimeout(ctx, cfg.Duration)
	defer cancel()
	var mu sync.Mutex
	var st LoadStats
	var lat []time.Duration
	start := time.Now()
	var wg sync.WaitGroup
	for i := range cfg.Reviewers {
		wg.Go(func() {
			for ctx.Err() == nil {
				more, steps, err := cycle(ctx, i)
				mu.Lock()
				switch {
				case err != nil && ctx.Err() == nil:
					st.Errors++
				case err == nil && more:
					st.Cycles++
					lat = append(lat, steps...)
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
	slices.Sort(lat)
	if n := len(lat); n > 0 {
		st.P50, st.P99 = lat[n/2], lat[min(n-1, n*99/100)]
	}
	return st
}

// httpCycle is one claim → correct → approve through the JSON API; more is
// false when the queue is empty.
func httpCycle(ctx context.Context, cfg LoadConfig, base string, article int64, i int) (more bool, steps []time.Duration, err error) {
	var seg Segment
	status, d, err := post(ctx, cfg, base, cfg.Translator, i, "/api/v1/queue/claim", map[string]any{"article": article}, &seg)
	if err != nil || status == http.StatusNoContent {
		return status != http.StatusNoContent, nil, err
	}
	steps = append(steps, d)
	var c Correction
	body := map[string]any{"text": seg.CurrentText + " (checked)", "revision": seg.Revision}
	if status, d, err = post(ctx, cfg, base, cfg.Translator, i, fmt.Sprintf("/api/v1/segments/%d/corrections", seg.ID), body, &c); err != nil {
		return true, steps, err
	}
	steps = append(steps, d)
	if status, d, err = post(ctx, cfg, base, cfg.Editor, i, fmt.Sprintf("/api/v1/corrections/%d/approve", c.ID), nil, nil); err != nil {
		return true, steps, err
	}
	return true, append(steps, d), nil
}

func post(ctx context.Context, cfg LoadConfig, base string, auth func(int, *http.Request), i int, path string, body, out any) (int, time.Duration, error) {
	var r io.Reader = http.NoBody
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+path, r)
	if err != nil {
		return 0, 0, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	auth(i, req)
	start := time.Now()
	res, err := cfg.Client.Do(req)
	if err != nil {
		return 0, 0, err
	}
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	d := time.Since(start)
	if err != nil {
		return 0, d, err
	}
	if res.StatusCode >= 300 {
		return res.StatusCode, d, fmt.Errorf("POST %s: %d %s", path, res.StatusCode, data)
	}
	if out != nil && res.StatusCode != http.StatusNoContent {
		err = json.Unmarshal(data, out)
	}
	return res.StatusCode, d, err
}

// sqlCycle does the same writes as the HTTP cycle in plain SQL: the lower
// bound of what the app costs on top of PostgreSQL.
func sqlCycle(ctx context.Context, cfg LoadConfig, i int) (bool, []time.Duration, error) {
	tr, ed := cfg.TranslatorID(i), cfg.EditorID(i)
	var steps []time.Duration
	var id int64
	var text string
	var rev int
	start := time.Now()
	err := inTx(ctx, cfg.SQL, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT id, current_text, revision FROM segments s WHERE article_id = $1 AND `+claimable+`
ORDER BY article_id, position LIMIT 1 FOR UPDATE SKIP LOCKED`, cfg.SQLArticle).Scan(&id, &text, &rev)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE segments SET state = 'in_progress', lease_holder_id = $1,
lease_expires_at = now() + interval '10 minutes', updated_at = now() WHERE id = $2`, tr, id); err != nil {
			return err
		}
		return auditSQL(ctx, tx, tr, id, "claim", "flagged", "in_progress", "", "")
	})
	if err == sql.ErrNoRows {
		return false, nil, nil
	}
	if err != nil {
		return true, nil, err
	}
	steps = append(steps, time.Since(start))
	start = time.Now()
	var cid int64
	err = inTx(ctx, cfg.SQL, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE segments SET current_text = $1, state = 'corrected', revision = revision + 1,
lease_holder_id = NULL, lease_expires_at = NULL, updated_at = now() WHERE id = $2 AND revision = $3`, text+" (checked)", id, rev)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n != 1 {
			return fmt.Errorf("segment %d: stale revision", id)
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO corrections (segment_id, author_id, base_revision, text_before, text)
VALUES ($1, $2, $3, $4, $5) RETURNING id`, id, tr, rev, text, text+" (checked)").Scan(&cid); err != nil {
			return err
		}
		return auditSQL(ctx, tx, tr, id, "submit", "in_progress", "corrected", text, text+" (checked)")
	})
	if err != nil {
		return true, steps, err
	}
	steps = append(steps, time.Since(start))
	start = time.Now()
	err = inTx(ctx, cfg.SQL, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE corrections SET status = 'approved', reviewer_id = $1, reviewed_at = now()
WHERE id = $2 AND status = 'pending'`, ed, cid); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE flags SET status = 'resolved', resolved_by = $1, resolved_at = now()
WHERE segment_id = $2 AND status = 'open'`, ed, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE segments SET state = 'approved', updated_at = now() WHERE id = $1`, id); err != nil {
			return err
		}
		return auditSQL(ctx, tx, ed, id, "approve", "corrected", "approved", text, text+" (checked)")
	})
	return true, append(steps, time.Since(start)), err
}

func auditSQL(ctx context.Context, tx *sql.Tx, actor, seg int64, action, from, to, before, after string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_events (actor_id, subject_type, subject_id, article_id, action, from_state, to_state, text_before, text_after)
SELECT $1, 'segment', $2, article_id, $3, $4, $5, $6, $7 FROM segments WHERE id = $2`, actor, seg, action, from, to, before, after)
	return err
}

func inTx(ctx context.Context, db *sql.DB, f func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := f(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}
