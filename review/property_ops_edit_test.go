package review

import (
	"math/rand/v2"
	"slices"
	"strings"

	"lector/account"
	"lector/apperr"
)

// Op rows of the people who edit: claim, release, correct, dismiss.

func genClaim(g *propGen) (step, bool) { return step{Op: "claim", Actor: g.pick(translators)}, true }

func genClaimAsEditor(g *propGen) (step, bool) {
	return step{Op: "claim_as_editor", Actor: g.pick(editors), Want: apperr.Forbidden}, true
}

func runClaim(r *propRun, st liveState, s step) error {
	return r.as(st, s, func(p *account.Principal) error {
		return claimNext(r, p)
	})
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
	return r.onSegment(st, s, func(p *account.Principal, seg *liveSeg) error {
		return releaseSegment(r, p, seg.ID)
	})
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
	return r.onSegment(st, s, func(p *account.Principal, seg *liveSeg) error {
		return correctSegment(r, p, &seg.Segment, s.Text, seg.Revision)
	})
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
	return r.as(st, s, func(p *account.Principal) error {
		return correctSegment(r, p, &seg.Segment, s.Text, seg.Revision-1)
	})
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
	return g.oneOf(out)
}

func runDismiss(r *propRun, st liveState, s step) error {
	seg := st.at(s.Pos)
	if seg == nil {
		return errSkip
	}
	for _, f := range seg.openFlags() {
		if f.Check == s.Check && f.Text == s.Flag {
			return r.as(st, s, func(p *account.Principal) error {
				return dismissFlag(r, p, f.ID)
			})
		}
	}
	return errSkip
}
