package review

import (
	"encoding/json"
	"slices"

	"lector/account"
)

// The property test reaches the workflow only through the functions in this
// file, one per operation, and asks who may do what only through the
// predicates below. When the workflow's API changes (approval over open
// flags, reviewed dismissals, corrections of any segment, skip), these are
// the places to adapt; the op table, the runner and the invariants stay.

func claimNext(r *propRun, p *account.Principal) error {
	_, err := Claim(r.ctx, r.w.db, p, QueueFilter{ArticleID: r.article})
	return err
}

func releaseSegment(r *propRun, p *account.Principal, segmentID int64) error {
	_, err := Release(r.ctx, r.w.db, p, segmentID)
	return err
}

// correctSegment submits p's text for a segment at revision.
func correctSegment(r *propRun, p *account.Principal, seg *Segment, text string, revision int) error {
	_, err := Submit(r.ctx, r.w.db, p, Submission{SegmentID: seg.ID, Text: text, Revision: revision, Comment: "property"}, nil)
	return err
}

// dismissFlag is "Not a mistake" on a flag: a proposal that another
// editor accepts or rejects (op rows of their own).
func dismissFlag(r *propRun, p *account.Principal, flagID int64) error {
	_, _, err := Dismiss(r.ctx, r.w.db, p, flagID, "not a mistake here")
	return err
}

// acceptDismissal and rejectDismissal decide on a pending proposal.
func acceptDismissal(r *propRun, p *account.Principal, dismissalID int64) error {
	_, err := AcceptDismissal(r.ctx, r.w.db, p, dismissalID, DismissalReview{})
	return err
}

func rejectDismissal(r *propRun, p *account.Principal, dismissalID int64) error {
	_, err := RejectDismissal(r.ctx, r.w.db, p, dismissalID, DismissalReview{Reason: "wrong_name", Comment: "property"})
	return err
}

// reopenFlag is an editor's reopening of a dismissed flag.
func reopenFlag(r *propRun, p *account.Principal, flagID int64) error {
	_, err := ReopenFlag(r.ctx, r.w.db, p, flagID)
	return err
}

// claimChosen leases one chosen segment (clean and approved ones too).
func claimChosen(r *propRun, p *account.Principal, segmentID int64) error {
	_, err := ClaimSegment(r.ctx, r.w.db, p, segmentID)
	return err
}

// skipSegment gives a held segment back and claims another.
func skipSegment(r *propRun, p *account.Principal, segmentID int64) error {
	_, err := Skip(r.ctx, r.w.db, p, segmentID, QueueFilter{ArticleID: r.article})
	return err
}

func approveCorrection(r *propRun, p *account.Principal, correctionID int64) error {
	_, err := Approve(r.ctx, r.w.db, r.w.checker, p, correctionID, false, nil)
	return err
}

// approveOverOpenFlags is an editor's explicit approval of a correction
// that leaves open flags: the segment is approved with them still open.
func approveOverOpenFlags(r *propRun, p *account.Principal, correctionID int64) error {
	_, err := Approve(r.ctx, r.w.db, r.w.checker, p, correctionID, true, nil)
	return err
}

func approveBatch(r *propRun, p *account.Principal, ids []int64) error {
	_, _, err := ApproveMany(r.ctx, r.w.db, r.w.checker, p, ids, nil)
	return err
}

func rejectCorrection(r *propRun, p *account.Principal, correctionID int64, reason string) error {
	_, err := Reject(r.ctx, r.w.db, p, correctionID, reason, "property", nil)
	return err
}

func mergeWithNext(r *propRun, p *account.Principal, a, b *Segment) error {
	_, err := MergeSegments(r.ctx, r.w.db, r.w.checker, p, MergeRequest{SegmentID: a.ID, Revision: a.Revision, NextRevision: b.Revision})
	return err
}

