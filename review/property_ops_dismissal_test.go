package review

import (
	"lector/account"
	"lector/apperr"
)

// Op rows of the second pair of eyes on a dismissal (accept, reject, and
// accepting one's own proposal, which is forbidden), of reopening a
// dismissed flag, and of the translator's own choices of segment (claim a
// chosen one, skip the one held).

// pendingProposals lists, per position, the steps that name a flag with a
// pending dismissal, with the proposal's author.
func (g *propGen) pendingProposals() []struct {
	st       step
	proposer string
} {
	var out []struct {
		st       step
		proposer string
	}
	for pos := range g.st.segs {
		seg := &g.st.segs[pos]
		for _, d := range seg.dismissals {
			if d.Status != DismissalPending {
				continue
			}
			for _, f := range seg.flags {
				if f.ID == d.FlagID && f.Status == FlagOpen {
					out = append(out, struct {
						st       step
						proposer string
					}{step{Pos: pos, Check: f.Check, Flag: f.Text}, g.r.nameOf(d.ProposerID)})
				}
			}
		}
	}
	return out
}

// genDecideDismissal has an editor other than the proposer accept (or
// reject) a pending proposal.
func genDecideDismissal(op string) func(g *propGen) (step, bool) {
	return func(g *propGen) (step, bool) {
		var out []step
		for _, p := range g.pendingProposals() {
			for _, ed := range editors {
				if ed != p.proposer {
					st := p.st
					st.Op, st.Actor = op, ed
					out = append(out, st)
				}
			}
		}
		if len(out) == 0 {
			return step{}, false
		}
		return out[g.rnd.IntN(len(out))], true
	}
}

// genAcceptOwnDismissal has an editor accept their own proposal: forbidden.
func genAcceptOwnDismissal(g *propGen) (step, bool) {
	var out []step
	for _, p := range g.pendingProposals() {
		for _, ed := range editors {
			if ed == p.proposer {
				st := p.st
				st.Op, st.Actor, st.Want = "accept_own_dismissal", ed, apperr.Forbidden
				out = append(out, st)
			}
		}
	}
	return g.oneOf(out)
}

// pendingDismissalOf finds the pending proposal on the flag a step names
// (by proposer, when proposer is not 0).
func pendingDismissalOf(st liveState, s step, proposer int64) (int64, error) {
	seg := st.at(s.Pos)
	if seg == nil {
		return 0, errSkip
	}
	for _, d := range seg.dismissals {
		if d.Status != DismissalPending || proposer != 0 && d.ProposerID != proposer {
			continue
		}
		for _, f := range seg.flags {
			if f.ID == d.FlagID && f.Check == s.Check && f.Text == s.Flag {
				return d.ID, nil
			}
		}
	}
	return 0, errSkip
}

// runDecideDismissal accepts or rejects a pending proposal; own: the
// actor's own one (a forbidden try), which a segment may hold beside
// another person's on a flag of the same check and text, and which a
// shrunk replay may no longer have (skipped, not someone else's accepted).
func runDecideDismissal(accept, own bool) func(r *propRun, st liveState, s step) error {
	return func(r *propRun, st liveState, s step) error {
		p, err := r.principal(st, s)
		if err != nil {
			return err
		}
		var proposer int64
		if own {
			proposer = p.UserID
		}
		id, err := pendingDismissalOf(st, s, proposer)
		if err != nil {
			return err
		}
		if accept {
			return acceptDismissal(r, p, id)
		}
		return rejectDismissal(r, p, id)
	}
}

// genReopen has an editor reopen a dismissed flag.
func genReopen(g *propGen) (step, bool) {
	var out []step
	for pos := range g.st.segs {
		for _, f := range g.st.segs[pos].flags {
			if f.Status == FlagDismissed {
				out = append(out, step{Op: "reopen", Actor: g.pick(editors), Pos: pos, Check: f.Check, Flag: f.Text})
			}
		}
	}
	return g.oneOf(out)
}

func runReopen(r *propRun, st liveState, s step) error {
	seg := st.at(s.Pos)
	if seg == nil {
		return errSkip
	}
	for _, f := range seg.flags {
		if f.Status == FlagDismissed && f.Check == s.Check && f.Text == s.Flag {
			return r.as(st, s, func(p *account.Principal) error {
				return reopenFlag(r, p, f.ID)
			})
		}
	}
	return errSkip
}

// genClaimChosen has a translator claim a segment of their choice, clean
// and approved ones included (it may be refused: held, or waiting for an
// editor).
func genClaimChosen(g *propGen) (step, bool) {
	if len(g.st.segs) == 0 {
		return step{}, false
	}
	return step{Op: "claim_chosen", Actor: g.pick(translators), Pos: g.rnd.IntN(len(g.st.segs))}, true
}

func runClaimChosen(r *propRun, st liveState, s step) error {
	return r.onSegment(st, s, func(p *account.Principal, seg *liveSeg) error {
		return claimChosen(r, p, seg.ID)
	})
}

// genSkip has the holder of a segment skip it.
func genSkip(g *propGen) (step, bool) {
	var out []step
	for pos := range g.st.segs {
		seg := &g.st.segs[pos]
		if holder := g.r.holder(seg); seg.State == StateInProgress && holder != "" {
			out = append(out, step{Op: "skip", Actor: holder, Pos: pos})
		}
	}
	return g.oneOf(out)
}

func runSkip(r *propRun, st liveState, s step) error {
	return r.onSegment(st, s, func(p *account.Principal, seg *liveSeg) error {
		return skipSegment(r, p, seg.ID)
	})
}
