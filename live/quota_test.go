package live

import "testing"

func TestQuota(t *testing.T) {
	q := NewQuota(2, 3)
	take := func(account int64, address string, want bool) func() {
		t.Helper()
		release, ok := q.Acquire(account, address)
		if ok != want {
			t.Fatalf("Acquire(%d, %q) = %v, want %v", account, address, ok, want)
		}
		return release
	}
	r1 := take(1, "a", true)
	take(1, "b", true)
	take(1, "c", false) // account 1 holds its two
	take(2, "a", true)
	take(3, "a", true)
	take(4, "a", false) // address a holds its three
	take(4, "d", true)
	r1()
	r1() // a second call gives back nothing more
	take(1, "a", true)
	take(5, "a", false)
	if len(q.accounts) != 4 || q.accounts[1] != 2 || q.addresses["a"] != 3 {
		t.Errorf("counts %v %v", q.accounts, q.addresses)
	}
}
