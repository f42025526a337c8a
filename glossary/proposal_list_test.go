package glossary

import (
	"context"
	"fmt"
	"testing"

	"gorm.io/gorm"

	"lector/database/dbtest"
)

// proposalWorld stores n open proposals on one entry: proposal i (from 0)
// proposes the form "Form i" in German when i is even, else in Russian,
// with 1 + i%7 pieces of evidence, so that evidence counts tie often.
func proposalWorld(t *testing.T, n int) *gorm.DB {
	t.Helper()
	db := dbtest.New(t)
	ctx := context.Background()
	e, err := SaveEntry(ctx, db, 0, Entry{Key: "musk", Type: "person",
		Terms: []Term{{Lang: "en", Form: "Elon Musk", Status: Preferred}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Exec(`WITH p AS (
	INSERT INTO glossary_proposals (kind, entry_id, lang, form)
	SELECT CASE WHEN i % 3 = 0 THEN 'add_deprecated' WHEN i % 3 = 1 THEN 'downgrade' ELSE 'remove' END, ?,
	       CASE WHEN i % 2 = 0 THEN 'de' ELSE 'ru' END, 'Form ' || i
	FROM generate_series(0, ? - 1) i RETURNING id, form)
INSERT INTO glossary_proposal_evidence (proposal_id, text, start_offset, end_offset)
SELECT p.id, p.form || ' seen', 0, length(p.form) FROM p,
	generate_series(1, 1 + substr(p.form, 6)::int % 7)`, e.ID, n).Error
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// TestProposalEvidenceCountTrigger: the count the queue sorts by follows
// the evidence rows as they come and go.
func TestProposalEvidenceCountTrigger(t *testing.T) {
	db := proposalWorld(t, 10)
	count := func() (mismatched int64) {
		t.Helper()
		if err := db.Raw(`SELECT count(*) FROM glossary_proposals p
			WHERE p.evidence_count <> (SELECT count(*) FROM glossary_proposal_evidence v WHERE v.proposal_id = p.id)`).Scan(&mismatched).Error; err != nil {
			t.Fatal(err)
		}
		return mismatched
	}
	if n := count(); n != 0 {
		t.Fatalf("%d proposals miscount their evidence after inserts", n)
	}
	if err := db.Exec(`DELETE FROM glossary_proposal_evidence WHERE id IN (SELECT min(id) FROM glossary_proposal_evidence GROUP BY proposal_id)`).Error; err != nil {
		t.Fatal(err)
	}
	var total int64
	db.Raw(`SELECT sum(evidence_count) FROM glossary_proposals`).Scan(&total)
	if n := count(); n != 0 || total != 34-10 { // 10 + (0+1+…+6) + (0+1+2) pieces, one less each
		t.Fatalf("after deleting one piece each: %d miscounted, %d in all, want 24", n, total)
	}
}

// TestProposalPages: walking the pages forwards, then backwards, under
// every order and with filters, visits each selected proposal once, in
// order, whatever the ties.
func TestProposalPages(t *testing.T) {
	const n = 130
	db := proposalWorld(t, n)
	ctx := context.Background()
	cases := []struct {
		name string
		q    ProposalQuery
		sort string
		want int
	}{
		{"evidence", ProposalQuery{Status: ProposalOpen}, ProposalSortEvidence, n},
		{"newest", ProposalQuery{Status: ProposalOpen}, ProposalSortNewest, n},
		{"oldest", ProposalQuery{Status: ProposalOpen}, ProposalSortOldest, n},
		{"german", ProposalQuery{Status: ProposalOpen, Lang: "de"}, ProposalSortEvidence, n / 2},
		{"kind", ProposalQuery{Status: ProposalOpen, Kind: ProposeDowngrade}, ProposalSortOldest, n / 3},
		{"form prefix", ProposalQuery{Status: ProposalOpen, Q: "form 1"}, ProposalSortEvidence, 1 + 10 + 30}, // 1, 10–19, 100–129
		{"accepted", ProposalQuery{Status: ProposalAccepted}, ProposalSortEvidence, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var forward []ProposalView
			p := listPaging{Sort: c.sort}
			for pages := 0; ; pages++ {
				if pages > n {
					t.Fatal("the pages do not end")
				}
				rows, err := pageProposals(ctx, db, c.q, p)
				if err != nil {
					t.Fatal(err)
				}
				rows, pager := listWindow(rows, p, "/glossary/proposals", c.q.params(c.sort), proposalCursor(c.sort))
				forward = append(forward, rows...)
				if len(rows) == 0 || len(rows) < listPageSize {
					break
				}
				last := proposalCursor(c.sort)(rows[len(rows)-1])
				p = listPaging{Sort: c.sort, After: &last}
				if pager.Next == "" {
					break
				}
			}
			if len(forward) != c.want {
				t.Fatalf("%d proposals over the pages, want %d", len(forward), c.want)
			}
			seen := map[int64]bool{}
			for i, v := range forward {
				if seen[v.ID] {
					t.Fatalf("proposal %d twice", v.ID)
				}
				seen[v.ID] = true
				if c.q.Lang != "" && v.Lang != c.q.Lang || c.q.Kind != "" && v.Kind != c.q.Kind {
					t.Errorf("proposal %d (%s, %s) passed the filters", v.ID, v.Lang, v.Kind)
				}
				if i == 0 {
					continue
				}
				prev := forward[i-1]
				ordered := map[string]bool{
					ProposalSortEvidence: prev.EvidenceCount > v.EvidenceCount || prev.EvidenceCount == v.EvidenceCount && prev.ID > v.ID,
					ProposalSortNewest:   prev.ID > v.ID,
					ProposalSortOldest:   prev.ID < v.ID,
				}[c.sort]
				if !ordered {
					t.Fatalf("row %d (%d, %d evidence) after (%d, %d)", i, v.ID, v.EvidenceCount, prev.ID, prev.EvidenceCount)
				}
			}
			if len(forward) > 0 && len(forward[0].Evidence) != min(forward[0].EvidenceCount, proposalEvidenceShow) {
				t.Errorf("the first proposal shows %d pieces of evidence of %d", len(forward[0].Evidence), forward[0].EvidenceCount)
			}
			// Backwards from the last row: the page before it ends where
			// the walk forwards had it.
			if len(forward) > listPageSize {
				last := proposalCursor(c.sort)(forward[len(forward)-1])
				rows, err := pageProposals(ctx, db, c.q, listPaging{Sort: c.sort, Before: &last})
				if err != nil {
					t.Fatal(err)
				}
				rows, _ = listWindow(rows, listPaging{Sort: c.sort, Before: &last}, "", nil, proposalCursor(c.sort))
				want := forward[len(forward)-1-listPageSize : len(forward)-1]
				if fmt.Sprint(ids(rows)) != fmt.Sprint(ids(want)) {
					t.Errorf("the page before the last row: %v, want %v", ids(rows), ids(want))
				}
			}
		})
	}
}

func ids(vs []ProposalView) []int64 {
	out := make([]int64, len(vs))
	for i, v := range vs {
		out[i] = v.ID
	}
	return out
}

// TestNavCountStops: the nav's count of open proposals stops at its limit.
func TestNavCountStops(t *testing.T) {
	db := proposalWorld(t, 10)
	for limit, want := range map[int]int64{5: 5, 10: 10, NavCountMax + 1: 10} {
		if n, err := countOpenProposalsUpTo(context.Background(), db, limit); err != nil || n != want {
			t.Errorf("up to %d: %d (%v), want %d", limit, n, err, want)
		}
	}
}
