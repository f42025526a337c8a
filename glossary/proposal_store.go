package glossary

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"lector/apperr"
	"lector/request"
)

// Limits of the proposals queue.
const (
	ProposalsMax         = 200  // proposals listed at once
	proposalEvidenceShow = 20   // evidence rows shown per proposal; the count is of all
	proposalCommentRunes = 2000 // a maintainer's comment
)

// ProposalView is a proposal as the queue and the API show it: with its
// entry, how much evidence it has and the latest of that evidence.
type ProposalView struct {
	ID             int64          `json:"id"`
	Kind           string         `json:"kind"`
	EntryID        int64          `json:"entry_id"` // 0 for a new entry not accepted
	EntryKey       string         `json:"entry_key"`
	EntryPreferred string         `json:"entry"`
	Lang           string         `json:"lang"`
	Form           string         `json:"form"`
	SourceLang     string         `json:"source_lang,omitempty"` // a new entry's
	SourceForm     string         `json:"source_form,omitempty"`
	Status         string         `json:"status"`
	EvidenceCount  int            `json:"evidence_count"`
	Evidence       []EvidenceView `json:"evidence" gorm:"-"`
	CreatedAt      time.Time      `json:"created_at"`
	UpdatedAt      time.Time      `json:"updated_at"`
	DecidedBy      *int64         `json:"decided_by"`
	DecidedByEmail *string        `json:"decided_by_email"`
	DecidedAt      *time.Time     `json:"decided_at"`
	Comment        string         `json:"comment"`
}

// EvidenceView is one piece of evidence; Before, Form and After cut Text
// around the form for highlighting.
type EvidenceView struct {
	ID           int64     `json:"-"`
	ProposalID   int64     `json:"-"`
	SegmentID    *int64    `json:"segment"`
	CorrectionID *int64    `json:"correction"`
	FlagID       *int64    `json:"flag"`
	Text         string    `json:"text"`
	StartOffset  int       `json:"start"`
	EndOffset    int       `json:"end"`
	Reason       string    `json:"reason"`
	CreatedAt    time.Time `json:"created_at"`
	Before       string    `json:"-" gorm:"-"`
	Form         string    `json:"-" gorm:"-"`
	After        string    `json:"-" gorm:"-"`
}

// ProposalStatuses are the statuses the queue can be filtered by.
func ProposalStatuses() []string { return []string{ProposalOpen, ProposalAccepted, ProposalRejected} }

// ListProposals returns the proposals with status, those with the most
// evidence first, each with its latest evidence. Callers must have checked
// the role. Codes: invalid (status), internal.
func ListProposals(ctx context.Context, db *gorm.DB, status string) ([]ProposalView, error) {
	if !slices.Contains(ProposalStatuses(), status) {
		return nil, apperr.New(apperr.Invalid, "error.bad_proposal_status", map[string]any{"Value": status,
			"Allowed": strings.Join(ProposalStatuses(), ", ")})
	}
	db = db.WithContext(ctx)
	var out []ProposalView
	if err := db.Raw(`SELECT `+proposalColumns+`,
	(SELECT count(*) FROM glossary_proposal_evidence v WHERE v.proposal_id = p.id) AS evidence_count
FROM glossary_proposals p LEFT JOIN glossary_entries e ON e.id = p.entry_id LEFT JOIN users u ON u.id = p.decided_by
WHERE p.status = ? ORDER BY evidence_count DESC, p.updated_at DESC, p.id LIMIT ?`, status, ProposalsMax).Scan(&out).Error; err != nil {
		return nil, apperr.Wrap(err, "list glossary proposals")
	}
	return attachEvidence(ctx, db, out)
}

// proposalColumns are a ProposalView's columns of a proposal p, its entry
// e (none for a new entry) and its decider u.
const proposalColumns = `p.id, p.kind, coalesce(p.entry_id, 0) AS entry_id, coalesce(e.key, '') AS entry_key, p.lang, p.form,
	p.source_lang, p.source_form, p.status, p.created_at, p.updated_at, p.decided_by, u.email AS decided_by_email, p.decided_at, p.comment,
	coalesce((SELECT t.form FROM glossary_terms t WHERE t.entry_id = p.entry_id AND t.status = 'preferred'
		ORDER BY t.lang = p.lang DESC, t.lang = 'en' DESC, t.id LIMIT 1), e.key, p.form) AS entry_preferred`

// attachEvidence gives each proposal its latest evidence.
func attachEvidence(ctx context.Context, db *gorm.DB, out []ProposalView) ([]ProposalView, error) {
	db = db.WithContext(ctx)
	if len(out) == 0 {
		return []ProposalView{}, nil
	}
	ids := make([]int64, len(out))
	at := map[int64]int{}
	for i, p := range out {
		ids[i], at[p.ID] = p.ID, i
		out[i].Evidence = []EvidenceView{}
	}
	var ev []EvidenceView
	if err := db.Raw(`SELECT * FROM (SELECT v.*, row_number() OVER (PARTITION BY v.proposal_id ORDER BY v.id DESC) AS n
	FROM glossary_proposal_evidence v WHERE v.proposal_id IN ?) x WHERE n <= ? ORDER BY proposal_id, id`,
		ids, proposalEvidenceShow).Scan(&ev).Error; err != nil {
		return nil, apperr.Wrap(err, "list glossary proposal evidence")
	}
	for _, v := range ev {
		if v.StartOffset <= v.EndOffset && v.EndOffset <= len(v.Text) {
			v.Before, v.Form, v.After = v.Text[:v.StartOffset], v.Text[v.StartOffset:v.EndOffset], v.Text[v.EndOffset:]
		} else {
			v.Before = v.Text
		}
		p := &out[at[v.ProposalID]]
		p.Evidence = append(p.Evidence, v)
	}
	return out, nil
}

