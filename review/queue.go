package review

import (
	"context"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/audit"
)

// LeaseDuration is how long a claimed segment stays with its translator
// without a renewal. A claim changes no text, so it leaves the segment's
// revision alone: the revision counts text changes only, and a translator's
// correction written under a lease that was renewed stays valid.
const LeaseDuration = 10 * time.Minute

// QueueFilter narrows a claim to one article or one language; zero values
// match everything.
type QueueFilter struct {
	ArticleID int64
	Lang      string
}

// QueueCount is the work waiting in one article.
type QueueCount struct {
	ArticleID  int64  `json:"article"`
	Title      string `json:"title"`
	Lang       string `json:"lang"`
	Claimable  int    `json:"claimable"`
	InProgress int    `json:"in_progress"`
}

// claimable is the SQL condition of a segment the queue may hand out:
// flagged, rejected, or leased from the queue with the lease lapsed (a
// clean or approved segment someone chose to correct never enters the
// queue, see leaseEnds). It is written with
// segments_claim_idx's predicate first so that the planner reads that index
// in position order (an OR of the states would combine two indexes and sort
// the whole article on every claim).
const claimable = `(s.state IN ('flagged', 'rejected', 'in_progress') AND (s.state <> 'in_progress' OR (s.lease_expires_at < now() AND ` + queueLease + `)))`

// QueueCounts returns, per article and language, how many segments wait for
// a translator and how many are leased. Any signed-in user may call it.
// Codes: unauthorized.
func QueueCounts(ctx context.Context, db *gorm.DB, p *account.Principal) ([]QueueCount, error) {
	if p == nil {
		return nil, apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	return rawRows[QueueCount](ctx, db, "queue counts", `
SELECT a.id AS article_id, a.title, a.lang,
       count(*) FILTER (WHERE `+claimable+`) AS claimable,
       count(*) FILTER (WHERE s.state = 'in_progress' AND s.lease_expires_at >= now()) AS in_progress
FROM articles a JOIN segments s ON s.article_id = a.id
GROUP BY a.id
HAVING count(*) FILTER (WHERE s.state IN ('flagged', 'rejected', 'in_progress')) > 0
ORDER BY a.id`)
}

// Claim leases the next segment to translator p: the segment p already
// holds (matching f) first, else the first flagged or rejected segment (or
// one whose lease expired) in article and position order. Concurrent claims
// skip each other's rows (FOR UPDATE SKIP LOCKED), so two translators never
// hold the same segment. It returns nil, nil when nothing is left. Codes:
// unauthorized, forbidden (not a translator).
func Claim(ctx context.Context, db *gorm.DB, p *account.Principal, f QueueFilter) (*Segment, error) {
	if _, err := Next(StateFlagged, ActClaim, p); err != nil {
		return nil, err
	}
	var out *Segment
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		seg, held, err := pickForClaim(tx, f, p.UserID)
		if err != nil || seg == nil {
			return err
		}
		if held {
			out, err = extendLease(ctx, tx, seg.ID)
			return err
		}
		out = seg
		return lease(ctx, tx, p, seg)
	})
	if err != nil {
		return nil, apperr.Annotate(err, "claim")
	}
	return out, nil
}

// lease gives seg, locked by the caller and not leased by anyone live, to
// p: a lapsed lease ends first (the segment goes where leaseEnds says),
// then the claim records the state it started from.
func lease(ctx context.Context, tx *gorm.DB, p *account.Principal, seg *Segment) error {
	from := seg.State
	if from == StateInProgress {
		var err error
		if from, err = expire(ctx, tx, seg); err != nil {
			return err
		}
	}
	to, err := Next(from, ActClaim, p)
	if err != nil {
		return err
	}
	return change{p: p, action: ActClaim, from: from, to: to, withLeaseExpiresAt: true}.apply(ctx, tx, seg,
		claimSet, to, p.UserID, intervalOf(LeaseDuration), from)
}

// heldLease is the condition of a segment whose live lease a user holds.
const heldLease = "s.state = 'in_progress' AND s.lease_holder_id = ? AND s.lease_expires_at >= now()"

// endLeaseSet gives a leased segment back to the queue in a state.
const endLeaseSet = `state = ?, lease_holder_id = NULL, lease_expires_at = NULL, claimed_from = NULL, updated_at = now()`

// claimSet leases a segment: state, holder, lease duration, the state it
// was claimed from.
const claimSet = `state = ?, lease_holder_id = ?, lease_expires_at = now() + ?::interval, claimed_from = ?, updated_at = now()`

