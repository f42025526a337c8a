package review

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"lector/account"
	"lector/apperr"
	"lector/comment"
	"lector/detect"
	"lector/request"
)

// Page handlers serve the same use cases as the API, through the same
// domain functions; form posts answer with a redirect (303) to a page.

type queuePage struct {
	Counts []QueueCount
	Empty  bool
	Me     *account.Principal
	listView
}

// QueuePage: GET /queue, a page of the articles with work waiting.
func (h *Handlers) QueuePage(c echo.Context) error {
	rows, pager, view, err := listPageRows(c, h.DB, queueListOptions, queueCursor,
		func(ctx context.Context, q ListQuery) ([]QueueCount, error) {
			return QueueRows(ctx, h.DB, principal(c), q)
		})
	if err != nil {
		return err
	}
	page := queuePage{Empty: c.QueryParam("empty") != "", Me: principal(c), listView: view}
	page.Counts, page.Pager = rows, pager
	return c.Render(http.StatusOK, "queue.html", page)
}

// NextPage: POST /queue/next claims the next segment and opens it.
func (h *Handlers) NextPage(c echo.Context) error {
	// A malformed article is refused, not read as "any article".
	article, err := request.Int("article", c.FormValue("article"), 0, 0, request.MaxInt8)
	if err != nil {
		return err
	}
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
	// LeaseLost: the text may be unchanged, but the caller's lease ended
	// (or someone else holds the segment now).
	LeaseLost bool
}

type segmentPage struct {
	*SegmentDetail
	Pieces        []Piece
	CurrentPieces []Piece // the current text, its open flags marked when their offsets point into it
	SourcePieces  []Piece // the source text, its names paired with the MT's marked (pages_names.go)
	// LeftOut are the open flags of source sentences the translation left
	// out after this segment: their sentences stand after the source, a
	// gap after the MT text.
	LeftOut       []Flag
	Draft         string
	Comment       string
	Conflict      *Conflict
	CanEdit       bool
	IsEditor      bool
	Submitted     bool
	RejectReasons []string
	// Done is the segment whose correction "Submit and next" just stored
	// (0 when this page was not opened that way).
	Done int64
	// Focus puts the caret in the correction box on load: the caller holds
	// the segment, replaces their own correction or got their text back
	// from a conflict. An editor merely reading keeps j and k for moving on.
	Focus         bool
	GlossaryPanel glossaryPanel
	// CommentMax is the comment form's limit (comment.MaxBody).
	CommentMax int
	segmentDismissalsView
	correctionOffer
}

// SegmentPage: GET /segments/:id.
func (h *Handlers) SegmentPage(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	done, err := request.Int("done", c.QueryParam("done"), 0, 0, request.MaxInt8)
	if err != nil {
		return err
	}
	d, err := GetSegment(c.Request().Context(), h.DB, principal(c), id)
	if err != nil {
		return err
	}
	page := newSegmentPage(d, principal(c))
	h.pairNames(&page)
	page.Done = done
	page.Submitted = c.QueryParam("submitted") != ""
	page.Focus = page.Focus && !page.Submitted // the page's "Next segment" takes the focus
	page.Proposed = c.QueryParam("proposed") != ""
	page.OnlyOne = c.QueryParam("only") != ""
	return c.Render(http.StatusOK, "segment.html", page)
}

func newSegmentPage(d *SegmentDetail, p *account.Principal) segmentPage {
	var open []Flag
	for _, f := range d.Segment.Flags {
		if f.Status == FlagOpen && f.OffsetsIn != OffsetsApproved && f.EndOffset <= len(d.Segment.MTText) {
			open = append(open, f)
		}
	}
	s := d.Segment
	current := s
	current.Flags = nil
	for _, f := range s.Flags {
		if f.Status == FlagOpen {
			current.Flags = append(current.Flags, f)
		}
	}
	var leftOut []Flag
	for _, f := range s.Flags {
		if f.Status == FlagOpen && f.Check == detect.CheckSourceSentenceMissing && f.Detail != "" {
			leftOut = append(leftOut, f)
		}
	}
	editor := p.Has(account.RoleEditor)
	offer := offerCorrection(d, p)
	source := ""
	if d.Article.SourceLang != nil && s.SourceText != nil {
		source = *d.Article.SourceLang
	}
	return segmentPage{SegmentDetail: d, Pieces: pieces(s.MTText, open), CurrentPieces: viewOf(current).Pieces, Draft: s.CurrentText,
		CanEdit: offer.canEdit, IsEditor: editor, RejectReasons: RejectReasons(), correctionOffer: offer,
		Focus: d.HeldByMe || offer.ReplaceOwn, GlossaryPanel: newGlossaryPanel(d.Glossary, d.Article.Lang, source),
		CommentMax: comment.MaxBody, segmentDismissalsView: newSegmentDismissals(d), LeftOut: leftOut}
}

