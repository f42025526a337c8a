package review

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"lector/account"
	"lector/apperr"
)

// step is one operation of a property run, written so that it can be
// replayed on a fresh article: segments are named by position, flags by
// their check and text, corrections as the pending one of a segment. A step
// whose target is not there when it is replayed is skipped.
type step struct {
	Op      string      // a row of propOps
	Actor   string      // tr1, tr2, ed1, ed2; "author": whoever wrote the segment's pending correction; "nobody": signed out
	Pos     int         // the segment's position
	Text    string      // correct: the new text
	Check   string      // dismiss: the flag's check ...
	Flag    string      // ... and text
	Offset  int         // split: byte offset into the current text
	Batch   []int       // approve_many: the positions whose pending corrections are approved together
	Partial bool        // publish
	Reason  string      // reject
	Want    apperr.Code // a forbidden try: the code it must fail with; "" when it may succeed or be refused
}

// String is the step as a Go literal, so that a printed op log can be
// pasted into propertyCases and replayed.
func (s step) String() string {
	parts := []string{fmt.Sprintf("Op: %q", s.Op)}
	if s.Actor != "" {
		parts = append(parts, fmt.Sprintf("Actor: %q", s.Actor))
	}
	parts = append(parts, fmt.Sprintf("Pos: %d", s.Pos))
	if s.Text != "" {
		parts = append(parts, fmt.Sprintf("Text: %q", s.Text))
	}
	if s.Check != "" || s.Flag != "" {
		parts = append(parts, fmt.Sprintf("Check: %q, Flag: %q", s.Check, s.Flag))
	}
	if s.Offset != 0 {
		parts = append(parts, fmt.Sprintf("Offset: %d", s.Offset))
	}
	if len(s.Batch) > 0 {
		parts = append(parts, fmt.Sprintf("Batch: %#v", s.Batch))
	}
	if s.Partial {
		parts = append(parts, "Partial: true")
	}
	if s.Reason != "" {
		parts = append(parts, fmt.Sprintf("Reason: %q", s.Reason))
	}
	if s.Want != "" {
		parts = append(parts, fmt.Sprintf("Want: %q", s.Want))
	}
	return "{" + strings.Join(parts, ", ") + "}"
}

// errSkip: the step's target is not there (a replay after other steps were
// dropped); the step is logged as skipped and changes nothing.
var errSkip = errors.New("target not there")

// propOp is a row of the op table: gen proposes a step for the current
// state (false when none is possible), run performs it through the domain
// functions. New operations (accept or reject a dismissal, reopen a flag,
// skip, claim a chosen segment, approve over open flags) are new rows.
type propOp struct {
	name   string
	weight int
	gen    func(g *propGen) (step, bool)
	run    func(r *propRun, st liveState, s step) error
}

// propGen is what a generator sees: the random source, the run and the
// state after the last step.
type propGen struct {
	rnd *rand.Rand
	r   *propRun
	st  liveState
}

func (g *propGen) pick(names []string) string { return names[g.rnd.IntN(len(names))] }

// oneOf picks one of the steps; false when there is none.
func (g *propGen) oneOf(out []step) (step, bool) {
	if len(out) == 0 {
		return step{}, false
	}
	return out[g.rnd.IntN(len(out))], true
}

func (g *propGen) everyone() []string { return slices.Concat(translators, editors) }

// positions lists the positions of the segments that keep says yes to.
func (g *propGen) positions(keep func(s *liveSeg) bool) []int {
	var out []int
	for i := range g.st.segs {
		if keep(&g.st.segs[i]) {
			out = append(out, i)
		}
	}
	return out
}

// pendingReviewers is, for every segment with a pending correction, the
// editors who may review it (anyone but its author).
func (g *propGen) pendingReviewers() map[int][]string {
	out := map[int][]string{}
	for i := range g.st.segs {
		c := g.st.segs[i].pending()
		if c == nil {
			continue
		}
		for _, ed := range editors {
			if g.r.people[ed].UserID != c.AuthorID {
				out[i] = append(out[i], ed)
			}
		}
	}
	return out
}

