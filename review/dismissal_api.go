package review

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"lector/request"
)

type dismissForm struct {
	Reason string `json:"reason"`
}

// APIDismiss: POST /api/v1/flags/:id/dismiss proposes a dismissal: 201 with
// the pending proposal, 200 with the caller's proposal already pending.
func (h *Handlers) APIDismiss(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	var f dismissForm
	if err := request.BindJSON(c, &f, maxJSONBody); err != nil {
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
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	var f dismissalAcceptForm
	if err := bindOptionalJSON(c, &f); err != nil {
		return err
	}
	d, err := AcceptDismissal(c.Request().Context(), h.DB, principal(c), id, DismissalReview{Comment: f.Comment})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, d)
}

// APIRejectDismissal: POST /api/v1/dismissals/:id/reject, body optional.
func (h *Handlers) APIRejectDismissal(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	var f dismissalReviewForm
	if err := bindOptionalJSON(c, &f); err != nil {
		return err
	}
	d, err := RejectDismissal(c.Request().Context(), h.DB, principal(c), id, DismissalReview{Reason: f.Reason, Comment: f.Comment})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, d)
}

// APIReopen: POST /api/v1/flags/:id/reopen (editors).
func (h *Handlers) APIReopen(c echo.Context) error {
	return jsonOnPathID(c, h.DB, ReopenFlag)
}
