package overview

import (
	"sync"
	"time"

	"lector/account"
)

// DefaultCacheTTL is how long the dashboards that count the corrections
// and decisions of 30 days are kept (the people's dashboard, the
// overview's time to approval): their cost grows with the work done (some
// 35 ms for people at 40,000 corrections on a busy machine) while a
// minute-old count is as good for an overview. The whole-database counts
// (segments, flags, wrong forms) are kept current in the database
// instead (counts.go) and need no cache.
const DefaultCacheTTL = time.Minute

// Cache keeps those dashboards per process for TTL; one request counts
// while the others asking for the same dashboard wait for its result. The
// zero TTL (and a nil *Cache) counts on every request.
type Cache struct {
	TTL     time.Duration
	mu      sync.Mutex
	entries map[string]*cacheEntry
}

type cacheEntry struct {
	mu  sync.Mutex // held while counting
	at  time.Time
	val any
}

// NewCache returns a cache keeping dashboards for ttl.
func NewCache(ttl time.Duration) *Cache { return &Cache{TTL: ttl, entries: map[string]*cacheEntry{}} }

// cached returns the dashboard key as counted at most c.TTL before now and
// when it was counted, counting it when older. The reader is authorized
// first, as the counting function would: a dashboard in the cache is not
// shown to a role its page refuses. Codes: unauthorized, forbidden, and
// the counting function's.
func cached[T any](c *Cache, key string, p *account.Principal, roles []string, now time.Time, count func() (T, error)) (T, time.Time, error) {
	var zero T
	if err := requireAny(p, roles...); err != nil {
		return zero, time.Time{}, err
	}
	if c == nil || c.TTL <= 0 {
		v, err := count()
		return v, now, err
	}
	c.mu.Lock()
	e := c.entries[key]
	if e == nil {
		e = &cacheEntry{}
		c.entries[key] = e
	}
	c.mu.Unlock()
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.val != nil && now.Sub(e.at) < c.TTL {
		return e.val.(T), e.at, nil
	}
	v, err := count()
	if err != nil {
		return zero, time.Time{}, err
	}
	e.val, e.at = v, now
	return v, now, nil
}
