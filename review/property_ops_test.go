package review

import (
	"errors"
	"fmt"
	"maps"
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

// --- claim, release ---

func genClaim(g *propGen) (step, bool) { return step{Op: "claim", Actor: g.pick(translators)}, true }

func genClaimAsEditor(g *propGen) (step, bool) {
	return step{Op: "claim_as_editor", Actor: g.pick(editors), Want: apperr.Forbidden}, true
}

func runClaim(r *propRun, st liveState, s step) error {
	p, err := r.principal(st, s)
	if err != nil {
		return err
	}
	return claimNext(r, p)
}

func genRelease(g *propGen) (step, bool) {
	held := g.positions(func(s *liveSeg) bool { return s.State == StateInProgress })
	if len(held) == 0 {
		return step{}, false
	}
	pos := held[g.rnd.IntN(len(held))]
	actor := g.r.holder(&g.st.segs[pos])
	if actor == "" || g.rnd.IntN(5) == 0 {
		actor = g.pick(editors)
	}
	return step{Op: "release", Actor: actor, Pos: pos}, true
}

func runRelease(r *propRun, st liveState, s step) error {
	seg := st.at(s.Pos)
	if seg == nil {
		return errSkip
	}
	p, err := r.principal(st, s)
	if err != nil {
		return err
	}
	return releaseSegment(r, p, seg.ID)
}

// --- correct ---

// genCorrect picks a segment and a person who may correct it (see
// mayCorrect), and sometimes anyone and any segment: such a try may be
// refused, and must then change nothing.
func genCorrect(g *propGen) (step, bool) {
	type pair struct {
		actor string
		pos   int
	}
	var allowed []pair
	for _, actor := range g.everyone() {
		for _, pos := range g.positions(func(s *liveSeg) bool { return mayCorrect(g.r, actor, s) }) {
			allowed = append(allowed, pair{actor, pos})
		}
	}
	var c pair
	switch {
	case len(allowed) > 0 && g.rnd.IntN(8) != 0:
		c = allowed[g.rnd.IntN(len(allowed))]
	case len(allowed) == 0 && g.rnd.IntN(3) != 0:
		return step{}, false // mostly let other ops move the workflow on
	default:
		c = pair{g.pick(g.everyone()), g.rnd.IntN(len(g.st.segs))}
	}
	return step{Op: "correct", Actor: c.actor, Pos: c.pos, Text: correctedText(g.rnd, &g.st.segs[c.pos])}, true
}

// correctedText is a correction of s a person might write: a random subset
// of its open flags' suggestions applied to its current text, sometimes a
// known wrong form brought in, sometimes a word changed.
func correctedText(rnd *rand.Rand, s *liveSeg) string {
	text := s.CurrentText
	type edit struct {
		at         int
		from, with string
	}
	var edits []edit
	for _, f := range s.openFlags() {
		if f.Text == "" || f.StartOffset == f.EndOffset || rnd.IntN(3) == 0 {
			continue // a segmentation flag is fixed by a join, not by an edit
		}
		if i := strings.Index(text, f.Text); i >= 0 {
			edits = append(edits, edit{i, f.Text, f.Suggestion})
		}
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.at - b.at })
	var b strings.Builder
	last := 0
	for _, e := range edits {
		if e.at < last {
			continue // overlaps an edit already made
		}
		b.WriteString(text[last:e.at])
		b.WriteString(e.with)
		last = e.at + len(e.from)
	}
	b.WriteString(text[last:])
	text = b.String()
	if rnd.IntN(4) == 0 {
		body, stop := strings.TrimRight(text, ".!?"), "."
		if len(body) < len(text) {
			stop = text[len(body):]
		}
		text = body + ", said " + wrongForms[rnd.IntN(len(wrongForms))] + stop
	}
	// A word changed or added inside the sentence: the first word keeps
	// its capital and the last its stop, so that the edit does not make
	// the paragraph break before or after the segment look broken (a
	// finding of the neighbouring segment).
	if words := strings.Split(text, " "); len(words) > 2 && rnd.IntN(4) == 0 {
		i := 1 + rnd.IntN(len(words)-2)
		w := plainWords[rnd.IntN(len(plainWords))]
		if rnd.IntN(2) == 0 {
			words[i] = w
		} else {
			words = slices.Insert(words, i, w)
		}
		text = strings.Join(words, " ")
	}
	return text
}

func runCorrect(r *propRun, st liveState, s step) error {
	seg := st.at(s.Pos)
	if seg == nil {
		return errSkip
	}
	p, err := r.principal(st, s)
	if err != nil {
		return err
	}
	return correctSegment(r, p, &seg.Segment, s.Text, seg.Revision)
}

// genCorrectStale writes against the revision before the current one: a
// conflict that changes nothing.
func genCorrectStale(g *propGen) (step, bool) {
	pos := g.positions(func(s *liveSeg) bool { return s.Revision > 1 })
	if len(pos) == 0 {
		return step{}, false
	}
	p := pos[g.rnd.IntN(len(pos))]
	return step{Op: "correct_stale", Actor: g.pick(editors), Pos: p, Text: correctedText(g.rnd, &g.st.segs[p]), Want: apperr.Conflict}, true
}

