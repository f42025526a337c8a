package review

import (
	"context"

	"gorm.io/gorm"
)

// leaseEnds is the one rule of where a segment goes when its lease ends
// without a correction (release, expiry, skip), by the state the lease was
// claimed from. The queue's states go back to the queue (queueState then
// picks rejected when the last correction was rejected, so the reason stays
// visible); a clean or approved segment that someone chose to correct goes
// back to what it was, never into the queue as flagged. A lease with no
// recorded origin (taken before claimed_from existed) is a queue lease.
var leaseEnds = map[string]string{
	StateFlagged:  StateFlagged,
	StateRejected: StateFlagged,
	StateClean:    StateClean,
	StateApproved: StateApproved,
}

// queueLease is the SQL condition of a leased segment whose lease came from
// the queue, so that the queue may hand it out again once the lease lapsed.
// It must name exactly the origins that leaseEnds sends back to the queue
// (TestLeaseEndRule checks it).
const queueLease = `COALESCE(s.claimed_from, 'flagged') IN ('flagged', 'rejected')`

// leaseEndState is the state seg returns to when its lease ends without a
// correction; the state machine's answer for release and expiry (flagged)
// is the default for queue leases. A segment claimed clean that gained an
// open flag meanwhile (a rescan after a glossary change updates leased
// segments' flags) is no longer clean: it goes to the queue, as a rescan
// would have sent it.
func leaseEndState(ctx context.Context, tx *gorm.DB, seg *Segment, machine string) (string, error) {
	if seg.ClaimedFrom != nil {
		to, ok := leaseEnds[*seg.ClaimedFrom]
		if ok && to != StateFlagged {
			// A "not a mistake" the holder proposed meanwhile waits for an
			// editor: the segment goes to the editor's desk, not back to
			// what it was.
			var waiting bool
			if err := tx.WithContext(ctx).Raw(`SELECT EXISTS (SELECT 1 FROM dismissals d JOIN flags f ON f.id = d.flag_id
WHERE d.segment_id = ? AND d.status = 'pending' AND f.status = 'open')`, seg.ID).Scan(&waiting).Error; err != nil {
				return "", err
			}
			if waiting {
				return StateCorrected, nil
			}
		}
		if ok && to == StateClean {
			var open int64
			if err := tx.WithContext(ctx).Model(&Flag{}).Where("segment_id = ? AND status = ?", seg.ID, FlagOpen).Count(&open).Error; err != nil {
				return "", err
			}
			if open > 0 {
				to = StateFlagged
			}
		}
		if ok && to != StateFlagged {
			return to, nil
		}
	}
	return queueState(ctx, tx, seg.ID, machine)
}
