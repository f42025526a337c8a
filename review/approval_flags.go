package review

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"lector/detect"
	"lector/detect/finding"

	"gorm.io/gorm"
)

// ApprovalOutcome is what checking a segment's approved text again did to
// its flags (issue 14: a flag is resolved only when its evidence is gone).
type ApprovalOutcome struct {
	// Resolved are the open flags whose finding the approved text no
	// longer holds.
	Resolved []Flag `json:"resolved"`
	// Open are the flags open after the approval, the new ones included;
	// their offsets point into the approved text (a segmentation flag's
	// into the MT text: it marks the break after the segment, which only a
	// join or split removes).
	Open []Flag `json:"open"`
	// New are the flags of Open that the approved text brought: findings
	// that had no flag.
	New []Flag `json:"new"`
	// State is the segment's state after the approval (set by approve).
	State string `json:"state,omitempty"`
	// OverOpenFlags is set when an editor approved over flags left open,
	// so that the segment is approved with them still open.
	OverOpenFlags bool `json:"over_open_flags"`
}

// findingKey is what makes a flag the same finding as a flag of another
// text: the place may move, the evidence may not.
type findingKey struct{ kind, check, text, entry string }

func keyOfFlag(f *Flag) findingKey {
	if f.Check == detect.CheckSourceSentenceMissing {
		// Its evidence is the source sentence left out; the sentence it
		// is on may change.
		return findingKey{f.Kind, f.Check, f.Detail, f.Entry}
	}
	if f.Check == detect.CheckSentenceNotInSource {
		// Its evidence is the whole sentence, and a corrected sentence
		// without a source is the same finding, not a new one.
		return findingKey{f.Kind, f.Check, "", f.Entry}
	}
	return findingKey{f.Kind, f.Check, f.Text, f.Entry}
}

// isBreak reports whether f is a segmentation flag that marks the break
// after its segment's MT text, which only a join or split resolves. A
// source sentence the translation left out is one too, but a text that
// translates it resolves it: it is found, kept and resolved as other
// flags are.
func isBreak(f *Flag) bool {
	return f.Kind == finding.KindSegmentation && f.Check != detect.CheckSourceSentenceMissing
}

// planReflag checks text, the segment's text to be approved, with the same
// checks and context as an import (the whole article text with the
// segment's range replaced by text) and compares the findings with the
// segment's flags. It writes nothing: the review page calls it for a dry
// run, reflag for the approval. In the outcome, Open and New flags carry
// their offsets into text; New ones have no id.
//
//   - an open flag whose finding is still there stays open (its offsets
//     move into text); one whose finding is gone is resolved;
//   - a finding that no flag holds becomes a new open flag;
//   - a flag closed by a decision (dismissed, or any status but open and
//     resolved) takes its finding and stays as it is;
//   - an open segmentation flag stays open and where it is, found or not:
//     only a join or a split resolves it.
func planReflag(ctx context.Context, tx *gorm.DB, checker *Checker, seg *Segment, text string) (*ApprovalOutcome, error) {
	if checker == nil {
		return nil, fmt.Errorf("segment %d: no checker to check the approved text", seg.ID)
	}
	art, err := reflagArticleAround(ctx, tx, seg)
	if err != nil {
		return nil, err
	}
	if err := attachSources(ctx, tx, art); err != nil {
		return nil, err
	}
	return planReflagIn(ctx, tx, checker, art, seg, text)
}

