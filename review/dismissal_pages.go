package review

import (
	"context"
	"fmt"
	"net/http"

	"lector/account"
	"lector/request"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"
)

// DismissPage: POST /flags/:id/dismiss proposes a dismissal and shows the
// segment again, saying that it waits for an editor.
func (h *Handlers) DismissPage(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	d, _, err := Dismiss(c.Request().Context(), h.DB, principal(c), id, c.FormValue("reason"))
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/segments/%d?proposed=1#flag-%d", d.SegmentID, d.FlagID))
}

// AcceptDismissalPage: POST /dismissals/:id/accept.
func (h *Handlers) AcceptDismissalPage(c echo.Context) error {
	return h.decideDismissalPage(c, AcceptDismissal, func() DismissalReview {
		return DismissalReview{Comment: c.FormValue("comment")}
	}, "review.html#dismissal-accepted", "/review?dismissal=accepted")
}

// RejectDismissalPage: POST /dismissals/:id/reject.
func (h *Handlers) RejectDismissalPage(c echo.Context) error {
	return h.decideDismissalPage(c, RejectDismissal, func() DismissalReview {
		return DismissalReview{Reason: c.FormValue("reason"), Comment: c.FormValue("comment")}
	}, "review.html#dismissal-rejected", "/review?dismissal=rejected")
}

// decideDismissalPage holds the steps of the review page's accept and
// reject forms: the dismissal of the path's :id, the decision with what
// the form says, then the htmx fragment that replaces the row, or back to
// the review page.
func (h *Handlers) decideDismissalPage(c echo.Context,
	decide func(context.Context, *gorm.DB, *account.Principal, int64, DismissalReview) (*Dismissal, error),
	form func() DismissalReview, fragment, back string) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	if _, err := decide(c.Request().Context(), h.DB, principal(c), id, form()); err != nil {
		return err
	}
	if isHTMX(c) {
		return c.Render(http.StatusOK, fragment, nil)
	}
	return c.Redirect(http.StatusSeeOther, back)
}

// ReopenPage: POST /flags/:id/reopen.
func (h *Handlers) ReopenPage(c echo.Context) error {
	f, err := onPathID(c, h.DB, ReopenFlag)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/segments/%d#flag-%d", f.SegmentID, f.ID))
}

// reviewDismissals is the review page's part about dismissals: the pending
// ones and the notice of the decision just taken (?dismissal=accepted or
// rejected).
type reviewDismissals struct {
	Dismissals      []PendingDismissal
	DismissalNotice string
}

func (h *Handlers) loadReviewDismissals(c echo.Context) (reviewDismissals, error) {
	list, err := ListDismissals(c.Request().Context(), h.DB, principal(c), DismissalPending, 0)
	if err != nil {
		return reviewDismissals{}, err
	}
	out := reviewDismissals{Dismissals: list}
	if n := c.QueryParam("dismissal"); n == DismissalAccepted || n == DismissalRejected {
		out.DismissalNotice = n
	}
	return out, nil
}

// segmentDismissalsView is the segment page's part about dismissals: each
// flag's latest proposal, and the rejected proposals of flags still open,
// whose reasons the translator must see.
type segmentDismissalsView struct {
	DismissalOf        map[int64]*DismissalRow
	RejectedDismissals []*DismissalRow
	FlagTexts          map[int64]string // the words each flag is about
	Proposed           bool
}

func newSegmentDismissals(d *SegmentDetail) segmentDismissalsView {
	v := segmentDismissalsView{DismissalOf: latestDismissals(d.Dismissals), FlagTexts: map[int64]string{}}
	for _, f := range d.Segment.Flags {
		v.FlagTexts[f.ID] = f.Text
	}
	if d.Segment.State != StateRejected && d.Segment.State != StateInProgress {
		return v // an old rejection, since dealt with
	}
	for _, f := range d.Segment.Flags {
		if dm := v.DismissalOf[f.ID]; dm != nil && f.Status == FlagOpen && dm.Status == DismissalRejected {
			v.RejectedDismissals = append(v.RejectedDismissals, dm)
		}
	}
	return v
}
