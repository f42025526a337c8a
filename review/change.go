package review

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"

	"lector/account"
	"lector/audit"
)

// change is one audited step of a segment: who, which action, the states
// and texts before and after, and the event's detail.
type change struct {
	p                  *account.Principal
	action, from, to   string
	before, after      string
	detail             map[string]any
	withLeaseExpiresAt bool // add the new lease's expiry to the detail
}

// apply runs UPDATE segments SET set WHERE id = seg.ID and appends ch's
// audit event in the same statement, then reads the updated row into seg.
// The queue's steps (claim, submit, approve, release, lease expiry) are
// one such statement each rather than an update followed by an insert: a
// round trip less on the hot path.
func (ch change) apply(ctx context.Context, tx *gorm.DB, seg *Segment, set string, args ...any) error {
	q, args, err := ch.statement(seg.ID, set, args)
	if err != nil {
		return err
	}
	found, err := queryRow(ctx, tx, q, args, seg.readFields()...)
	if err == nil && !found {
		err = fmt.Errorf("segment %d: %s changed no row", seg.ID, ch.action) // the caller holds its lock
	}
	return err
}

// statement is apply's SQL and arguments: set's arguments, then the
// segment id and the event's time, actor, action, states, texts and detail.
func (ch change) statement(segID int64, set string, setArgs []any) (string, []any, error) {
	actor, detail, err := eventOf(ch.p, ch.detail)
	if err != nil {
		return "", nil, err
	}
	d := `?::jsonb`
	if ch.withLeaseExpiresAt {
		d = `?::jsonb || jsonb_build_object('lease_expires_at', u.lease_expires_at)`
	}
	q := `WITH u AS (UPDATE segments SET ` + set + ` WHERE id = ? RETURNING *),
e AS (INSERT INTO audit_events (` + audit.Columns + `)
	SELECT ?, ?, 'segment', u.id, u.article_id, ?, ?, ?, ?, ?, ` + d + ` FROM u)
SELECT ` + segmentRead + ` FROM u`
	args := append(setArgs, segID, time.Now(), actor, ch.action, ch.from, ch.to, ch.before, ch.after, string(detail))
	return q, args, nil
}

// eventOf is an audit event's actor (nil: the system) and detail (never
// empty) for p and detail.
func eventOf(p *account.Principal, detail map[string]any) (*int64, []byte, error) {
	var actor *int64
	if p != nil {
		actor = &p.UserID
	}
	if detail == nil {
		return actor, []byte(`{}`), nil
	}
	raw, err := json.Marshal(detail)
	return actor, raw, err
}
