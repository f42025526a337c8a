package migrations_test

import (
	"strings"
	"testing"

	"lector/database/dbtest"
)

// unindexedFKs lists the foreign keys whose columns lead no index: deleting
// a referenced row (or joining on the key) then reads the whole referencing
// table, which made deleting one large article take 13 minutes when
// version_segments.segment_id had none.
const unindexedFKs = `
SELECT c.conrelid::regclass::text AS tbl, c.conname AS name,
       string_agg(a.attname, ', ' ORDER BY k.n) AS cols
FROM pg_constraint c
CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
WHERE c.contype = 'f'
  AND c.connamespace = 'public'::regnamespace
  AND NOT EXISTS (
    SELECT 1 FROM pg_index i
    WHERE i.indrelid = c.conrelid
      AND i.indpred IS NULL
      AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
      AND (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
GROUP BY c.conrelid, c.conname
ORDER BY 1, 2`

func TestEveryForeignKeyHasAnIndex(t *testing.T) {
	db := dbtest.New(t)
	var rows []struct{ Tbl, Name, Cols string }
	if err := db.Raw(unindexedFKs).Scan(&rows).Error; err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, r := range rows {
		missing = append(missing, r.Tbl+" ("+r.Cols+") for "+r.Name)
	}
	if len(missing) > 0 {
		t.Errorf("foreign keys without an index leading with their columns:\n  %s", strings.Join(missing, "\n  "))
	}
	// The query must see the foreign keys it checks, or it proves nothing.
	var n int
	if err := db.Raw(`SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`).
		Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	if n < 20 {
		t.Errorf("found only %d foreign keys; the catalog query is wrong", n)
	}
}
