package glossary

import (
	"context"

	"gorm.io/gorm"

	"lector/apperr"
)

// LoadEntries returns every entry with its terms, in id order; the matcher
// is built from it.
func LoadEntries(ctx context.Context, db *gorm.DB) ([]Entry, error) {
	var entries []Entry
	err := db.WithContext(ctx).Preload("Terms", func(tx *gorm.DB) *gorm.DB { return tx.Order("id") }).
		Order("id").Find(&entries).Error
	if err != nil {
		return nil, apperr.Wrap(err, "load glossary")
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
