package server_test

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"testing"

	"lector/account"
	"lector/database/dbtest"
	"lector/review/reviewtest"
	"lector/server/servertest"
)

// BenchmarkGlossaryListPages: the glossary list and the proposals queue
// as a glossary maintainer gets them through the server (the nav's
// proposal count, rendering and all) at 100,000 entries (300,000 terms in
// en and de) and 100,000 open proposals with 400,000 pieces of evidence.
// The store-level figures beside the old queries are BenchmarkGlossaryLists
// in package glossary.
//
//	go test ./server -run '^$' -bench BenchmarkGlossaryListPages -benchtime 20x -count 3
func BenchmarkGlossaryListPages(b *testing.B) {
	db := dbtest.New(b)
	for _, q := range []string{
		`INSERT INTO glossary_entries (key, type) SELECT 'e' || lpad(i::text, 6, '0'),
			(ARRAY['person', 'place', 'organization', 'term'])[1 + i % 4] FROM generate_series(1, 100000) i`,
		`INSERT INTO glossary_terms (entry_id, lang, form, status)
			SELECT id, 'en', 'Name ' || md5(key), 'preferred' FROM glossary_entries
			UNION ALL SELECT id, 'de', 'Name ' || md5(key), 'preferred' FROM glossary_entries
			UNION ALL SELECT id, 'en', 'Nmae ' || md5(key), 'deprecated' FROM glossary_entries`,
		`WITH p AS (INSERT INTO glossary_proposals (kind, entry_id, lang, form)
			SELECT (ARRAY['add_deprecated', 'downgrade', 'remove'])[1 + id % 3], id, (ARRAY['de', 'ru'])[1 + id % 2],
			       'Wrong ' || md5(key) FROM glossary_entries RETURNING id, form)
		 INSERT INTO glossary_proposal_evidence (proposal_id, text, start_offset, end_offset)
			SELECT p.id, p.form || ' seen', 0, length(p.form) FROM p, generate_series(1, 1 + p.id::int % 7)`,
		`VACUUM ANALYZE`,
	} {
		if err := db.Exec(q).Error; err != nil {
			b.Fatal(err)
		}
	}
	maint := reviewtest.User(b, db, "bench-maint@example.org", account.RoleGlossary)
	base, _ := servertest.Serve(b, db, nil)
	var mid struct {
		ID            int64
		EvidenceCount int64
	}
	if err := db.Raw(`SELECT id, evidence_count FROM glossary_proposals ORDER BY evidence_count DESC, id DESC OFFSET 50000 LIMIT 1`).Scan(&mid).Error; err != nil {
		b.Fatal(err)
	}
	// The cursors the pages' Next links carry (glossary/list_keyset.go).
	entryAfter := cursor(b, `{"s":"e050000","i":50000}`)
	proposalAfter := cursor(b, `{"n":`+itoa(mid.EvidenceCount)+`,"i":`+itoa(mid.ID)+`}`)
	for _, p := range []struct{ name, path string }{
		{"glossary", "/glossary"},
		{"glossary-middle", "/glossary?after=" + entryAfter},
		{"glossary-search", "/glossary?q=name+ab"},
		{"glossary-filters", "/glossary?language=en&status=deprecated&type=place"},
		{"proposals", "/glossary/proposals"},
		{"proposals-middle", "/glossary/proposals?after=" + proposalAfter},
		{"proposals-search", "/glossary/proposals?q=wrong+ab"},
		{"proposals-filters", "/glossary/proposals?language=de&kind=remove&sort=newest"},
	} {
		if status, body := reviewtest.Call(b, base, http.MethodGet, p.path, maint, ""); status != http.StatusOK {
			b.Fatalf("GET %s: %d %.300s", p.path, status, body)
		}
		b.Run(p.name, func(b *testing.B) {
			for b.Loop() {
				reviewtest.Call(b, base, http.MethodGet, p.path, maint, "")
			}
		})
	}
}

// cursor encodes a list cursor as the pages do: base64url of its JSON.
func cursor(b *testing.B, json string) string {
	b.Helper()
	return url.QueryEscape(base64.RawURLEncoding.EncodeToString([]byte(json)))
}
