package live

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
)

// Stream limits.
const (
	heartbeat = 20 * time.Second
	// maxTopics bounds one stream's topics.
	maxTopics = 4
	// retryMillis is when a browser's own EventSource reconnects after a
	// dropped stream (static/live.js reconnects sooner by itself).
	retryMillis = 1000
	// quotaRetryAfter is the Retry-After of a stream refused for its
	// account's or address's share, in seconds: a stream ends when its
	// page is closed, so places come back within seconds.
	quotaRetryAfter = "10"
)

// Handlers serves the event streams.
type Handlers struct {
	DB   *gorm.DB
	Feed *Feed
	// Quota, when set, bounds the streams of one account and one address
	// (NewQuota); nil bounds only the hub's total.
	Quota *Quota
}

// Events: GET /events?topic=article:12 (topic may repeat or be a comma
// list). A server-sent event stream of the topics' events, for signed-in
// users; review is for editors, user:N for user N alone. A Last-Event-ID
// header (the browser sends it when reconnecting), or a last_event_id
// parameter, resumes after that event: what was missed is sent first, unless it is more than
// backlogWindow events old, when one "reset" event says to refresh. Codes:
// unauthorized, invalid (unknown topic), forbidden, conflict (429: too
// many streams of this account or address; 503: too many streams in all),
// unavailable (the missed events cannot be read).
func (h *Handlers) Events(c echo.Context) error {
	topics, err := parseTopics(c.QueryParams()["topic"])
	if err != nil {
		return err
	}
	p := account.PrincipalFrom(c.Request().Context())
	if p == nil {
		return apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	for _, t := range topics {
		if role := topicRole(t); role != "" && !p.Has(role) {
			return apperr.New(apperr.Forbidden, "error.needs_role", map[string]any{"Roles": role})
		}
		if strings.HasPrefix(t, TopicUser+":") && t != UserTopic(p.UserID) {
			return apperr.New(apperr.Forbidden, "error.live_other_user", nil)
		}
	}
	since := lastEventID(c.Request())
	if h.Quota != nil {
		release, ok := h.Quota.Acquire(p.UserID, c.RealIP())
		if !ok {
			e := apperr.New(apperr.Conflict, "error.live_share", nil)
			e.Status, e.Header = http.StatusTooManyRequests, map[string]string{"Retry-After": quotaRetryAfter}
			return e
		}
		defer release()
	}
	s := &stream{h: h, w: c.Response(), topics: topics, last: since}
	if err := s.subscribe(); err != nil {
		e := apperr.New(apperr.Conflict, "error.live_busy", nil)
		e.Status, e.Header = http.StatusServiceUnavailable, map[string]string{"Retry-After": "30"}
		return e
	}
	defer func() { h.Feed.Hub.Unsubscribe(s.sub) }()
	ctx := c.Request().Context()
	// The first page is read before the 200, so that a database that
	// cannot answer is a 503 the browser backs off from, not a stream that
	// ends at once and is reopened in a loop.
	var first []auditRow
	if since > 0 {
		if first, err = s.firstPage(ctx); err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return apperr.Wrap(err, "reading missed live events")
		}
	}
	w := s.w
	w.Header().Set(echo.HeaderContentType, "text/event-stream")
	w.Header().Set(echo.HeaderCacheControl, "no-cache")
	w.Header().Set("X-Accel-Buffering", "no") // proxies must not hold events back
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, "retry: %d\n\n", retryMillis)
	if since == 0 {
		fmt.Fprintf(w, "id: %d\nevent: ready\ndata: {}\n\n", s.upto())
		s.last = s.upto()
	} else if err := s.catchUp(ctx, first); err != nil {
		return nil // the status is sent; the browser resumes from what it got
	}
	w.Flush()
	return s.run(ctx)
}

