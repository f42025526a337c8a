package live

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"log/slog"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// Channel is the PostgreSQL notification channel of the feed.
const Channel = "lector_live"

// ApplicationName names the LISTEN connection in pg_stat_activity, so that
// an operator (or a fault test) can find it.
const ApplicationName = "lector live feed"

// Feed timing.
const (
	// DefaultCoalesce is the least time between two NOTIFYs of one process:
	// a NOTIFY in every approval transaction cut approval throughput by
	// about 2.7x, so changes made meanwhile share one.
	DefaultCoalesce = 200 * time.Millisecond
	// DefaultPoll is how often the log is read without a notification, so
	// that a lost one (a reconnect, another process's crash) delays an
	// update by seconds, not forever.
	DefaultPoll = 5 * time.Second
	// Reconnecting the LISTEN connection waits firstBackoff, doubling up
	// to maxBackoff, and starts again at firstBackoff after a connection
	// that worked: pages resume within about 2 s of the database's return
	// however many blips came before.
	firstBackoff = 250 * time.Millisecond
	maxBackoff   = 2 * time.Second
)

// Feed connects one process to the others: Changed (after a commit) leads
// to one coalesced NOTIFY; a dedicated connection LISTENs, reads the audit
// events after the last one seen, and publishes them on Hub.
type Feed struct {
	Hub      *Hub
	URL      string  // database URL for the LISTEN connection
	Pool     *sql.DB // where NOTIFY is sent
	Log      *slog.Logger
	Coalesce time.Duration // least time between two NOTIFYs
	Poll     time.Duration // longest time between two reads

	kick  chan struct{}
	ready chan struct{}
}

// NewFeed returns a feed on a new hub with at most maxSubscribers streams.
func NewFeed(url string, pool *sql.DB, log *slog.Logger, maxSubscribers int) *Feed {
	return &Feed{Hub: NewHub(maxSubscribers), URL: url, Pool: pool, Log: log,
		Coalesce: DefaultCoalesce, Poll: DefaultPoll, kick: make(chan struct{}, 1), ready: make(chan struct{})}
}

// Changed tells the feed that this process committed a change. It never
// blocks; any number of calls before the next NOTIFY make one.
func (f *Feed) Changed() {
	select {
	case f.kick <- struct{}{}:
	default:
	}
}

// Ready is closed once the feed listens and knows where the log ends.
func (f *Feed) Ready() <-chan struct{} { return f.ready }

// Run notifies and listens until ctx ends, then closes the hub.
func (f *Feed) Run(ctx context.Context) {
	defer f.Hub.Close()
	done := make(chan struct{})
	go func() { defer close(done); f.notifyLoop(ctx) }()
	f.listenLoop(ctx)
	<-done
}

func (f *Feed) notifyLoop(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-f.kick:
		}
		if _, err := f.Pool.ExecContext(ctx, `SELECT pg_notify($1, '')`, Channel); err != nil && ctx.Err() == nil {
			f.Log.Warn("live: notify", "err", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(f.Coalesce):
		}
	}
}

func (f *Feed) listenLoop(ctx context.Context) {
	var r *reader
	backoff := firstBackoff
	for ctx.Err() == nil {
		var listening bool
		err := f.listen(ctx, &r, &listening)
		if ctx.Err() != nil {
			return
		}
		if listening {
			backoff = firstBackoff
		}
		f.Log.Warn("live: listening", "err", err, "retry_in", backoff)
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, maxBackoff)
	}
}

// listen runs one LISTEN connection until it fails. *r survives
// reconnects, so nothing committed meanwhile is skipped.
// *listening is set once LISTEN succeeded.
func (f *Feed) listen(ctx context.Context, r **reader, listening *bool) error {
	cfg, err := pgx.ParseConfig(f.URL)
	if err != nil {
		return err
	}
	cfg.RuntimeParams["application_name"] = ApplicationName
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, `LISTEN `+Channel); err != nil {
		return err
	}
	*listening = true
	if *r == nil {
		*r = newReader(0)
		if err := (*r).start(ctx, conn); err != nil {
			*r = nil
			return err
		}
		f.Hub.seen((*r).last)
		close(f.ready)
	}
	for {
		if err := f.publish(ctx, conn, *r); err != nil {
			return err
		}
		for {
			wait, cancel := context.WithTimeout(ctx, f.Poll)
			n, err := conn.WaitForNotification(wait)
			cancel()
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if errors.Is(err, context.DeadlineExceeded) {
				break // the safety poll
			}
			if err != nil {
				return err
			}
			if strings.HasPrefix(n.Payload, "{") {
				f.ephemeral(n.Payload)
				continue
			}
			break
		}
	}
}

// publish reads what is new in the audit log and hands it to the hub.
func (f *Feed) publish(ctx context.Context, conn *pgx.Conn, r *reader) error {
	rows, err := r.read(ctx, conn)
	if err != nil {
		return err
	}
	for _, row := range rows {
		if e, ok := eventOf(row); ok {
			f.Hub.Publish(e)
		}
	}
	f.Hub.seen(r.last)
	return nil
}

func (f *Feed) ephemeral(payload string) {
	var e Event
	if err := json.Unmarshal([]byte(payload), &e); err != nil || e.Type == "" {
		f.Log.Warn("live: unreadable notification", "payload", payload)
		return
	}
	e.ID = 0
	f.Hub.Publish(e)
}
