package review

import (
	"lector/account"
	"lector/apperr"
)

// Workflow actions: what people (and lease expiry) do to a segment.
const (
	ActClaim            = "claim"
	ActRenew            = "renew"
	ActRelease          = "release"
	ActExpire           = "expire"
	ActSubmit           = "submit"
	ActApprove          = "approve"
	ActReject           = "reject"
	ActDismiss          = "dismiss"           // propose that a flag is not a mistake
	ActAcceptDismissal  = "accept_dismissal"  // another editor agrees: the flag is dismissed
	ActRejectDismissal  = "reject_dismissal"  // another editor disagrees: the flag stays open
	ActReopen           = "reopen"            // an editor opens a dismissed flag again
	ActPropagate        = "propagate"         // the same fix as a pending correction
	ActPropagateApprove = "propagate_approve" // the same fix, approved at once
)

// roleAnyone marks a transition that needs no role: lease expiry is the
// clock's doing, whoever notices it.
const roleAnyone = ""

// Transition is one row of the state machine: in state From, a holder of
// Role may do Action, which leaves the segment in state To.
//
// Release and expire put a segment back in the queue as flagged; the store
// makes that rejected when the segment's last correction was rejected, so
// the translator still sees the editor's reason, and sends a clean or
// approved segment that was claimed to be corrected back to that state
// (leaseEnds in lease_end.go is that rule). Approve leads to approved
// only when the approved text holds no finding left open, or the editor
// approved over them; otherwise the segment goes back to the queue as
// flagged (approvedState). Dismiss proposes a
// dismissal: it leads to corrected (waiting for an editor) only when every
// open flag of the segment then waits for a decision; otherwise the state
// (and the translator's lease) stays. Accepting or rejecting a dismissal
// leads where settledState says (the To here is the outcome when nothing
// else waits and, for an acceptance, no flag stays open), except that a
// segment a translator is editing stays in progress. Reopen puts a clean or
// approved segment back in the queue; other states keep their work.
type Transition struct {
	From, Action, Role, To string
}

// Transitions is the state machine, the one table every store function asks
// (through Next). Ownership rules that depend on rows, not roles (only the
// lease holder renews, nobody approves their own correction), are checked by
// the store functions on top of it.
func Transitions() []Transition {
	const (
		tr = account.RoleTranslator
		ed = account.RoleEditor
	)
	return []Transition{
		{StateFlagged, ActClaim, tr, StateInProgress},
		{StateRejected, ActClaim, tr, StateInProgress},
		// A segment the checker found nothing in (or that was approved) may
		// still hold an error: a translator claims that one segment by id.
		{StateClean, ActClaim, tr, StateInProgress},
		{StateApproved, ActClaim, tr, StateInProgress},
		{StateInProgress, ActRenew, tr, StateInProgress},
		{StateInProgress, ActRelease, tr, StateFlagged},
		{StateInProgress, ActRelease, ed, StateFlagged},
		{StateInProgress, ActExpire, roleAnyone, StateFlagged},
		{StateInProgress, ActSubmit, tr, StateCorrected},
		{StateInProgress, ActSubmit, ed, StateCorrected},
		{StateFlagged, ActSubmit, ed, StateCorrected},
		{StateRejected, ActSubmit, ed, StateCorrected},
		{StateCorrected, ActSubmit, ed, StateCorrected},
		{StateCorrected, ActSubmit, tr, StateCorrected}, // only over their own pending correction (Submit checks)
		{StateClean, ActSubmit, ed, StateCorrected},
		{StateApproved, ActSubmit, ed, StateCorrected},
		{StateCorrected, ActApprove, ed, StateApproved},
		{StateCorrected, ActReject, ed, StateRejected},
		{StateFlagged, ActDismiss, ed, StateCorrected},
		{StateRejected, ActDismiss, ed, StateCorrected},
		{StateInProgress, ActDismiss, tr, StateCorrected},
		{StateInProgress, ActDismiss, ed, StateCorrected},
		{StateCorrected, ActDismiss, ed, StateCorrected},
		{StateCorrected, ActAcceptDismissal, ed, StateClean},
		{StateFlagged, ActAcceptDismissal, ed, StateClean},
		{StateRejected, ActAcceptDismissal, ed, StateClean},
		{StateInProgress, ActAcceptDismissal, ed, StateInProgress},
		{StateCorrected, ActRejectDismissal, ed, StateRejected},
		{StateFlagged, ActRejectDismissal, ed, StateRejected},
		{StateRejected, ActRejectDismissal, ed, StateRejected},
		{StateInProgress, ActRejectDismissal, ed, StateInProgress},
		{StateClean, ActReopen, ed, StateFlagged},
		{StateApproved, ActReopen, ed, StateFlagged},
		{StateFlagged, ActReopen, ed, StateFlagged},
		{StateRejected, ActReopen, ed, StateRejected},
		{StateInProgress, ActReopen, ed, StateInProgress},
		{StateCorrected, ActReopen, ed, StateCorrected},
		{StateFlagged, ActPropagate, ed, StateCorrected},
		{StateRejected, ActPropagate, ed, StateCorrected},
		{StateFlagged, ActPropagateApprove, ed, StateApproved},
		{StateRejected, ActPropagateApprove, ed, StateApproved},
	}
}

// Next returns the state that action by p leads to from state. Codes:
// unauthorized (p is nil and the action needs a role), forbidden (p lacks
// the role), conflict (the action is not possible in that state).
func Next(state, action string, p *account.Principal) (string, error) {
	known := false
	for _, t := range Transitions() {
		if t.From != state || t.Action != action {
			continue
		}
		known = true
		if t.Role == roleAnyone || p.Has(t.Role) {
			return t.To, nil
		}
	}
	switch {
	case !known:
		return "", apperr.New(apperr.Conflict, "error.transition", map[string]any{"State": state, "Action": action})
	case p == nil:
		return "", apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	return "", apperr.New(apperr.Forbidden, "error.forbidden", nil)
}
