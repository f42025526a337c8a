package review

import (
	_ "embed"
	"net/http"

	"github.com/labstack/echo/v4"

	"lector/account"
)

// Who may call a route. The domain functions enforce it; the table
// documents it and drives the authorization tests.
const (
	Anyone     = "anyone"
	SignedIn   = "signed-in"
	Translator = "translator"
	Editor     = "editor"
	Reviewer   = "translator or editor"
)

// Route is one row of the routes table.
type Route struct {
	Method, Path, Who string
	Handler           func(*Handlers) echo.HandlerFunc
}

// Allows reports whether p may call a route the table says who may call:
// the role checks of the domain functions, in the table's words, so that
// pages can show a link only to those it does not refuse.
func Allows(who string, p *account.Principal) bool {
	switch who {
	case Anyone:
		return true
	case SignedIn:
		return p != nil
	case Translator:
		return p.Has(account.RoleTranslator)
	case Editor:
		return p.Has(account.RoleEditor)
	case Reviewer:
		return p.Has(account.RoleTranslator) || p.Has(account.RoleEditor)
	}
	return false
}

// APIRoutes are the JSON API, /api/v1.
func APIRoutes() []Route {
	return []Route{
		{http.MethodGet, "/api/v1/openapi.json", Anyone, func(h *Handlers) echo.HandlerFunc { return openAPI }},
		{http.MethodGet, "/api/v1/articles", SignedIn, func(h *Handlers) echo.HandlerFunc { return h.APIArticles }},
		{http.MethodPost, "/api/v1/articles", Editor, func(h *Handlers) echo.HandlerFunc { return h.APICreateArticle }},
		{http.MethodGet, "/api/v1/articles/:id", SignedIn, func(h *Handlers) echo.HandlerFunc { return h.APIArticle }},
		{http.MethodDelete, "/api/v1/articles/:id", Editor, func(h *Handlers) echo.HandlerFunc { return h.APIDeleteArticle }},
		{http.MethodGet, "/api/v1/articles/:id/segments", SignedIn, func(h *Handlers) echo.HandlerFunc { return h.APISegments }},
		{http.MethodGet, "/api/v1/articles/:id/activity", SignedIn, func(h *Handlers) echo.HandlerFunc { return h.APIActivity }},
		{http.MethodGet, "/api/v1/queue", SignedIn, func(h *Handlers) echo.HandlerFunc { return h.APIQueue }},
		{http.MethodPost, "/api/v1/queue/claim", Translator, func(h *Handlers) echo.HandlerFunc { return h.APIClaim }},
		{http.MethodGet, "/api/v1/segments/:id", SignedIn, func(h *Handlers) echo.HandlerFunc { return h.APISegment }},
		{http.MethodGet, "/api/v1/segments/:id/history", SignedIn, func(h *Handlers) echo.HandlerFunc { return h.APIHistory }},
		{http.MethodPost, "/api/v1/segments/:id/lease/renew", Translator, func(h *Handlers) echo.HandlerFunc { return h.APIRenew }},
		{http.MethodPost, "/api/v1/segments/:id/lease/release", Reviewer, func(h *Handlers) echo.HandlerFunc { return h.APIRelease }},
		{http.MethodPost, "/api/v1/segments/:id/claim", Translator, func(h *Handlers) echo.HandlerFunc { return h.APIClaimSegment }},
		{http.MethodPost, "/api/v1/segments/:id/skip", Translator, func(h *Handlers) echo.HandlerFunc { return h.APISkip }},
		{http.MethodPost, "/api/v1/segments/:id/corrections", Reviewer, func(h *Handlers) echo.HandlerFunc { return h.APISubmit }},
		{http.MethodPost, "/api/v1/flags/:id/dismiss", Reviewer, func(h *Handlers) echo.HandlerFunc { return h.APIDismiss }},
		{http.MethodPost, "/api/v1/flags/:id/reopen", Editor, func(h *Handlers) echo.HandlerFunc { return h.APIReopen }},
		{http.MethodGet, "/api/v1/dismissals", Editor, func(h *Handlers) echo.HandlerFunc { return h.APIDismissals }},
		{http.MethodPost, "/api/v1/dismissals/:id/accept", Editor, func(h *Handlers) echo.HandlerFunc { return h.APIAcceptDismissal }},
		{http.MethodPost, "/api/v1/dismissals/:id/reject", Editor, func(h *Handlers) echo.HandlerFunc { return h.APIRejectDismissal }},
		{http.MethodGet, "/api/v1/corrections", Editor, func(h *Handlers) echo.HandlerFunc { return h.APIPending }},
		{http.MethodPost, "/api/v1/corrections/approve", Editor, func(h *Handlers) echo.HandlerFunc { return h.APIApproveMany }},
		{http.MethodPost, "/api/v1/corrections/:id/approve", Editor, func(h *Handlers) echo.HandlerFunc { return h.APIApprove }},
		{http.MethodPost, "/api/v1/corrections/:id/reject", Editor, func(h *Handlers) echo.HandlerFunc { return h.APIReject }},
		{http.MethodGet, "/api/v1/corrections/:id/propagation", Editor, func(h *Handlers) echo.HandlerFunc { return h.APIPreview }},
		{http.MethodPost, "/api/v1/corrections/:id/propagation", Editor, func(h *Handlers) echo.HandlerFunc { return h.APIPropagate }},
		{http.MethodGet, "/api/v1/propagations/:id", Editor, func(h *Handlers) echo.HandlerFunc { return h.APIPropagation }},
		{http.MethodPost, "/api/v1/segments/:id/merge", Editor, func(h *Handlers) echo.HandlerFunc { return h.APIMerge }},
		{http.MethodPost, "/api/v1/segments/:id/split", Editor, func(h *Handlers) echo.HandlerFunc { return h.APISplit }},
	}
}

