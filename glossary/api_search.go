package glossary

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"lector/apperr"
)

// Search paging bounds.
const (
	apiDefaultLimit = 50
	apiMaxLimit     = 500
)

// Query selects entries: Q matches the start of any form in any language,
// ignoring case; Lang and Status keep entries with such a term (with Q: the
// matching term must have them); Type is the entry type.
type Query struct {
	Q, Lang, Type string
	Status        Status
	Limit, Offset int
	// MaxCount, when above 0 and Q is empty, stops counting there: the
	// total is at most MaxCount+1, which means "more than MaxCount". An
	// exact count must visit every entry a broad filter selects; a page
	// need not. A search by Q is counted exactly: the prefix index narrows
	// it first, and a LIMIT there steers PostgreSQL to probing every entry
	// (BenchmarkPageSearch100k measures both).
	MaxCount int
}

// SearchEntries returns one page of the entries q selects, in key order,
// each with all its terms, and how many it selects in all.
func SearchEntries(ctx context.Context, db *gorm.DB, q Query) ([]Entry, int64, error) {
	base := db.WithContext(ctx).Model(&Entry{})
	if q.Type != "" {
		base = base.Where("type = ?", q.Type)
	}
	if q.Q != "" || q.Lang != "" || q.Status != "" {
		// lower(form) is what glossary_terms_form_idx indexes.
		sub := db.Table("glossary_terms AS t").Select("1").Where("t.entry_id = glossary_entries.id")
		if q.Q != "" {
			sub = sub.Where(`lower(t.form) LIKE ? ESCAPE '\'`, apiLikePrefix(strings.ToLower(q.Q)))
		}
		if q.Lang != "" {
			sub = sub.Where("t.lang = ?", q.Lang)
		}
		if q.Status != "" {
			sub = sub.Where("t.status = ?", q.Status)
		}
		base = base.Where("EXISTS (?)", sub)
	}
	var total int64
	counted := base.Session(&gorm.Session{})
	if q.MaxCount > 0 && q.Q == "" {
		counted = db.WithContext(ctx).Table("(?) AS selected", base.Session(&gorm.Session{}).Select("1").Limit(q.MaxCount+1))
	}
	if err := counted.Count(&total).Error; err != nil {
		return nil, 0, apperr.Wrap(err, "count glossary entries")
	}
	entries := []Entry{}
	err := base.Session(&gorm.Session{}).Preload("Terms", func(t *gorm.DB) *gorm.DB { return t.Order("id") }).
		Order("key").Limit(q.Limit).Offset(q.Offset).Find(&entries).Error
	if err != nil {
		return nil, 0, apperr.Wrap(err, "search glossary")
	}
	return entries, total, nil
}

// apiLikePrefix is a LIKE pattern for strings starting with s.
func apiLikePrefix(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s) + "%"
}
