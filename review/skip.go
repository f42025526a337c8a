package review

import (
	"context"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/request"
)

// SkipResult is what Skip did: the segment given back and the one claimed
// instead (nil when nothing is left to claim). OnlyOne is set when the
// skipped segment was claimed again because it is the only one left.
type SkipResult struct {
	Skipped int64    `json:"skipped"`
	Segment *Segment `json:"segment"`
	OnlyOne bool     `json:"only_one"`
}

// Skip gives back the segment p holds and claims a different one: the next
// claimable segment after it in queue order (article, position) matching
// f, wrapping around to the start of the queue; the skipped segment only
// when it is the only one left. It keeps no memory of what was skipped:
// the skipped segment's position is where the search starts. Codes:
// unauthorized, forbidden (not a translator), not_found, conflict (p does
// not hold the segment).
func Skip(ctx context.Context, db *gorm.DB, p *account.Principal, segmentID int64, f QueueFilter) (*SkipResult, error) {
	if _, err := Next(StateFlagged, ActClaim, p); err != nil {
		return nil, err
	}
	out := &SkipResult{Skipped: segmentID}
	err := inLockedSegment(ctx, db, segmentID, func(tx *gorm.DB, seg *Segment) error {
		if !holds(seg, p) {
			if leasedByOther(seg, p) {
				return apperr.New(apperr.Conflict, "error.segment_leased", map[string]any{"ID": seg.ID})
			}
			return apperr.New(apperr.Conflict, "error.lease_not_held", map[string]any{"ID": seg.ID})
		}
		to, err := Next(seg.State, ActRelease, p)
		if err != nil {
			return err
		}
		if to, err = leaseEndState(ctx, tx, seg, to); err != nil {
			return err
		}
		ch := change{p: p, action: ActRelease, from: seg.State, to: to, detail: map[string]any{"skip": true}}
		if err := ch.apply(ctx, tx, seg, endLeaseSet, to); err != nil {
			return err
		}
		next, err := pickAfter(tx, f, seg)
		if err != nil || next == nil {
			return err
		}
		out.Segment, out.OnlyOne = next, next.ID == seg.ID
		return lease(ctx, tx, p, next)
	})
	if err != nil {
		return nil, apperr.Annotate(err, "skip")
	}
	return out, nil
}

// pickAfter locks the first claimable segment after seg in queue order,
// else the first one before it (wrapping around), else seg itself.
func pickAfter(tx *gorm.DB, f QueueFilter, seg *Segment) (*Segment, error) {
	for _, step := range []struct {
		cond string
		args []any
	}{
		{claimable + ` AND (s.article_id, s.position) > (?, ?)`, []any{seg.ArticleID, seg.Position}},
		{claimable + ` AND (s.article_id, s.position) < (?, ?)`, []any{seg.ArticleID, seg.Position}},
		{claimable + ` AND s.id = ?`, []any{seg.ID}},
	} {
		next, err := pick(tx, f, step.cond, step.args...)
		if err != nil || next != nil {
			return next, err
		}
	}
	return nil, nil
}

// APISkip: POST /api/v1/segments/:id/skip with an optional claimForm body
// (the queue filter); 200 with the SkipResult, 204 when nothing is left to
// claim after giving the segment back.
func (h *Handlers) APISkip(c echo.Context) error {
	var f claimForm
	id, err := idAndForm(c, &f, true)
	if err != nil {
		return err
	}
	res, err := Skip(c.Request().Context(), h.DB, principal(c), id, QueueFilter{ArticleID: f.Article, Lang: f.Lang})
	if err != nil {
		return err
	}
	if res.Segment == nil {
		return c.NoContent(http.StatusNoContent)
	}
	return h.claimedJSON(c, res.Segment, res)
}

// SkipPage: POST /segments/:id/skip opens the segment claimed instead, or
// the queue when nothing is left.
func (h *Handlers) SkipPage(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	article, err := request.Int("article", c.FormValue("article"), 0, 0, request.MaxInt8)
	if err != nil {
		return err
	}
	res, err := Skip(c.Request().Context(), h.DB, principal(c), id, QueueFilter{ArticleID: article, Lang: c.FormValue("lang")})
	if err != nil {
		return err
	}
	switch {
	case res.Segment == nil:
		return c.Redirect(http.StatusSeeOther, "/queue?empty=1")
	case res.OnlyOne:
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/segments/%d?only=1", res.Segment.ID))
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/segments/%d", res.Segment.ID))
}

// ClaimSegment leases one chosen segment to translator p, whatever the
// queue would hand out next: a flagged or rejected one, and also a clean or
// approved one, so that an error the checker missed can be corrected (its
// correction goes to review like any other). When the lease ends without a
// correction the segment returns to the state it had (leaseEnds). Claiming
// a segment p already holds renews the lease. Codes: unauthorized,
// forbidden (not a translator), not_found, conflict (leased by someone
// else, or a correction waits for an editor).
func ClaimSegment(ctx context.Context, db *gorm.DB, p *account.Principal, segmentID int64) (*Segment, error) {
	if _, err := Next(StateClean, ActClaim, p); err != nil {
		return nil, err
	}
	var out *Segment
	err := inLockedSegment(ctx, db, segmentID, func(tx *gorm.DB, seg *Segment) error {
		switch {
		case holds(seg, p):
			var err error
			out, err = extendLease(ctx, tx, seg.ID)
			return err
		case leasedByOther(seg, p):
			return apperr.New(apperr.Conflict, "error.segment_leased", map[string]any{"ID": seg.ID})
		case seg.State == StateCorrected:
			return apperr.New(apperr.Conflict, "error.claim_corrected", map[string]any{"ID": seg.ID})
		}
		out = seg
		return lease(ctx, tx, p, seg)
	})
	if err != nil {
		return nil, apperr.Annotate(err, "claim segment")
	}
	return out, nil
}

// APIClaimSegment: POST /api/v1/segments/:id/claim, 200 with the leased
// segment and its flags.
func (h *Handlers) APIClaimSegment(c echo.Context) error {
	seg, err := onPathID(c, h.DB, ClaimSegment)
	if err != nil {
		return err
	}
	return h.claimedJSON(c, seg, seg)
}

// ClaimSegmentPage: POST /segments/:id/claim ("Work on this segment")
// opens the segment with its correction box.
func (h *Handlers) ClaimSegmentPage(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	if _, err := ClaimSegment(c.Request().Context(), h.DB, principal(c), id); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/segments/%d#correct", id))
}
