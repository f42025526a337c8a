package review

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
)

// PropagationRequest says how to propagate and to which occurrences: the
// flags chosen (Flags), every occurrence in the segments chosen (Segments),
// every occurrence (All), or, with none of these, every occurrence ticked
// by default (ordinary wrong forms: no false friends, nothing of low
// confidence), which is what the API did before it took a selection.
type PropagationRequest struct {
	Mode     string  `json:"mode"`
	Flags    []int64 `json:"flags"`
	Segments []int64 `json:"segments"`
	All      bool    `json:"all"`
}

// Segment outcomes of a propagation.
const (
	OutcomeApproved = "approved" // corrected and approved (other flags may stay open: OpenFlags)
	OutcomePending  = "pending"  // corrected, the correction waits for an editor
	OutcomeSkipped  = "skipped"  // left alone
)

// Why a segment was skipped or left pending. A skipped segment in a state
// propagation does not start from has that state as its reason.
const (
	SkipLeased    = "leased"    // someone holds its lease
	SkipBusy      = "busy"      // another transaction holds it right now
	SkipCorrected = "corrected" // it has a pending correction
	SkipChanged   = "changed"   // its text changed since it was flagged
	SkipClosed    = "closed"    // none of the chosen flags is open any more
	SkipGone      = "gone"      // the segment is gone (joined or split)
	SkipForbidden = "forbidden" // the editor may no longer review
	PendingMode   = "mode"      // the editor chose pending corrections
	PendingRefuse = "refused"   // approving was refused (see the audit log)
)

// Outcome is what propagation did to one segment.
type Outcome struct {
	SegmentID    int64   `json:"segment"`
	ArticleID    int64   `json:"article"`
	Flags        []int64 `json:"flags"`
	Outcome      string  `json:"outcome"`
	Reason       string  `json:"reason,omitempty"`
	CorrectionID int64   `json:"correction,omitempty"`
	State        string  `json:"state"`
	OpenFlags    int     `json:"open_flags"`
	// The article's title and the segment's text now, when listed.
	ArticleTitle string `json:"article_title,omitempty"`
	Text         string `json:"text,omitempty"`
}

// OutcomeCounts add up: Requested = Approved + Pending + Skipped once done.
type OutcomeCounts struct {
	Requested int `json:"requested"`
	Done      int `json:"done"`
	Approved  int `json:"approved"`
	Pending   int `json:"pending"`
	Skipped   int `json:"skipped"`
}

// target is one segment to propagate to, with the chosen flags in it.
type target struct {
	SegmentID, ArticleID int64
	Flags                []int64
}

// checkRequest validates a request against its source correction: the
// mode, and in approved mode that p did not write the source (p approves
// every copy of it). Codes: invalid, forbidden.
func checkRequest(p *account.Principal, src *Correction, req PropagationRequest) error {
	switch req.Mode {
	case PropagatePending, PropagateApprove:
	default:
		return apperr.New(apperr.Invalid, "error.bad_mode", map[string]any{"Value": req.Mode})
	}
	if req.Mode == PropagateApprove && src.AuthorID == p.UserID {
		return apperr.New(apperr.Forbidden, "error.own_correction", map[string]any{"ID": src.ID})
	}
	if len(req.Flags) > 0 && len(req.Segments) > 0 {
		return apperr.New(apperr.Invalid, "error.propagation_selection", nil)
	}
	for field, ids := range map[string][]int64{"flags": req.Flags, "segments": req.Segments} {
		if len(ids) > MaxPropagationSelection {
			return apperr.New(apperr.Invalid, "error.too_many", map[string]any{"Field": field, "Limit": MaxPropagationSelection})
		}
	}
	return nil
}

// MaxPropagationSelection bounds the flags or segments one request names;
// "all" and the default selection have no such bound (the server finds
// them, in batches).
const MaxPropagationSelection = 10000

