package glossary

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"lector/apperr"
	"lector/audit"
	"lector/database"
)

// Import applies incoming entries to the stored glossary in one transaction,
// all or nothing: new entries are created; an entry the file names is made
// exactly as the file says (its terms replaced; its id, which flags point
// to, kept); entries the file does not name stay, unless opts.Prune deletes
// them. Each created, changed or deleted entry gets an audit event.
//
// Callers must have checked that the user may edit the glossary. It returns
// the plan with Applied set; apperr.Conflict with the plan (listing the
// conflicts, nothing written) when the plan has any, or when opts.Expect
// is set and the plan is not the one it names (message
// error.glossary_import_changed); internal errors
// otherwise. Concurrent glossary writes wait for it: the plan is made under
// a lock, so it is what gets applied.
func Import(ctx context.Context, db *gorm.DB, incoming []Entry, opts ImportOptions) (Plan, error) {
	var plan Plan
	run := func(tx *gorm.DB, conn *sql.Conn) error {
		if err := database.LongStatements(tx); err != nil {
			return apperr.Wrap(err, "import timeouts")
		}
		// SHARE ROW EXCLUSIVE lets readers on and keeps every other writer,
		// and other imports, out until the commit.
		if err := tx.Exec("LOCK TABLE glossary_entries, glossary_terms IN SHARE ROW EXCLUSIVE MODE").Error; err != nil {
			return apperr.Wrap(err, "lock glossary")
		}
		stored, err := LoadEntries(ctx, tx)
		if err != nil {
			return err
		}
		plan = impPlan(stored, incoming, opts)
		if opts.Expect != "" && plan.Digest() != opts.Expect {
			return apperr.New(apperr.Conflict, "error.glossary_import_changed", nil)
		}
		if len(plan.Conflicts) > 0 {
			return impConflictError(plan)
		}
		// GORM's slog logger renders every statement's text, whatever the
		// level, and for batches of a thousand rows that costs more than the
		// insert; errors still come back to the caller, who logs them.
		quiet := tx.Session(&gorm.Session{Logger: tx.Logger.LogMode(logger.Silent)})
		if err := impApply(ctx, impRows{tx: quiet, conn: conn}, stored, incoming, plan, opts); err != nil {
			return err
		}
		if opts.Changed == nil || len(plan.New)+len(plan.Changed)+len(plan.Deleted) == 0 {
			return nil
		}
		return opts.Changed(ctx, tx, ReasonImport)
	}
	var err error
	if _, pooled := db.Statement.ConnPool.(*sql.DB); pooled {
		// A connection of our own, so that COPY can reach it (impRows).
		err = db.WithContext(ctx).Connection(func(c *gorm.DB) error {
			conn, _ := c.Statement.ConnPool.(*sql.Conn)
			if !impCanCopy(conn) {
				conn = nil
			}
			return c.Transaction(func(tx *gorm.DB) error { return run(tx, conn) })
		})
	} else { // the caller's transaction: a savepoint in it
		err = db.WithContext(ctx).Transaction(func(tx *gorm.DB) error { return run(tx, nil) })
	}
	if err != nil {
		return plan, err
	}
	plan.Applied = true
	return plan, nil
}

// impConflictError is the error of a refused import.
func impConflictError(p Plan) error {
	return apperr.New(apperr.Conflict, "error.glossary_import_conflicts", map[string]any{
		"Count": len(p.Conflicts), "Conflicts": p.Conflicts,
	})
}

