package review

import (
	"maps"
	"slices"

	"lector/account"
	"lector/apperr"
)

// Op rows of the editors' review: approve, approve over open flags,
// approve many, reject, and their forbidden tries.

func genApprove(g *propGen) (step, bool) {
	rev := g.pendingReviewers()
	if len(rev) == 0 {
		return step{}, false
	}
	pos := slices.Sorted(maps.Keys(rev))[g.rnd.IntN(len(rev))]
	return step{Op: "approve", Actor: rev[pos][g.rnd.IntN(len(rev[pos]))], Pos: pos}, true
}

// genApproveOverOpen approves a correction that leaves open flags: the
// editor's explicit decision, recorded, that keeps the flags open.
func genApproveOverOpen(g *propGen) (step, bool) {
	rev := g.pendingReviewers()
	var pos []int
	for p := range rev {
		if len(g.st.segs[p].openFlags()) > 0 {
			pos = append(pos, p)
		}
	}
	if len(pos) == 0 {
		return step{}, false
	}
	slices.Sort(pos)
	p := pos[g.rnd.IntN(len(pos))]
	return step{Op: "approve_over_open", Actor: rev[p][g.rnd.IntN(len(rev[p]))], Pos: p}, true
}

func genApproveAsTranslator(g *propGen) (step, bool) {
	rev := g.pendingReviewers()
	if len(rev) == 0 {
		return step{}, false
	}
	pos := slices.Sorted(maps.Keys(rev))[g.rnd.IntN(len(rev))]
	return step{Op: "approve_as_translator", Actor: g.pick(translators), Pos: pos, Want: apperr.Forbidden}, true
}

func genApproveSignedOut(g *propGen) (step, bool) {
	rev := g.pendingReviewers()
	if len(rev) == 0 {
		return step{}, false
	}
	pos := slices.Sorted(maps.Keys(rev))[g.rnd.IntN(len(rev))]
	return step{Op: "approve_signed_out", Actor: "nobody", Pos: pos, Want: apperr.Unauthorized}, true
}

// ownByEditor lists the positions whose pending correction an editor wrote.
func (g *propGen) ownByEditor() []int {
	return g.positions(func(s *liveSeg) bool {
		c := s.pending()
		return c != nil && slices.Contains(editors, g.r.nameOf(c.AuthorID))
	})
}

func genApproveOwn(g *propGen) (step, bool) {
	pos := g.ownByEditor()
	if len(pos) == 0 {
		return step{}, false
	}
	return step{Op: "approve_own", Actor: "author", Pos: pos[g.rnd.IntN(len(pos))], Want: apperr.Forbidden}, true
}

func genRejectOwn(g *propGen) (step, bool) {
	pos := g.ownByEditor()
	if len(pos) == 0 {
		return step{}, false
	}
	return step{Op: "reject_own", Actor: "author", Pos: pos[g.rnd.IntN(len(pos))], Reason: "style", Want: apperr.Forbidden}, true
}

// pendingAt is the id of the pending correction of the segment at pos.
func pendingAt(st liveState, pos int) (int64, error) {
	seg := st.at(pos)
	if seg == nil || seg.pending() == nil {
		return 0, errSkip
	}
	return seg.pending().ID, nil
}

func runApprove(r *propRun, st liveState, s step) error {
	return onPending(r, st, s, approveCorrection)
}

// onPending does op as the step's actor on the pending correction of the
// segment at s.Pos; the step is skipped when there is none.
func onPending(r *propRun, st liveState, s step, op func(r *propRun, p *account.Principal, correctionID int64) error) error {
	id, err := pendingAt(st, s.Pos)
	if err != nil {
		return err
	}
	return r.as(st, s, func(p *account.Principal) error {
		return op(r, p, id)
	})
}

func runApproveOverOpen(r *propRun, st liveState, s step) error {
	return onPending(r, st, s, approveOverOpenFlags)
}

// genApproveMany batches two or more pending corrections that one editor
// did not write; sometimes one of theirs slips in, and the whole batch
// must be refused as forbidden.
func genApproveMany(g *propGen) (step, bool) {
	rev := g.pendingReviewers()
	ed := g.pick(editors)
	var mine, others []int
	for pos := range g.st.segs {
		c := g.st.segs[pos].pending()
		switch {
		case c == nil:
		case slices.Contains(rev[pos], ed):
			others = append(others, pos)
		default:
			mine = append(mine, pos)
		}
	}
	g.rnd.Shuffle(len(others), func(i, j int) { others[i], others[j] = others[j], others[i] })
	s := step{Op: "approve_many", Actor: ed}
	if len(others) > 2 {
		others = others[:2+g.rnd.IntN(len(others)-1)]
	}
	s.Batch = others
	if len(mine) > 0 && g.rnd.IntN(4) == 0 {
		s.Batch, s.Want = append(s.Batch, mine[0]), apperr.Forbidden
	}
	if len(s.Batch) < 2 {
		return step{}, false
	}
	slices.Sort(s.Batch)
	return s, true
}

func runApproveMany(r *propRun, st liveState, s step) error {
	var ids []int64
	for _, pos := range s.Batch {
		id, err := pendingAt(st, pos)
		if err != nil {
			return err
		}
		ids = append(ids, id)
	}
	return r.as(st, s, func(p *account.Principal) error {
		return approveBatch(r, p, ids)
	})
}

func genReject(g *propGen) (step, bool) {
	rev := g.pendingReviewers()
	if len(rev) == 0 {
		return step{}, false
	}
	pos := slices.Sorted(maps.Keys(rev))[g.rnd.IntN(len(rev))]
	reasons := RejectReasons()
	return step{Op: "reject", Actor: rev[pos][g.rnd.IntN(len(rev[pos]))], Pos: pos, Reason: reasons[g.rnd.IntN(len(reasons))]}, true
}

func runReject(r *propRun, st liveState, s step) error {
	return onPending(r, st, s, func(r *propRun, p *account.Principal, id int64) error {
		return rejectCorrection(r, p, id, s.Reason)
	})
}
