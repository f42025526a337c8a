package live

import "sync"

// Quota counts the open streams of each account and each client address so
// that one user cannot hold every place of the hub: past its share, a new
// stream is refused while the others' still open. It is safe for
// concurrent use.
type Quota struct {
	perAccount, perAddress int
	mu                     sync.Mutex
	accounts               map[int64]int
	addresses              map[string]int
}

// NewQuota returns a quota of perAccount streams per account and perAddress
// per address (each at least 1).
func NewQuota(perAccount, perAddress int) *Quota {
	return &Quota{perAccount: max(perAccount, 1), perAddress: max(perAddress, 1),
		accounts: map[int64]int{}, addresses: map[string]int{}}
}

// Acquire takes a place for a stream of account from address and returns
// the function that gives it back (call it once, when the stream ends); ok
// is false, and nothing is taken, when either share is used up.
func (q *Quota) Acquire(account int64, address string) (release func(), ok bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.accounts[account] >= q.perAccount || q.addresses[address] >= q.perAddress {
		return nil, false
	}
	q.accounts[account]++
	q.addresses[address]++
	var once sync.Once
	return func() { once.Do(func() { q.release(account, address) }) }, true
}

func (q *Quota) release(account int64, address string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	// Zero counts are deleted so that the maps hold only open streams.
	if q.accounts[account]--; q.accounts[account] <= 0 {
		delete(q.accounts, account)
	}
	if q.addresses[address]--; q.addresses[address] <= 0 {
		delete(q.addresses, address)
	}
}
