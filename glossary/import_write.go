package glossary

import (
	"context"
	"database/sql"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"lector/apperr"
	"lector/audit"
)

// impBatch is the rows per INSERT: 1,000 terms of 7 columns stay well under
// PostgreSQL's 65,535 bind parameters.
const impBatch = 1000

// impRows writes the rows of an import in bulk, inside the import's
// transaction: with COPY when the connection is pgx's, else with batched
// INSERTs (when the caller passed a transaction of its own, whose
// connection database/sql does not hand out).
type impRows struct {
	tx   *gorm.DB
	conn *sql.Conn // nil: no COPY
}

// impCanCopy reports whether conn is a pgx connection, which can COPY.
func impCanCopy(conn *sql.Conn) bool {
	if conn == nil {
		return false
	}
	return conn.Raw(func(dc any) error {
		if _, ok := dc.(*stdlib.Conn); !ok {
			return errors.ErrUnsupported
		}
		return nil
	}) == nil
}

// copy runs COPY FROM on the connection the transaction runs on: database/sql
// lets Raw at the driver connection while the transaction is open, and the
// server sees one session.
func (w impRows) copy(ctx context.Context, table string, columns []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	return w.conn.Raw(func(dc any) error {
		_, err := dc.(*stdlib.Conn).Conn().CopyFrom(ctx, pgx.Identifier{table}, columns, pgx.CopyFromRows(rows))
		return err
	})
}

// insertUnlessCopy stores items with batched INSERTs on db when the import
// cannot COPY (what names the step in an error); done is false when it
// leaves them to the caller's COPY, true when nothing is left to store.
func insertUnlessCopy[T any](w impRows, db *gorm.DB, items []T, what string) (done bool, err error) {
	if len(items) == 0 {
		return true, nil
	}
	if w.conn != nil {
		return false, nil
	}
	if err := db.CreateInBatches(items, impBatch).Error; err != nil {
		return true, apperr.Wrap(err, what)
	}
	return true, nil
}

// entries stores new entries (without their terms) and sets their ids.
func (w impRows) entries(ctx context.Context, entries []Entry) error {
	if done, err := insertUnlessCopy(w, w.tx.Omit(clause.Associations), entries, "create glossary entries"); done {
		return err
	}
	// COPY returns no ids, so they are taken from the sequence first.
	var ids []int64
	err := w.tx.Raw("SELECT nextval(pg_get_serial_sequence('glossary_entries', 'id')) FROM generate_series(1, ?)", len(entries)).
		Scan(&ids).Error
	if err != nil || len(ids) != len(entries) {
		return apperr.Wrap(errors.Join(err, errors.New("short id list")), "reserve glossary entry ids")
	}
	rows := make([][]any, len(entries))
	for i := range entries {
		e := &entries[i]
		e.ID = ids[i]
		rows[i] = []any{e.ID, e.Key, e.Type, e.Note, e.CreatedAt, e.UpdatedAt}
	}
	err = w.copy(ctx, "glossary_entries", []string{"id", "key", "type", "note", "created_at", "updated_at"}, rows)
	if err != nil {
		return apperr.Wrap(err, "copy glossary entries")
	}
	return nil
}

// terms stores terms whose EntryID is set.
func (w impRows) terms(ctx context.Context, terms []Term) error {
	if done, err := insertUnlessCopy(w, w.tx, terms, "create glossary terms"); done {
		return err
	}
	rows := make([][]any, len(terms))
	for i, t := range terms {
		rows[i] = []any{t.EntryID, t.Lang, t.Form, string(t.Status), t.CaseSensitive, t.Note, t.Source}
	}
	rebuild, err := w.dropSearchIndexes(len(terms))
	if err != nil {
		return err
	}
	err = w.copy(ctx, "glossary_terms", []string{"entry_id", "lang", "form", "status", "case_sensitive", "note", "source"}, rows)
	if err != nil {
		return apperr.Wrap(err, "copy glossary terms")
	}
	for _, def := range rebuild {
		if err := w.tx.Exec(def).Error; err != nil {
			return apperr.Wrap(err, "rebuild glossary index")
		}
	}
	return nil
}

// impBulkTerms is how many new terms make an import drop the terms' search
// indexes and build them again after the COPY: one sorted build is several
// times cheaper than 100,000s of single index insertions. Below it, the
// ACCESS EXCLUSIVE lock that DROP INDEX takes (glossary reads wait until the
// import commits) is not worth it.
const impBulkTerms = 20_000

// dropSearchIndexes drops glossary_terms' indexes that enforce nothing (the
// search and filter indexes; unique ones stay, they check the rows) and its
// foreign key when n terms are about to be copied, and returns the
// statements that create them again, read from the catalog so that they
// always match the migrations.
// The drop is part of the import's transaction: a failed import keeps them.
func (w impRows) dropSearchIndexes(n int) ([]string, error) {
	if n < impBulkTerms {
		return nil, nil
	}
	var idx []struct{ Name, Def string }
	err := w.tx.Raw(`SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
WHERE i.indrelid = 'glossary_terms'::regclass AND NOT i.indisunique AND NOT i.indisprimary`).Scan(&idx).Error
	if err != nil {
		return nil, apperr.Wrap(err, "list glossary indexes")
	}
	var defs []string
	for _, x := range idx {
		if err := w.tx.Exec(`DROP INDEX ` + pgx.Identifier{x.Name}.Sanitize()).Error; err != nil {
			return nil, apperr.Wrap(err, "drop glossary index")
		}
		defs = append(defs, x.Def)
	}
	// The foreign keys too: checked row by row they cost more than the COPY
	// itself; added again, PostgreSQL checks every row in one join.
	var fks []struct{ Name, Def string }
	err = w.tx.Raw(`SELECT conname AS name, pg_get_constraintdef(oid) AS def
FROM pg_constraint WHERE conrelid = 'glossary_terms'::regclass AND contype = 'f'`).Scan(&fks).Error
	if err != nil {
		return nil, apperr.Wrap(err, "list glossary constraints")
	}
	for _, fk := range fks {
		name := pgx.Identifier{fk.Name}.Sanitize()
		if err := w.tx.Exec(`ALTER TABLE glossary_terms DROP CONSTRAINT ` + name).Error; err != nil {
			return nil, apperr.Wrap(err, "drop glossary constraint")
		}
		defs = append(defs, `ALTER TABLE glossary_terms ADD CONSTRAINT `+name+` `+fk.Def)
	}
	return defs, nil
}

// events appends audit events; they are audit.Record's rows, in bulk.
func (w impRows) events(ctx context.Context, events []audit.Event) error {
	if done, err := insertUnlessCopy(w, w.tx, events, "record glossary import"); done {
		return err
	}
	rows := make([][]any, len(events))
	for i, e := range events {
		rows[i] = []any{e.At, e.ActorID, e.SubjectType, e.SubjectID, e.Action, e.Detail}
	}
	err := w.copy(ctx, "audit_events", []string{"at", "actor_id", "subject_type", "subject_id", "action", "detail"}, rows)
	if err != nil {
		return apperr.Wrap(err, "record glossary import")
	}
	return nil
}
