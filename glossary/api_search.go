package glossary

import (
	"context"
	"strings"
	"time"

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
// each with all its terms, and how many it selects in all (the API's
// paging, by offset).
func SearchEntries(ctx context.Context, db *gorm.DB, q Query) ([]Entry, int64, error) {
	total, err := countEntries(ctx, db, q)
	if err != nil {
		return nil, 0, err
	}
	entries := []Entry{}
	err = entryFilter(ctx, db, q).Preload("Terms", func(t *gorm.DB) *gorm.DB { return t.Order("id") }).
		Order("key").Limit(q.Limit).Offset(q.Offset).Find(&entries).Error
	if err != nil {
		return nil, 0, apperr.Wrap(err, "search glossary")
	}
	return entries, total, nil
}

// countEntries counts the entries q selects, up to q.MaxCount+1 when q
// says so (see Query).
func countEntries(ctx context.Context, db *gorm.DB, q Query) (int64, error) {
	var total int64
	counted := entryFilter(ctx, db, q)
	if q.MaxCount > 0 && q.Q == "" {
		counted = db.WithContext(ctx).Table("(?) AS selected", entryFilter(ctx, db, q).Select("1").Limit(q.MaxCount+1))
	}
	if err := counted.Count(&total).Error; err != nil {
		return 0, apperr.Wrap(err, "count glossary entries")
	}
	return total, nil
}

// entryFilter selects the entries q's search and filters select.
func entryFilter(ctx context.Context, db *gorm.DB, q Query) *gorm.DB {
	base := db.WithContext(ctx).Model(&Entry{})
	if q.Type != "" {
		base = base.Where("type = ?", q.Type)
	}
	if q.Q != "" || q.Lang != "" || q.Status != "" {
		sub := db.Table("glossary_terms AS t").Select("t.entry_id")
		if q.Q != "" {
			cond, args := apiPrefixCond("lower(t.form)", strings.ToLower(q.Q))
			sub = sub.Where(cond, args...)
		}
		if q.Lang != "" {
			sub = sub.Where("t.lang = ?", q.Lang)
		}
		if q.Status != "" {
			sub = sub.Where("t.status = ?", q.Status)
		}
		if q.Q != "" {
			// The terms a search matches are found first, on the prefix
			// index, and looked up as a set: OFFSET 0 keeps PostgreSQL
			// from walking entries in key order and probing each, which
			// read 18,000 entries to fill a page of a 258-match search.
			base = base.Where("glossary_entries.id IN (?)", sub.Offset(0))
		} else {
			base = base.Where("EXISTS (?)", sub.Where("t.entry_id = glossary_entries.id"))
		}
	}
	return base
}

// Entry list orders: by key, or the latest changed first.
const (
	EntrySortKey     = "key"
	EntrySortUpdated = "updated"
)

var entrySorts = []listSort{{EntrySortKey, 's'}, {EntrySortUpdated, 'n'}}

// pageEntries returns the entries of one keyset page of the list (q's
// search and filters; q.Limit and q.Offset are not read), listPageSize+1
// of them when there are more, in the page's reading direction.
func pageEntries(ctx context.Context, db *gorm.DB, q Query, p listPaging) ([]Entry, error) {
	col, unique, val := "glossary_entries.key", true, func(c listCursor) any { return c.S }
	if p.Sort == EntrySortUpdated {
		col, unique, val = "glossary_entries.updated_at", false, func(c listCursor) any { return time.UnixMicro(c.N) }
	}
	where, args, order := p.keyset(col, "glossary_entries.id", p.Sort == EntrySortKey, unique, val)
	entries := []Entry{}
	err := entryFilter(ctx, db, q).Where(where, args...).Preload("Terms", func(t *gorm.DB) *gorm.DB { return t.Order("id") }).
		Order(order).Limit(listPageSize + 1).Find(&entries).Error
	if err != nil {
		return nil, apperr.Wrap(err, "glossary page")
	}
	return entries, nil
}

// entryCursor is entry e's cursor under sort.
func entryCursor(sort string) func(pageListRow) listCursor {
	return func(r pageListRow) listCursor {
		if sort == EntrySortUpdated {
			return listCursor{N: r.UpdatedAt.UnixMicro(), ID: r.ID}
		}
		return listCursor{S: r.Key, ID: r.ID}
	}
}

// apiPrefixCond is the condition that col starts with s, for an index
// with text_pattern_ops: a range the index reads, stated with the
// operators of that class so that it holds in a prepared statement's
// generic plan too (where a LIKE with a parameter reads every row), and
// the LIKE that makes it exact.
func apiPrefixCond(col, s string) (string, []any) {
	return col + " ~>=~ ? AND " + col + " ~<~ ? AND " + col + ` LIKE ? ESCAPE '\'`,
		[]any{s, s + "\U0010FFFF", apiLikePrefix(s)}
}

// apiLikePrefix is a LIKE pattern for strings starting with s.
func apiLikePrefix(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s) + "%"
}
