package review

import (
	"context"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
	"lector/locales"
	"lector/request"
)

// API handlers read top to bottom: parse, load, authorize and act (the
// domain functions authorize), render. Forms are small structs per action.

func principal(c echo.Context) *account.Principal {
	return account.PrincipalFrom(c.Request().Context())
}

// onPathID does act, as the caller, to what the path's :id names: the
// first steps of the handlers of one segment, flag or article.
func onPathID[T any](c echo.Context, db *gorm.DB, act func(context.Context, *gorm.DB, *account.Principal, int64) (T, error)) (T, error) {
	id, err := request.PathID(c, "id")
	if err != nil {
		var none T
		return none, err
	}
	return act(c.Request().Context(), db, principal(c), id)
}

// jsonUnderOnPathID answers 200 with {key: what act gives} for the path's
// :id.
func jsonUnderOnPathID[T any](c echo.Context, db *gorm.DB, key string, act func(context.Context, *gorm.DB, *account.Principal, int64) (T, error)) error {
	v, err := onPathID(c, db, act)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{key: v})
}

// bindOptionalJSON binds the JSON body into form when one was sent; without
// a body form stays as it is. Codes: invalid, too_large.
func bindOptionalJSON(c echo.Context, form any) error {
	if c.Request().ContentLength == 0 {
		return nil
	}
	return request.BindJSON(c, form, maxJSONBody)
}

// idAndForm reads the path's :id, then binds the JSON body into form; with
// optional, a request without a body leaves form as it is.
func idAndForm(c echo.Context, form any, optional bool) (int64, error) {
	id, err := request.PathID(c, "id")
	if err != nil {
		return 0, err
	}
	if optional {
		return id, bindOptionalJSON(c, form)
	}
	return id, request.BindJSON(c, form, maxJSONBody)
}

// formJSON answers 200 with what act gives for the path's :id and the JSON
// form F (optional: see idAndForm).
func formJSON[F any](c echo.Context, optional bool, act func(ctx context.Context, id int64, f F) (any, error)) error {
	var f F
	id, err := idAndForm(c, &f, optional)
	if err != nil {
		return err
	}
	out, err := act(c.Request().Context(), id, f)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, out)
}

// jsonOnPathID answers 200 with what act gives for the path's :id.
func jsonOnPathID[T any](c echo.Context, db *gorm.DB, act func(context.Context, *gorm.DB, *account.Principal, int64) (T, error)) error {
	v, err := onPathID(c, db, act)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, v)
}

type articleForm struct {
	Title      string `json:"title"`
	Lang       string `json:"lang"`
	Text       string `json:"text"`
	SourceLang string `json:"source_lang"`
	SourceText string `json:"source_text"`
}

// APICreateArticle: POST /api/v1/articles (editors).
func (h *Handlers) APICreateArticle(c echo.Context) error {
	p := principal(c)
	if err := account.Require(p, account.RoleEditor); err != nil {
		return err
	}
	if done, err := h.importIfXLIFF(c, p); done {
		return err
	}
	var f articleForm
	if err := request.BindJSON(c, &f, 2*MaxTextBytes+64<<10); err != nil {
		return err
	}
	a, err := CreateArticle(c.Request().Context(), h.DB, h.Checker, NewArticle{Title: f.Title, Lang: f.Lang, Text: f.Text,
		SourceLang: f.SourceLang, SourceText: f.SourceText, CreatedBy: &p.UserID})
	if err != nil {
		return err
	}
	return createdJSON(c, a)
}

// listJSON answers 200 with list under key: an empty list is [], never
// null.
func listJSON[T any](c echo.Context, key string, list []T) error {
	if list == nil {
		list = []T{}
	}
	return c.JSON(http.StatusOK, map[string]any{key: list})
}