func splitAt(r *propRun, p *account.Principal, seg *Segment, offset int) error {
	_, err := SplitSegment(r.ctx, r.w.db, r.w.checker, p, SplitRequest{SegmentID: seg.ID, Revision: seg.Revision, Offset: offset})
	return err
}

func publishArticle(r *propRun, p *account.Principal, partial bool) error {
	_, err := Publish(r.ctx, r.w.db, p, r.article, PublishOptions{Partial: partial, Note: "property"})
	return err
}

// mayCorrect says which corrections the generator treats as allowed (most
// correct steps are; some try anything and may be refused): the lease
// holder of a claimed segment, and an editor on any segment nobody holds
// (a translator first claims the segment, queue or chosen).
func mayCorrect(r *propRun, actor string, s *liveSeg) bool {
	if s.State == StateInProgress {
		return r.holder(s) == actor
	}
	return slices.Contains(editors, actor)
}

// mayDismiss says who may say "Not a mistake" on a segment's open flags:
// the lease holder, and an editor on a segment nobody else holds.
func mayDismiss(r *propRun, actor string, s *liveSeg) bool {
	if s.State == StateInProgress {
		return r.holder(s) == actor
	}
	return slices.Contains(editors, actor) && slices.Contains([]string{StateFlagged, StateRejected, StateCorrected}, s.State)
}

// dismissalProposer is who asked for a dismissed flag to be dismissed, for
// invariant 4 (the person who accepted it, flags.resolved_by, must be
// someone else): the accepted proposal's author or, for a flag a repair
// carried over (its proposal row went with the old flag), the proposer the
// acceptance's audit event names, the latest acceptance of that text and
// reason by the flag's decider. ok is false when no proposal is found.
func dismissalProposer(r *propRun, f Flag) (int64, bool) {
	var proposers []int64
	if err := r.db().Model(&Dismissal{}).Where("flag_id = ? AND status = ?", f.ID, DismissalAccepted).
		Order("id DESC").Pluck("proposer_id", &proposers).Error; err != nil {
		r.t.Fatal(err)
	}
	if len(proposers) > 0 {
		return proposers[0], true
	}
	if f.ResolvedBy == nil {
		return 0, false
	}
	var details []json.RawMessage
	err := r.db().Raw(`SELECT detail FROM audit_events
WHERE article_id = ? AND action = ? AND actor_id = ? AND detail->>'text' = ? AND detail->>'reason' = ? ORDER BY id DESC`,
		r.article, ActAcceptDismissal, *f.ResolvedBy, f.Text, f.DismissReason).Scan(&details).Error
	if err != nil {
		r.t.Fatal(err)
	}
	for _, raw := range details {
		var d struct {
			Proposer int64 `json:"proposer"`
		}
		if json.Unmarshal(raw, &d) == nil && d.Proposer != 0 {
			return d.Proposer, true
		}
	}
	return 0, false
}

// pendingDismissals counts a segment's dismissals of open flags waiting for
// an editor, which keep it corrected (invariant 3).
func pendingDismissals(_ *propRun, s *liveSeg) int {
	n := 0
	for _, d := range s.dismissals {
		if d.Status == DismissalPending && slices.ContainsFunc(s.flags, func(f Flag) bool { return f.ID == d.FlagID && f.Status == FlagOpen }) {
			n++
		}
	}
	return n
}

// flagTexts are the texts an open flag's offsets refer to, by its
// offsets_in: the MT text (the import's and a repair's flags), or the
// reviewed text (an approval moves the flags it leaves open there, a repair
// of a reviewed text finds them there): the current text, or the text a
// pending correction replaced. A closed flag is history: its offsets are
// those of the text it was last seen in, which a later approval or repair
// may have replaced, so only an open flag's are checked.
func flagTexts(s *liveSeg, f Flag) []string {
	switch {
	case f.OffsetsIn != OffsetsApproved:
		return []string{s.MTText}
	case s.pending() != nil:
		return []string{s.pending().TextBefore}
	}
	return []string{s.CurrentText}
}
