package review_test

import (
	"testing"

	"lector/account"
	"lector/apperr"
	"lector/review"
)

// TestStateMachine walks the whole product state × action × role and checks
// each answer against the workflow written out by hand.
func TestStateMachine(t *testing.T) {
	const (
		clean, flagged, inProgress = review.StateClean, review.StateFlagged, review.StateInProgress
		corrected, approved, rej   = review.StateCorrected, review.StateApproved, review.StateRejected
	)
	tr, ed := account.RoleTranslator, account.RoleEditor
	// spec[action][from] = next state and the roles allowed ("" = anyone).
	type rule struct {
		to    string
		roles []string
	}
	spec := map[string]map[string]rule{
		review.ActClaim:   {flagged: {inProgress, []string{tr}}, rej: {inProgress, []string{tr}}, clean: {inProgress, []string{tr}}, approved: {inProgress, []string{tr}}},
		review.ActRenew:   {inProgress: {inProgress, []string{tr}}},
		review.ActRelease: {inProgress: {flagged, []string{tr, ed}}},
		review.ActExpire:  {inProgress: {flagged, []string{""}}},
		review.ActSubmit: {inProgress: {corrected, []string{tr, ed}}, flagged: {corrected, []string{ed}}, rej: {corrected, []string{ed}},
			corrected: {corrected, []string{tr, ed}}, clean: {corrected, []string{ed}}, approved: {corrected, []string{ed}}},
		review.ActApprove:         {corrected: {approved, []string{ed}}},
		review.ActReject:          {corrected: {rej, []string{ed}}},
		review.ActDismiss:         {flagged: {corrected, []string{ed}}, rej: {corrected, []string{ed}}, inProgress: {corrected, []string{tr, ed}}, corrected: {corrected, []string{ed}}},
		review.ActAcceptDismissal: {corrected: {clean, []string{ed}}, flagged: {clean, []string{ed}}, rej: {clean, []string{ed}}, inProgress: {inProgress, []string{ed}}},
		review.ActRejectDismissal: {corrected: {rej, []string{ed}}, flagged: {rej, []string{ed}}, rej: {rej, []string{ed}}, inProgress: {inProgress, []string{ed}}},
		review.ActReopen: {clean: {flagged, []string{ed}}, approved: {flagged, []string{ed}}, flagged: {flagged, []string{ed}},
			rej: {rej, []string{ed}}, inProgress: {inProgress, []string{ed}}, corrected: {corrected, []string{ed}}},
		review.ActPropagate:        {flagged: {corrected, []string{ed}}, rej: {corrected, []string{ed}}},
		review.ActPropagateApprove: {flagged: {approved, []string{ed}}, rej: {approved, []string{ed}}},
	}
	principals := map[string]*account.Principal{
		"anonymous":  nil,
		"translator": {UserID: 1, Roles: []string{tr}},
		"editor":     {UserID: 2, Roles: []string{ed}},
		"glossary":   {UserID: 3, Roles: []string{account.RoleGlossary}},
		"admin":      {UserID: 4, Roles: []string{account.RoleAdmin}},
		"both":       {UserID: 5, Roles: []string{tr, ed}},
	}
	roleOK := func(p *account.Principal, roles []string) bool {
		for _, r := range roles {
			if r == "" || p.Has(r) {
				return true
			}
		}
		return false
	}
	n := 0
	for _, state := range review.States() {
		for action, byState := range spec {
			for name, p := range principals {
				n++
				got, err := review.Next(state, action, p)
				r, possible := byState[state]
				var wantCode apperr.Code
				switch {
				case !possible:
					wantCode = apperr.Conflict
				case roleOK(p, r.roles):
				case p == nil:
					wantCode = apperr.Unauthorized
				default:
					wantCode = apperr.Forbidden
				}
				if apperr.CodeOf(err) != wantCode {
					t.Errorf("%s %s by %s: error %v, want code %q", state, action, name, err, wantCode)
					continue
				}
				if wantCode == "" && got != r.to {
					t.Errorf("%s %s by %s: next %s, want %s", state, action, name, got, r.to)
				}
			}
		}
	}
	if n != 6*13*6 {
		t.Errorf("checked %d combinations", n)
	}
	// Every table row is in the spec, so the spec is the whole machine.
	for _, tt := range review.Transitions() {
		if _, ok := spec[tt.Action][tt.From]; !ok {
			t.Errorf("table row %+v is not in the spec", tt)
		}
	}
}
