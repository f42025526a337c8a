package review

import (
	"fmt"
	"slices"
	"strings"

	"lector/detect/finding"

	"gorm.io/gorm"
)

// The invariants, numbered as the report and -property.only name them.
const (
	invStep      = 0 // a refused step changes nothing; a forbidden one fails with its code; no internal error
	invFindings  = 1 // every finding on an approved or clean segment's text is an open or dismissed flag of it
	invPublished = 2 // no published segment holds a wrong form whose flag is resolved
	invState     = 3 // state, flags, corrections and leases agree
	invFourEyes  = 4 // nobody reviews their own correction or accepts their own dismissal
	invLiveText  = 5 // a version publishes every segment's current text when nothing is pending on it
)

var invariantNames = map[int]string{
	invStep:      "refusals change nothing",
	invFindings:  "findings on approved/clean text are open or dismissed flags",
	invPublished: "no published wrong form whose flag is resolved",
	invState:     "state consistency",
	invFourEyes:  "four eyes",
	invLiveText:  "a version publishes the live text",
}

// violation is one broken invariant, with the segment it is about (-1:
// none).
type violation struct {
	inv int
	pos int
	msg string
}

func (v violation) String() string {
	where := ""
	if v.pos >= 0 {
		where = fmt.Sprintf(" (segment at position %d)", v.pos)
	}
	return fmt.Sprintf("invariant %d, %s%s: %s", v.inv, invariantNames[v.inv], where, v.msg)
}

// invariants checks the article after a step; only limits them to some
// invariants (nil: all).
func (r *propRun) invariants(st liveState, only map[int]bool) []violation {
	var out []violation
	want := func(inv int) bool { return only == nil || only[inv] }
	if want(invFindings) {
		out = append(out, r.checkFindings(st)...)
	}
	if want(invPublished) || want(invLiveText) {
		out = append(out, r.checkPublished(st, want)...)
	}
	if want(invState) {
		out = append(out, r.checkState(st)...)
	}
	if want(invFourEyes) {
		out = append(out, r.checkFourEyes(st)...)
	}
	return out
}

// propFinding is what a flag and a finding have in common wherever the text
// moved: the check and the wrong text.
type propFinding struct{ check, text string }

func (k propFinding) String() string { return fmt.Sprintf("%s %q", k.check, k.text) }

// findingsBySegment checks the text that segs join into, in the article's
// language, and gives every finding to the segment it starts in (or in the
// break after it, as a broken paragraph does). A finding that runs over a
// segment's end into the next segment belongs to neither: a split went
// through it, and the repair drops such findings the same way.
func (r *propRun) findingsBySegment(segs []VersionSegment) ([][]finding.Finding, string) {
	r.t.Helper()
	text := JoinSegments(segs)
	starts, ends := make([]int, len(segs)), make([]int, len(segs))
	at := 0
	for i, s := range segs {
		if i > 0 {
			if s.Paragraph != segs[i-1].Paragraph {
				at += 2
			} else {
				at++
			}
		}
		starts[i], ends[i] = at, at+len(s.Text)
		at = ends[i]
	}
	checked, err := r.w.checker.Check(text, "en")
	if err != nil {
		r.t.Fatal(err)
	}
	out := make([][]finding.Finding, len(segs))
	for _, c := range checked {
		for _, f := range c.Findings {
			i, _ := slices.BinarySearch(starts, f.Start+1)
			i-- // the last segment starting at or before f
			if i < 0 || (f.Start < ends[i] && f.End > ends[i]) {
				continue
			}
			out[i] = append(out[i], f)
		}
	}
	return out, text
}

// flagCounts counts a segment's flags by key and status.
func flagCounts(flags []Flag) map[propFinding]map[string]int {
	out := map[propFinding]map[string]int{}
	for _, f := range flags {
		k := propFinding{f.Check, f.Text}
		if out[k] == nil {
			out[k] = map[string]int{}
		}
		out[k][f.Status]++
	}
	return out
}

// unaccounted lists the findings of one segment that its open and
// dismissed flags do not account for, with the statuses the flags of the
// same check and text have.
func unaccounted(findings []finding.Finding, flags []Flag) map[propFinding]map[string]int {
	counts := flagCounts(flags)
	seen := map[propFinding]int{}
	out := map[propFinding]map[string]int{}
	for _, f := range findings {
		k := propFinding{f.Check, f.Text}
		seen[k]++
		if seen[k] > counts[k][FlagOpen]+counts[k][FlagDismissed] {
			out[k] = counts[k]
		}
	}
	return out
}

