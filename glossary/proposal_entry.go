package glossary

import (
	"context"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"lector/apperr"
)

// NewEntry is a name the glossary does not know, as a proposal of a new
// entry holds it: the source's form and the target's.
type NewEntry struct {
	SourceLang, SourceForm string // "Петренко" in uk
	Lang, Form             string // "Petrenko" in en
}

// ProposeNewEntry records, inside the caller's transaction tx, one piece of
// evidence for adding n as a new entry: text (a segment's) holds a
// spelling of it at start..end that the review flagged as inconsistent. It
// joins the open proposal of the same name, or makes one; nothing is
// proposed when such a proposal was decided before, or when the glossary
// holds the source form already (the checker that flagged it was older
// than the glossary). It returns the proposal's id, 0 for none. Codes:
// internal.
func ProposeNewEntry(ctx context.Context, tx *gorm.DB, n NewEntry, ev Evidence, text string, start, end int) (int64, error) {
	if n.SourceLang == "" || n.SourceForm == "" || n.Lang == "" || n.Form == "" || start < 0 || end > len(text) || start > end {
		return 0, nil
	}
	var ids []int64
	if err := tx.WithContext(ctx).Raw(`WITH p AS (
	INSERT INTO glossary_proposals (kind, lang, form, source_lang, source_form)
	SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM glossary_proposals
		WHERE kind = ? AND source_lang = ? AND source_form = ? AND lang = ? AND form = ? AND status <> 'open')
	AND NOT EXISTS (SELECT 1 FROM glossary_terms WHERE lang = ? AND lower(form) = lower(?))
	ON CONFLICT (source_lang, source_form, lang, form) WHERE kind = 'add_entry' AND status = 'open' DO UPDATE SET updated_at = now()
	RETURNING id)
INSERT INTO glossary_proposal_evidence (proposal_id, segment_id, correction_id, flag_id, text, start_offset, end_offset, reason)
SELECT p.id, ?, ?, ?, ?, ?, ?, ? FROM p ON CONFLICT DO NOTHING RETURNING proposal_id`,
		ProposeEntry, n.Lang, n.Form, n.SourceLang, n.SourceForm,
		ProposeEntry, n.SourceLang, n.SourceForm, n.Lang, n.Form, n.SourceLang, n.SourceForm,
		nullID(ev.SegmentID), nullID(ev.CorrectionID), nullID(ev.FlagID), text, start, end, ev.Reason).Scan(&ids).Error; err != nil {
		return 0, apperr.Wrap(err, "propose glossary entry")
	}
	if len(ids) == 0 {
		return 0, nil
	}
	return ids[0], nil
}

// addProposedEntry accepts a proposal of a new entry: the entry, of type
// person (what such names mostly are; a maintainer may change it), with
// both forms preferred, is saved with SaveEntry and becomes the proposal's
// entry. Its key is the target form's, made unique with the proposal's id
// when another entry has it.
func addProposedEntry(ctx context.Context, tx *gorm.DB, p *Proposal, actor *int64) (bool, error) {
	key := strings.Join(strings.Fields(strings.ToLower(p.Form)), "-")
	var taken int64
	if err := tx.WithContext(ctx).Model(&Entry{}).Where("key = ?", key).Count(&taken).Error; err != nil {
		return false, apperr.Wrap(err, "accept glossary proposal")
	}
	if taken > 0 {
		key += "-" + strconv.FormatInt(p.ID, 10)
	}
	source := "proposal " + strconv.FormatInt(p.ID, 10)
	e := Entry{Key: key, Type: "person", Note: "learned from inconsistent renderings", Terms: []Term{
		{Lang: p.SourceLang, Form: p.SourceForm, Status: Preferred, CaseSensitive: true, Source: source},
		{Lang: p.Lang, Form: p.Form, Status: Preferred, CaseSensitive: true, Source: source},
	}}
	saved, err := SaveEntry(ctx, tx, 0, e, actor)
	if err != nil {
		return false, err
	}
	p.EntryID = &saved.ID
	if err := tx.WithContext(ctx).Model(&Proposal{}).Where("id = ?", p.ID).Update("entry_id", saved.ID).Error; err != nil {
		return false, apperr.Wrap(err, "accept glossary proposal")
	}
	return true, nil
}
