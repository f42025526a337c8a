package webhook

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"syscall"
	"time"

	"github.com/riverqueue/river"
	"gorm.io/gorm"
)

// Delivery timings. Attempt n+1 waits RetryBase × 2^(n-1) after attempt n
// fails, up to MaxRetryWait: with the defaults 30 s, 1 min, 2 min, … 6 h,
// so the MaxAttempts attempts span about a day.
const (
	QueueName    = "webhook"
	Kind         = "webhook_delivery"
	MaxAttempts  = 12
	RetryBase    = 30 * time.Second
	MaxRetryWait = 6 * time.Hour
	// maxResponse is how much of a receiver's answer is read (and thrown
	// away) so that the connection can be reused.
	maxResponse = 64 << 10
)

// DeliverArgs are a delivery job's arguments.
type DeliverArgs struct {
	Delivery int64 `json:"delivery"`
}

// Kind is River's name for the job.
func (DeliverArgs) Kind() string { return Kind }

// InsertOpts put deliveries on their queue with their attempts.
func (DeliverArgs) InsertOpts() river.InsertOpts {
	return river.InsertOpts{Queue: QueueName, MaxAttempts: MaxAttempts}
}

// Options tune delivery; zero fields keep the defaults.
type Options struct {
	Timeout      time.Duration // one attempt; default config.DefaultWebhookTimeout
	AllowPrivate bool          // config.Webhooks.AllowPrivate
	RetryBase    time.Duration // default RetryBase; tests shorten it
}

// Worker sends deliveries: River calls Work once per attempt.
type Worker struct {
	river.WorkerDefaults[DeliverArgs]
	db        *gorm.DB
	log       *slog.Logger
	client    *http.Client
	timeout   time.Duration
	retryBase time.Duration
}

// NewWorker is the delivery worker on db.
func NewWorker(db *gorm.DB, log *slog.Logger, opts Options) *Worker {
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	base := opts.RetryBase
	if base <= 0 {
		base = RetryBase
	}
	dialer := &net.Dialer{Timeout: timeout}
	if !opts.AllowPrivate {
		// Checked on the address actually dialled, after DNS: a name that
		// resolves (or is re-pointed) to an inside address is refused too.
		dialer.Control = refusePrivate
	}
	transport := &http.Transport{DialContext: dialer.DialContext, TLSHandshakeTimeout: timeout,
		ResponseHeaderTimeout: timeout, MaxIdleConnsPerHost: 2, IdleConnTimeout: time.Minute}
	client := &http.Client{Transport: transport, Timeout: timeout,
		// A redirect is an answer, not a 2xx; following it would let a
		// receiver send the server elsewhere.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return &Worker{db: db, log: log, client: client, timeout: timeout, retryBase: base}
}

// errPrivate is a delivery refused because its address is not public.
var errPrivate = errors.New("the address is not public (set LECTOR_WEBHOOK_ALLOW_PRIVATE to allow it)")

func refusePrivate(_, address string, _ syscall.RawConn) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return err
	}
	ip, err := netip.ParseAddr(host)
	if err != nil || !public(ip) {
		return errPrivate
	}
	return nil
}

// Timeout bounds the job: one attempt and the writes around it.
func (w *Worker) Timeout(*river.Job[DeliverArgs]) time.Duration { return w.timeout + 30*time.Second }

// NextRetry is the exponential backoff: RetryBase × 2^(attempt-1), capped.
func (w *Worker) NextRetry(job *river.Job[DeliverArgs]) time.Time {
	return time.Now().Add(backoff(w.retryBase, job.Attempt))
}

func backoff(base time.Duration, attempt int) time.Duration {
	d := base
	for i := 1; i < attempt && d < MaxRetryWait; i++ {
		d *= 2
	}
	return min(d, MaxRetryWait)
}

// Work makes one attempt and logs it; an error makes River try again
// later (NextRetry), until MaxAttempts.
func (w *Worker) Work(ctx context.Context, job *river.Job[DeliverArgs]) error {
	var row struct {
		Delivery
		URL    string
		Secret string
	}
	err := w.db.WithContext(ctx).Raw(`SELECT d.*, e.url, e.secret FROM webhook_deliveries d
JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.id = ?`, job.Args.Delivery).Scan(&row).Error
	if err != nil {
		return err
	}
	if row.ID == 0 {
		return nil // the endpoint was removed, and its deliveries with it
	}
	start := time.Now()
	code, sendErr := w.send(ctx, row.URL, row.Secret, row.MessageID, []byte(row.Body))
	last := job.Attempt >= job.MaxAttempts
	if err := w.record(ctx, row.ID, start, code, sendErr, last); err != nil {
		return err
	}
	if sendErr != nil {
		w.log.Warn("webhook delivery failed", "delivery", row.ID, "event", row.Event, "attempt", job.Attempt, "err", sendErr)
		return sendErr
	}
	return nil
}

// send POSTs body, signed, to url and returns the receiver's status; an
// answer other than 2xx is an error.
func (w *Worker) send(ctx context.Context, url, secret, id string, body []byte) (int, error) {
	ts := time.Now().Unix()
	sig, err := Sign(secret, id, ts, body)
	if err != nil {
		return 0, fmt.Errorf("signing: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, w.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "Lector-Webhooks/1")
	req.Header.Set("webhook-id", id)
	req.Header.Set("webhook-timestamp", strconv.FormatInt(ts, 10))
	req.Header.Set("webhook-signature", sig)
	resp, err := w.client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxResponse))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return resp.StatusCode, fmt.Errorf("the receiver answered %d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
	}
	return resp.StatusCode, nil
}

// record logs the attempt and sets the delivery's status in one
// transaction.
func (w *Worker) record(ctx context.Context, id int64, start time.Time, code int, sendErr error, last bool) error {
	status, msg := StatusDelivered, ""
	var delivered *time.Time
	if sendErr != nil {
		status, msg = StatusRetrying, sendErr.Error()
		if last {
			status = StatusFailed
		}
	} else {
		now := time.Now()
		delivered = &now
	}
	return w.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		a := Attempt{DeliveryID: id, At: start, StatusCode: code, Error: msg, DurationMs: int(time.Since(start).Milliseconds())}
		if err := tx.Create(&a).Error; err != nil {
			return err
		}
		return tx.Model(&Delivery{}).Where("id = ?", id).Updates(map[string]any{"status": status,
			"attempts": gorm.Expr("attempts + 1"), "last_status": code, "last_error": msg,
			"delivered_at": delivered, "updated_at": time.Now()}).Error
	})
}
