package review

import (
	"context"
	"encoding/json"
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
// The claim, the submit and the approval are each one such statement
// fewer than an update followed by an insert: a round trip less on every
// step of the workflow.
func (ch change) apply(ctx context.Context, tx *gorm.DB, seg *Segment, set string, args ...any) error {
	detail := []byte(`{}`)
	if ch.detail != nil {
		var err error
		if detail, err = json.Marshal(ch.detail); err != nil {
			return err
		}
	}
	var actor *int64
	if ch.p != nil {
		actor = &ch.p.UserID
	}
	args = append(args, seg.ID, time.Now(), actor, ch.action, ch.from, ch.to, ch.before, ch.after, string(detail))
	return tx.WithContext(ctx).Raw(changeSQL(set, ch.withLeaseExpiresAt), args...).Scan(seg).Error
}

// changeSQL is apply's statement: set's arguments, then the segment id, the
// event's time, actor, action, states, texts and detail.
func changeSQL(set string, withLeaseExpiresAt bool) string {
	detail := `?::jsonb`
	if withLeaseExpiresAt {
		detail = `?::jsonb || jsonb_build_object('lease_expires_at', u.lease_expires_at)`
	}
	return `WITH u AS (UPDATE segments SET ` + set + ` WHERE id = ? RETURNING *),
e AS (INSERT INTO audit_events (` + audit.Columns + `)
	SELECT ?, ?, 'segment', u.id, u.article_id, ?, ?, ?, ?, ?, ` + detail + ` FROM u)
SELECT * FROM u`
}