// reflagArticleAround loads what planReflagIn needs of seg's article: the
// whole text when recheck checks it whole, else the whole paragraphs
// within twice recheckContext of the segment (recheck's window is inside
// them), so that an approval in a long article reads kilobytes, not the
// article. The part is cut from the UTF-8 bytes and trimmed to paragraph
// boundaries, so no character or paragraph is cut.
func reflagArticleAround(ctx context.Context, tx *gorm.DB, seg *Segment) (*repairArticle, error) {
	lo := max(seg.StartOffset-2*recheckContext, 0)
	n := seg.EndOffset - lo + 2*recheckContext
	var row struct {
		ID   int64
		Lang string
		Size int
		Part []byte
	}
	// A short text (the usual news article) comes whole in the same
	// statement: recheck checks all of it.
	err := tx.WithContext(ctx).Raw(`SELECT id, lang, octet_length(text) AS size,
  CASE WHEN octet_length(text) < ? THEN convert_to(text, 'UTF8')
       ELSE substring(convert_to(text, 'UTF8') from ? for ?) END AS part
FROM articles WHERE id = ?`, recheckWholeBelow, lo+1, n, seg.ArticleID).Scan(&row).Error
	if err != nil {
		return nil, err
	}
	if row.Size < recheckWholeBelow {
		return &repairArticle{ID: row.ID, Lang: row.Lang, Text: string(row.Part)}, nil
	}
	if lo == 0 && lo+n >= row.Size {
		return reflagArticle(ctx, tx, seg.ArticleID)
	}
	part, base := string(row.Part), lo
	if lo > 0 {
		i := strings.Index(part, "\n\n")
		if i < 0 || base+i+2 > seg.StartOffset-recheckContext {
			return reflagArticle(ctx, tx, seg.ArticleID)
		}
		part, base = part[i+2:], base+i+2
	}
	if base+len(part) < row.Size {
		i := strings.LastIndex(part, "\n\n")
		if i < 0 || base+i < seg.EndOffset+recheckContext {
			return reflagArticle(ctx, tx, seg.ArticleID)
		}
		part = part[:i]
	}
	return &repairArticle{ID: row.ID, Lang: row.Lang, Text: part, Base: base}, nil
}

// reflagArticle loads what planReflagIn needs of an article.
func reflagArticle(ctx context.Context, tx *gorm.DB, id int64) (*repairArticle, error) {
	var art repairArticle
	err := tx.WithContext(ctx).Raw(`SELECT id, lang, text FROM articles WHERE id = ?`, id).Scan(&art).Error
	return &art, err
}

// planReflagIn is planReflag with the segment's article loaded, so that a
// dry run over many corrections of one article loads its text once.
func planReflagIn(ctx context.Context, tx *gorm.DB, checker *Checker, art *repairArticle, seg *Segment, text string) (*ApprovalOutcome, error) {
	next, err := followingStart(ctx, tx, seg)
	if err != nil {
		return nil, err
	}
	var flags []Flag
	if err := tx.WithContext(ctx).Where("segment_id = ? AND status <> ?", seg.ID, FlagResolved).
		Order("start_offset, id").Find(&flags).Error; err != nil {
		return nil, err
	}
	return planReflagWith(checker, art, seg, text, next, flags)
}

// planReflagWith is planReflagIn with everything it reads loaded: next is
// the start of the segment after seg (-1 for none), flags are seg's flags
// that are not resolved, in text order.
func planReflagWith(checker *Checker, art *repairArticle, seg *Segment, text string, next int, flags []Flag) (*ApprovalOutcome, error) {
	part := &Segment{MTText: text, SourceText: seg.SourceText, SourceLeftOut: seg.SourceLeftOut, edited: text != seg.MTText}
	found, err := recheck(checker.Snapshot(), art, seg.StartOffset, seg.EndOffset, []*Segment{part}, nil, next, nil)
	if err != nil {
		return nil, err
	}
	return matchFindings(seg, flags, found[0]), nil
}

// matchFindings pairs the findings of the approved text (offsets into it)
// with the segment's flags that are not resolved, in text order, as
// planReflag says.
func matchFindings(seg *Segment, flags, findings []Flag) *ApprovalOutcome {
	out := &ApprovalOutcome{Resolved: []Flag{}, Open: []Flag{}, New: []Flag{}}
	taken := make([]bool, len(flags))
	for _, nf := range findings {
		k := keyOfFlag(&nf)
		i := -1
		for j := range flags {
			if !taken[j] && keyOfFlag(&flags[j]) == k {
				i = j
				break
			}
		}
		switch {
		case i < 0 && isBreak(&nf):
			// A new break flag marks the break as the import's do, at the
			// end of the MT text, where the join offer looks for it.
			nf.SegmentID, nf.StartOffset, nf.EndOffset = seg.ID, len(seg.MTText), len(seg.MTText)
			out.New = append(out.New, nf)
		case i < 0:
			nf.SegmentID, nf.OffsetsIn = seg.ID, OffsetsApproved
			out.New = append(out.New, nf)
		default:
			taken[i] = true
			f := flags[i]
			if f.Status != FlagOpen {
				continue // a decision closed it; the text does not reopen it
			}
			if !isBreak(&f) {
				f.StartOffset, f.EndOffset, f.OffsetsIn = nf.StartOffset, nf.EndOffset, OffsetsApproved
			}
			out.Open = append(out.Open, f)
		}
	}
	for j, f := range flags {
		switch {
		case taken[j] || f.Status != FlagOpen:
		case isBreak(&f):
			out.Open = append(out.Open, f) // only a join or split resolves a break
		default:
			out.Resolved = append(out.Resolved, f)
		}
	}
	out.Open = append(out.Open, out.New...)
	return out
}