// APIArticles: GET /api/v1/articles.
func (h *Handlers) APIArticles(c echo.Context) error {
	if principal(c) == nil {
		return apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	list, err := ListArticles(c.Request().Context(), h.DB)
	if err != nil {
		return err
	}
	return listJSON(c, "articles", list)
}

// APIArticle: GET /api/v1/articles/:id, with its state counts.
func (h *Handlers) APIArticle(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	if principal(c) == nil {
		return apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	ctx := c.Request().Context()
	a, err := FindArticle(ctx, h.DB, id)
	if err != nil {
		return err
	}
	counts, err := StateCounts(ctx, h.DB, id)
	if err != nil {
		return err
	}
	segs := 0
	for _, n := range counts {
		segs += n
	}
	return c.JSON(http.StatusOK, map[string]any{"article": a, "segments": segs, "states": counts})
}

// APISegments: GET /api/v1/articles/:id/segments?state=flagged.
func (h *Handlers) APISegments(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	segs, err := SegmentList(c.Request().Context(), h.DB, principal(c), id, c.QueryParam("state"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"segments": segs})
}

// APIActivity: GET /api/v1/articles/:id/activity?limit=N.
func (h *Handlers) APIActivity(c echo.Context) error {
	id, err := request.PathID(c, "id")
	if err != nil {
		return err
	}
	limit, _ := strconv.Atoi(c.QueryParam("limit"))
	events, err := ArticleActivity(c.Request().Context(), h.DB, principal(c), id, limit)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"events": events})
}

// APIQueue: GET /api/v1/queue, the counts per article and language.
func (h *Handlers) APIQueue(c echo.Context) error {
	counts, err := QueueCounts(c.Request().Context(), h.DB, principal(c))
	if err != nil {
		return err
	}
	return listJSON(c, "articles", counts)
}

type claimForm struct {
	Article int64  `json:"article"`
	Lang    string `json:"lang"`
}

// APIClaim: POST /api/v1/queue/claim; 204 when the queue is empty. An empty
// body claims from every article.
func (h *Handlers) APIClaim(c echo.Context) error {
	var f claimForm
	if err := bindOptionalJSON(c, &f); err != nil {
		return err
	}
	seg, err := Claim(c.Request().Context(), h.DB, principal(c), QueueFilter{ArticleID: f.Article, Lang: f.Lang})
	if err != nil {
		return err
	}
	if seg == nil {
		return c.NoContent(http.StatusNoContent)
	}
	return h.claimedJSON(c, seg, seg)
}

// claimedJSON answers 200 with body once the claimed segment's flags are
// loaded into it. A claim answers the segment and its flags only:
// GetSegment's neighbours, glossary, corrections and history (six more
// queries) were loaded and thrown away on every claim.
func (h *Handlers) claimedJSON(c echo.Context, seg *Segment, body any) error {
	if err := loadFlags(c.Request().Context(), h.DB, seg); err != nil {
		return err
	}
	return c.JSON(http.StatusOK, body)
}

// APISegment: GET /api/v1/segments/:id, the segment page's data.
func (h *Handlers) APISegment(c echo.Context) error {
	return jsonOnPathID(c, h.DB, GetSegment)
}

// APIHistory: GET /api/v1/segments/:id/history.
func (h *Handlers) APIHistory(c echo.Context) error {
	return jsonUnderOnPathID(c, h.DB, "events", SegmentHistory)
}

// APIRenew: POST /api/v1/segments/:id/lease/renew.
func (h *Handlers) APIRenew(c echo.Context) error {
	return jsonOnPathID(c, h.DB, Renew)
}

// APIRelease: POST /api/v1/segments/:id/lease/release.
func (h *Handlers) APIRelease(c echo.Context) error {
	return jsonOnPathID(c, h.DB, Release)
}

type correctionForm struct {
	Text     string `json:"text"`
	Revision int    `json:"revision"`
	Comment  string `json:"comment"`
}