// countOpenProposalsUpTo counts the open proposals up to limit.
func countOpenProposalsUpTo(ctx context.Context, db *gorm.DB, limit int) (int64, error) {
	var n int64
	err := db.WithContext(ctx).Table("(?) AS open",
		db.Model(&Proposal{}).Select("1").Where("status = ?", ProposalOpen).Limit(limit)).Count(&n).Error
	if err != nil {
		return 0, apperr.Wrap(err, "count glossary proposals")
	}
	return n, nil
}

// DecideProposal accepts or rejects the open proposal id with the actor's
// comment, and records an audit event. Accepting applies the change to the
// entry through SaveEntry, in the same transaction, and then calls
// onChange (nil: nobody to tell) in it, so that what a glossary write sets
// off (a background rescan) is committed with the change or not at all. It
// reports whether the glossary changed (the caller then reloads the
// checker). Callers must have checked the role. Codes: invalid (comment),
// not_found, conflict (decided already, or the glossary no longer holds the
// form as the proposal expects), and SaveEntry's and onChange's.
func DecideProposal(ctx context.Context, db *gorm.DB, id int64, accept bool, actor *int64, comment string,
	onChange func(ctx context.Context, tx *gorm.DB) error) (bool, error) {
	comment = strings.TrimSpace(comment)
	switch {
	case request.Text("comment", comment, 0) != nil:
		return false, request.Text("comment", comment, 0)
	case utf8.RuneCountInString(comment) > proposalCommentRunes:
		return false, apperr.New(apperr.Invalid, "error.field_too_long", map[string]any{"Field": "comment", "Limit": proposalCommentRunes})
	}
	changed := false
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var p Proposal
		// NO KEY UPDATE: new evidence (a foreign key to this row) may still
		// be added meanwhile without waiting.
		err := tx.Clauses(clause.Locking{Strength: "NO KEY UPDATE"}).Take(&p, id).Error
		if errors.Is(err, gorm.ErrRecordNotFound) {
			return apperr.New(apperr.NotFound, "error.proposal_not_found", map[string]any{"ID": id})
		}
		if err != nil {
			return apperr.Wrap(err, "load glossary proposal")
		}
		if p.Status != ProposalOpen {
			return apperr.New(apperr.Conflict, "error.proposal_decided", map[string]any{"ID": id, "Status": p.Status})
		}
		status, action := ProposalRejected, "reject_proposal"
		if accept {
			status, action = ProposalAccepted, "accept_proposal"
			if changed, err = applyProposal(ctx, tx, &p, actor); err != nil {
				return err
			}
			if changed && onChange != nil {
				if err := onChange(ctx, tx); err != nil {
					return err
				}
			}
		}
		now := time.Now()
		if err := tx.Model(&p).Updates(map[string]any{"status": status, "decided_by": actor, "decided_at": now,
			"comment": comment, "updated_at": now}).Error; err != nil {
			return apperr.Wrap(err, "decide glossary proposal")
		}
		var entryID int64
		if p.EntryID != nil {
			entryID = *p.EntryID
		}
		return apiAudit(ctx, tx, actor, entryID, action, map[string]any{"proposal": p.ID, "kind": p.Kind,
			"lang": p.Lang, "form": p.Form, "source_lang": p.SourceLang, "source_form": p.SourceForm, "comment": comment})
	})
	return changed, err
}

// applyProposal makes the proposal's change to its entry with SaveEntry,
// the glossary API's write; it reports whether anything changed.
func applyProposal(ctx context.Context, tx *gorm.DB, p *Proposal, actor *int64) (bool, error) {
	if p.Kind == ProposeEntry {
		return addProposedEntry(ctx, tx, p, actor)
	}
	e, err := GetEntry(ctx, tx, *p.EntryID)
	if err != nil {
		return false, err
	}
	i := -1
	for j, t := range e.Terms {
		if t.Lang == p.Lang && strings.EqualFold(t.Form, p.Form) {
			i = j
		}
	}
	stale := func() error {
		data := map[string]any{"Form": p.Form, "Lang": p.Lang, "Status": "—"}
		if i >= 0 {
			data["Status"] = string(e.Terms[i].Status)
		}
		return apperr.New(apperr.Conflict, "error.proposal_stale", data)
	}
	switch p.Kind {
	case ProposeDeprecated:
		if i >= 0 && e.Terms[i].Status == Deprecated {
			return false, nil // someone added it already
		}
		if i >= 0 {
			return false, stale()
		}
		e.Terms = append(e.Terms, Term{Lang: p.Lang, Form: p.Form, Status: Deprecated, CaseSensitive: e.Type != "term",
			Note: "learned from approved corrections", Source: "proposal " + strconv.FormatInt(p.ID, 10)})
	case ProposeDowngrade:
		if i < 0 || e.Terms[i].Status != Deprecated {
			return false, stale()
		}
		e.Terms[i].Status = FalseFriend
	case ProposeRemove:
		if i < 0 || e.Terms[i].Status != FalseFriend {
			return false, stale()
		}
		e.Terms = append(e.Terms[:i], e.Terms[i+1:]...)
	}
	if _, err := SaveEntry(ctx, tx, e.ID, e, actor); err != nil {
		return false, err
	}
	return true, nil
}