func runCorrectStale(r *propRun, st liveState, s step) error {
	seg := st.at(s.Pos)
	if seg == nil || seg.Revision < 2 {
		return errSkip
	}
	p, err := r.principal(st, s)
	if err != nil {
		return err
	}
	return correctSegment(r, p, &seg.Segment, s.Text, seg.Revision-1)
}

// --- dismiss ---

func genDismiss(g *propGen) (step, bool) {
	var out []step
	for pos := range g.st.segs {
		seg := &g.st.segs[pos]
		for _, actor := range g.everyone() {
			if !mayDismiss(g.r, actor, seg) {
				continue
			}
			for _, f := range seg.openFlags() {
				out = append(out, step{Op: "dismiss", Actor: actor, Pos: pos, Check: f.Check, Flag: f.Text})
			}
		}
	}
	if len(out) == 0 {
		return step{}, false
	}
	return out[g.rnd.IntN(len(out))], true
}

func runDismiss(r *propRun, st liveState, s step) error {
	seg := st.at(s.Pos)
	if seg == nil {
		return errSkip
	}
	for _, f := range seg.openFlags() {
		if f.Check == s.Check && f.Text == s.Flag {
			p, err := r.principal(st, s)
			if err != nil {
				return err
			}
			return dismissFlag(r, p, f.ID)
		}
	}
	return errSkip
}

// --- review: approve, approve over open flags, approve many, reject ---

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
	id, err := pendingAt(st, s.Pos)
	if err != nil {
		return err
	}
	p, err := r.principal(st, s)
	if err != nil {
		return err
	}
	return approveCorrection(r, p, id)
}

func runApproveOverOpen(r *propRun, st liveState, s step) error {
	id, err := pendingAt(st, s.Pos)
	if err != nil {
		return err
	}
	p, err := r.principal(st, s)
	if err != nil {
		return err
	}
	return approveOverOpenFlags(r, p, id)
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
	p, err := r.principal(st, s)
	if err != nil {
		return err
	}
	return approveBatch(r, p, ids)
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
	id, err := pendingAt(st, s.Pos)
	if err != nil {
		return err
	}
	p, err := r.principal(st, s)
	if err != nil {
		return err
	}
	return rejectCorrection(r, p, id, s.Reason)
}

// --- repair: merge, split ---

// genMerge joins a segment with the next, most often where a broken
// paragraph is flagged.
func genMerge(g *propGen) (step, bool) {
	if len(g.st.segs) < 2 {
		return step{}, false
	}
	broken := g.positions(func(s *liveSeg) bool {
		return s.Position+1 < len(g.st.segs) && slices.ContainsFunc(s.openFlags(), func(f Flag) bool { return f.Check == typoCheckBrokenParagraph })
	})
	pos := g.rnd.IntN(len(g.st.segs) - 1)
	if len(broken) > 0 && g.rnd.IntN(3) != 0 {
		pos = broken[g.rnd.IntN(len(broken))]
	}
	return step{Op: "merge", Actor: g.pick(editors), Pos: pos}, true
}

func runMerge(r *propRun, st liveState, s step) error {
	a, b := st.at(s.Pos), st.at(s.Pos+1)
	if a == nil || b == nil {
		return errSkip
	}
	p, err := r.principal(st, s)
	if err != nil {
		return err
	}
	return mergeWithNext(r, p, &a.Segment, &b.Segment)
}

// genSplit cuts a segment at a word boundary.
func genSplit(g *propGen) (step, bool) {
	pos := g.rnd.IntN(len(g.st.segs))
	text := g.st.segs[pos].CurrentText
	var spaces []int
	for i, c := range text {
		if c == ' ' {
			spaces = append(spaces, i)
		}
	}
	if len(spaces) == 0 {
		return step{}, false
	}
	return step{Op: "split", Actor: g.pick(editors), Pos: pos, Offset: spaces[g.rnd.IntN(len(spaces))]}, true
}

func runSplit(r *propRun, st liveState, s step) error {
	seg := st.at(s.Pos)
	if seg == nil || s.Offset >= len(seg.CurrentText) {
		return errSkip
	}
	p, err := r.principal(st, s)
	if err != nil {
		return err
	}
	return splitAt(r, p, &seg.Segment, s.Offset)
}

func genRepairAsTranslator(op string) func(g *propGen) (step, bool) {
	return func(g *propGen) (step, bool) {
		if len(g.st.segs) < 2 {
			return step{}, false
		}
		s := step{Op: op + "_as_translator", Actor: g.pick(translators), Pos: g.rnd.IntN(len(g.st.segs) - 1), Want: apperr.Forbidden}
		if op == "split" {
			s.Offset = strings.IndexByte(g.st.segs[s.Pos].CurrentText, ' ')
			if s.Offset <= 0 {
				return step{}, false
			}
		}
		return s, true
	}
}

// --- publish ---

func genPublish(g *propGen) (step, bool) {
	return step{Op: "publish", Actor: g.pick(editors), Partial: g.rnd.IntN(4) != 0}, true
}

func genPublishAsTranslator(g *propGen) (step, bool) {
	return step{Op: "publish_as_translator", Actor: g.pick(translators), Partial: true, Want: apperr.Forbidden}, true
}

func runPublish(r *propRun, st liveState, s step) error {
	p, err := r.principal(st, s)
	if err != nil {
		return err
	}
	return publishArticle(r, p, s.Partial)
}
