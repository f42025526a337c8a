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
	_, err := Submit(r.ctx, r.w.db, p, Submission{SegmentID: seg.ID, Text: text, Revision: revision, Comment: "property"})
	return err
}

// dismissFlag is "Not a mistake" on a flag. Today it closes the flag at
// once; once dismissals are proposals, this proposes, and accepting or
// rejecting the proposal are op rows of their own.
func dismissFlag(r *propRun, p *account.Principal, flagID int64) error {
	_, err := Dismiss(r.ctx, r.w.db, p, flagID, "not a mistake here")
	return err
}

func approveCorrection(r *propRun, p *account.Principal, correctionID int64) error {
	_, err := Approve(r.ctx, r.w.db, p, correctionID)
	return err
}

// approveOverOpenFlags is an editor's explicit approval of a correction
// that leaves open flags. Today's Approve makes no difference between the
// two (it resolves every flag); the explicit form is the one to call here
// once it exists.
func approveOverOpenFlags(r *propRun, p *account.Principal, correctionID int64) error {
	_, err := Approve(r.ctx, r.w.db, p, correctionID)
	return err
}

func approveBatch(r *propRun, p *account.Principal, ids []int64) error {
	_, _, err := ApproveMany(r.ctx, r.w.db, p, ids)
	return err
}

func rejectCorrection(r *propRun, p *account.Principal, correctionID int64, reason string) error {
	_, err := Reject(r.ctx, r.w.db, p, correctionID, reason, "property")
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
// correct steps are; some try anything and may be refused). Today: the
// lease holder of a claimed segment, and an editor on a segment in the
// queue or waiting for review. Once anyone with a role may correct any
// segment, this is every translator and editor on every segment nobody
// else holds.
func mayCorrect(r *propRun, actor string, s *liveSeg) bool {
	if s.State == StateInProgress {
		return r.holder(s) == actor
	}
	return slices.Contains(editors, actor) && slices.Contains([]string{StateFlagged, StateRejected, StateCorrected}, s.State)
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
// someone else). Today nobody proposes: the dismisser's own audit event
// ("dismiss", detail.flag) is the proposal, so proposer and decider are the
// same person. With reviewed dismissals this reads the proposal's author.
// ok is false when no proposal is found.
func dismissalProposer(r *propRun, f Flag) (int64, bool) {
	var rows []struct {
		ActorID *int64
		Detail  json.RawMessage
	}
	err := r.db().Raw(`SELECT actor_id, detail FROM audit_events
WHERE article_id = ? AND action = ? AND detail->>'text' = ? AND detail->>'reason' = ? ORDER BY id`,
		r.article, ActDismiss, f.Text, f.DismissReason).Scan(&rows).Error
	if err != nil {
		r.t.Fatal(err)
	}
	// The event names the flag; a repair carries a dismissal over to a new
	// flag row, so the text and reason find it then.
	var fallback *int64
	for _, e := range rows {
		var d struct {
			Flag int64 `json:"flag"`
		}
		if json.Unmarshal(e.Detail, &d) == nil && d.Flag == f.ID && e.ActorID != nil {
			return *e.ActorID, true
		}
		if fallback == nil {
			fallback = e.ActorID
		}
	}
	if fallback != nil {
		return *fallback, true
	}
	return 0, false
}

// pendingDismissals counts a segment's dismissals waiting for an editor,
// which keep it corrected (invariant 3). Today there are none: a dismissal
// closes the flag at once.
func pendingDismissals(_ *propRun, _ *liveSeg) int { return 0 }

// flagTexts are the texts a flag's offsets may refer to: the MT text (the
// import's and a repair's flags) and, once findings are recomputed on the
// approved text, the current text.
func flagTexts(s *liveSeg) []string { return []string{s.MTText, s.CurrentText} }
