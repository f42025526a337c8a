package live

import (
	"context"
	"slices"

	"gorm.io/gorm"
)

// Resuming a stream. A browser that reconnects names its last event; a
// stream whose subscription lagged knows its own. Either reads what it
// missed from the audit log, a page at a time, instead of giving up: a
// burst after a database blip (the feed reads everything committed
// meanwhile at once) would otherwise drop every busy stream and refresh
// every page.
const (
	// backlogPage is how many audit events one read takes; each page is
	// written and flushed before the next is read, so a long backlog holds
	// one page in memory and the database for one short query at a time.
	backlogPage = 500
	// backlogWindow is how far back a stream resumes, in audit event ids
	// (20 pages): a stream whose last event is older is sent one "reset"
	// (refresh what the page shows) instead. Ids are never reused, so the
	// distance between two is at least the number of events between them.
	backlogWindow = 10000
	// dedupeFor is how long a stream skips the hub's copies of events its
	// catch-up already sent: the hub can send an event the catch-up read
	// only while the feed still waits for that id (a late commit), which it
	// stops doing after gapTTL.
	dedupeFor = gapTTL
)

// backlog pages through the audit events in (after, upto].
type backlog struct {
	db          *gorm.DB
	after, upto int64
	// gone: the events begin more than backlogWindow before upto.
	gone bool
}

// done reports whether every page was read.
func (b *backlog) done() bool { return b.after >= b.upto }

// next reads the next page, in id order; an empty one when done.
func (b *backlog) next(ctx context.Context) ([]auditRow, error) {
	if b.done() {
		return nil, nil
	}
	var rows []auditRow
	err := b.db.WithContext(ctx).Raw(`SELECT `+auditColumns+` FROM audit_events WHERE id > ? AND id <= ? ORDER BY id LIMIT ?`,
		b.after, b.upto, backlogPage).Scan(&rows).Error
	if err != nil {
		return nil, err
	}
	if len(rows) < backlogPage {
		b.after = b.upto
	} else {
		b.after = rows[len(rows)-1].ID
	}
	return rows, nil
}

// matching returns the events of rows on any of topics.
func matching(rows []auditRow, topics []string) []Event {
	var out []Event
	for _, row := range rows {
		if e, ok := eventOf(row); ok && slices.ContainsFunc(e.Topics, func(t string) bool { return slices.Contains(topics, t) }) {
			out = append(out, e)
		}
	}
	return out
}