// plan turns a request into the segments to propagate to, ordered by id
// (the order every batch locks them in). Chosen flags must be occurrences
// of the source's wrong forms, open or closed since (those report
// "closed"); a chosen segment without an open occurrence reports
// "closed" too. Codes: invalid (a flag that is no occurrence).
func plan(ctx context.Context, tx *gorm.DB, src *Correction, rs []Replacement, req PropagationRequest) ([]target, error) {
	if len(rs) == 0 {
		if len(req.Flags) > 0 {
			return nil, apperr.New(apperr.Invalid, "error.propagation_not_occurrence", map[string]any{"ID": req.Flags[0]})
		}
		return nil, nil
	}
	type row struct {
		ID, SegmentID, ArticleID int64
		Check                    string
		Confidence               float64
	}
	var rows []row
	q := occurrences(tx.WithContext(ctx), src, rs).Select(`f.id, f.segment_id, s.article_id, f."check", f.confidence`)
	switch {
	case len(req.Flags) > 0:
		q = q.Where("f.id IN ?", req.Flags)
	case len(req.Segments) > 0:
		q = q.Where("f.status = ? AND f.segment_id IN ?", FlagOpen, req.Segments)
	default:
		q = q.Where("f.status = ?", FlagOpen)
	}
	if err := q.Order("f.segment_id, f.id").Scan(&rows).Error; err != nil {
		return nil, err
	}
	index := map[int64]int{} // segment id → its place in out
	var out []target
	found := map[int64]bool{}
	for _, r := range rows {
		found[r.ID] = true
		if len(req.Flags) == 0 && len(req.Segments) == 0 && !req.All &&
			!DefaultSelected(&Flag{Check: r.Check, Confidence: r.Confidence}) {
			continue
		}
		i, ok := index[r.SegmentID]
		if !ok {
			i = len(out)
			index[r.SegmentID] = i
			out = append(out, target{SegmentID: r.SegmentID, ArticleID: r.ArticleID})
		}
		out[i].Flags = append(out[i].Flags, r.ID)
	}
	for _, id := range req.Flags {
		if !found[id] {
			return nil, apperr.New(apperr.Invalid, "error.propagation_not_occurrence", map[string]any{"ID": id})
		}
	}
	for _, id := range req.Segments {
		if _, ok := index[id]; ok {
			continue
		}
		var article []int64
		if err := tx.WithContext(ctx).Model(&Segment{}).Where("id = ?", id).Pluck("article_id", &article).Error; err != nil {
			return nil, err
		}
		if len(article) == 0 {
			return nil, apperr.New(apperr.Invalid, "error.propagation_not_occurrence", map[string]any{"ID": id})
		}
		index[id] = len(out)
		out = append(out, target{SegmentID: id, ArticleID: article[0]})
	}
	slices.SortFunc(out, func(a, b target) int { return int(a.SegmentID - b.SegmentID) })
	return out, nil
}

// occurrences selects the flags, of any status, with a replacement's text
// and entry outside the correction's own segment.
func occurrences(db *gorm.DB, c *Correction, rs []Replacement) *gorm.DB {
	q := db.Table("flags AS f").Joins("JOIN segments s ON s.id = f.segment_id").Where("f.segment_id <> ?", c.SegmentID)
	var or []string
	var args []any
	for _, r := range rs {
		or = append(or, "(f.text = ? AND f.glossary_entry_id = ?)")
		args = append(args, r.Text, r.EntryID)
	}
	return q.Where(strings.Join(or, " OR "), args...)
}

// lockSegmentNowaitSQL locks a segment unless another transaction holds
// it: a propagation never waits for a person's step.
const lockSegmentNowaitSQL = `SELECT ` + segmentRead + ` FROM segments WHERE id = ? FOR UPDATE SKIP LOCKED`

// blockReason says why propagation cannot start on seg now, or "" when it
// can (a lapsed lease is no obstacle: it is ended first).
func blockReason(seg *Segment, p *account.Principal) string {
	switch {
	case leasedByOther(seg, p):
		return SkipLeased
	case seg.State == StateCorrected:
		return SkipCorrected
	case seg.State == StateInProgress && !holds(seg, p) && !leasedByOther(seg, p):
		return "" // a lapsed lease
	}
	if _, err := Next(seg.State, ActPropagate, p); err != nil {
		if apperr.CodeOf(err) == apperr.Forbidden || apperr.CodeOf(err) == apperr.Unauthorized {
			return SkipForbidden
		}
		return seg.State
	}
	if seg.CurrentText != seg.MTText {
		return SkipChanged
	}
	return ""
}