// pick locks the first segment matching cond and f, skipping locked rows.
func pick(tx *gorm.DB, f QueueFilter, cond string, args ...any) (*Segment, error) {
	q, args := pickQuery(f, cond, "s.id", args)
	var seg Segment
	found, err := queryRow(tx.Statement.Context, tx, `SELECT `+segmentRead+` FROM segments WHERE id = (`+q+`)`, args, seg.readFields()...)
	if err != nil || !found {
		return nil, err
	}
	return &seg, nil
}

// pickForClaim locks the segment a user already holds (matching f) or,
// when the user holds none, the next claimable one, in one statement (a
// round trip fewer on every claim); held says which. The second sub-select
// runs only when the first finds nothing, so it locks nothing needlessly.
func pickForClaim(tx *gorm.DB, f QueueFilter, userID int64) (*Segment, bool, error) {
	q, args := claimQuery(f, userID)
	var seg Segment
	var held bool
	found, err := queryRow(tx.Statement.Context, tx, q, args, append(seg.readFields(), &held)...)
	if err != nil || !found {
		return nil, false, err
	}
	return &seg, held, nil
}

// claimQuery is pickForClaim's statement and arguments.
func claimQuery(f QueueFilter, userID int64) (string, []any) {
	held, args := pickQuery(f, heldLease, "s.id", []any{userID})
	next, args := pickQuery(f, claimable, "s.id", args)
	return `WITH held AS (` + held + `)
SELECT ` + segmentRead + `, id IN (SELECT id FROM held) AS held FROM segments
WHERE id = COALESCE((SELECT id FROM held), (` + next + `))`, args
}

// pickQuery is the statement that locks the first segment matching cond
// and f, reading cols, with its arguments. Plain SQL: it runs on every
// claim, where the query builder's parsing showed in the profile.
func pickQuery(f QueueFilter, cond, cols string, args []any) (string, []any) {
	q := "SELECT " + cols + " FROM segments AS s"
	if f.Lang != "" {
		q += " JOIN articles a ON a.id = s.article_id"
	}
	q += " WHERE (" + cond + ")"
	if f.ArticleID != 0 {
		q += " AND s.article_id = ?"
		args = append(args, f.ArticleID)
	}
	if f.Lang != "" {
		q += " AND a.lang = ?"
		args = append(args, f.Lang)
	}
	return q + " ORDER BY s.article_id, s.position LIMIT 1 FOR UPDATE OF s SKIP LOCKED", args
}

func intervalOf(d time.Duration) string { return d.String() }

func extendLease(ctx context.Context, tx *gorm.DB, id int64) (*Segment, error) {
	var seg Segment
	_, err := queryRow(ctx, tx, `UPDATE segments SET lease_expires_at = now() + ?::interval, updated_at = now()
WHERE id = ? RETURNING `+segmentRead, []any{intervalOf(LeaseDuration), id}, seg.readFields()...)
	return &seg, err
}

// expire ends seg's lapsed lease inside tx and returns the queue state it
// goes back to.
func expire(ctx context.Context, tx *gorm.DB, seg *Segment) (string, error) {
	to, err := Next(seg.State, ActExpire, nil)
	if err != nil {
		return "", err
	}
	if to, err = leaseEndState(ctx, tx, seg, to); err != nil {
		return "", err
	}
	ch := change{action: ActExpire, from: seg.State, to: to, detail: map[string]any{"lease_holder": seg.LeaseHolderID}}
	if err := ch.apply(ctx, tx, seg, endLeaseSet, to); err != nil {
		return "", err
	}
	return to, nil
}

// ExpireLeases puts every segment whose lease lapsed back in the queue,
// one audit event each, and returns how many. Claims take lapsed leases
// anyway; this keeps the counts and the article pages honest, for a periodic
// job.
func ExpireLeases(ctx context.Context, db *gorm.DB) (int, error) {
	n := 0
	for {
		done := false
		err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			seg, err := pick(tx, QueueFilter{}, "s.state = 'in_progress' AND s.lease_expires_at < now()")
			if err != nil || seg == nil {
				done = true
				return err
			}
			_, err = expire(ctx, tx, seg)
			return err
		})
		if err != nil {
			return n, apperr.Annotate(err, "expire leases")
		}
		if done {
			return n, nil
		}
		n++
	}
}

// queueState is where a segment returns when its lease ends: rejected when
// its latest correction was rejected (the reason stays visible), else the
// state machine's answer.
func queueState(ctx context.Context, tx *gorm.DB, segmentID int64, to string) (string, error) {
	var status []string
	err := tx.WithContext(ctx).Model(&Correction{}).Where("segment_id = ?", segmentID).Order("id DESC").Limit(1).Pluck("status", &status).Error
	if err != nil {
		return "", err
	}
	if len(status) == 1 && status[0] == "rejected" {
		return StateRejected, nil
	}
	return to, nil
}

