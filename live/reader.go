package live

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
)

// Reading the audit log. Ids come from a sequence when a row is inserted,
// not when its transaction commits, so a row with a smaller id can become
// visible after a larger one: reading "after the last id seen" alone would
// skip it. The reader remembers the ids it jumped over and asks for them
// again until they appear or are old enough to be rollbacks.
const (
	readBatch = 1000
	// gapTTL is how long a skipped id is waited for. Review transactions
	// last milliseconds; a glossary import of 100,000 entries lasts seconds,
	// and its rows concern no page.
	gapTTL = 30 * time.Second
	// maxGaps bounds the ids waited for; beyond it, the oldest are given up.
	maxGaps = 10000
)

// auditRow is the part of an audit event the feed needs; texts stay out.
type auditRow struct {
	ID          int64
	SubjectType string
	SubjectID   int64
	ArticleID   *int64
	Action      string
	FromState   string
	ToState     string
}

const auditColumns = `id, subject_type, subject_id, article_id, action, from_state, to_state`

// querier is a pgx connection (the feed's own) or anything with Query.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

type reader struct {
	last int64
	gaps map[int64]time.Time // skipped id -> when first skipped
	now  func() time.Time
}

func newReader(last int64) *reader {
	return &reader{last: last, gaps: map[int64]time.Time{}, now: time.Now}
}

// start sets the reader after the newest event, so a process that starts
// does not replay history.
func (r *reader) start(ctx context.Context, q querier) error {
	rows, err := q.Query(ctx, `SELECT coalesce(max(id), 0) FROM audit_events`)
	if err != nil {
		return err
	}
	last, err := pgx.CollectExactlyOneRow(rows, pgx.RowTo[int64])
	if err != nil {
		return err
	}
	r.last = last
	return nil
}

// read returns the events that became visible since the last read, in id
// order: late rows inside skipped ids first, then rows after the last id.
func (r *reader) read(ctx context.Context, q querier) ([]auditRow, error) {
	var out []auditRow
	r.expireGaps()
	if len(r.gaps) > 0 {
		ids := make([]int64, 0, len(r.gaps))
		for id := range r.gaps {
			ids = append(ids, id)
		}
		late, err := query(ctx, q, `SELECT `+auditColumns+` FROM audit_events WHERE id = ANY($1) ORDER BY id`, ids)
		if err != nil {
			return nil, err
		}
		for _, row := range late {
			delete(r.gaps, row.ID)
		}
		out = append(out, late...)
	}
	for {
		batch, err := query(ctx, q, `SELECT `+auditColumns+` FROM audit_events WHERE id > $1 ORDER BY id LIMIT $2`, r.last, readBatch)
		if err != nil {
			return nil, err
		}
		for _, row := range batch {
			r.skip(r.last+1, row.ID)
			r.last = row.ID
		}
		out = append(out, batch...)
		if len(batch) < readBatch {
			return out, nil
		}
	}
}

// skip remembers the ids in [from, to) as not yet visible.
func (r *reader) skip(from, to int64) {
	if to-from > maxGaps {
		from = to - maxGaps
	}
	now := r.now()
	for id := from; id < to; id++ {
		r.gaps[id] = now
	}
	if over := len(r.gaps) - maxGaps; over > 0 {
		ids := make([]int64, 0, len(r.gaps))
		for id := range r.gaps {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids[:over] {
			delete(r.gaps, id)
		}
	}
}

func (r *reader) expireGaps() {
	cutoff := r.now().Add(-gapTTL)
	for id, at := range r.gaps {
		if at.Before(cutoff) {
			delete(r.gaps, id)
		}
	}
}

func query(ctx context.Context, q querier, sql string, args ...any) ([]auditRow, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	out, err := pgx.CollectRows(rows, pgx.RowToStructByPos[auditRow])
	if err != nil {
		return nil, fmt.Errorf("reading audit events: %w", err)
	}
	return out, nil
}

// Topics and event types of audit rows.
const (
	TopicQueue    = "queue"
	TopicReview   = "review"
	TopicGlossary = "glossary"
	TopicArticles = "articles"
)

// reviewAction reports the actions that change the review page's list of
// dismissals even when the segment's state stays (a proposal about one of
// several flags, a decision while a translator holds the segment).
func reviewAction(action string) bool {
	return action == "dismiss" || action == "accept_dismissal" || action == "reject_dismissal"
}

// ArticleTopic is the topic of one article's page.
func ArticleTopic(id int64) string { return fmt.Sprintf("article:%d", id) }

// TopicUser names the per-user topics ("user:12"): events for one account
// alone (its notifications), which only that account may follow.
const TopicUser = "user"

// UserTopic is the topic of one user's own events.
func UserTopic(id int64) string { return fmt.Sprintf("%s:%d", TopicUser, id) }

// eventOf turns an audit row into the event pages get, or false for rows
// no page shows.
func eventOf(row auditRow) (Event, bool) {
	data := map[string]any{"subject": row.SubjectID, "action": row.Action}
	if row.ToState != "" {
		data["state"] = row.ToState
	}
	e := Event{ID: row.ID, Type: row.SubjectType}
	if row.ArticleID != nil {
		data["article"] = *row.ArticleID
		e.Topics = append(e.Topics, ArticleTopic(*row.ArticleID))
	}
	switch row.SubjectType {
	case "segment":
		e.Topics = append(e.Topics, TopicQueue)
		if row.FromState == "corrected" || row.ToState == "corrected" || reviewAction(row.Action) {
			e.Topics = append(e.Topics, TopicReview)
		}
	case "article":
		e.Topics = append(e.Topics, ArticleTopic(row.SubjectID), TopicQueue, TopicArticles)
	case "glossary_entry":
		e.Topics = append(e.Topics, TopicGlossary)
	}
	if len(e.Topics) == 0 {
		return Event{}, false
	}
	e.Data, _ = json.Marshal(data) // a map of numbers and strings always marshals
	return e, true
}
