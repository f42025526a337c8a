package overview

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"lector/apperr"
)

// StateDelta, FlagDelta and WrongFormDelta are the rows of the count
// tables: one delta each (N may be negative), summed per key.
type StateDelta struct {
	State string
	N     int64
}

type FlagDelta struct {
	Kind, Status string
	N            int64
}

type WrongFormDelta struct {
	Text, Entry, SourceLang, Lang string
	N                             int64
}

func (StateDelta) TableName() string     { return stateCounts.Name }
func (FlagDelta) TableName() string      { return flagCounts.Name }
func (WrongFormDelta) TableName() string { return wrongFormCounts.Name }

// countTable is one of the count tables of migration 00027: rows of
// deltas (+n, -n) that triggers append as segments and flags change, a
// count being the sum of its key's rows.
type countTable struct {
	Name string
	Keys string // the key columns, comma-separated
}

var (
	stateCounts     = countTable{"segment_state_counts", "state"}
	flagCounts      = countTable{"flag_counts", "kind, status"}
	wrongFormCounts = countTable{"wrong_form_counts", "text, entry, source_lang, lang"}
)

// foldSlack is how many rows beyond two per key a count table may hold
// before a reader folds it: below that, summing the deltas costs less than
// rewriting them.
const foldSlack = 256

// foldIfLong folds t into one row per key (dropping keys that sum to 0)
// when its deltas have piled up. Folds are serialized by an advisory lock,
// so that each one's DELETE starts after the last one's rows are in place;
// the triggers' inserts never wait for it. Codes: internal.
func foldIfLong(ctx context.Context, db *gorm.DB, t countTable) error {
	var size struct{ Rows, Keys int }
	err := db.WithContext(ctx).Raw(fmt.Sprintf(`SELECT count(*) AS rows, count(DISTINCT (%s)) AS keys FROM %s`, t.Keys, t.Name)).
		Scan(&size).Error
	if err != nil {
		return apperr.Wrap(err, "overview count size")
	}
	if size.Rows <= 2*size.Keys+foldSlack {
		return nil
	}
	err = db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Exec(`SELECT pg_advisory_xact_lock(hashtext(?))`, "lector overview "+t.Name).Error; err != nil {
			return err
		}
		return tx.Exec(fmt.Sprintf(`WITH gone AS (DELETE FROM %[1]s RETURNING %[2]s, n)
INSERT INTO %[1]s (%[2]s, n) SELECT %[2]s, sum(n) FROM gone GROUP BY %[2]s HAVING sum(n) <> 0`, t.Name, t.Keys)).Error
	})
	if err != nil {
		return apperr.Wrap(err, "overview fold counts")
	}
	return nil
}

// countedStates is every segment by state, from the kept counts.
func countedStates(ctx context.Context, db *gorm.DB) ([]stateRow, error) {
	if err := foldIfLong(ctx, db, stateCounts); err != nil {
		return nil, err
	}
	var rows []stateRow
	err := db.WithContext(ctx).Raw(`SELECT state, sum(n) AS n FROM segment_state_counts GROUP BY state HAVING sum(n) <> 0`).
		Scan(&rows).Error
	if err != nil {
		return nil, apperr.Wrap(err, "overview states")
	}
	return rows, nil
}

// countedFlags is every flag by kind and status, from the kept counts.
func countedFlags(ctx context.Context, db *gorm.DB) ([]kindRow, error) {
	if err := foldIfLong(ctx, db, flagCounts); err != nil {
		return nil, err
	}
	var rows []kindRow
	err := db.WithContext(ctx).Raw(`SELECT kind, status, sum(n) AS n FROM flag_counts GROUP BY kind, status HAVING sum(n) <> 0`).
		Scan(&rows).Error
	if err != nil {
		return nil, apperr.Wrap(err, "overview flags")
	}
	return rows, nil
}

// wrongFormRow is one form's count from one origin.
type wrongFormRow struct {
	Form, Entry, SourceLang, Lang string
	N                             int
}

// countedWrongForms is the limit most frequent wrong forms, each by
// origin, from the kept counts: the forms most first (ties by form and
// entry), each form's origins most first.
func countedWrongForms(ctx context.Context, db *gorm.DB, limit int) ([]wrongFormRow, error) {
	if err := foldIfLong(ctx, db, wrongFormCounts); err != nil {
		return nil, err
	}
	var rows []wrongFormRow
	err := db.WithContext(ctx).Raw(`
WITH c AS (
    SELECT text, entry, source_lang, lang, sum(n) AS n FROM wrong_form_counts
    GROUP BY text, entry, source_lang, lang HAVING sum(n) > 0
), top AS (
    SELECT text, entry, sum(n) AS n FROM c GROUP BY text, entry ORDER BY n DESC, text, entry LIMIT ?
)
SELECT t.text AS form, t.entry, c.source_lang, c.lang, c.n
FROM top t JOIN c ON c.text = t.text AND c.entry = t.entry
ORDER BY t.n DESC, t.text, t.entry, c.n DESC, c.source_lang, c.lang`, limit).Scan(&rows).Error
	if err != nil {
		return nil, apperr.Wrap(err, "overview wrong forms")
	}
	return rows, nil
}