// applyTarget propagates to one segment inside tx: a pending correction
// in the source author's name (so that any editor, p included, may approve
// it), then, in approved mode, p's approval through approve, the same step
// as a normal approval. It returns the segment's outcome; an error is
// internal and ends tx.
func applyTarget(ctx context.Context, tx *gorm.DB, checker *Checker, p *account.Principal, src *Correction, rs []Replacement, mode string, t target) (Outcome, error) {
	out := Outcome{SegmentID: t.SegmentID, ArticleID: t.ArticleID, Flags: t.Flags, Outcome: OutcomeSkipped}
	if out.Flags == nil {
		out.Flags = []int64{}
	}
	var seg Segment
	found, err := queryRow(ctx, tx, lockSegmentNowaitSQL, []any{t.SegmentID}, seg.readFields()...)
	if err != nil {
		return out, err
	}
	if !found {
		var n int64
		if err := tx.WithContext(ctx).Model(&Segment{}).Where("id = ?", t.SegmentID).Count(&n).Error; err != nil {
			return out, err
		}
		out.Reason = map[bool]string{true: SkipBusy, false: SkipGone}[n > 0]
		return out, nil
	}
	out.State = seg.State
	var flags []Flag
	if len(t.Flags) > 0 {
		if err := tx.WithContext(ctx).Where("id IN ? AND segment_id = ? AND status = ?", t.Flags, seg.ID, FlagOpen).
			Order("start_offset DESC, id").Find(&flags).Error; err != nil {
			return out, err
		}
	}
	if len(flags) == 0 {
		out.Reason = SkipClosed
		return out, nil
	}
	if out.Reason = blockReason(&seg, p); out.Reason != "" {
		return out, nil
	}
	if seg.State == StateInProgress { // a lapsed lease
		if _, err := expire(ctx, tx, &seg); err != nil {
			return out, err
		}
		if out.Reason = blockReason(&seg, p); out.Reason != "" {
			out.State = seg.State
			return out, nil
		}
	}
	text, ok := replaceFlags(seg.CurrentText, flags, rs)
	if !ok {
		out.Reason = SkipChanged
		return out, nil
	}
	to, err := Next(seg.State, ActPropagate, p)
	if err != nil {
		return out, err // blockReason checked it
	}
	c := &Correction{}
	if _, err := queryRow(ctx, tx, propagateInsertSQL, []any{seg.ID, src.AuthorID, seg.Revision, seg.CurrentText, text,
		fmt.Sprintf("propagated from correction %d", src.ID), CorrectionPending}, c.fields()...); err != nil {
		return out, err
	}
	ch := change{p: p, action: ActPropagate, from: seg.State, to: to, before: seg.CurrentText, after: text,
		detail: map[string]any{"correction": c.ID, "source": src.ID, "author": src.AuthorID, "mode": mode}}
	if err := ch.apply(ctx, tx, &seg, submitSet, text, to); err != nil {
		return out, err
	}
	out.CorrectionID, out.State, out.Outcome, out.Reason = c.ID, to, OutcomePending, PendingMode
	if mode != PropagateApprove {
		return out, nil
	}
	// The normal approval, so that whatever it does (findings recomputed
	// on the approved text, glossary learning, the segment's next state)
	// holds for propagated fixes too.
	if _, err := approve(ctx, tx, checker, p, c.ID, false); err != nil {
		if ae, ok := err.(*apperr.Error); ok && ae.Code != apperr.Internal {
			out.Reason = PendingRefuse
			return out, nil
		}
		return out, err
	}
	var after struct {
		State string
		Open  int
	}
	if err := tx.WithContext(ctx).Raw(`SELECT s.state, (SELECT count(*) FROM flags f WHERE f.segment_id = s.id AND f.status = ?) AS open
FROM segments s WHERE s.id = ?`, FlagOpen, seg.ID).Scan(&after).Error; err != nil {
		return out, err
	}
	out.Outcome, out.Reason, out.State, out.OpenFlags = OutcomeApproved, "", after.State, after.Open
	return out, nil
}

// propagateInsertSQL inserts a propagated pending correction.
const propagateInsertSQL = `INSERT INTO corrections (segment_id, author_id, base_revision, text_before, text, comment, status)
VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING ` + correctionColumns

// replaceFlags replaces each flag's text in text (which must be the text
// the flags were found in) by its replacement; flags come last first, so
// that earlier offsets stay valid. ok is false when text no longer holds a
// flag's form where it was found.
func replaceFlags(text string, flags []Flag, rs []Replacement) (string, bool) {
	for _, f := range flags {
		if f.StartOffset < 0 || f.EndOffset > len(text) || f.StartOffset > f.EndOffset || text[f.StartOffset:f.EndOffset] != f.Text {
			return "", false
		}
		with, found := "", false
		for _, r := range rs {
			if r.Text == f.Text && f.GlossaryEntryID != nil && r.EntryID == *f.GlossaryEntryID {
				with, found = r.With, true
			}
		}
		if !found {
			return "", false
		}
		text = text[:f.StartOffset] + with + text[f.EndOffset:]
	}
	return text, true
}
