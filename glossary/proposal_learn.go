package glossary

import (
	"context"
	"slices"
	"strings"

	"gorm.io/gorm"

	"lector/apperr"
)

// Evidence says where a proposal was learned; the learning functions fill
// in the text and the offsets of the form.
type Evidence struct {
	SegmentID    int64
	CorrectionID int64
	FlagID       int64
	Reason       string
}

// LearnFromCorrection proposes, inside the caller's transaction tx (the
// approval's), the wrong forms an approved correction replaced: where the
// diff (chunks, from the text before to the approved text) put a right form
// of an entry in the article's language in place of a form the glossary
// does not know, that form as a deprecated term of the entry. A proposal
// already open gains the evidence; a rejected one is not made again. lang
// gives the article's language; it is called only when the correction
// touches a glossary form, so that other approvals pay one query. It
// returns the proposals touched. Codes: internal.
func LearnFromCorrection(ctx context.Context, tx *gorm.DB, lang func() (string, error), chunks []DiffChunk, ev Evidence) ([]int64, error) {
	tx = tx.WithContext(ctx)
	hs, text := diffHunks(chunks)
	old := oldText(chunks)
	var cands []string
	for _, sp := range learnSpans(hs, text, learnMaxWords) {
		cands = append(cands, strings.ToLower(text[sp.Start:sp.End]))
	}
	if len(cands) == 0 {
		return nil, nil
	}
	// The old side's spans too, so that one query also answers whether
	// the replaced form is known.
	oldCands := map[string]bool{}
	for _, sp := range learnSpans(oldSide(hs), old, learnMaxWords+2) {
		k := strings.ToLower(old[sp.Start:sp.End])
		if !oldCands[k] {
			oldCands[k] = true
			cands = append(cands, k)
		}
	}
	// Find, not Scan: Scan has the ORM render the statement with its
	// values for its logger on every call, and this runs in every approval.
	var rows []learnRow
	if err := tx.Raw(`SELECT entry_id, lang, form, status, case_sensitive FROM glossary_terms WHERE lower(form) IN ?`,
		cands).Find(&rows).Error; err != nil {
		return nil, apperr.Wrap(err, "learn from correction")
	}
	if !hasRight(rows) {
		return nil, nil
	}
	l, err := lang()
	if err != nil {
		return nil, apperr.Wrap(err, "learn from correction")
	}
	langs := learnLangs(l)
	rights := map[string][]learnRight{}
	for _, r := range rows {
		if r.right() && slices.Contains(langs, r.Lang) {
			k := strings.ToLower(r.Form)
			rights[k] = append(rights[k], learnRight{EntryID: r.EntryID, Lang: r.Lang, Form: r.Form, CaseSensitive: r.CaseSensitive})
		}
	}
	var lookupErr error
	known := func(entryID int64, form string) bool {
		k := strings.ToLower(form)
		if oldCands[k] {
			for _, r := range rows {
				if slices.Contains(langs, r.Lang) && strings.ToLower(r.Form) == k && (r.EntryID == entryID || r.right()) {
					return true
				}
			}
			return false
		}
		var n int64
		err := tx.Raw(`SELECT count(*) FROM glossary_terms WHERE lang IN ? AND lower(form) = lower(?)
AND (entry_id = ? OR status IN ('preferred', 'admitted'))`, langs, form, entryID).Scan(&n).Error
		if err != nil && lookupErr == nil {
			lookupErr = err
		}
		return n > 0 || err != nil
	}
	found := detectLearned(chunks, rights, known)
	if lookupErr != nil {
		return nil, apperr.Wrap(lookupErr, "learn from correction")
	}
	var ids []int64
	for _, f := range found {
		id, err := propose(tx, ProposeDeprecated, f.EntryID, f.Lang, f.Old, ev, old, f.OldStart, f.OldEnd)
		if err != nil {
			return nil, err
		}
		if id != 0 {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// learnRow is a glossary term one of a correction's spans may be.
type learnRow struct {
	EntryID       int64
	Lang          string
	Form          string
	Status        Status
	CaseSensitive bool
}

func (r learnRow) right() bool { return r.Status == Preferred || r.Status == Admitted }

func hasRight(rows []learnRow) bool {
	for _, r := range rows {
		if r.right() {
			return true
		}
	}
	return false
}

// FixedLang is a known language for LearnFromCorrection.
func FixedLang(lang string) func() (string, error) {
	return func() (string, error) { return lang, nil }
}

// LearnFromDismissal proposes, inside the caller's transaction tx (the
// dismissal's), what a flag dismissed as a false positive suggests: a
// deprecated term of the flag's entry becomes a false friend (flagged only
// in context), a false friend is removed. text is the segment's text as
// flagged and start..end the flag. Flags of forms the glossary does not
// hold as a term (fuzzy findings, derived false friends) teach nothing.
// It returns the proposal touched, 0 if none. Codes: internal.
func LearnFromDismissal(ctx context.Context, tx *gorm.DB, lang string, entryID int64, text string, start, end int, ev Evidence) (int64, error) {
	if start < 0 || end > len(text) || start >= end {
		return 0, nil
	}
	tx = tx.WithContext(ctx)
	var terms []Term
	if err := tx.Where("entry_id = ? AND lang IN ? AND lower(form) = lower(?) AND status IN ?", entryID, learnLangs(lang),
		text[start:end], []Status{Deprecated, FalseFriend}).Order("id").Limit(1).Find(&terms).Error; err != nil {
		return 0, apperr.Wrap(err, "learn from dismissal")
	}
	if len(terms) == 0 {
		return 0, nil
	}
	kind := ProposeDowngrade
	if terms[0].Status == FalseFriend {
		kind = ProposeRemove
	}
	return propose(tx, kind, entryID, terms[0].Lang, terms[0].Form, ev, text, start, end)
}

// learnLangs is lang and, for a regional tag, its language: an en-GB
// article learns from the en terms.
func learnLangs(lang string) []string {
	base, _, _ := strings.Cut(lang, "-")
	if base == lang || base == "" {
		return []string{lang}
	}
	return []string{lang, base}
}

// propose records one piece of evidence for (kind, entry, lang, form): on
// the open proposal, made now if there is none; nothing when such a change
// was rejected before. It returns the proposal's id, 0 for none.
func propose(tx *gorm.DB, kind string, entryID int64, lang, form string, ev Evidence, text string, start, end int) (int64, error) {
	var ids []int64
	if err := tx.Raw(`WITH p AS (
	INSERT INTO glossary_proposals (kind, entry_id, lang, form)
	SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM glossary_proposals
		WHERE kind = ? AND entry_id = ? AND lang = ? AND form = ? AND status = 'rejected')
	ON CONFLICT (kind, entry_id, lang, form) WHERE status = 'open' DO UPDATE SET updated_at = now()
	RETURNING id)
INSERT INTO glossary_proposal_evidence (proposal_id, segment_id, correction_id, flag_id, text, start_offset, end_offset, reason)
SELECT p.id, ?, ?, ?, ?, ?, ?, ? FROM p ON CONFLICT DO NOTHING RETURNING proposal_id`,
		kind, entryID, lang, form, kind, entryID, lang, form,
		nullID(ev.SegmentID), nullID(ev.CorrectionID), nullID(ev.FlagID), text, start, end, ev.Reason).Scan(&ids).Error; err != nil {
		return 0, apperr.Wrap(err, "propose glossary change")
	}
	if len(ids) == 0 {
		return 0, nil // rejected before, or this evidence is in already
	}
	return ids[0], nil
}

func nullID(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}