// impApply writes a conflict-free plan.
func impApply(ctx context.Context, w impRows, stored, incoming []Entry, plan Plan, opts ImportOptions) error {
	byKey := make(map[string]*Entry, len(stored))
	for i := range stored {
		byKey[stored[i].Key] = &stored[i]
	}
	inByKey := make(map[string]*Entry, len(incoming))
	for i := range incoming {
		inByKey[incoming[i].Key] = &incoming[i]
	}
	now := time.Now()
	var events []audit.Event
	event := func(id int64, action string, detail any) error {
		raw, err := json.Marshal(detail)
		if err != nil {
			return apperr.Wrap(err, "audit detail")
		}
		events = append(events, audit.Event{At: now, ActorID: opts.ActorID, SubjectType: "glossary_entry",
			SubjectID: id, Action: action, Detail: raw})
		return nil
	}

	// New entries, then all their terms: two batched inserts, not one per entry.
	created := make([]Entry, 0, len(plan.New))
	for _, key := range plan.New {
		in := inByKey[key]
		created = append(created, Entry{Key: in.Key, Type: in.Type, Note: in.Note, CreatedAt: now, UpdatedAt: now})
	}
	if err := w.entries(ctx, created); err != nil {
		return err
	}
	var terms []Term
	for i := range created {
		terms = impAppendTerms(terms, created[i].ID, inByKey[created[i].Key].Terms)
		if err := event(created[i].ID, "import.create", map[string]any{"key": created[i].Key}); err != nil {
			return err
		}
	}

	// Changed entries keep their row and id; their terms are replaced, which
	// also sidesteps the one-preferred index while a preferred form moves.
	ids := make([]int64, 0, len(plan.Changed))
	rows := make([][]any, 0, len(plan.Changed))
	for _, c := range plan.Changed {
		old, in := byKey[c.Key], inByKey[c.Key]
		note := in.Note
		if opts.KeepEntryNotes {
			note = old.Note
		}
		ids = append(ids, old.ID)
		rows = append(rows, []any{old.ID, in.Type, note})
		terms = impAppendTerms(terms, old.ID, in.Terms)
		if err := event(old.ID, "import.update", c); err != nil {
			return err
		}
	}
	if err := impUpdateEntries(w.tx, rows, now); err != nil {
		return err
	}
	if err := impDeleteByID(w.tx, "DELETE FROM glossary_terms WHERE entry_id IN ?", ids); err != nil {
		return err
	}
	if err := w.terms(ctx, terms); err != nil {
		return err
	}

	deleted := make([]int64, 0, len(plan.Deleted))
	for _, key := range plan.Deleted {
		deleted = append(deleted, byKey[key].ID)
		if err := event(byKey[key].ID, "import.delete", map[string]any{"key": key}); err != nil {
			return err
		}
	}
	if err := impDeleteByID(w.tx, "DELETE FROM glossary_entries WHERE id IN ?", deleted); err != nil {
		return err
	}
	return w.events(ctx, events)
}

// impAppendTerms copies terms for entry id, dropping ids a caller may have set.
func impAppendTerms(dst []Term, id int64, terms []Term) []Term {
	for _, t := range terms {
		t.ID, t.EntryID = 0, id
		dst = append(dst, t)
	}
	return dst
}

// impUpdateEntries sets type and note of entries, rows of (id, type, note),
// with one UPDATE ... FROM (VALUES ...) per batch.
func impUpdateEntries(tx *gorm.DB, rows [][]any, now time.Time) error {
	for start := 0; start < len(rows); start += impBatch {
		batch := rows[start:min(start+impBatch, len(rows))]
		args := make([]any, 0, 3*len(batch)+1)
		args = append(args, now)
		values := make([]string, len(batch))
		for i, r := range batch {
			values[i] = "(?::bigint, ?::text, ?::text)"
			args = append(args, r...)
		}
		sql := fmt.Sprintf(`UPDATE glossary_entries AS e SET type = v.type, note = v.note, updated_at = ?
			FROM (VALUES %s) AS v (id, type, note) WHERE e.id = v.id`, strings.Join(values, ", "))
		if err := tx.Exec(sql, args...).Error; err != nil {
			return apperr.Wrap(err, "update glossary entries")
		}
	}
	return nil
}

// impDeleteByID runs sql, whose one parameter is an id list, in batches.
func impDeleteByID(tx *gorm.DB, sql string, ids []int64) error {
	for start := 0; start < len(ids); start += impBatch * 10 {
		if err := tx.Exec(sql, ids[start:min(start+impBatch*10, len(ids))]).Error; err != nil {
			return apperr.Wrap(err, "delete from the glossary")
		}
	}
	return nil
}