// checkFindings is invariant 1: the checker, run on the live text, finds
// nothing in an approved or clean segment that is not an open or a
// dismissed flag of that segment.
func (r *propRun) checkFindings(st liveState) []violation {
	found, _ := r.findingsBySegment(st.versionSegments())
	var out []violation
	for i, s := range st.segs {
		if s.State != StateApproved && s.State != StateClean {
			continue
		}
		for k, statuses := range unaccounted(found[i], s.flags) {
			out = append(out, violation{inv: invFindings, pos: i, msg: fmt.Sprintf(
				"%s segment %d %q: the checker finds %s, which is no open or dismissed flag (flags of it: %v)",
				s.State, s.ID, s.CurrentText, k, statuses)})
		}
	}
	return out
}

// checkPublished is invariants 2 and 5, for the versions published since
// the last check, against the live segments and flags as they were when
// the version was published.
//
// 2: a published segment holds no wrong form that the checker still finds
// there while the segment's flag for it is resolved (and no open or
// dismissed flag accounts for it).
//
// 5: a version has every live segment, and publishes its current text
// unless a correction is pending on it (then its last approved text or its
// MT text); no text is lost or doubled.
func (r *propRun) checkPublished(st liveState, want func(int) bool) []violation {
	var versions []Version
	if err := r.db().Where("article_id = ? AND number > ?", r.article, r.checkedVersion).Order("number").
		Preload("Segments", func(tx *gorm.DB) *gorm.DB { return tx.Order("position") }).Find(&versions).Error; err != nil {
		r.t.Fatal(err)
	}
	byID := map[int64]int{}
	for i, s := range st.segs {
		byID[s.ID] = i
	}
	var out []violation
	for _, v := range versions {
		r.checkedVersion = v.Number
		found, text := r.findingsBySegment(v.Segments)
		if text != v.Text && want(invLiveText) {
			out = append(out, violation{inv: invLiveText, pos: -1, msg: fmt.Sprintf("version %d's text is not its segments joined", v.Number)})
		}
		if len(v.Segments) != len(st.segs) && want(invLiveText) {
			out = append(out, violation{inv: invLiveText, pos: -1, msg: fmt.Sprintf("version %d has %d segments, the article %d",
				v.Number, len(v.Segments), len(st.segs))})
		}
		for i, vs := range v.Segments {
			if vs.SegmentID == nil {
				continue
			}
			pos, ok := byID[*vs.SegmentID]
			if !ok {
				continue
			}
			live := &st.segs[pos]
			if want(invLiveText) && live.pending() == nil && vs.Text != live.CurrentText {
				out = append(out, violation{inv: invLiveText, pos: pos, msg: fmt.Sprintf(
					"version %d publishes %q for %s segment %d, whose text is %q and has no pending correction",
					v.Number, vs.Text, live.State, live.ID, live.CurrentText)})
			}
			if !want(invPublished) {
				continue
			}
			for k, statuses := range unaccounted(found[i], live.flags) {
				if statuses[FlagResolved] > 0 {
					out = append(out, violation{inv: invPublished, pos: pos, msg: fmt.Sprintf(
						"version %d publishes %q for segment %d; the checker finds %s there, and its flag is resolved (flags of it: %v)",
						v.Number, vs.Text, *vs.SegmentID, k, statuses)})
				}
			}
		}
	}
	return out
}

// checkState is invariant 3: each state means what the truth model says,
// and flags point into their text.
func (r *propRun) checkState(st liveState) []violation {
	var out []violation
	bad := func(pos int, format string, args ...any) {
		out = append(out, violation{inv: invState, pos: pos, msg: fmt.Sprintf(format, args...)})
	}
	for i := range st.segs {
		s := &st.segs[i]
		open, pending := len(s.openFlags()), 0
		for _, c := range s.corrections {
			if c.Status == CorrectionPending {
				pending++
			}
		}
		dismissals := pendingDismissals(r, s)
		leased := s.LeaseHolderID != nil || s.LeaseExpiresAt != nil
		approved := slices.ContainsFunc(s.corrections, func(c Correction) bool { return c.Status == CorrectionApproved }) ||
			s.CurrentText != s.MTText // reviewed words a repair carried over from an approved segment
		switch {
		case s.Position != i:
			bad(i, "segment %d has position %d", s.ID, s.Position)
		case i > 0 && s.Paragraph < st.segs[i-1].Paragraph:
			bad(i, "segment %d's paragraph %d comes after paragraph %d", s.ID, s.Paragraph, st.segs[i-1].Paragraph)
		case pending > 1:
			bad(i, "segment %d has %d pending corrections", s.ID, pending)
		case s.State == StateInProgress && (s.LeaseHolderID == nil || s.LeaseExpiresAt == nil):
			bad(i, "in_progress segment %d has no lease holder", s.ID)
		case s.State != StateInProgress && leased:
			bad(i, "%s segment %d has a lease", s.State, s.ID)
		case s.State == StateClean && (open > 0 || pending > 0 || dismissals > 0):
			bad(i, "clean segment %d has %d open flags, %d pending corrections, %d pending dismissals", s.ID, open, pending, dismissals)
		case s.State == StateClean && approved:
			// settledState's rule: reviewed words are approved, not clean.
			bad(i, "clean segment %d has reviewed words (an approved correction, or current %q, MT %q)", s.ID, s.CurrentText, s.MTText)
		case s.State == StateCorrected && pending == 0 && dismissals == 0:
			bad(i, "corrected segment %d has nothing waiting for an editor", s.ID)
		case s.State == StateApproved && (!approved || pending > 0 || dismissals > 0):
			bad(i, "approved segment %d: approved correction %v, %d pending corrections, %d pending dismissals", s.ID, approved, pending, dismissals)
		case (s.State == StateFlagged || s.State == StateRejected) && (open <= dismissals || pending > 0):
			// In the queue, a segment has work for a translator: an open
			// flag nobody asked to dismiss (a dismissal of another flag may
			// wait for an editor meanwhile).
			bad(i, "%s segment %d has %d open flags, %d pending corrections, %d pending dismissals", s.State, s.ID, open, pending, dismissals)
		case !slices.Contains([]string{StateClean, StateFlagged, StateInProgress, StateCorrected, StateApproved, StateRejected}, s.State):
			bad(i, "segment %d is in state %q", s.ID, s.State)
		}
		for _, f := range s.flags {
			switch {
			case !slices.Contains([]string{FlagOpen, FlagResolved, FlagDismissed}, f.Status):
				bad(i, "flag %d has status %q", f.ID, f.Status)
			case f.Status == FlagDismissed && f.ResolvedBy == nil:
				bad(i, "dismissed flag %d has nobody who dismissed it", f.ID)
			case f.Status == FlagOpen && !slices.ContainsFunc(flagTexts(s, f), func(text string) bool { return flagFits(f, text) }):
				bad(i, "flag %d (%s %q at %d..%d) is not within the segment's text %q", f.ID, f.Check, f.Text, f.StartOffset, f.EndOffset, s.MTText)
			}
		}
	}
	return out
}

