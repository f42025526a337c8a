package glossary

import (
	"context"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"lector/apperr"
	"lector/request"
)

// proposalMaxBody bounds the optional {"comment"} body of accept and reject.
const proposalMaxBody = 16 << 10

func proposalID(c echo.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, apperr.New(apperr.NotFound, "error.proposal_not_found", map[string]any{"ID": c.Param("id")})
	}
	return id, nil
}

func proposalStatus(c echo.Context) string {
	if s := c.QueryParam("status"); s != "" {
		return s
	}
	return ProposalOpen
}

// APIProposals: GET /api/v1/glossary/proposals?status=open|accepted|rejected
// (glossary role).
func (h *Handlers) APIProposals(c echo.Context) error {
	ps, err := ListProposals(c.Request().Context(), h.DB, proposalStatus(c))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, map[string]any{"proposals": ps})
}

// APIAcceptProposal: POST /api/v1/glossary/proposals/:id/accept (glossary
// role), an optional {"comment"} body; 200 with the decided proposal.
func (h *Handlers) APIAcceptProposal(c echo.Context) error { return h.apiDecide(c, true) }

// APIRejectProposal: POST /api/v1/glossary/proposals/:id/reject (glossary
// role), an optional {"comment"} body; 200 with the decided proposal.
func (h *Handlers) APIRejectProposal(c echo.Context) error { return h.apiDecide(c, false) }

func (h *Handlers) apiDecide(c echo.Context, accept bool) error {
	view, err := h.decide(c, accept, func() (string, error) {
		var f struct {
			Comment string `json:"comment"`
		}
		if c.Request().ContentLength != 0 {
			if err := request.BindJSON(c, &f, proposalMaxBody); err != nil {
				return "", err
			}
		}
		return f.Comment, nil
	})
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, view)
}

// decide applies the decision on the proposal the path names, with the
// comment that read gives (read after the path's id), reloads the checker
// when the glossary changed, and returns the proposal as decided.
func (h *Handlers) decide(c echo.Context, accept bool, read func() (string, error)) (*ProposalView, error) {
	id, err := proposalID(c)
	if err != nil {
		return nil, err
	}
	comment, err := read()
	if err != nil {
		return nil, err
	}
	ctx := c.Request().Context()
	// An accepted proposal changes an entry: Changed (a background rescan)
	// is told in the same transaction, as for every other glossary write.
	var onChange func(context.Context, *gorm.DB) error
	if h.Changed != nil {
		onChange = func(ctx context.Context, tx *gorm.DB) error { return h.Changed(ctx, tx, ReasonUpdate) }
	}
	changed, err := DecideProposal(ctx, h.DB, id, accept, apiActor(c), comment, onChange)
	if err != nil {
		return nil, err
	}
	if changed {
		h.reload(ctx)
	}
	status := ProposalRejected
	if accept {
		status = ProposalAccepted
	}
	ps, err := ListProposals(ctx, h.DB, status)
	if err != nil {
		return nil, err
	}
	for i := range ps {
		if ps[i].ID == id {
			return &ps[i], nil
		}
	}
	return &ProposalView{ID: id, Status: status}, nil // beyond the listing's limit
}

type proposalsPage struct {
	Status     string
	Statuses   []string
	Query      ProposalQuery
	Sort       string
	Sorts      []string
	Kinds      []string
	Langs      []string
	Filtered   bool
	Proposals  []ProposalView
	Pager      listPager
	Decided    string
	DecidedID  int64
	CanDecide  bool
	MaxComment int
}

// ProposalsPage: GET /glossary/proposals?status=&language=&kind=&q=&sort=&after=|before=
// (glossary role), the queue of learned wrong forms in keyset pages.
func (h *Handlers) ProposalsPage(c echo.Context) error {
	q, paging, err := parseListPage(c, parseProposalQuery, proposalSorts)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	ps, err := pageProposals(ctx, h.DB, q, paging)
	if err != nil {
		return err
	}
	langs, err := TermLanguages(ctx, h.DB)
	if err != nil {
		return err
	}
	page := proposalsPage{Status: q.Status, Statuses: ProposalStatuses(), Query: q, Sort: paging.Sort,
		Sorts: []string{ProposalSortEvidence, ProposalSortNewest, ProposalSortOldest}, Kinds: ProposalKinds(), Langs: langs,
		Filtered: q.Q != "" || q.Lang != "" || q.Kind != "", CanDecide: q.Status == ProposalOpen, MaxComment: proposalCommentRunes}
	page.Proposals, page.Pager = listWindow(ps, paging, "/glossary/proposals", q.params(paging.Sort), proposalCursor(paging.Sort))
	if d := c.QueryParam("decided"); d == ProposalAccepted || d == ProposalRejected {
		page.Decided = d
		page.DecidedID, _ = strconv.ParseInt(c.QueryParam("id"), 10, 64)
	}
	return c.Render(http.StatusOK, "proposals.html", page)
}

// AcceptProposalPage: POST /glossary/proposals/:id/accept (glossary role).
func (h *Handlers) AcceptProposalPage(c echo.Context) error { return h.decidePage(c, true) }

// RejectProposalPage: POST /glossary/proposals/:id/reject (glossary role).
func (h *Handlers) RejectProposalPage(c echo.Context) error { return h.decidePage(c, false) }

func (h *Handlers) decidePage(c echo.Context, accept bool) error {
	view, err := h.decide(c, accept, func() (string, error) { return c.FormValue("comment"), nil })
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, fmt.Sprintf("/glossary/proposals?decided=%s&id=%d", view.Status, view.ID))
}
