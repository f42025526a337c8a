package glossary

import (
	"context"
	"testing"
)

// BenchmarkPageSearch100k: one page of the glossary list on a
// 100,000-entry glossary, for the queries the list page sends: SearchEntries
// (the API's page by offset, with its exact count, and with the list page's
// capped one) and the list page's own keyset page with its capped count
// (list-page, and list-page-10000 with the cap every list had before
// filtered lists stopped at filteredMaxCount). Each runs without the filter
// indexes of migration 00027 (terms by language, status and entry; entries
// by type and key) and with them.
//
//	go test ./glossary -run '^$' -bench 'BenchmarkPageSearch100k/.*/.*/(capped|list-page.*)' -benchtime 20x -count 3
func BenchmarkPageSearch100k(b *testing.B) {
	ctx := context.Background()
	db, entries := impImported(b, 100_000)
	prefix := entries[50_000].Terms[0].Form[:3]
	cases := []struct {
		name string
		q    Query
	}{
		{"all", Query{}},
		{"page-100", Query{Offset: 4_950}},
		{"prefix", Query{Q: prefix}},
		{"prefix-long", Query{Q: entries[50_000].Terms[0].Form}},
		{"lang", Query{Lang: "de"}},
		{"status", Query{Status: Admitted}},
		{"type", Query{Type: "place"}},
		{"lang-status", Query{Lang: "en", Status: Deprecated}},
		{"lang-status-type", Query{Lang: "en", Status: Admitted, Type: "person"}},
		{"prefix-type-lang", Query{Q: prefix, Type: "person", Lang: "de"}},
	}
	for _, phase := range []struct{ name, ddl string }{
		{"without-00027", `DROP INDEX glossary_terms_lang_status_entry_idx; DROP INDEX glossary_entries_type_key_idx`},
		{"with-00027", `CREATE INDEX glossary_terms_lang_status_entry_idx ON glossary_terms (lang, status, entry_id);
CREATE INDEX glossary_entries_type_key_idx ON glossary_entries (type, key) INCLUDE (id)`},
	} {
		// As autovacuum leaves the tables: statistics, and a visibility
		// map for index-only scans.
		for _, q := range []string{phase.ddl, "VACUUM ANALYZE glossary_entries, glossary_terms"} {
			if err := db.Exec(q).Error; err != nil {
				b.Fatalf("%s: %v", q, err)
			}
		}
		for _, tc := range cases {
			tc.q.Limit = apiDefaultLimit
			// exact: the API's count; capped: the list page's.
			for _, count := range []struct {
				name string
				max  int
			}{{"exact", 0}, {"capped", pageMaxCount}} {
				q := tc.q
				q.MaxCount = count.max
				b.Run(phase.name+"/"+tc.name+"/"+count.name, func(b *testing.B) {
					for b.Loop() {
						if _, _, err := SearchEntries(ctx, db, q); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
			if tc.q.Offset > 0 {
				continue // the list page pages by cursor
			}
			// list-page: the list page as it counts now (filtered lists up
			// to filteredMaxCount); list-page-10000: every list up to
			// pageMaxCount, as it counted before.
			for _, v := range []struct {
				name string
				max  int
			}{{"list-page", pageCap(tc.q)}, {"list-page-10000", pageMaxCount}} {
				b.Run(phase.name+"/"+tc.name+"/"+v.name, func(b *testing.B) {
					q := tc.q
					q.MaxCount = v.max
					for b.Loop() {
						if rows, err := pageEntries(ctx, db, q, listPaging{Sort: EntrySortKey}); err != nil || len(rows) == 0 {
							b.Fatal(len(rows), err)
						}
						if _, err := countEntries(ctx, db, q); err != nil {
							b.Fatal(err)
						}
					}
				})
			}
		}
	}
}
