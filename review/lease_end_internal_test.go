package review

import (
	"strings"
	"testing"
)

// TestLeaseEndRule: the SQL condition the queue uses names exactly the
// origins that leaseEnds sends back to the queue, and every state a lease
// may start from (the claim rows of the state machine) has a rule.
func TestLeaseEndRule(t *testing.T) {
	for from, to := range leaseEnds {
		inQueue := strings.Contains(queueLease, "'"+from+"'")
		if inQueue != (to == StateFlagged) {
			t.Errorf("origin %s ends in %s but queueLease names it: %v", from, to, inQueue)
		}
	}
	for _, tr := range Transitions() {
		if tr.Action != ActClaim {
			continue
		}
		if _, ok := leaseEnds[tr.From]; !ok {
			t.Errorf("a lease may start from %s, which leaseEnds does not know", tr.From)
		}
	}
}
