package review

import (
	"context"
	"strconv"
	"strings"

	"lector/apperr"

	"gorm.io/gorm"
)

// The workflow's steps (claim, submit, approve) run on every request of a
// reviewer's day, so their statements skip the ORM: they are sent as plain
// SQL on the connection or transaction the ORM holds and scanned into the
// models field by field. The ORM's statement building, its reflective
// scanning and its logger, which renders every statement with its values
// even when nothing is logged, cost more CPU than the rest of the request
// (BenchmarkReviewCycle; BENCHMARKS.md). Column lists name every column
// of the table, in the order of fields(); TestColumnsMatchModels checks
// them against the models.

// segmentColumns are the columns of segments, in Segment.fields order.
const segmentColumns = `id, article_id, position, paragraph, start_offset, end_offset, mt_text, current_text, source_text,
	source_left_out, state, revision, lease_holder_id, lease_expires_at, claimed_from, file_state, updated_at`

// segmentRead is segmentColumns and the database's clock, in
// Segment.readFields order: every lease decision on a loaded segment
// compares its expiry with the time of the same database (see holds).
const segmentRead = segmentColumns + `, now()`

func (s *Segment) readFields() []any { return append(s.fields(), &s.DBNow) }

func (s *Segment) fields() []any {
	return []any{&s.ID, &s.ArticleID, &s.Position, &s.Paragraph, &s.StartOffset, &s.EndOffset, &s.MTText, &s.CurrentText,
		&s.SourceText, &s.SourceLeftOut, &s.State, &s.Revision, &s.LeaseHolderID, &s.LeaseExpiresAt, &s.ClaimedFrom, &s.FileState, &s.UpdatedAt}
}

// correctionColumns are the columns of corrections, in Correction.fields
// order.
const correctionColumns = `id, segment_id, author_id, base_revision, text_before, text, comment, status, reviewer_id,
	reviewed_at, reject_reason, review_comment, created_at`

func (c *Correction) fields() []any {
	return []any{&c.ID, &c.SegmentID, &c.AuthorID, &c.BaseRevision, &c.TextBefore, &c.Text, &c.Comment, &c.Status,
		&c.ReviewerID, &c.ReviewedAt, &c.RejectReason, &c.ReviewComment, &c.CreatedAt}
}

// flagColumns are the columns of flags, in Flag.fields order.
const flagColumns = `id, segment_id, kind, "check", start_offset, end_offset, offsets_in, text, suggestion, entry, detail, glossary_entry_id,
	confidence, status, dismiss_reason, resolved_by, resolved_at, created_at`

func (f *Flag) fields() []any {
	return []any{&f.ID, &f.SegmentID, &f.Kind, &f.Check, &f.StartOffset, &f.EndOffset, &f.OffsetsIn, &f.Text, &f.Suggestion, &f.Entry,
		&f.Detail, &f.GlossaryEntryID, &f.Confidence, &f.Status, &f.DismissReason, &f.ResolvedBy, &f.ResolvedAt, &f.CreatedAt}
}

// queryRows runs q, written with ? placeholders, on db's connection pool
// or, inside a transaction, on its transaction, and scans each row into
// the fields next returns for it; it returns how many rows there were.
func queryRows(ctx context.Context, db *gorm.DB, q string, args []any, next func() []any) (int, error) {
	rows, err := db.Statement.ConnPool.QueryContext(ctx, dollars(q), args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		if err := rows.Scan(next()...); err != nil {
			return n, err
		}
		n++
	}
	return n, rows.Err()
}

// queryRow is queryRows for at most one row, scanned into fields; found
// is false when there is none.
func queryRow(ctx context.Context, db *gorm.DB, q string, args []any, fields ...any) (found bool, err error) {
	n, err := queryRows(ctx, db, q, args, func() []any { return fields })
	return n > 0, err
}

// rawRows runs q through the ORM and scans every row into a T (none: a
// nil slice); a failure is internal, wrapped with what.
func rawRows[T any](ctx context.Context, db *gorm.DB, what, q string, args ...any) ([]T, error) {
	var out []T
	if err := db.WithContext(ctx).Raw(q, args...).Scan(&out).Error; err != nil {
		return nil, apperr.Wrap(err, what)
	}
	return out, nil
}

// dollars numbers a statement's ? placeholders ($1, $2, ...), as the
// ORM does, for database/sql. The workflow's statements hold no other
// question mark (no jsonb ? operators, no literals with one).
func dollars(q string) string {
	var b strings.Builder
	b.Grow(len(q) + 16)
	n := 0
	for {
		i := strings.IndexByte(q, '?')
		if i < 0 {
			b.WriteString(q)
			return b.String()
		}
		n++
		b.WriteString(q[:i])
		b.WriteByte('$')
		b.WriteString(strconv.Itoa(n))
		q = q[i+1:]
	}
}
