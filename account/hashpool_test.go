package account_test

import (
	"context"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"lector/account"
	"lector/apperr"
	"lector/database/dbtest"
)

// heapPeak samples the heap in use until stop is closed and returns the
// heap live at the start (after a collection) and a channel with the peak
// above it.
func heapPeak(stop <-chan struct{}) (uint64, <-chan uint64) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	out := make(chan uint64, 1)
	go func() {
		var peak uint64
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapAlloc > base {
				peak = max(peak, ms.HeapAlloc-base)
			}
			select {
			case <-stop:
				out <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return base, out
}

// Sixty concurrent sign-ins, each from its own address so that no throttle
// stops them before hashing: at most the pool's slots hash at once, the
// heap grows by less than the ceiling docs/operations.md states (a
// collection runs when the heap doubles, so the peak is about twice the
// live heap: the slots' memory and what was live before), and every
// answer is a wrong password or a 429.
func TestHashPoolBoundsMemory(t *testing.T) {
	db := dbtest.New(t)
	const slots, n = 4, 60
	pool := account.NewHashPool(slots)
	stop := make(chan struct{})
	live, peak := heapPeak(stop)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			_, errs[i] = account.Authenticate(context.Background(), db, pool, account.Credentials{
				Email: "guess" + strconv.Itoa(i) + "@example.org", Password: "x", Address: "192.0.2." + strconv.Itoa(i)})
		})
	}
	wg.Wait()
	close(stop)
	grew := <-peak
	counts := map[string]int{}
	for _, err := range errs {
		switch e := apperr.As(err); {
		case e.Code == apperr.Unauthorized:
			counts["401"]++
		case e.Status == 429 && e.Header["Retry-After"] != "":
			counts["429"]++
		default:
			t.Errorf("unexpected %v", err)
		}
	}
	ceiling := live + 2*slots*account.HashMemory + 32<<20
	t.Logf("answers %v; at most %d hashes at once; heap grew by %d MiB (ceiling %d MiB)", counts, pool.Peak(), grew>>20, ceiling>>20)
	if pool.Peak() > slots || pool.Peak() < 1 {
		t.Errorf("%d hashes at once, want 1..%d", pool.Peak(), slots)
	}
	if grew > ceiling {
		t.Errorf("heap grew by %d MiB, over the ceiling of %d MiB", grew>>20, ceiling>>20)
	}
}