// SubmitPage: POST /segments/:id/corrections. A refused submission never
// loses the text: a stale revision, a lease that ended (a laptop asleep
// past the lease) or a segment someone else holds shows the page again
// (409) with the caller's text in the box, beside the current text.
// "Submit and next" (next=1, Ctrl+Enter) then claims the translator's next
// segment and opens it.
func (h *Handlers) SubmitPage(c echo.Context) error {
	id, revision, err := idAndRevision(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	in := Submission{SegmentID: id, Text: c.FormValue("text"), Revision: revision, Comment: c.FormValue("comment")}
	next := c.FormValue("next") != ""
	if next { // refused before anything is stored: only translators claim
		if _, err := Next(StateFlagged, ActClaim, principal(c)); err != nil {
			return err
		}
	}
	if c.FormValue("claim") != "" { // the conflict box of a segment the caller must claim again
		if _, err := ClaimSegment(ctx, h.DB, principal(c), id); err != nil {
			return h.refused(c, in, err)
		}
	}
	if _, err = Submit(ctx, h.DB, principal(c), in, h.Events); err != nil {
		return h.refused(c, in, err)
	}
	if !next {
		return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/segments/%d?submitted=1", id))
	}
	seg, err := claimAfterSubmit(ctx, h.DB, principal(c), id)
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, afterSubmit(seg, id))
}

// refused answers a submission that err refused: a conflict shows the
// segment page again with the caller's text in the box; anything else
// (unavailable, internal) goes to the error handler, whose page keeps the
// text too.
func (h *Handlers) refused(c echo.Context, in Submission, err error) error {
	ae, ok := err.(*apperr.Error)
	if !ok || ae.Code != apperr.Conflict {
		return err
	}
	ctx := c.Request().Context()
	d, gerr := GetSegment(ctx, h.DB, principal(c), in.SegmentID)
	if gerr != nil {
		return gerr
	}
	page := newSegmentPage(d, principal(c))
	h.pairNames(&page)
	page.Conflict = &Conflict{CurrentText: d.Segment.CurrentText, Revision: d.Segment.Revision, YourText: in.Text,
		LeaseLost: ae.MessageID != "error.stale_revision"}
	page.conflictBox()
	page.Focus = page.CanEdit
	page.Draft, page.Comment = in.Text, in.Comment
	return c.Render(http.StatusConflict, "segment.html", page)
}

// ReleasePage: POST /segments/:id/release.
func (h *Handlers) ReleasePage(c echo.Context) error {
	if _, err := onPathID(c, h.DB, Release); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, "/queue")
}

type reviewPage struct {
	Pending       []ReviewItem
	RejectReasons []string
	Preview       *Preview
	Approved      int
	Rejected      bool
	reviewDismissals
	BackToQueue int              // approved corrections whose segment went back to the queue
	Confirm     *confirmApproval // an approval waiting for the editor's decision
	listView
}

// ReviewPage: GET /review, editors' list of pending corrections, a page at
// a time; after an approval (?approved=ID) it offers propagation.
func (h *Handlers) ReviewPage(c echo.Context) error {
	q, err := parseListQuery(c, reviewListOptions)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	page, err := h.reviewList(c, q)
	if err != nil {
		return err
	}
	page.Rejected = c.QueryParam("rejected") != ""
	if page.reviewDismissals, err = h.loadReviewDismissals(c); err != nil {
		return err
	}
	page.Approved, _ = strconv.Atoi(c.QueryParam("count"))
	page.BackToQueue, _ = strconv.Atoi(c.QueryParam("back"))
	if id, _ := strconv.ParseInt(c.QueryParam("approved"), 10, 64); id > 0 {
		pv, err := PreviewPropagation(ctx, h.DB, principal(c), id)
		if err == nil && pv.Total > 0 {
			page.Preview = pv
		}
	}
	return c.Render(http.StatusOK, "review.html", page)
}

