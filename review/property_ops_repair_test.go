package review

import (
	"slices"
	"strings"

	"lector/account"
	"lector/apperr"
	"lector/detect/typography"
)

// Op rows that change the article's shape or publish it: merge, split,
// publish, and their forbidden tries.

// genMerge joins a segment with the next, most often where a broken
// paragraph is flagged.
func genMerge(g *propGen) (step, bool) {
	if len(g.st.segs) < 2 {
		return step{}, false
	}
	broken := g.positions(func(s *liveSeg) bool {
		return s.Position+1 < len(g.st.segs) && slices.ContainsFunc(s.openFlags(), func(f Flag) bool { return f.Check == typography.CheckBrokenParagraph })
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
	return r.as(st, s, func(p *account.Principal) error {
		return mergeWithNext(r, p, &a.Segment, &b.Segment)
	})
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
	return r.as(st, s, func(p *account.Principal) error {
		return splitAt(r, p, &seg.Segment, s.Offset)
	})
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

func genPublish(g *propGen) (step, bool) {
	return step{Op: "publish", Actor: g.pick(editors), Partial: g.rnd.IntN(4) != 0}, true
}

func genPublishAsTranslator(g *propGen) (step, bool) {
	return step{Op: "publish_as_translator", Actor: g.pick(translators), Partial: true, Want: apperr.Forbidden}, true
}

func runPublish(r *propRun, st liveState, s step) error {
	return r.as(st, s, func(p *account.Principal) error {
		return publishArticle(r, p, s.Partial)
	})
}
