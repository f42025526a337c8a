package server

import (
	"log/slog"
	"sync"
	"time"

	"lector/database"
)

// faultQuiet is how long the database must go without a fault before the
// next one starts a new episode (and a new log line).
const faultQuiet = 10 * time.Second

// faultLog reports database faults once per episode: an outage answers
// hundreds of requests with 503, and one line saying so (with the cause)
// tells an operator more than hundreds of identical ones. The next
// episode's line says how many requests the previous one refused.
type faultLog struct {
	log   *slog.Logger
	count func(database.Fault) // metrics; nil: not counted
	now   func() time.Time

	mu      sync.Mutex
	last    time.Time // the latest fault
	refused int       // requests refused in the current episode
}

func newFaultLog(log *slog.Logger, count func(database.Fault)) *faultLog {
	return &faultLog{log: log, count: count, now: time.Now}
}

// seen records one request refused for fault f, caused by err.
func (l *faultLog) seen(f database.Fault, err error, requestID, path string) {
	if l.count != nil {
		l.count(f)
	}
	now := l.now()
	l.mu.Lock()
	newEpisode := l.last.IsZero() || now.Sub(l.last) > faultQuiet
	before := l.refused
	if newEpisode {
		l.refused = 0
	}
	l.refused++
	l.last = now
	l.mu.Unlock()
	if newEpisode {
		attrs := []any{"fault", string(f), "err", err, "request_id", requestID, "path", path}
		if before > 0 {
			attrs = append(attrs, "previous_episode_refused", before)
		}
		l.log.Error("database unavailable: answering 503 until it recovers", attrs...)
	}
}