// flagFits reports whether f's offsets lie within text and, unless the flag
// marks a break (no width), cover f's text.
func flagFits(f Flag, text string) bool {
	if f.StartOffset < 0 || f.StartOffset > f.EndOffset || f.EndOffset > len(text) {
		return false
	}
	return f.StartOffset == f.EndOffset || text[f.StartOffset:f.EndOffset] == f.Text
}

// checkFourEyes is invariant 4: a reviewed correction was reviewed by
// someone other than its author, and a dismissed flag was accepted by
// someone other than the person who proposed it.
func (r *propRun) checkFourEyes(st liveState) []violation {
	var out []violation
	for i, s := range st.segs {
		for _, c := range s.corrections {
			reviewed := c.Status == CorrectionApproved || c.Status == CorrectionRejected
			switch {
			case reviewed && c.ReviewerID == nil:
				out = append(out, violation{inv: invFourEyes, pos: i, msg: fmt.Sprintf("%s correction %d has no reviewer", c.Status, c.ID)})
			case reviewed && *c.ReviewerID == c.AuthorID:
				out = append(out, violation{inv: invFourEyes, pos: i, msg: fmt.Sprintf("%s %s their own correction %d",
					r.nameOf(c.AuthorID), c.Status, c.ID)})
			}
		}
		for _, f := range s.flags {
			if f.Status != FlagDismissed || f.ResolvedBy == nil {
				continue
			}
			proposer, ok := dismissalProposer(r, f)
			switch {
			case !ok:
				out = append(out, violation{inv: invFourEyes, pos: i, msg: fmt.Sprintf("dismissed flag %d (%s %q) has no proposal", f.ID, f.Check, f.Text)})
			case proposer == *f.ResolvedBy:
				out = append(out, violation{inv: invFourEyes, pos: i, msg: fmt.Sprintf(
					"flag %d (%s %q) was dismissed by %s alone: proposed and accepted by the same person",
					f.ID, f.Check, f.Text, r.nameOf(proposer))})
			}
		}
	}
	return out
}

// describe is the segment at pos as a failure report shows it.
func describe(st liveState, pos int) string {
	s := st.at(pos)
	if s == nil {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "segment %d at position %d, paragraph %d, %s, revision %d\n  mt:      %q\n  current: %q\n",
		s.ID, s.Position, s.Paragraph, s.State, s.Revision, s.MTText, s.CurrentText)
	for _, f := range s.flags {
		fmt.Fprintf(&b, "  flag %d %s %s %q→%q at %d..%d, resolved_by %v\n", f.ID, f.Status, f.Check, f.Text, f.Suggestion,
			f.StartOffset, f.EndOffset, deref(f.ResolvedBy))
	}
	for _, c := range s.corrections {
		fmt.Fprintf(&b, "  correction %d %s by %d, reviewer %v: %q\n", c.ID, c.Status, c.AuthorID, deref(c.ReviewerID), c.Text)
	}
	return b.String()
}

func deref(p *int64) any {
	if p == nil {
		return "-"
	}
	return *p
}
