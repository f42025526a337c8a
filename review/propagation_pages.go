package review

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/labstack/echo/v4"

	"lector/apperr"
	"lector/request"
)

// Propagation's pages and API: the preview of the occurrences (paged, with
// checkboxes), the apply, and the propagation's progress and outcome.

// inlineMax is how many segments a propagation applies within the request;
// more go to a background job when there is a queue.
func (h *Handlers) inlineMax() int {
	if h.BackgroundAbove > 0 {
		return h.BackgroundAbove
	}
	return BackgroundAbove
}

// queryInt reads an optional positive integer query parameter. Codes:
// invalid.
func queryInt(c echo.Context, name string) (int, error) {
	raw := c.QueryParam(name)
	if raw == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || n > request.MaxInt4 { // page × per page stays an OFFSET PostgreSQL takes
		return 0, apperr.New(apperr.Invalid, "error.bad_page", map[string]any{"Field": name, "Value": raw})
	}
	return n, nil
}

// pageParams reads the optional ?page= and ?per_page= of a paged list
// (0 when absent: the list's default). Codes: invalid.
func pageParams(c echo.Context) (page, perPage int, err error) {
	if page, err = queryInt(c, "page"); err != nil {
		return 0, 0, err
	}
	perPage, err = queryInt(c, "per_page")
	return page, perPage, err
}

// APIPreview: GET /api/v1/corrections/:id/propagation?page=&per_page=.
func (h *Handlers) APIPreview(c echo.Context) error {
	return pagedJSON(c, func(ctx context.Context, id int64, page, perPage int) (any, error) {
		return PreviewPropagationPage(ctx, h.DB, principal(c), id, page, perPage)
	})
}

// APIPropagate: POST /api/v1/corrections/:id/propagation; 200 with the
// outcome when applied at once, 202 with the propagation when a background
// job applies it (GET /api/v1/propagations/{id} follows it).
func (h *Handlers) APIPropagate(c echo.Context) error {
	var f PropagationRequest
	id, err := idAndForm(c, &f, false)
	if err != nil {
		return err
	}
	job, err := StartPropagation(c.Request().Context(), h.DB, h.Checker, h.Jobs, principal(c), id, f, h.inlineMax())
	if err != nil {
		return err
	}
	if job.Background {
		c.Response().Header().Set(echo.HeaderLocation, fmt.Sprintf("/api/v1/propagations/%d", job.ID))
		return c.JSON(http.StatusAccepted, job)
	}
	return c.JSON(http.StatusOK, job.Result())
}

// APIPropagation: GET /api/v1/propagations/:id?page=&per_page=, a
// propagation's progress and one page of its outcomes.
func (h *Handlers) APIPropagation(c echo.Context) error {
	return pagedJSON(c, func(ctx context.Context, id int64, page, perPage int) (any, error) {
		return GetPropagation(ctx, h.DB, principal(c), id, page, perPage)
	})
}

// pagedJSON holds the steps of a paged GET under /api/v1/…/:id: the id of
// the path, ?page= and ?per_page=, the load, and 200 with what it gives.
func pagedJSON(c echo.Context, load func(ctx context.Context, id int64, page, perPage int) (any, error)) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	page, perPage, err := pageParams(c)
	if err != nil {
		return err
	}
	out, err := load(c.Request().Context(), id, page, perPage)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, out)
}

// propagationPage is the data of propagation.html: a preview (Preview
// set) or a propagation's progress and outcome (Job set).
type propagationPage struct {
	Preview *Preview
	Select  string // "all", "none" or "" (the default ticks) for this page's boxes
	Own     bool   // the editor wrote the source correction: no approving
	Job     *PropagationJob
	Page    int
	Pages   int
	Prev    int // the page before, 0 when none
	Next    int // the page after, 0 when none
}

// paged sets the pager's pages.
func (pg propagationPage) paged(page, pages int) propagationPage {
	pg.Page, pg.Pages = page, pages
	if page > 1 {
		pg.Prev = page - 1
	}
	if page < pages {
		pg.Next = page + 1
	}
	return pg
}

// Ticked reports whether o's box starts ticked.
func (pg propagationPage) Ticked(o Occurrence) bool {
	switch pg.Select {
	case "all":
		return true
	case "none":
		return false
	}
	return o.DefaultSelected
}