// PageRoutes are the server-rendered pages and their form posts.
func PageRoutes() []Route {
	return []Route{
		{http.MethodGet, "/", Anyone, func(h *Handlers) echo.HandlerFunc { return h.ArticleList }},
		{http.MethodGet, "/articles", Anyone, func(h *Handlers) echo.HandlerFunc { return h.ArticleList }},
		{http.MethodGet, "/articles/new", Editor, func(h *Handlers) echo.HandlerFunc { return h.NewArticlePage }},
		{http.MethodPost, "/articles", Editor, func(h *Handlers) echo.HandlerFunc { return h.UploadArticlePage }},
		{http.MethodGet, "/articles/:id", Anyone, func(h *Handlers) echo.HandlerFunc { return h.Article }},
		{http.MethodGet, "/articles/:id/activity", SignedIn, func(h *Handlers) echo.HandlerFunc { return h.ActivityPage }},
		{http.MethodPost, "/articles/:id/delete", Editor, func(h *Handlers) echo.HandlerFunc { return h.DeleteArticlePage }},
		{http.MethodGet, "/queue", SignedIn, func(h *Handlers) echo.HandlerFunc { return h.QueuePage }},
		{http.MethodPost, "/queue/next", Translator, func(h *Handlers) echo.HandlerFunc { return h.NextPage }},
		{http.MethodGet, "/segments/:id", SignedIn, func(h *Handlers) echo.HandlerFunc { return h.SegmentPage }},
		{http.MethodPost, "/segments/:id/corrections", Reviewer, func(h *Handlers) echo.HandlerFunc { return h.SubmitPage }},
		{http.MethodPost, "/segments/:id/release", Reviewer, func(h *Handlers) echo.HandlerFunc { return h.ReleasePage }},
		{http.MethodPost, "/segments/:id/claim", Translator, func(h *Handlers) echo.HandlerFunc { return h.ClaimSegmentPage }},
		{http.MethodPost, "/segments/:id/skip", Translator, func(h *Handlers) echo.HandlerFunc { return h.SkipPage }},
		{http.MethodPost, "/flags/:id/dismiss", Reviewer, func(h *Handlers) echo.HandlerFunc { return h.DismissPage }},
		{http.MethodPost, "/flags/:id/reopen", Editor, func(h *Handlers) echo.HandlerFunc { return h.ReopenPage }},
		{http.MethodPost, "/dismissals/:id/accept", Editor, func(h *Handlers) echo.HandlerFunc { return h.AcceptDismissalPage }},
		{http.MethodPost, "/dismissals/:id/reject", Editor, func(h *Handlers) echo.HandlerFunc { return h.RejectDismissalPage }},
		{http.MethodGet, "/review", Editor, func(h *Handlers) echo.HandlerFunc { return h.ReviewPage }},
		{http.MethodPost, "/review/approve", Editor, func(h *Handlers) echo.HandlerFunc { return h.ApproveManyPage }},
		{http.MethodPost, "/corrections/:id/approve", Editor, func(h *Handlers) echo.HandlerFunc { return h.ApprovePage }},
		{http.MethodPost, "/corrections/:id/reject", Editor, func(h *Handlers) echo.HandlerFunc { return h.RejectPage }},
		{http.MethodGet, "/corrections/:id/propagation", Editor, func(h *Handlers) echo.HandlerFunc { return h.PropagationPreviewPage }},
		{http.MethodPost, "/corrections/:id/propagation", Editor, func(h *Handlers) echo.HandlerFunc { return h.PropagatePage }},
		{http.MethodGet, "/propagations/:id", Editor, func(h *Handlers) echo.HandlerFunc { return h.PropagationPage }},
		{http.MethodGet, "/propagations/:id/progress", Editor, func(h *Handlers) echo.HandlerFunc { return h.PropagationProgress }},
		{http.MethodPost, "/segments/:id/merge", Editor, func(h *Handlers) echo.HandlerFunc { return h.MergePage }},
		{http.MethodPost, "/segments/:id/split", Editor, func(h *Handlers) echo.HandlerFunc { return h.SplitPage }},
	}
}

// Routes registers the review pages and API.
func Routes(e *echo.Echo, h *Handlers) {
	for _, r := range append(PageRoutes(), APIRoutes()...) {
		e.Add(r.Method, r.Path, r.Handler(h))
	}
}

//go:embed openapi.json
var openAPIDoc []byte

// openAPI serves the OpenAPI 3 document of /api/v1.
func openAPI(c echo.Context) error {
	return c.Blob(http.StatusOK, echo.MIMEApplicationJSONCharsetUTF8, openAPIDoc)
}
