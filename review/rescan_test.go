package review_test

import (
	"context"
	"strconv"
	"testing"

	"gorm.io/gorm"

	"lector/account"
	"lector/database/dbtest"
	"lector/glossary"
	"lector/review"
	"lector/review/reviewtest"
)

// kyiv is a glossary in which "Kiev" is a known wrong form.
func kyiv() []glossary.Entry {
	return []glossary.Entry{{Key: "kyiv", Type: "place", Terms: []glossary.Term{
		{Lang: "en", Form: "Kyiv", Status: glossary.Preferred, CaseSensitive: true},
		{Lang: "en", Form: "Kiev", Status: glossary.Deprecated, CaseSensitive: true},
	}}}
}

// flagCounts returns a segment's flags by status.
func flagCounts(t *testing.T, db *gorm.DB, segID int64) map[string]int {
	t.Helper()
	var flags []review.Flag
	if err := db.Where("segment_id = ?", segID).Find(&flags).Error; err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, f := range flags {
		out[f.Status]++
		if f.Status == review.FlagResolved && f.ResolvedBy != nil {
			t.Errorf("flag %d resolved by %d, want nobody (the rescan)", f.ID, *f.ResolvedBy)
		}
	}
	return out
}

func TestRescanArticle(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	empty, withTerm := review.NewChecker(nil), review.NewChecker(kyiv())
	tr := reviewtest.User(t, db, "tr@example.org", account.RoleTranslator)
	cases := []struct {
		name     string
		created  *review.Checker // the glossary the article was flagged with
		prepare  []string        // SQL run on the segment (? is its id) before the rescans
		rescans  []*review.Checker
		state    string
		open     int
		closed   int // resolved by the rescan
		lastAdds int // flags the last rescan added
	}{
		{"new term flags a clean segment", empty, nil, []*review.Checker{withTerm}, review.StateFlagged, 1, 0, 1},
		{"removed term closes the flag", withTerm, nil, []*review.Checker{empty}, review.StateClean, 0, 1, 0},
		{"same glossary twice changes nothing", empty, nil, []*review.Checker{withTerm, withTerm}, review.StateFlagged, 1, 0, 0},
		{"term back again reopens the closed flag", withTerm, nil, []*review.Checker{empty, withTerm}, review.StateFlagged, 1, 0, 1},
		{"corrected is left alone", withTerm, []string{"UPDATE segments SET state = 'corrected' WHERE id = ?"},
			[]*review.Checker{empty}, review.StateCorrected, 1, 0, 0},
		{"approved is left alone", empty, []string{"UPDATE segments SET state = 'approved' WHERE id = ?"},
			[]*review.Checker{withTerm}, review.StateApproved, 0, 0, 0},
		{"leased keeps its state and gets the flag", empty,
			[]string{"UPDATE segments SET state = 'in_progress', lease_holder_id = " + strconv.FormatInt(tr.UserID, 10) +
				", lease_expires_at = now() + interval '1 hour' WHERE id = ?"},
			[]*review.Checker{withTerm}, review.StateInProgress, 1, 0, 1},
		{"rejected keeps its state, its flag closes", withTerm, []string{"UPDATE segments SET state = 'rejected' WHERE id = ?"},
			[]*review.Checker{empty}, review.StateRejected, 0, 1, 0},
		{"a dismissed flag stays dismissed", withTerm,
			[]string{"UPDATE flags SET status = 'dismissed', dismiss_reason = 'fine here' WHERE segment_id = ?",
				"UPDATE segments SET state = 'clean' WHERE id = ?"},
			[]*review.Checker{withTerm}, review.StateClean, 0, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := review.CreateArticle(ctx, db, c.created, review.NewArticle{Title: c.name, Lang: "en",
				Text: "Kiev is a big city.\n\nIt has many parks."})
			if err != nil {
				t.Fatal(err)
			}
			seg := a.Segments[0]
			for _, q := range c.prepare {
				if err := db.Exec(q, seg.ID).Error; err != nil {
					t.Fatal(err)
				}
			}
			var last review.RescanResult
			for _, ch := range c.rescans {
				if err := db.Transaction(func(tx *gorm.DB) error {
					last, err = review.RescanArticle(ctx, tx, ch, a.ID)
					return err
				}); err != nil {
					t.Fatal(err)
				}
			}
			var got review.Segment
			if err := db.Take(&got, seg.ID).Error; err != nil {
				t.Fatal(err)
			}
			counts := flagCounts(t, db, seg.ID)
			if got.State != c.state || counts[review.FlagOpen] != c.open || counts[review.FlagResolved] != c.closed {
				t.Errorf("state %s, open %d, closed %d; want %s, %d, %d", got.State, counts[review.FlagOpen],
					counts[review.FlagResolved], c.state, c.open, c.closed)
			}
			if last.Added != c.lastAdds {
				t.Errorf("the last rescan added %d flags, want %d", last.Added, c.lastAdds)
			}
			if other := flagCounts(t, db, a.Segments[1].ID); len(other) != 0 || a.Segments[1].State != review.StateClean {
				t.Errorf("the clean second segment got flags %v", other)
			}
		})
	}
}

// TestRescanArticleRecordsStateChanges: a rescan that flags a segment leaves
// an event in its history, by nobody.
func TestRescanArticleRecordsStateChanges(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	a, err := review.CreateArticle(ctx, db, review.NewChecker(nil), review.NewArticle{Title: "T", Lang: "en", Text: "Kiev is a big city."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := review.RescanArticle(ctx, db, review.NewChecker(kyiv()), a.ID); err != nil {
		t.Fatal(err)
	}
	p := reviewtest.User(t, db, "reader@example.org", account.RoleEditor)
	events, err := review.SegmentHistory(ctx, db, p, a.Segments[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	last := events[len(events)-1]
	if last.Action != review.ActRescan || last.FromState != review.StateClean || last.ToState != review.StateFlagged || last.Actor != "" {
		t.Errorf("last event %+v, want a rescan clean → flagged by nobody", last)
	}
}