// Renew extends p's lease on a segment. Codes: unauthorized, forbidden,
// not_found, conflict (p holds no live lease on it).
func Renew(ctx context.Context, db *gorm.DB, p *account.Principal, segmentID int64) (*Segment, error) {
	var out *Segment
	err := inLockedSegment(ctx, db, segmentID, func(tx *gorm.DB, seg *Segment) error {
		if _, err := Next(seg.State, ActRenew, p); err != nil {
			return err
		}
		if !holds(seg, p) {
			return apperr.New(apperr.Conflict, "error.lease_not_held", map[string]any{"ID": segmentID})
		}
		var err error
		out, err = extendLease(ctx, tx, seg.ID)
		return err
	})
	return out, apperr.Annotate(err, "renew")
}

// Release gives a leased segment back to the queue. The lease holder may
// release it, and an editor may release anyone's. Codes: unauthorized,
// forbidden, not_found, conflict.
func Release(ctx context.Context, db *gorm.DB, p *account.Principal, segmentID int64) (*Segment, error) {
	var out *Segment
	err := inLockedSegment(ctx, db, segmentID, func(tx *gorm.DB, seg *Segment) error {
		to, err := Next(seg.State, ActRelease, p)
		if err != nil {
			return err
		}
		if !holds(seg, p) && !p.Has(account.RoleEditor) {
			return apperr.New(apperr.Conflict, "error.lease_not_held", map[string]any{"ID": segmentID})
		}
		if to, err = leaseEndState(ctx, tx, seg, to); err != nil {
			return err
		}
		out = seg
		return change{p: p, action: ActRelease, from: seg.State, to: to}.apply(ctx, tx, seg, endLeaseSet, to)
	})
	return out, apperr.Annotate(err, "release")
}

// holds reports whether p holds a live lease on seg.
func holds(seg *Segment, p *account.Principal) bool {
	return p != nil && seg.State == StateInProgress && seg.LeaseHolderID != nil && *seg.LeaseHolderID == p.UserID &&
		leaseLive(seg)
}

// leasedByOther reports whether someone other than p holds a live lease.
func leasedByOther(seg *Segment, p *account.Principal) bool {
	return seg.State == StateInProgress && seg.LeaseHolderID != nil && (p == nil || *seg.LeaseHolderID != p.UserID) &&
		leaseLive(seg)
}

// leaseLive reports whether seg's lease has not yet expired by the
// database's clock, read with the segment (DBNow): the claim, the sweep
// and every check then share one clock, and a process whose clock is off
// neither keeps a lapsed lease alive nor ends a live one. A segment read
// without the clock (a preview's row) falls back to this process's.
func leaseLive(seg *Segment) bool {
	if seg.LeaseExpiresAt == nil {
		return false
	}
	now := seg.DBNow
	if now.IsZero() {
		now = time.Now()
	}
	return seg.LeaseExpiresAt.After(now)
}

// inLockedSegment runs step in one transaction with segment id locked
// FOR UPDATE, the start of every workflow step on one segment. Codes:
// not_found, and step's.
func inLockedSegment(ctx context.Context, db *gorm.DB, id int64, step func(tx *gorm.DB, seg *Segment) error) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		seg, err := lockSegment(ctx, tx, id)
		if err != nil {
			return err
		}
		return step(tx, seg)
	})
}

// lockSegment loads a segment FOR UPDATE. Codes: not_found.
func lockSegment(ctx context.Context, tx *gorm.DB, id int64) (*Segment, error) {
	return lockSegmentBy(ctx, tx, lockSegmentSQL, id, "error.segment_not_found")
}

// lockSegmentBy runs q, a locking read of one segment with id as its only
// argument; no row is not_found with message notFound.
func lockSegmentBy(ctx context.Context, tx *gorm.DB, q string, id int64, notFound string) (*Segment, error) {
	var seg Segment
	found, err := queryRow(ctx, tx, q, []any{id}, seg.readFields()...)
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, apperr.New(apperr.NotFound, notFound, map[string]any{"ID": id})
	}
	return &seg, nil
}

// lockSegmentSQL locks a segment for a workflow step.
const lockSegmentSQL = `SELECT ` + segmentRead + ` FROM segments WHERE id = ? FOR UPDATE`

// record appends a segment's audit event; detail may be nil.
func record(ctx context.Context, tx *gorm.DB, p *account.Principal, seg *Segment, action, from, to, before, after string, detail map[string]any) error {
	actor, raw, err := eventOf(p, detail)
	if err != nil {
		return err
	}
	return audit.Record(ctx, tx, &audit.Event{SubjectType: "segment", SubjectID: seg.ID, ArticleID: &seg.ArticleID, Action: action,
		ActorID: actor, FromState: from, ToState: to, TextBefore: before, TextAfter: after, Detail: raw})
}
