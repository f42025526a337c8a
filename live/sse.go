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
	// maxReplay bounds the events replayed to a reconnecting browser; past
	// it, the browser is told to refresh instead.
	maxReplay = 200
	// retryMillis is when a browser reconnects after a dropped stream.
	retryMillis = 2000
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
// users; review is for editors. A Last-Event-ID header (the browser sends
// it when reconnecting) replays what was missed. Codes: unauthorized,
// invalid (unknown topic), forbidden, conflict (429: too many streams of
// this account or address; 503: too many streams in all).
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
	}
	since, _ := strconv.ParseInt(c.Request().Header.Get("Last-Event-ID"), 10, 64)
	if h.Quota != nil {
		release, ok := h.Quota.Acquire(p.UserID, c.RealIP())
		if !ok {
			e := apperr.New(apperr.Conflict, "error.live_share", nil)
			e.Status, e.Header = http.StatusTooManyRequests, map[string]string{"Retry-After": quotaRetryAfter}
			return e
		}
		defer release()
	}
	sub, err := h.Feed.Hub.Subscribe(topics...)
	if err != nil {
		e := apperr.New(apperr.Conflict, "error.live_busy", nil)
		e.Status, e.Header = http.StatusServiceUnavailable, map[string]string{"Retry-After": "30"}
		return e
	}
	defer h.Feed.Hub.Unsubscribe(sub)
	return h.stream(c, sub, topics, since)
}

func (h *Handlers) stream(c echo.Context, sub *Sub, topics []string, since int64) error {
	ctx := c.Request().Context()
	w := c.Response()
	w.Header().Set(echo.HeaderContentType, "text/event-stream")
	w.Header().Set(echo.HeaderCacheControl, "no-cache")
	w.Header().Set("X-Accel-Buffering", "no") // proxies must not hold events back
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, "retry: %d\n\n", retryMillis)
	var replayed map[int64]bool
	if since > 0 {
		var err error
		if replayed, err = h.replay(ctx, w, topics, since); err != nil {
			return nil // the status is sent; the browser reconnects
		}
	} else {
		fmt.Fprintf(w, "id: %d\nevent: ready\ndata: {}\n\n", h.Feed.Hub.LastID())
	}
	w.Flush()
	beat := time.NewTicker(heartbeat)
	defer beat.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-beat.C:
			fmt.Fprint(w, ": ping\n\n")
		case e, ok := <-sub.C:
			if !ok {
				return nil // dropped for lagging, or shutting down
			}
			if !replayed[e.ID] { // else subscribed before the replay read it
				writeEvent(w, e)
			}
			// Write what else is waiting before one flush: one read of the
			// log arrives as a burst.
			for more := true; more; {
				select {
				case e, ok := <-sub.C:
					if !ok {
						w.Flush()
						return nil
					}
					if !replayed[e.ID] {
						writeEvent(w, e)
					}
				default:
					more = false
				}
			}
		}
		w.Flush()
	}
}

// replay writes the events on topics after since and returns the ids it
// read. Too many missed events become one "reset": refresh everything.
func (h *Handlers) replay(ctx context.Context, w http.ResponseWriter, topics []string, since int64) (map[int64]bool, error) {
	var rows []auditRow
	err := h.DB.WithContext(ctx).Raw(`SELECT `+auditColumns+` FROM audit_events WHERE id > ? ORDER BY id LIMIT ?`,
		since, maxReplay+1).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	if len(rows) > maxReplay {
		fmt.Fprintf(w, "id: %d\nevent: reset\ndata: {}\n\n", max(rows[len(rows)-1].ID, h.Feed.Hub.LastID()))
		return nil, nil
	}
	read := map[int64]bool{}
	for _, row := range rows {
		read[row.ID] = true
		if e, ok := eventOf(row); ok && slices.ContainsFunc(e.Topics, func(t string) bool { return slices.Contains(topics, t) }) {
			writeEvent(w, e)
		}
	}
	return read, nil
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
	case name == "article" && hasID, name == "rescan":
		return "", true
	case (name == TopicQueue || name == TopicArticles || name == TopicGlossary) && !hasID:
		return "", true
	case name == TopicReview && !hasID:
		return account.RoleEditor, true
	}
	return "", false
}
