package review

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"lector/account"
	"lector/apperr"
)

// Page handlers serve the same use cases as the API, through the same
// domain functions; form posts answer with a redirect (303) to a page.

type queuePage struct {
	Counts []QueueCount
	Empty  bool
	Me     *account.Principal
}

// QueuePage: GET /queue.
func (h *Handlers) QueuePage(c echo.Context) error {
	counts, err := QueueCounts(c.Request().Context(), h.DB, principal(c))
	if err != nil {
		return err
	}
	return c.Render(http.StatusOK, "queue.html", queuePage{Counts: counts, Empty: c.QueryParam("empty") != "", Me: principal(c)})
}

// NextPage: POST /queue/next claims the next segment and opens it.
func (h *Handlers) NextPage(c echo.Context) error {
	article, _ := strconv.ParseInt(c.FormValue("article"), 10, 64)
	seg, err := Claim(c.Request().Context(), h.DB, principal(c), QueueFilter{ArticleID: article, Lang: c.FormValue("lang")})
	if err != nil {
		return err
	}
	if seg == nil {
		return c.Redirect(http.StatusSeeOther, "/queue?empty=1")
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/segments/%d", seg.ID))
}

// Conflict is the segment page's view of a stale revision.
type Conflict struct {
	CurrentText string
	Revision    int
	YourText    string
}

type segmentPage struct {
	*SegmentDetail
	Pieces        []Piece
	Draft         string
	Comment       string
	Conflict      *Conflict
	CanEdit       bool
	IsEditor      bool
	Submitted     bool
	RejectReasons []string
}

// SegmentPage: GET /segments/:id.
func (h *Handlers) SegmentPage(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	d, err := GetSegment(c.Request().Context(), h.DB, principal(c), id)
	if err != nil {
		return err
	}
	page := newSegmentPage(d, principal(c))
	page.Submitted = c.QueryParam("submitted") != ""
	return c.Render(http.StatusOK, "segment.html", page)
}

func newSegmentPage(d *SegmentDetail, p *account.Principal) segmentPage {
	var open []Flag
	for _, f := range d.Segment.Flags {
		if f.Status == FlagOpen && f.EndOffset <= len(d.Segment.MTText) {
			open = append(open, f)
		}
	}
	s := d.Segment
	editor := p.Has(account.RoleEditor)
	canEdit := d.HeldByMe || editor && !leasedByOther(&s, p) && s.State != StateApproved && s.State != StateClean
	return segmentPage{SegmentDetail: d, Pieces: pieces(s.MTText, open), Draft: s.CurrentText, CanEdit: canEdit,
		IsEditor: editor, RejectReasons: RejectReasons()}
}

// SubmitPage: POST /segments/:id/corrections. A stale revision shows the
// page again (409) with the other person's text beside the caller's.
func (h *Handlers) SubmitPage(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	revision, _ := strconv.Atoi(c.FormValue("revision"))
	ctx := c.Request().Context()
	in := Submission{SegmentID: id, Text: c.FormValue("text"), Revision: revision, Comment: c.FormValue("comment")}
	_, err = Submit(ctx, h.DB, principal(c), in)
	if ae, ok := err.(*apperr.Error); ok && ae.MessageID == "error.stale_revision" {
		d, err := GetSegment(ctx, h.DB, principal(c), id)
		if err != nil {
			return err
		}
		page := newSegmentPage(d, principal(c))
		page.Conflict = &Conflict{CurrentText: d.Segment.CurrentText, Revision: d.Segment.Revision, YourText: in.Text}
		page.Draft, page.Comment = in.Text, in.Comment
		return c.Render(http.StatusConflict, "segment.html", page)
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/segments/%d?submitted=1", id))
}

// ReleasePage: POST /segments/:id/release.
func (h *Handlers) ReleasePage(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if _, err := Release(c.Request().Context(), h.DB, principal(c), id); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/queue")
}

// DismissPage: POST /flags/:id/dismiss.
func (h *Handlers) DismissPage(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	f, err := Dismiss(c.Request().Context(), h.DB, principal(c), id, c.FormValue("reason"))
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/segments/%d", f.SegmentID))
}

type reviewPage struct {
	Pending       []PendingCorrection
	RejectReasons []string
	Preview       *Preview
	Approved      int
	Rejected      bool
}

// ReviewPage: GET /review, editors' list of pending corrections; after an
// approval (?approved=ID) it offers propagation.
func (h *Handlers) ReviewPage(c echo.Context) error {
	ctx := c.Request().Context()
	list, err := PendingCorrections(ctx, h.DB, principal(c), 0)
	if err != nil {
		return err
	}
	page := reviewPage{Pending: list, RejectReasons: RejectReasons(), Rejected: c.QueryParam("rejected") != ""}
	page.Approved, _ = strconv.Atoi(c.QueryParam("count"))
	if id, _ := strconv.ParseInt(c.QueryParam("approved"), 10, 64); id > 0 {
		pv, err := PreviewPropagation(ctx, h.DB, principal(c), id)
		if err == nil && pv.Total > 0 {
			page.Preview = pv
		}
	}
	return c.Render(http.StatusOK, "review.html", page)
}

// ApprovePage: POST /corrections/:id/approve.
func (h *Handlers) ApprovePage(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	if _, err := Approve(ctx, h.DB, principal(c), id); err != nil {
		return err
	}
	if isHTMX(c) {
		var item approvedItem
		if pv, err := PreviewPropagation(ctx, h.DB, principal(c), id); err == nil && pv.Total > 0 {
			item.Preview = pv
		}
		return c.Render(http.StatusOK, "review.html#approved-item", item)
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/review?approved=%d&count=1", id))
}

// ApproveManyPage: POST /review/approve with the checked ids.
func (h *Handlers) ApproveManyPage(c echo.Context) error {
	form, err := c.FormParams()
	if err != nil {
		return apperr.New(apperr.Invalid, "error.bad_request", nil)
	}
	var ids []int64
	for _, v := range form["id"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return apperr.New(apperr.Invalid, "error.bad_request", nil)
		}
		ids = append(ids, id)
	}
	approved, _, err := ApproveMany(c.Request().Context(), h.DB, principal(c), ids)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/review?count=%d", len(approved)))
}

// RejectPage: POST /corrections/:id/reject.
func (h *Handlers) RejectPage(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if _, err := Reject(c.Request().Context(), h.DB, principal(c), id, c.FormValue("reason"), c.FormValue("comment")); err != nil {
		return err
	}
	if isHTMX(c) {
		return c.Render(http.StatusOK, "review.html#rejected-item", nil)
	}
	return c.Redirect(http.StatusSeeOther, "/review?rejected=1")
}

type activityPage struct {
	Article *Article
	Events  []HistoryEvent
}

// ActivityPage: GET /articles/:id/activity.
func (h *Handlers) ActivityPage(c echo.Context) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	events, err := ArticleActivity(ctx, h.DB, principal(c), id, 0)
	if err != nil {
		return err
	}
	a, err := GetArticle(ctx, h.DB, id)
	if err != nil {
		return err
	}
	a.Segments = nil
	return c.Render(http.StatusOK, "activity.html", activityPage{Article: a, Events: events})
}

// approvedItem replaces an approved correction in the review list (htmx).
type approvedItem struct {
	Preview *Preview
}

// isHTMX reports whether htmx made the request, which then wants a
// fragment, not a redirect.
func isHTMX(c echo.Context) bool { return c.Request().Header.Get("HX-Request") == "true" }