// propOps is the op table. Weights are relative; forbidden tries are
// rare so that the runs mostly move the workflow on.
func propOps() []propOp {
	return []propOp{
		{name: "claim", weight: 8, gen: genClaim, run: runClaim},
		{name: "correct", weight: 12, gen: genCorrect, run: runCorrect},
		{name: "dismiss", weight: 4, gen: genDismiss, run: runDismiss},
		{name: "approve", weight: 8, gen: genApprove, run: runApprove},
		{name: "approve_over_open", weight: 3, gen: genApproveOverOpen, run: runApproveOverOpen},
		{name: "approve_many", weight: 3, gen: genApproveMany, run: runApproveMany},
		{name: "reject", weight: 4, gen: genReject, run: runReject},
		{name: "merge", weight: 3, gen: genMerge, run: runMerge},
		{name: "split", weight: 2, gen: genSplit, run: runSplit},
		{name: "publish", weight: 4, gen: genPublish, run: runPublish},
		{name: "release", weight: 3, gen: genRelease, run: runRelease},
		{name: "accept_dismissal", weight: 4, gen: genDecideDismissal("accept_dismissal"), run: runDecideDismissal(true, false)},
		{name: "reject_dismissal", weight: 2, gen: genDecideDismissal("reject_dismissal"), run: runDecideDismissal(false, false)},
		{name: "reopen", weight: 1, gen: genReopen, run: runReopen},
		{name: "claim_chosen", weight: 3, gen: genClaimChosen, run: runClaimChosen},
		{name: "skip", weight: 2, gen: genSkip, run: runSkip},
		// Forbidden tries: they must fail with Want and change nothing.
		{name: "claim_as_editor", weight: 1, gen: genClaimAsEditor, run: runClaim},
		{name: "approve_as_translator", weight: 1, gen: genApproveAsTranslator, run: runApprove},
		{name: "approve_own", weight: 1, gen: genApproveOwn, run: runApprove},
		{name: "reject_own", weight: 1, gen: genRejectOwn, run: runReject},
		{name: "approve_signed_out", weight: 1, gen: genApproveSignedOut, run: runApprove},
		{name: "merge_as_translator", weight: 1, gen: genRepairAsTranslator("merge"), run: runMerge},
		{name: "split_as_translator", weight: 1, gen: genRepairAsTranslator("split"), run: runSplit},
		{name: "publish_as_translator", weight: 1, gen: genPublishAsTranslator, run: runPublish},
		{name: "correct_stale", weight: 1, gen: genCorrectStale, run: runCorrectStale},
		{name: "accept_own_dismissal", weight: 1, gen: genAcceptOwnDismissal, run: runDecideDismissal(true, true)},
	}
}

// op finds a row of the run's op table.
func (r *propRun) op(name string) (propOp, bool) {
	for _, op := range r.ops {
		if op.name == name {
			return op, true
		}
	}
	return propOp{}, false
}

// principal resolves a step's actor; "author" is the author of the
// pending correction of the segment at s.Pos.
func (r *propRun) principal(st liveState, s step) (*account.Principal, error) {
	switch s.Actor {
	case "nobody":
		return nil, nil
	case "author":
		seg := st.at(s.Pos)
		if seg == nil || seg.pending() == nil {
			return nil, errSkip
		}
		name := r.nameOf(seg.pending().AuthorID)
		if name == "" {
			return nil, errSkip
		}
		return r.people[name], nil
	}
	p, ok := r.people[s.Actor]
	if !ok {
		return nil, fmt.Errorf("unknown actor %q", s.Actor)
	}
	return p, nil
}

// as does op as the step's actor (see principal).
func (r *propRun) as(st liveState, s step, op func(p *account.Principal) error) error {
	p, err := r.principal(st, s)
	if err != nil {
		return err
	}
	return op(p)
}

// onSegment does op as the step's actor on the segment at s.Pos; the step
// is skipped when no segment is there any more.
func (r *propRun) onSegment(st liveState, s step, op func(p *account.Principal, seg *liveSeg) error) error {
	seg := st.at(s.Pos)
	if seg == nil {
		return errSkip
	}
	return r.as(st, s, func(p *account.Principal) error { return op(p, seg) })
}
