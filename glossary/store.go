package glossary

import (
	"context"
	"database/sql"

	"gorm.io/gorm"

	"lector/apperr"
)

// LoadEntries returns every entry with its terms, in id order; the matcher
// is built from it. Two plain queries, not GORM's Preload: Preload sends the
// entry ids as bind parameters, and PostgreSQL's protocol takes at most
// 65,535 of them, which a large glossary passes. The rows are scanned by
// hand: for hundreds of thousands of terms GORM's reflection costs more
// than the query.
func LoadEntries(ctx context.Context, db *gorm.DB) ([]Entry, error) {
	db = db.WithContext(ctx)
	entries, err := storeScan(db, "SELECT id, key, type, note, revision, created_at, updated_at FROM glossary_entries ORDER BY id",
		func(rows *sql.Rows, e *Entry) error {
			return rows.Scan(&e.ID, &e.Key, &e.Type, &e.Note, &e.Revision, &e.CreatedAt, &e.UpdatedAt)
		})
	if err != nil {
		return nil, apperr.Wrap(err, "load glossary")
	}
	terms, err := storeScan(db, `SELECT id, entry_id, lang, form, status, case_sensitive, note, source
		FROM glossary_terms ORDER BY entry_id, id`,
		func(rows *sql.Rows, t *Term) error {
			return rows.Scan(&t.ID, &t.EntryID, &t.Lang, &t.Form, &t.Status, &t.CaseSensitive, &t.Note, &t.Source)
		})
	if err != nil {
		return nil, apperr.Wrap(err, "load glossary terms")
	}
	// Both lists are in entry id order, so one merge pass joins them; the
	// terms of an entry share one backing array with the others'.
	i := 0
	for start := 0; start < len(terms); {
		end := start + 1
		for end < len(terms) && terms[end].EntryID == terms[start].EntryID {
			end++
		}
		for i < len(entries) && entries[i].ID < terms[start].EntryID {
			i++
		}
		if i < len(entries) && entries[i].ID == terms[start].EntryID {
			entries[i].Terms = terms[start:end:end]
		}
		start = end
	}
	return entries, nil
}

// storeScan runs query and scans every row into a new T.
func storeScan[T any](db *gorm.DB, query string, scan func(*sql.Rows, *T) error) ([]T, error) {
	rows, err := db.Raw(query).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		var v T
		if err := scan(rows, &v); err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// CountEntries returns how many entries the glossary holds.
func CountEntries(ctx context.Context, db *gorm.DB) (int64, error) {
	var n int64
	if err := db.WithContext(ctx).Model(&Entry{}).Count(&n).Error; err != nil {
		return 0, apperr.Wrap(err, "count glossary entries")
	}
	return n, nil
}

// CreateEntries stores new entries with their terms; call it inside the
// caller's transaction so an import is all or nothing.
func CreateEntries(ctx context.Context, tx *gorm.DB, entries []Entry) error {
	if len(entries) == 0 {
		return nil
	}
	if err := tx.WithContext(ctx).CreateInBatches(entries, 500).Error; err != nil {
		return apperr.Wrap(err, "create glossary entries")
	}
	return nil
}