// reflag recomputes the findings of seg on text, the text being approved
// by approverID, inside tx, and writes the outcome: resolved flags by the
// approver, open flags with their offsets into text, new flags. Approve
// calls it, and so does a propagation that approves at once, and an import
// of reviewed text (approverID 0: nobody of Lector's resolved them). It
// leaves the segment's state to the caller.
func reflag(ctx context.Context, tx *gorm.DB, checker *Checker, seg *Segment, text string, approverID int64) (*ApprovalOutcome, error) {
	out, err := planReflag(ctx, tx, checker, seg, text)
	if err != nil {
		return nil, err
	}
	tx = tx.WithContext(ctx)
	now := time.Now()
	var by *int64
	if approverID != 0 {
		by = &approverID
	}
	if len(out.Resolved) > 0 {
		ids := make([]int64, len(out.Resolved))
		for i := range out.Resolved {
			ids[i] = out.Resolved[i].ID
			f := &out.Resolved[i]
			f.Status, f.ResolvedBy, f.ResolvedAt = FlagResolved, by, &now
		}
		if err := tx.Model(&Flag{}).Where("id IN ? AND status = ?", ids, FlagOpen).
			Updates(map[string]any{"status": FlagResolved, "resolved_by": by, "resolved_at": now}).Error; err != nil {
			return nil, err
		}
	}
	for i := range out.Open {
		f := &out.Open[i]
		if f.ID == 0 {
			continue // new: inserted below
		}
		if err := tx.Model(&Flag{}).Where("id = ?", f.ID).Updates(map[string]any{
			"start_offset": f.StartOffset, "end_offset": f.EndOffset, "offsets_in": f.OffsetsIn}).Error; err != nil {
			return nil, err
		}
	}
	if len(out.New) > 0 {
		if err := tx.Create(&out.New).Error; err != nil {
			return nil, err
		}
		copy(out.Open[len(out.Open)-len(out.New):], out.New) // with their ids
		if err := proposeNewRenderings(ctx, tx, seg, text, out.New); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// proposeNewRenderings is proposeRenderings for the new flags of an
// approved text, which only an article with a source has.
func proposeNewRenderings(ctx context.Context, tx *gorm.DB, seg *Segment, text string, flags []Flag) error {
	if !slices.ContainsFunc(flags, func(f Flag) bool { return f.sourceForm != "" }) {
		return nil
	}
	var art struct {
		Lang       string
		SourceLang *string
	}
	if err := tx.WithContext(ctx).Raw(`SELECT lang, source_lang FROM articles WHERE id = ?`, seg.ArticleID).Scan(&art).Error; err != nil {
		return err
	}
	if art.SourceLang == nil {
		return nil
	}
	return proposeRenderings(ctx, tx, art.Lang, *art.SourceLang, seg.ID, text, flags)
}

// flagIDs lists the ids of flags, for the audit event.
func flagIDs(flags []Flag) []int64 {
	ids := make([]int64, len(flags))
	for i := range flags {
		ids[i] = flags[i].ID
	}
	return ids
}

// offsetsText returns the text f's offsets point into when that is s's
// current text, so that a page may mark f in it: the MT text while nobody
// changed it, the approved text while no later correction replaced it.
func offsetsText(s *Segment, f *Flag) (string, bool) {
	text := s.CurrentText
	switch {
	case f.StartOffset > f.EndOffset || f.EndOffset > len(text):
		return "", false
	case f.OffsetsIn == OffsetsApproved:
		return text, text[f.StartOffset:f.EndOffset] == f.Text
	}
	return text, text == s.MTText
}

// approvedState is the segment's state after an approval, by the rule
// every review decision follows: no open flag left → approved; open flags
// left → back in the queue as flagged, unless the editor approved over
// them (then approved, with them open, and out says so). The correction
// approved was the segment's only pending one (Submit supersedes the
// others), so none is left to keep it corrected.
func approvedState(out *ApprovalOutcome, overOpenFlags bool) string {
	switch {
	case len(out.Open) == 0:
		out.State = StateApproved
	case overOpenFlags:
		out.State, out.OverOpenFlags = StateApproved, true
	default:
		out.State = StateFlagged
	}
	return out.State
}