// ApprovePage: POST /corrections/:id/approve. The form's open_flags field
// is the editor's decision about flags the approval would leave open:
// none yet → when some would be left, the page asks first (a panel listing
// them, with both ways on) and approves nothing; "queue" → approve, the
// segment goes back to the queue with them; "over" → approve over them.
func (h *Handlers) ApprovePage(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	decision := c.FormValue("open_flags")
	if decision != approveAsk && decision != approveQueue && decision != approveOver {
		return apperr.New(apperr.Invalid, "error.bad_request", nil)
	}
	ctx := c.Request().Context()
	if decision == approveAsk {
		corr, out, err := PreviewApproval(ctx, h.DB, h.Checker, principal(c), id)
		if err != nil {
			return err
		}
		if len(out.Open) > 0 {
			return h.confirmPage(c, &confirmApproval{Correction: corr, Outcome: out, InList: isHTMX(c)})
		}
	}
	a, err := Approve(ctx, h.DB, h.Checker, principal(c), id, decision == approveOver, h.Events)
	if err != nil {
		return err
	}
	if isHTMX(c) {
		item := approvedItem{Approval: a}
		if pv, err := PreviewPropagation(ctx, h.DB, principal(c), id); err == nil && pv.Total > 0 {
			item.Preview = pv
		}
		return c.Render(http.StatusOK, "review.html#approved-item", item)
	}
	back := 0
	if a.State == StateFlagged {
		back = 1
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/review?approved=%d&count=1&back=%d", id, back))
}

// confirmPage asks the editor about the flags an approval would leave
// open: a fragment in place of the list item for htmx, else the review
// page headed by the question.
func (h *Handlers) confirmPage(c echo.Context, q *confirmApproval) error {
	if q.InList {
		return c.Render(http.StatusOK, "review.html#confirm-item", q)
	}
	page, err := h.reviewList(c, ListQuery{Sort: reviewListOptions.Sorts[0].Name})
	if err != nil {
		return err
	}
	page.Confirm = q
	return c.Render(http.StatusOK, "review.html", page)
}

// reviewList loads the page of pending corrections q asks for.
func (h *Handlers) reviewList(c echo.Context, q ListQuery) (reviewPage, error) {
	ctx := c.Request().Context()
	rows, err := PendingRows(ctx, h.DB, h.Checker, principal(c), q)
	if err != nil {
		return reviewPage{}, err
	}
	view, err := newListView(ctx, h.DB, q, reviewListOptions)
	if err != nil {
		return reviewPage{}, err
	}
	page := reviewPage{RejectReasons: RejectReasons(), listView: view}
	page.Pending, page.Pager = window(rows, q, reviewListOptions, reviewCursor)
	return page, nil
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
	approved, _, err := ApproveMany(c.Request().Context(), h.DB, h.Checker, principal(c), ids, h.Events)
	if err != nil {
		return err
	}
	back := 0
	for _, a := range approved {
		if a.State == StateFlagged {
			back++
		}
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/review?count=%d&back=%d", len(approved), back))
}

// RejectPage: POST /corrections/:id/reject.
func (h *Handlers) RejectPage(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	if _, err := Reject(c.Request().Context(), h.DB, principal(c), id, c.FormValue("reason"), c.FormValue("comment"), h.Events); err != nil {
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
	Query   ActivityQuery
	Actions []string
	Pager
}

// ActivityPage: GET /articles/:id/activity[?action=&actor=&after=|before=],
// the article's events newest first, a keyset page at a time. Codes:
// invalid (naming the parameter), unauthorized, not_found.
func (h *Handlers) ActivityPage(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	q, err := parseActivityQuery(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	a, err := FindArticle(ctx, h.DB, id)
	if err != nil {
		return err
	}
	events, pager, err := ArticleActivityPage(ctx, h.DB, principal(c), id, q)
	if err != nil {
		return err
	}
	return c.Render(http.StatusOK, "activity.html", activityPage{Article: a, Events: events, Query: q,
		Actions: ActivityActions(), Pager: pager})
}

// approvedItem replaces an approved correction in the review list (htmx).
type approvedItem struct {
	Approval *Approval
	Preview  *Preview
}

// isHTMX reports whether htmx made the request, which then wants a
// fragment, not a redirect.
func isHTMX(c echo.Context) bool { return c.Request().Header.Get("HX-Request") == "true" }
