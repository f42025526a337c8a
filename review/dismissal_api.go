package review

import (
	"context"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
)

type dismissForm struct {
	Reason string `json:"reason"`
}

// APIDismiss: POST /api/v1/flags/:id/dismiss proposes a dismissal: 201 with
// the pending proposal, 200 with the caller's proposal already pending.
func (h *Handlers) APIDismiss(c echo.Context) error {
	var f dismissForm
	id, err := idAndForm(c, &f, false)
	if err != nil {
		return err
	}
	d, created, err := Dismiss(c.Request().Context(), h.DB, principal(c), id, f.Reason)
	if err != nil {
		return err
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	return c.JSON(status, d)
}

// APIDismissals: GET /api/v1/dismissals?status=pending (editors).
func (h *Handlers) APIDismissals(c echo.Context) error {
	limit, _ := strconv.Atoi(c.QueryParam("limit"))
	list, err := ListDismissals(c.Request().Context(), h.DB, principal(c), c.QueryParam("status"), limit)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"dismissals": list})
}

type dismissalReviewForm struct {
	Reason  string `json:"reason"`
	Comment string `json:"comment"`
}

type dismissalAcceptForm struct {
	Comment string `json:"comment"`
}

// APIAcceptDismissal: POST /api/v1/dismissals/:id/accept, body optional.
func (h *Handlers) APIAcceptDismissal(c echo.Context) error {
	return formJSON(c, true, func(ctx context.Context, id int64, f dismissalAcceptForm) (any, error) {
		return AcceptDismissal(ctx, h.DB, principal(c), id, DismissalReview{Comment: f.Comment})
	})
}

// APIRejectDismissal: POST /api/v1/dismissals/:id/reject, body optional.
func (h *Handlers) APIRejectDismissal(c echo.Context) error {
	return formJSON(c, true, func(ctx context.Context, id int64, f dismissalReviewForm) (any, error) {
		return RejectDismissal(ctx, h.DB, principal(c), id, DismissalReview{Reason: f.Reason, Comment: f.Comment})
	})
}

// APIReopen: POST /api/v1/flags/:id/reopen (editors).
func (h *Handlers) APIReopen(c echo.Context) error {
	return jsonOnPathID(c, h.DB, ReopenFlag)
}
