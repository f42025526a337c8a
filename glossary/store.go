package glossary

import (
	"context"

	"gorm.io/gorm"

	"lector/apperr"
)

// LoadEntries returns every entry with its terms, in id order; the matcher
// is built from it. Two plain queries, not GORM's Preload: Preload sends the
// entry ids as bind parameters, and PostgreSQL's protocol takes at most
// 65,535 of them, which a large glossary passes.
func LoadEntries(ctx context.Context, db *gorm.DB) ([]Entry, error) {
	var entries []Entry
	if err := db.WithContext(ctx).Order("id").Find(&entries).Error; err != nil {
		return nil, apperr.Wrap(err, "load glossary")
	}
	var terms []Term
	if err := db.WithContext(ctx).Order("entry_id, id").Find(&terms).Error; err != nil {
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
