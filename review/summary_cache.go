package review

import (
	"context"
	"sync"
	"time"

	"gorm.io/gorm"
)

// DefaultSummaryTTL is how long the article list's counts are served
// without counting again when nothing says they changed.
const DefaultSummaryTTL = 10 * time.Second

// SummaryCache keeps the article list with its counts (ListArticles), which
// counts every segment: 0.8 s at 300k segments, too much for every hit on
// the open front page. It counts again after ttl or after Invalidate, one
// count at a time: while one runs, other requests get the previous list
// (only a request with no list at all waits). It is safe for concurrent
// use.
type SummaryCache struct {
	ttl  time.Duration
	load func(context.Context, *gorm.DB) ([]ArticleSummary, error) // ListArticles; tests count calls
	mu   sync.Mutex
	// list was counted at at; gen counts Invalidate calls, and list is
	// fresh while listGen == gen and ttl has not passed.
	list     []ArticleSummary
	byID     map[int64]ArticleSummary // list by article, never changed once built
	listGen  uint64
	gen      uint64
	at       time.Time
	counting chan struct{} // closed when the count in progress ends; nil: none
}

// NewSummaryCache returns an empty cache whose lists live for ttl.
func NewSummaryCache(ttl time.Duration) *SummaryCache {
	return &SummaryCache{ttl: ttl, load: ListArticles}
}

// Invalidate says that the counts may have changed: the next request
// counts again.
func (s *SummaryCache) Invalidate() {
	s.mu.Lock()
	s.gen++
	s.mu.Unlock()
}

// List returns the article list, counted at most ttl ago and after the
// last Invalidate, unless another request is counting it now. Codes:
// internal.
func (s *SummaryCache) List(ctx context.Context, db *gorm.DB) ([]ArticleSummary, error) {
	for {
		s.mu.Lock()
		fresh := s.list != nil && s.listGen == s.gen && time.Since(s.at) < s.ttl
		if fresh || (s.list != nil && s.counting != nil) {
			list := s.list
			s.mu.Unlock()
			return list, nil
		}
		if wait := s.counting; wait != nil { // nothing to serve yet
			s.mu.Unlock()
			select {
			case <-wait:
				continue
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		done := make(chan struct{})
		s.counting, s.listGen = done, s.gen
		s.mu.Unlock()
		return s.count(ctx, db, done)
	}
}

// count runs ListArticles for List and stores the result, which is stale
// at once when Invalidate ran meanwhile (listGen was taken before).
func (s *SummaryCache) count(ctx context.Context, db *gorm.DB, done chan struct{}) ([]ArticleSummary, error) {
	start := time.Now()
	list, err := s.load(ctx, db)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.counting = nil
	close(done)
	if err != nil {
		s.at = time.Time{} // whatever list is kept is stale
		return nil, err
	}
	if list == nil {
		list = []ArticleSummary{}
	}
	byID := make(map[int64]ArticleSummary, len(list))
	for _, a := range list {
		byID[a.ID] = a
	}
	s.list, s.byID, s.at = list, byID, start
	return list, nil
}

// Counts is List by article id, for the article list's pages, which find
// their articles by index and take only the counts from here. The map is
// shared: callers must not change it. Codes: internal.
func (s *SummaryCache) Counts(ctx context.Context, db *gorm.DB) (map[int64]ArticleSummary, error) {
	if _, err := s.List(ctx, db); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.byID, nil
}
