package account

import (
	"context"
	"sync"
	"time"

	"gorm.io/gorm"
)

// TokenCache remembers, for a short time, whom an API token stands for, so
// that a client making many requests costs the database one lookup per
// TTL instead of one per request (under the review load test the lookup
// was an eighth of the server's CPU and a round trip in seven). The price:
// a token deleted, expired or of an account disabled in the meantime keeps
// working in each process until its entry lapses, TTL at most. Unknown
// tokens are never remembered. Safe for concurrent use.
type TokenCache struct {
	ttl time.Duration
	now func() time.Time

	mu      sync.Mutex
	entries map[string]cachedToken // by token hash: the secret itself is not kept
}

type cachedToken struct {
	p       Principal
	expires time.Time
}

// maxCachedTokens bounds the memory one process spends on the cache.
const maxCachedTokens = 10000

// NewTokenCache returns a cache that trusts a lookup for ttl; nil when ttl
// is 0 (no caching: Lookup then asks the database every time).
func NewTokenCache(ttl time.Duration) *TokenCache {
	if ttl <= 0 {
		return nil
	}
	return &TokenCache{ttl: ttl, now: time.Now, entries: map[string]cachedToken{}}
}

// Lookup is LookupToken, answered from the cache while the token's entry
// is fresh. Each caller gets its own copy of the principal.
func (tc *TokenCache) Lookup(ctx context.Context, db *gorm.DB, token string) (*Principal, error) {
	if tc == nil {
		return LookupToken(ctx, db, token)
	}
	key := hashSecret(token)
	now := tc.now()
	tc.mu.Lock()
	e, ok := tc.entries[key]
	tc.mu.Unlock()
	if ok && now.Before(e.expires) {
		p := e.p
		return &p, nil
	}
	p, err := LookupToken(ctx, db, token)
	if err != nil {
		return nil, err
	}
	tc.mu.Lock()
	if len(tc.entries) >= maxCachedTokens {
		tc.evict(now)
	}
	tc.entries[key] = cachedToken{p: *p, expires: now.Add(tc.ttl)}
	tc.mu.Unlock()
	return p, nil
}

// evict drops lapsed entries and, when all are fresh, every entry: a burst
// of more distinct tokens than the bound is rare and costs only lookups.
func (tc *TokenCache) evict(now time.Time) {
	for k, e := range tc.entries {
		if !now.Before(e.expires) {
			delete(tc.entries, k)
		}
	}
	if len(tc.entries) >= maxCachedTokens {
		clear(tc.entries)
	}
}