// lastEventID is the event a request resumes after: the Last-Event-ID
// header, else the last_event_id parameter (a page that opens a new
// EventSource cannot set the header); 0 when neither holds an id.
func lastEventID(r *http.Request) int64 {
	v := r.Header.Get("Last-Event-ID")
	if v == "" {
		v = r.URL.Query().Get("last_event_id")
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id < 0 {
		return 0
	}
	return id
}

// stream is one open event stream.
type stream struct {
	h      *Handlers
	w      *echo.Response
	topics []string
	sub    *Sub
	// backlog is what the stream missed before sub: from last up to the
	// hub's newest event when sub began.
	backlog *backlog
	// last is the newest audit event id sent (or known to the browser).
	last int64
	// sent holds the ids the latest catch-up read, skipped when the hub
	// sends them too, until sentUntil.
	sent      map[int64]bool
	sentUntil time.Time
}

// subscribe takes a new subscription and sets the backlog to what lies
// between the last event sent and the subscription's start.
func (s *stream) subscribe() error {
	sub, err := s.h.Feed.Hub.Subscribe(s.topics...)
	if err != nil {
		return err
	}
	s.sub = sub
	// Read after Subscribe: events up to here are in the log, later ones
	// reach sub.
	upto := s.h.Feed.Hub.LastID()
	s.backlog = &backlog{db: s.h.DB, after: s.last, upto: upto, gone: upto-s.last > backlogWindow}
	return nil
}

func (s *stream) upto() int64 { return s.backlog.upto }

// firstPage reads the backlog's first page; none when it is gone.
func (s *stream) firstPage(ctx context.Context) ([]auditRow, error) {
	if s.backlog.gone {
		return nil, nil
	}
	return s.backlog.next(ctx)
}

// catchUp sends the backlog (first is its first page, already read), or
// one reset when it is gone, flushing page by page.
func (s *stream) catchUp(ctx context.Context, first []auditRow) error {
	if s.backlog.gone {
		fmt.Fprintf(s.w, "id: %d\nevent: reset\ndata: {}\n\n", s.upto())
		s.last, s.sent = s.upto(), nil
		return nil
	}
	s.sent, s.sentUntil = map[int64]bool{}, time.Now().Add(dedupeFor)
	for rows := first; ; {
		for _, row := range rows {
			s.sent[row.ID] = true
		}
		for _, e := range matching(rows, s.topics) {
			writeEvent(s.w, e)
		}
		s.w.Flush()
		if s.backlog.done() {
			break
		}
		var err error
		if rows, err = s.backlog.next(ctx); err != nil {
			return err
		}
	}
	s.last = max(s.last, s.upto())
	return nil
}

// run sends the hub's events until the request ends or the hub closes; a
// subscription dropped for lagging is renewed and what it lost is read
// from the log.
func (s *stream) run(ctx context.Context) error {
	beat := time.NewTicker(heartbeat)
	defer beat.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-beat.C:
			fmt.Fprint(s.w, ": ping\n\n")
		case e, ok := <-s.sub.C:
			if !ok && !s.resume(ctx) {
				return nil
			}
			if ok {
				s.write(e)
			}
			// Write what else is waiting before one flush: one read of the
			// log arrives as a burst.
			for more := ok; more; {
				select {
				case e, ok := <-s.sub.C:
					if !ok {
						more = false
						break
					}
					s.write(e)
				default:
					more = false
				}
			}
		}
		s.w.Flush()
	}
}

// resume renews a subscription dropped for lagging and sends what it
// lost; false when the stream should end (the hub closed or is full, or
// the log cannot be read: the browser reconnects and resumes).
func (s *stream) resume(ctx context.Context) bool {
	if !s.sub.Lagged() || ctx.Err() != nil {
		return false
	}
	if s.subscribe() != nil {
		return false
	}
	first, err := s.firstPage(ctx)
	return err == nil && s.catchUp(ctx, first) == nil
}

func (s *stream) write(e Event) {
	if s.sent != nil && time.Now().After(s.sentUntil) {
		s.sent = nil
	}
	if s.sent[e.ID] {
		return
	}
	writeEvent(s.w, e)
	s.last = max(s.last, e.ID)
}

func writeEvent(w http.ResponseWriter, e Event) {
	if e.ID > 0 {
		fmt.Fprintf(w, "id: %d\n", e.ID)
	}
	data := e.Data
	if len(data) == 0 {
		data = []byte("{}")
	}
	// Data comes from json.Marshal: one line.
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", e.Type, data)
}

// parseTopics checks the requested topics. Codes: invalid.
func parseTopics(values []string) ([]string, error) {
	var topics []string
	for _, v := range values {
		for _, t := range strings.Split(v, ",") {
			if t = strings.TrimSpace(t); t != "" && !slices.Contains(topics, t) {
				topics = append(topics, t)
			}
		}
	}
	if len(topics) == 0 || len(topics) > maxTopics {
		return nil, apperr.New(apperr.Invalid, "error.live_topics", map[string]any{"Max": maxTopics})
	}
	for _, t := range topics {
		if _, ok := topicRoleOK(t); !ok {
			return nil, apperr.New(apperr.Invalid, "error.live_topic", map[string]any{"Topic": t})
		}
	}
	return topics, nil
}

func topicRole(t string) string {
	role, _ := topicRoleOK(t)
	return role
}

// topicRoleOK says whether t is a topic and which role may follow it ("":
// any signed-in user). Topics are a name, or a name and a positive id.
func topicRoleOK(t string) (string, bool) {
	name, id, hasID := strings.Cut(t, ":")
	if hasID {
		if n, err := strconv.ParseInt(id, 10, 64); err != nil || n <= 0 || strconv.FormatInt(n, 10) != id {
			return "", false
		}
	}
	switch {
	case name == "article" && hasID, name == "rescan", name == TopicUser && hasID:
		return "", true
	case (name == TopicQueue || name == TopicArticles || name == TopicGlossary) && !hasID:
		return "", true
	case name == TopicReview && !hasID:
		return account.RoleEditor, true
	}
	return "", false
}