// APISubmit: POST /api/v1/segments/:id/corrections; 201, or 409 with the
// current text and revision beside the refused text.
func (h *Handlers) APISubmit(c echo.Context) error {
	var f correctionForm
	id, err := idAndForm(c, &f, false)
	if err != nil {
		return err
	}
	corr, err := Submit(c.Request().Context(), h.DB, principal(c), Submission{SegmentID: id, Text: f.Text, Revision: f.Revision, Comment: f.Comment}, h.Events)
	if ae, ok := err.(*apperr.Error); ok && ae.MessageID == "error.stale_revision" {
		return staleJSON(c, ae)
	}
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, corr)
}

// staleJSON is the 409 of a stale revision: the error body plus the text
// that won and the caller's own, so nothing is lost.
func staleJSON(c echo.Context, ae *apperr.Error) error {
	msg := ae.MessageID
	if t := locales.FromContext(c.Request().Context(), nil); t != nil {
		msg = t.Data(ae.MessageID, ae.Data)
	}
	return c.JSON(http.StatusConflict, map[string]any{
		"error":   map[string]any{"code": ae.Code, "message": msg},
		"current": map[string]any{"text": ae.Data["CurrentText"], "revision": ae.Data["Revision"]},
		"yours":   map[string]any{"text": ae.Data["YourText"]},
	})
}

// APIPending: GET /api/v1/corrections (pending, with diffs; editors).
func (h *Handlers) APIPending(c echo.Context) error {
	limit, _ := strconv.Atoi(c.QueryParam("limit"))
	list, err := PendingCorrections(c.Request().Context(), h.DB, h.Checker, principal(c), limit)
	if err != nil {
		return err
	}
	return listJSON(c, "corrections", list)
}

type approveForm struct {
	OverOpenFlags bool `json:"over_open_flags"`
}

// APIApprove: POST /api/v1/corrections/:id/approve, with an optional body
// {"over_open_flags": true}. It answers the correction with what the
// approval did: the flags resolved, those open, the segment's state.
func (h *Handlers) APIApprove(c echo.Context) error {
	return formJSON(c, true, func(ctx context.Context, id int64, f approveForm) (any, error) {
		return Approve(ctx, h.DB, h.Checker, principal(c), id, f.OverOpenFlags, h.Events)
	})
}

type rejectForm struct {
	Reason  string `json:"reason"`
	Comment string `json:"comment"`
}

// APIReject: POST /api/v1/corrections/:id/reject.
func (h *Handlers) APIReject(c echo.Context) error {
	return formJSON(c, false, func(ctx context.Context, id int64, f rejectForm) (any, error) {
		return Reject(ctx, h.DB, principal(c), id, f.Reason, f.Comment, h.Events)
	})
}

type approveManyForm struct {
	IDs []int64 `json:"ids"`
}

// APIApproveMany: POST /api/v1/corrections/approve, all or nothing; a
// failure answers with the first failure's status and one item per failed
// id.
func (h *Handlers) APIApproveMany(c echo.Context) error {
	var f approveManyForm
	if err := request.BindJSON(c, &f, maxJSONBody); err != nil {
		return err
	}
	approved, failed, err := ApproveMany(c.Request().Context(), h.DB, h.Checker, principal(c), f.IDs, h.Events)
	if err != nil && len(failed) > 0 {
		t := locales.FromContext(c.Request().Context(), nil)
		items := make([]map[string]any, len(failed))
		for i, fe := range failed {
			items[i] = map[string]any{"id": fe.ID, "code": fe.Code, "message": t.Data(fe.Error.MessageID, fe.Data)}
		}
		ae := apperr.As(err)
		return c.JSON(ae.Code.HTTPStatus(), map[string]any{
			"error": map[string]any{"code": ae.Code, "message": t.T("error.batch_failed", "Count", len(failed))},
			"items": items,
		})
	}
	if err != nil {
		return err
	}
	// A batch never approves over open flags: it says which corrections
	// sent their segment back to the queue with flags left open.
	back := []int64{}
	for _, a := range approved {
		if a.State == StateFlagged {
			back = append(back, a.ID)
		}
	}
	return c.JSON(http.StatusOK, map[string]any{"approved": approved, "back_to_queue": back})
}