// PropagationPreviewPage: GET /corrections/:id/propagation?page=&select=.
func (h *Handlers) PropagationPreviewPage(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	page, err := queryInt(c, "page")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	pv, err := PreviewPropagationPage(ctx, h.DB, principal(c), id, page, 0)
	if err != nil {
		return err
	}
	src, err := approvedCorrection(ctx, h.DB, id)
	if err != nil {
		return err
	}
	pg := propagationPage{Preview: pv, Own: src.AuthorID == principal(c).UserID}.paged(pv.Page, pv.Pages)
	if s := c.QueryParam("select"); s == "all" || s == "none" {
		pg.Select = s
	}
	return c.Render(http.StatusOK, "propagation.html", pg)
}

// PropagatePage: POST /corrections/:id/propagation with mode and scope:
// "page" (the ticked boxes, flag=ID...), "default" (every occurrence
// ticked by default, on all pages) or "all". It shows the propagation.
func (h *Handlers) PropagatePage(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	form, err := c.FormParams()
	if err != nil {
		return apperr.New(apperr.Invalid, "error.bad_request", nil)
	}
	req := PropagationRequest{Mode: form.Get("mode")}
	switch form.Get("scope") {
	case "all":
		req.All = true
	case "default":
	default:
		for _, v := range form["flag"] {
			fid, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return apperr.New(apperr.Invalid, "error.bad_request", nil)
			}
			if !slices.Contains(req.Flags, fid) {
				req.Flags = append(req.Flags, fid)
			}
		}
		if len(req.Flags) == 0 {
			return apperr.New(apperr.Invalid, "error.propagation_nothing", nil)
		}
	}
	job, err := StartPropagation(c.Request().Context(), h.DB, h.Checker, h.Jobs, principal(c), id, req, h.inlineMax())
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/propagations/%d", job.ID))
}

// PropagationPage: GET /propagations/:id?page=, a propagation's progress
// (polled while it runs) and its outcome per segment.
func (h *Handlers) PropagationPage(c echo.Context) error {
	pg, err := h.jobPage(c)
	if err != nil {
		return err
	}
	return c.Render(http.StatusOK, "propagation.html", pg)
}

// PropagationProgress: GET /propagations/:id/progress, the fragment the
// page polls while the job runs.
func (h *Handlers) PropagationProgress(c echo.Context) error {
	pg, err := h.jobPage(c)
	if err != nil {
		return err
	}
	c.Response().Header().Set("Cache-Control", "no-store")
	return c.Render(http.StatusOK, "propagation.html#propagation-job", pg)
}

func (h *Handlers) jobPage(c echo.Context) (propagationPage, error) {
	id, err := request.PathID(c, "id")
	if err != nil {
		return propagationPage{}, err
	}
	page, err := queryInt(c, "page")
	if err != nil {
		return propagationPage{}, err
	}
	page = max(page, 1)
	job, err := GetPropagation(c.Request().Context(), h.DB, principal(c), id, page, DefaultOutcomesPerPage)
	if err != nil {
		return propagationPage{}, err
	}
	pages := max(1, (job.Done+DefaultOutcomesPerPage-1)/DefaultOutcomesPerPage)
	return propagationPage{Job: job}.paged(page, pages), nil
}

// ReasonMessage is the message of why a segment was skipped or left
// pending (or, for an occurrence, would be skipped); a state as the reason
// has the message "propagation.reason.state".
func ReasonMessage(reason string) string {
	for _, m := range reasonMessages {
		if m.reason == reason {
			return m.MessageID
		}
	}
	return "propagation.reason.state"
}

// reasonMessages pair the outcome reasons with their messages.
var reasonMessages = []struct {
	reason    string
	MessageID string
}{
	{reason: SkipLeased, MessageID: "propagation.reason.leased"},
	{reason: SkipBusy, MessageID: "propagation.reason.busy"},
	{reason: SkipCorrected, MessageID: "propagation.reason.corrected"},
	{reason: SkipChanged, MessageID: "propagation.reason.changed"},
	{reason: SkipClosed, MessageID: "propagation.reason.closed"},
	{reason: SkipGone, MessageID: "propagation.reason.gone"},
	{reason: SkipForbidden, MessageID: "propagation.reason.forbidden"},
	{reason: PendingMode, MessageID: "propagation.reason.mode"},
	{reason: PendingRefuse, MessageID: "propagation.reason.refused"},
}

// ReasonMessage is the message of o's reason.
func (o Outcome) ReasonMessage() string { return ReasonMessage(o.Reason) }

// BlockedMessage is the message of why o's segment would be skipped.
func (o Occurrence) BlockedMessage() string { return ReasonMessage(o.Blocked) }
