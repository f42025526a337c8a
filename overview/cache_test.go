package overview

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"lector/account"
	"lector/apperr"
)

func TestCached(t *testing.T) {
	ed := &account.Principal{UserID: 1, Roles: []string{account.RoleEditor}}
	tr := &account.Principal{UserID: 2, Roles: []string{account.RoleTranslator}}
	editors := []string{account.RoleEditor}
	c := NewCache(time.Minute)
	t0 := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	counted := 0
	count := func() (int, error) { counted++; return counted, nil }
	for _, step := range []struct {
		at      time.Duration
		p       *account.Principal
		want    int
		wantAt  time.Duration
		wantErr apperr.Code
	}{
		{0, ed, 1, 0, ""},
		{59 * time.Second, ed, 1, 0, ""},                   // within the minute: as counted
		{30 * time.Second, tr, 0, 0, apperr.Forbidden},     // cached, and still refused
		{30 * time.Second, nil, 0, 0, apperr.Unauthorized}, // nobody signed in
		{time.Minute, ed, 2, time.Minute, ""},              // a minute old: counted again
	} {
		got, at, err := cached(c, "k", step.p, editors, t0.Add(step.at), count)
		var ae *apperr.Error
		switch {
		case step.wantErr != "":
			if !errors.As(err, &ae) || ae.Code != step.wantErr {
				t.Errorf("at %v as %v: %v, want %s", step.at, step.p, err, step.wantErr)
			}
		case err != nil || got != step.want || !at.Equal(t0.Add(step.wantAt)):
			t.Errorf("at %v: %d counted at %v (%v), want %d at %v", step.at, got, at, err, step.want, t0.Add(step.wantAt))
		}
	}
	if got, _, _ := cached(c, "other", ed, editors, t0, count); got != 3 {
		t.Errorf("another key got %d, want a count of its own (3)", got)
	}
	// No cache: every request counts.
	var none *Cache
	for i := range 2 {
		if got, _, _ := cached(none, "k", ed, editors, t0, count); got != 4+i {
			t.Errorf("without a cache got %d, want %d", got, 4+i)
		}
	}
	// A failed count is not kept.
	boom := errors.New("boom")
	if _, _, err := cached(c, "failing", ed, editors, t0, func() (int, error) { return 0, boom }); !errors.Is(err, boom) {
		t.Errorf("the failure came back as %v", err)
	}
	if got, _, _ := cached(c, "failing", ed, editors, t0, count); got != 6 {
		t.Errorf("after a failure got %d, want a new count (6)", got)
	}
}

// TestCachedCountsOnce: requests arriving together for a dashboard not
// counted yet wait for one count instead of each counting.
func TestCachedCountsOnce(t *testing.T) {
	ed := &account.Principal{UserID: 1, Roles: []string{account.RoleEditor}}
	c := NewCache(time.Minute)
	t0 := time.Date(2026, 12, 7, 12, 0, 0, 0, time.UTC)
	var counts atomic.Int32
	release := make(chan struct{})
	var wg sync.WaitGroup
	got := make([]int, 8)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i], _, _ = cached(c, "k", ed, []string{account.RoleEditor}, t0, func() (int, error) {
				<-release
				return int(counts.Add(1)), nil
			})
		}()
	}
	close(release)
	wg.Wait()
	if n := counts.Load(); n != 1 {
		t.Errorf("counted %d times, want once", n)
	}
	for i, v := range got {
		if v != 1 {
			t.Errorf("request %d got %d, want the one count", i, v)
		}
	}
}
