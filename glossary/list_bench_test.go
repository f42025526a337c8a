package glossary

import (
	"context"
	"testing"

	"gorm.io/gorm"
)

// listBenchWorld is a glossary of 100,000 generated entries (impGenerate)
// and 100,000 open proposals on them, each with 1 to 7 pieces of evidence
// (400,000 in all).
func listBenchWorld(b *testing.B) (*gorm.DB, []Entry) {
	b.Helper()
	db, entries := impImported(b, 100_000)
	err := db.Exec(`WITH p AS (
	INSERT INTO glossary_proposals (kind, entry_id, lang, form)
	SELECT CASE WHEN e.n % 3 = 0 THEN 'add_deprecated' WHEN e.n % 3 = 1 THEN 'downgrade' ELSE 'remove' END, e.id,
	       CASE WHEN e.n % 2 = 0 THEN 'de' ELSE 'ru' END, 'Wrong ' || e.key
	FROM (SELECT id, key, row_number() OVER (ORDER BY id) AS n FROM glossary_entries) e RETURNING id, form)
INSERT INTO glossary_proposal_evidence (proposal_id, text, start_offset, end_offset)
SELECT p.id, p.form || ' seen', 0, length(p.form) FROM p, generate_series(1, 1 + p.id::int % 7)`).Error
	if err != nil {
		b.Fatal(err)
	}
	// As autovacuum leaves a table: statistics, and a visibility map for
	// index-only scans.
	if err := db.Exec("VACUUM ANALYZE").Error; err != nil {
		b.Fatal(err)
	}
	return db, entries
}

// BenchmarkGlossaryLists: one page of the glossary list and of the
// proposals queue at 100,000 rows each: the keyset pages (the first, one
// in the middle by its cursor, with a search, with filters), each with
// every query the page's handler makes, beside the queries the pages made
// before (the list by OFFSET, whose page links stopped at entry 10,000; the
// queue's 200 proposals ranked by evidence counted per proposal).
//
//	go test ./glossary -run '^$' -bench BenchmarkGlossaryLists -benchtime 20x -count 3
func BenchmarkGlossaryLists(b *testing.B) {
	db, entries := listBenchWorld(b)
	ctx := context.Background()
	mid := entries[50_000].Key
	var midID int64
	var midUpdated int64
	if err := db.Raw(`SELECT id, (extract(epoch FROM updated_at) * 1000000)::bigint FROM glossary_entries WHERE key = ?`, mid).
		Row().Scan(&midID, &midUpdated); err != nil {
		b.Fatal(err)
	}
	var midProposal struct {
		ID            int64
		EvidenceCount int64
	}
	if err := db.Raw(`SELECT id, evidence_count FROM glossary_proposals ORDER BY evidence_count DESC, id DESC OFFSET 50000 LIMIT 1`).
		Scan(&midProposal).Error; err != nil {
		b.Fatal(err)
	}
	prefix := entries[50_000].Terms[0].Form[:3]
	old := func(q Query) func(b *testing.B) {
		q.Limit, q.MaxCount = 50, pageMaxCount
		return func(b *testing.B) {
			if rows, _, err := SearchEntries(ctx, db, q); err != nil || len(rows) == 0 {
				b.Fatal(len(rows), err)
			}
		}
	}
	// page is everything the list page's handler asks the database.
	page := func(q Query, p listPaging) func(b *testing.B) {
		q.MaxCount = pageMaxCount
		return func(b *testing.B) {
			rows, err := pageEntries(ctx, db, q, p)
			if err != nil || len(rows) == 0 {
				b.Fatal(len(rows), err)
			}
			if _, err := countEntries(ctx, db, q); err != nil {
				b.Fatal(err)
			}
			if _, err := TermLanguages(ctx, db); err != nil {
				b.Fatal(err)
			}
		}
	}
	proposals := func(q ProposalQuery, p listPaging) func(b *testing.B) {
		return func(b *testing.B) {
			rows, err := pageProposals(ctx, db, q, p)
			if err != nil || len(rows) == 0 {
				b.Fatal(len(rows), err)
			}
			if _, err := TermLanguages(ctx, db); err != nil {
				b.Fatal(err)
			}
			if _, err := countOpenProposalsUpTo(ctx, db, NavCountMax+1); err != nil { // the nav's count
				b.Fatal(err)
			}
		}
	}
	open := ProposalQuery{Status: ProposalOpen}
	for _, c := range []struct {
		name string
		run  func(b *testing.B)
	}{
		{"entries/old-offset-first", old(Query{})},
		{"entries/old-offset-10000", old(Query{Offset: 9_950})},
		{"entries/old-offset-50000", old(Query{Offset: 50_000})},
		{"entries/first-page", page(Query{}, listPaging{Sort: EntrySortKey})},
		{"entries/middle-page", page(Query{}, listPaging{Sort: EntrySortKey, After: &listCursor{S: mid, ID: midID}})},
		{"entries/middle-before", page(Query{}, listPaging{Sort: EntrySortKey, Before: &listCursor{S: mid, ID: midID}})},
		{"entries/updated-middle", page(Query{}, listPaging{Sort: EntrySortUpdated, After: &listCursor{N: midUpdated, ID: midID}})},
		{"entries/search", page(Query{Q: prefix}, listPaging{Sort: EntrySortKey})},
		{"entries/lang-status-type", page(Query{Lang: "en", Status: Admitted, Type: "person"}, listPaging{Sort: EntrySortKey})},
		{"proposals/old-first-200", func(b *testing.B) {
			if rows, err := ListProposals(ctx, db, ProposalOpen); err != nil || len(rows) == 0 {
				b.Fatal(len(rows), err)
			}
		}},
		{"proposals/first-page", proposals(open, listPaging{Sort: ProposalSortEvidence})},
		{"proposals/middle-page", proposals(open, listPaging{Sort: ProposalSortEvidence,
			After: &listCursor{N: midProposal.EvidenceCount, ID: midProposal.ID}})},
		{"proposals/newest-middle", proposals(open, listPaging{Sort: ProposalSortNewest, After: &listCursor{ID: midProposal.ID}})},
		{"proposals/search", proposals(ProposalQuery{Status: ProposalOpen, Q: "wrong " + mid[:len(mid)-2]}, listPaging{Sort: ProposalSortEvidence})},
		{"proposals/lang-kind", proposals(ProposalQuery{Status: ProposalOpen, Lang: "de", Kind: ProposeRemove}, listPaging{Sort: ProposalSortEvidence})},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				c.run(b)
			}
		})
	}
}
