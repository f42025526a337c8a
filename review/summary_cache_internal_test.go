package review

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"gorm.io/gorm"
)

// fakeLoader stands in for ListArticles: it counts calls, returns a list
// naming the call, and when gate is set waits for it.
type fakeLoader struct {
	calls atomic.Int64
	gate  chan struct{}
	fail  atomic.Bool
}

func (f *fakeLoader) load(ctx context.Context, _ *gorm.DB) ([]ArticleSummary, error) {
	n := f.calls.Add(1)
	if f.gate != nil {
		<-f.gate
	}
	if f.fail.Load() {
		return nil, errors.New("database gone")
	}
	return []ArticleSummary{{ID: n}}, nil
}

func listID(t *testing.T, s *SummaryCache) int64 {
	t.Helper()
	list, err := s.List(context.Background(), nil)
	if err != nil || len(list) != 1 {
		t.Fatalf("List: %v, %v", list, err)
	}
	return list[0].ID
}

func TestSummaryCache(t *testing.T) {
	f := &fakeLoader{}
	s := NewSummaryCache(time.Hour)
	s.load = f.load
	if listID(t, s) != 1 || listID(t, s) != 1 {
		t.Fatal("a fresh list was counted again")
	}
	s.Invalidate()
	if got := listID(t, s); got != 2 {
		t.Errorf("after Invalidate: list of count %d, want a new count", got)
	}
	s.ttl = time.Millisecond
	time.Sleep(2 * time.Millisecond)
	if got := listID(t, s); got != 3 {
		t.Errorf("after the ttl: list of count %d, want a new count", got)
	}
	// A failed count leaves no list that passes for fresh.
	s.ttl = time.Hour
	s.Invalidate()
	f.fail.Store(true)
	if _, err := s.List(context.Background(), nil); err == nil {
		t.Fatal("a failed count gave no error")
	}
	f.fail.Store(false)
	if got := listID(t, s); got != 5 {
		t.Errorf("after a failed count: list of count %d, want a new count", got)
	}
}

// One count at a time: requests arriving during it get the previous list
// at once, or, with none yet, wait for it; a change during the count
// leaves its result stale.
func TestSummaryCacheCountsOnce(t *testing.T) {
	f := &fakeLoader{gate: make(chan struct{})}
	s := NewSummaryCache(time.Hour)
	s.load = f.load
	const n = 10
	got := make([]int64, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { got[i] = listID(t, s) })
	}
	for f.calls.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond) // the others reach the wait
	close(f.gate)
	wg.Wait()
	for i, id := range got {
		if id != 1 {
			t.Fatalf("request %d got count %d, want the one count", i, id)
		}
	}
	f.gate = make(chan struct{})
	s.Invalidate()
	done := make(chan int64)
	go func() { done <- listID(t, s) }()
	for f.calls.Load() == 1 {
		time.Sleep(time.Millisecond)
	}
	if id := listID(t, s); id != 1 {
		t.Errorf("during a count: count %d, want the previous list at once", id)
	}
	s.Invalidate() // a change while counting
	close(f.gate)
	if id := <-done; id != 2 {
		t.Errorf("the counting request got count %d, want its own", id)
	}
	f.gate = nil
	if id := listID(t, s); id != 3 {
		t.Errorf("after a change during the count: count %d, want a new count", id)
	}
}
