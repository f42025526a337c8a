package glossary

import (
	"context"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"
	"golang.org/x/text/language"
	"gorm.io/gorm"

	"lector/apperr"
	"lector/request"
)

// ProposalQuery is what the proposals page lists: a status, optionally one
// language and one kind, and forms that start with Q (any case).
type ProposalQuery struct {
	Status, Lang, Kind, Q string
}

// Proposal list orders: the most evidence first (the default), the newest
// first, the oldest first.
const (
	ProposalSortEvidence = "evidence"
	ProposalSortNewest   = "newest"
	ProposalSortOldest   = "oldest"
)

var proposalSorts = []listSort{{ProposalSortEvidence, 'n'}, {ProposalSortNewest, 'n'}, {ProposalSortOldest, 'n'}}

// ProposalKinds are the kinds the queue can be filtered by.
func ProposalKinds() []string {
	return []string{ProposeDeprecated, ProposeDowngrade, ProposeRemove, ProposeEntry}
}

// parseProposalQuery reads status, language, kind and q. Codes: invalid,
// naming the parameter.
func parseProposalQuery(c echo.Context) (ProposalQuery, error) {
	q := ProposalQuery{Status: proposalStatus(c), Kind: c.QueryParam("kind"), Q: strings.TrimSpace(c.QueryParam("q"))}
	if !slices.Contains(ProposalStatuses(), q.Status) {
		return q, apperr.New(apperr.Invalid, "error.bad_choice", map[string]any{"Field": "status", "Choices": strings.Join(ProposalStatuses(), ", ")})
	}
	if q.Kind != "" && !slices.Contains(ProposalKinds(), q.Kind) {
		return q, apperr.New(apperr.Invalid, "error.bad_choice", map[string]any{"Field": "kind", "Choices": strings.Join(ProposalKinds(), ", ")})
	}
	if err := request.Line("q", q.Q, MaxFormRunes); err != nil {
		return q, err
	}
	// "language", not "lang": ?lang= chooses the reader's UI language.
	if raw := c.QueryParam("language"); raw != "" {
		tag, err := language.Parse(raw)
		if err != nil {
			return q, apiInvalid("language", strconv.Quote(raw)+" is not a BCP 47 language tag")
		}
		q.Lang = tag.String()
	}
	return q, nil
}

// params are q's filters as an address's query, with sort when it is not
// the default.
func (q ProposalQuery) params(sort string) url.Values {
	v := request.Query(map[string]string{"q": q.Q, "language": q.Lang, "kind": q.Kind})
	if q.Status != ProposalOpen {
		v.Set("status", q.Status)
	}
	if sort != ProposalSortEvidence {
		v.Set("sort", sort)
	}
	return v
}

// pageProposals returns one keyset page of the proposals q selects,
// listPageSize+1 when there are more, in the page's reading direction, each
// with its latest evidence. The page's rows are found on an index of
// (status, evidence_count, id) or the id; only they are joined to their
// entries and users.
func pageProposals(ctx context.Context, db *gorm.DB, q ProposalQuery, p listPaging) ([]ProposalView, error) {
	col, asc := "p.evidence_count", false
	switch p.Sort {
	case ProposalSortNewest:
		col = ""
	case ProposalSortOldest:
		col, asc = "", true
	}
	where, args, order := p.keyset(col, "p.id", asc, false, func(c listCursor) any { return c.N })
	conds := []string{"p.status = ?", where}
	args = append([]any{q.Status}, args...)
	if q.Lang != "" {
		conds, args = append(conds, "p.lang = ?"), append(args, q.Lang)
	}
	if q.Kind != "" {
		conds, args = append(conds, "p.kind = ?"), append(args, q.Kind)
	}
	if q.Q != "" {
		cond, prefix := apiPrefixCond("lower(p.form)", strings.ToLower(q.Q))
		conds, args = append(conds, cond), append(args, prefix...)
	}
	args = append(args, listPageSize+1)
	var out []ProposalView
	err := db.WithContext(ctx).Raw(`SELECT `+proposalColumns+`, p.evidence_count
FROM (SELECT * FROM glossary_proposals p WHERE `+strings.Join(conds, " AND ")+` ORDER BY `+order+` LIMIT ?) p
LEFT JOIN glossary_entries e ON e.id = p.entry_id LEFT JOIN users u ON u.id = p.decided_by
ORDER BY `+order, args...).Scan(&out).Error
	if err != nil {
		return nil, apperr.Wrap(err, "glossary proposals page")
	}
	return attachEvidence(ctx, db, out)
}

// proposalCursor is a proposal's cursor under sort.
func proposalCursor(sort string) func(ProposalView) listCursor {
	return func(v ProposalView) listCursor {
		if sort == ProposalSortEvidence {
			return listCursor{N: int64(v.EvidenceCount), ID: v.ID}
		}
		return listCursor{ID: v.ID}
	}
}
