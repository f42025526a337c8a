package account

import (
	"context"
	"net/http"
	"strconv"
	"sync/atomic"
	"time"

	"lector/apperr"
)

// Hash pool timing: a sign-in that finds every slot taken waits at most
// HashWait for one; past it, or with the queue full, it gets 429 and comes
// back after hashRetryAfter. One hash takes tens of milliseconds on an idle
// core, so a slot frees several times within the wait.
const (
	HashWait       = 2 * time.Second
	hashRetryAfter = 2 // seconds
	// hashQueuePerSlot bounds the sign-ins waiting for a slot. A waiting
	// one holds a goroutine and no hash memory, but a bound answers floods
	// at once instead of after HashWait.
	hashQueuePerSlot = 8
)

// HashMemory is what one argon2id hash of hashParams allocates: a
// HashPool of n slots holds at most n times this at once.
const HashMemory = 46 << 20

// HashPool bounds the password hashes one process computes at once, so
// that a flood of sign-ins costs a bounded amount of memory (n ×
// HashMemory) instead of 46 MiB each. It is safe for concurrent use.
type HashPool struct {
	slots      chan struct{}
	maxWaiting int64
	waiting    atomic.Int64
	inUse      atomic.Int64
	peak       atomic.Int64
}

// NewHashPool returns a pool of n slots (at least 1).
func NewHashPool(n int) *HashPool {
	n = max(n, 1)
	return &HashPool{slots: make(chan struct{}, n), maxWaiting: int64(hashQueuePerSlot * n)}
}

// Check is CheckPassword in a slot of the pool; a nil pool does not bound.
// Error codes: forbidden with Status 429 and Retry-After (every slot busy
// for HashWait, or too many waiting), internal (ctx ended).
func (p *HashPool) Check(ctx context.Context, password, hash string) (bool, error) {
	if p == nil {
		return CheckPassword(password, hash), nil
	}
	if err := p.acquire(ctx); err != nil {
		return false, err
	}
	defer p.release()
	return CheckPassword(password, hash), nil
}

func (p *HashPool) acquire(ctx context.Context) error {
	select {
	case p.slots <- struct{}{}:
		p.enter()
		return nil
	default:
	}
	if p.waiting.Add(1) > p.maxWaiting {
		p.waiting.Add(-1)
		return hashBusy()
	}
	defer p.waiting.Add(-1)
	timer := time.NewTimer(HashWait)
	defer timer.Stop()
	select {
	case p.slots <- struct{}{}:
		p.enter()
		return nil
	case <-timer.C:
		return hashBusy()
	case <-ctx.Done():
		return apperr.Wrap(ctx.Err(), "wait for a password hash slot")
	}
}

func (p *HashPool) enter() {
	n := p.inUse.Add(1)
	for {
		peak := p.peak.Load()
		if n <= peak || p.peak.CompareAndSwap(peak, n) {
			return
		}
	}
}

func (p *HashPool) release() {
	p.inUse.Add(-1)
	<-p.slots
}

// Peak is the most hashes the pool has computed at once.
func (p *HashPool) Peak() int { return int(p.peak.Load()) }

// hashBusy is the pool's answer when it cannot take a sign-in soon. The API
// contract has no code for it, so it is forbidden with HTTP status 429.
func hashBusy() *apperr.Error {
	e := apperr.New(apperr.Forbidden, "error.sign_in_busy", nil)
	e.Status = http.StatusTooManyRequests
	e.Header = map[string]string{"Retry-After": strconv.Itoa(hashRetryAfter)}
	return e
}
