package review

import (
	"context"
	"testing"

	"lector/database/dbtest"
)

// TestSettledState: the state after a review decision follows the common
// rule, case by case, on rows as the workflow leaves them.
func TestSettledState(t *testing.T) {
	db := dbtest.New(t)
	ctx := context.Background()
	exec := func(q string, args ...any) {
		t.Helper()
		if err := db.Exec(q, args...).Error; err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	exec(`INSERT INTO users (id, email, name) VALUES (901, 'a@example.org', 'a'), (902, 'b@example.org', 'b')`)
	exec(`INSERT INTO articles (id, title, lang, text) VALUES (901, 'T', 'en', 'x')`)
	cases := []struct {
		name      string
		flags     []string // statuses of the segment's flags
		dismissed []string // per flag: the status of a dismissal of it, "" for none
		corrs     []string // statuses of the segment's corrections
		rejection bool
		want      string
	}{
		{"nothing left", []string{FlagResolved}, []string{""}, nil, false, StateClean},
		{"nothing left after an approval", []string{FlagResolved}, []string{""}, []string{CorrectionApproved}, false, StateApproved},
		{"a flag stays open", []string{FlagOpen, FlagDismissed}, []string{"", DismissalAccepted}, nil, false, StateFlagged},
		{"a flag stays open after a rejection", []string{FlagOpen}, []string{DismissalRejected}, nil, true, StateRejected},
		{"an open flag beats an approved correction", []string{FlagOpen}, []string{""}, []string{CorrectionApproved}, false, StateFlagged},
		{"a correction waits", []string{FlagOpen}, []string{""}, []string{CorrectionRejected, CorrectionPending}, true, StateCorrected},
		{"a dismissal waits", []string{FlagOpen, FlagDismissed}, []string{DismissalPending, DismissalAccepted}, nil, true, StateCorrected},
		{"a waiting dismissal of a closed flag waits for nobody", []string{FlagResolved}, []string{DismissalPending}, nil, false, StateClean},
	}
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			seg := int64(900 + i)
			exec(`INSERT INTO segments (id, article_id, position, paragraph, start_offset, end_offset, mt_text, current_text, state)
VALUES (?, 901, ?, 0, 0, 1, 'x', 'x', 'flagged')`, seg, i)
			for j, status := range tc.flags {
				flag := seg*10 + int64(j)
				exec(`INSERT INTO flags (id, segment_id, kind, "check", start_offset, end_offset, text, confidence, status)
VALUES (?, ?, 'name', 'glossary-variant', 0, 1, 'x', 1, ?)`, flag, seg, status)
				if d := tc.dismissed[j]; d != "" {
					exec(`INSERT INTO dismissals (flag_id, segment_id, proposer_id, reason, status, reviewer_id, reject_reason)
VALUES (?, ?, 901, 'fine', ?, CASE WHEN ? IN ('accepted', 'rejected') THEN 902 END, CASE WHEN ? = 'rejected' THEN 'other' END)`,
						flag, seg, d, d, d)
				}
			}
			for _, status := range tc.corrs {
				exec(`INSERT INTO corrections (segment_id, author_id, base_revision, text_before, text, status, reviewer_id, reject_reason)
VALUES (?, 901, 1, 'x', 'y', ?, CASE WHEN ? IN ('approved', 'rejected') THEN 902 END, CASE WHEN ? = 'rejected' THEN 'other' END)`,
					seg, status, status, status)
			}
			got, err := settledState(ctx, db, seg, tc.rejection)
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("state %s, want %s", got, tc.want)
			}
		})
	}
}
