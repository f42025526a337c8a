package glossary

import (
	"context"
	"testing"

	"lector/database/dbtest"
)

// BenchmarkPageSearch100k: one page of the glossary list (SearchEntries,
// the function behind /glossary and GET /api/v1/glossary/entries) on a
// 100,000-entry glossary, for the queries the list page sends.
func BenchmarkPageSearch100k(b *testing.B) {
	ctx := context.Background()
	db := dbtest.New(b)
	entries := impGenerate(100_000, 1)
	if _, err := Import(ctx, db, entries, ImportOptions{}); err != nil {
		b.Fatal(err)
	}
	if err := db.Exec("ANALYZE").Error; err != nil {
		b.Fatal(err)
	}
	prefix := entries[50_000].Terms[0].Form[:3]
	for _, tc := range []struct {
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
		{"prefix-type-lang", Query{Q: prefix, Type: "person", Lang: "de"}},
	} {
		tc.q.Limit = apiDefaultLimit
		// exact: the API's count; capped: the list page's.
		for _, count := range []struct {
			name string
			max  int
		}{{"exact", 0}, {"capped", pageMaxCount}} {
			q := tc.q
			q.MaxCount = count.max
			b.Run(tc.name+"/"+count.name, func(b *testing.B) {
				for b.Loop() {
					if _, _, err := SearchEntries(ctx, db, q); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
