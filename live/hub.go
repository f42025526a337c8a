// Package live sends what other people do to the pages that show it, across
// every lector process: state changes are read from the audit log after a
// coalesced PostgreSQL NOTIFY (or a slow poll) and fanned out to server-sent
// event streams by topic.
package live

import (
	"encoding/json"
	"errors"
	"sync"
	"sync/atomic"
)

// Event is one thing to tell subscribers. Events read from the audit log
// carry its id (the SSE id a browser resumes from); ephemeral events, such
// as progress reports, have ID 0 and are not replayed.
type Event struct {
	ID     int64           `json:"id,omitempty"`
	Type   string          `json:"type"`
	Topics []string        `json:"topics"`
	Data   json.RawMessage `json:"data,omitempty"`
}

// Hub limits.
const (
	// DefaultMaxSubscribers bounds open streams per process; each holds a
	// goroutine and a buffer.
	DefaultMaxSubscribers = 1000
	// subscriberBuffer is how many events a subscriber may lag behind
	// before it is dropped (Sub.Lagged); a stream then catches up from the
	// audit log. One read of the log is published at once, and under
	// 32 busy reviewers a 200 ms read on the queue topic is about 100
	// events, so the buffer holds a few reads.
	subscriberBuffer = 256
)

// Errors of Subscribe.
var (
	ErrFull   = errors.New("live: too many subscribers")
	ErrClosed = errors.New("live: hub closed")
)

// Hub fans events out to the subscribers of their topics. Publishing never
// blocks on a subscriber: one whose buffer is full is dropped (its channel
// closed). It is safe for concurrent use.
type Hub struct {
	max    int
	mu     sync.Mutex
	topics map[string]map[*Sub]struct{}
	count  int
	closed bool
	lastID atomic.Int64
}

// Sub is one subscription. C is closed when the subscriber is dropped for
// lagging (then Lagged is true), unsubscribed, or the hub closes.
type Sub struct {
	C      <-chan Event
	ch     chan Event
	topics []string
	gone   bool // guarded by Hub.mu
	lagged atomic.Bool
}

// Lagged reports whether s was dropped because its buffer was full: events
// were lost, and the audit log has them.
func (s *Sub) Lagged() bool { return s.lagged.Load() }

// NewHub returns a hub for at most max subscribers (DefaultMaxSubscribers
// when max <= 0).
func NewHub(max int) *Hub {
	if max <= 0 {
		max = DefaultMaxSubscribers
	}
	return &Hub{max: max, topics: map[string]map[*Sub]struct{}{}}
}

// Subscribe returns a subscription to events on any of topics. Errors:
// ErrFull, ErrClosed.
func (h *Hub) Subscribe(topics ...string) (*Sub, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, ErrClosed
	}
	if h.count >= h.max {
		return nil, ErrFull
	}
	ch := make(chan Event, subscriberBuffer)
	s := &Sub{C: ch, ch: ch, topics: topics}
	for _, t := range topics {
		if h.topics[t] == nil {
			h.topics[t] = map[*Sub]struct{}{}
		}
		h.topics[t][s] = struct{}{}
	}
	h.count++
	return s, nil
}

// Unsubscribe ends s; calling it again, or after s was dropped, does nothing.
func (h *Hub) Unsubscribe(s *Sub) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.drop(s)
}

// drop removes s and closes its channel; h.mu must be held.
func (h *Hub) drop(s *Sub) {
	if s.gone {
		return
	}
	s.gone = true
	for _, t := range s.topics {
		delete(h.topics[t], s)
		if len(h.topics[t]) == 0 {
			delete(h.topics, t)
		}
	}
	h.count--
	close(s.ch)
}

// Publish hands e to every subscriber of one of its topics, once each.
func (h *Hub) Publish(e Event) {
	if e.ID > 0 {
		h.seen(e.ID)
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	sent := map[*Sub]bool{}
	for _, t := range e.Topics {
		for s := range h.topics[t] {
			if sent[s] {
				continue
			}
			sent[s] = true
			select {
			case s.ch <- e:
			default:
				s.lagged.Store(true)
				h.drop(s)
			}
		}
	}
}

// seen raises the last audit event id the hub knows of.
func (h *Hub) seen(id int64) {
	for {
		cur := h.lastID.Load()
		if id <= cur || h.lastID.CompareAndSwap(cur, id) {
			return
		}
	}
}

// LastID is the newest audit event id the hub has read; a new stream
// starts from it.
func (h *Hub) LastID() int64 { return h.lastID.Load() }

// Subscribers is how many subscriptions are open.
func (h *Hub) Subscribers() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.count
}

// Close drops every subscriber and refuses new ones, so that open streams
// end and a graceful shutdown does not wait for them.
func (h *Hub) Close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for _, subs := range h.topics {
		for s := range subs {
			h.drop(s)
		}
	}
}
