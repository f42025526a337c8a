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
