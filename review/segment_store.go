package review

import (
	"context"

	"gorm.io/gorm"

	"lector/account"
	"lector/apperr"
)

// GlossaryTerm is one form of a glossary entry involved in a segment.
type GlossaryTerm struct {
	EntryID int64  `json:"glossary_entry"`
	Key     string `json:"key"`
	Type    string `json:"type"`
	Lang    string `json:"lang"`
	Form    string `json:"form"`
	Status  string `json:"status"`
	Note    string `json:"note"`
}

// SegmentDetail is everything the segment page shows.
type SegmentDetail struct {
	Segment      Segment        `json:"segment"`
	Article      ArticleRef     `json:"article"`
	Previous     *Segment       `json:"previous"`
	Next         *Segment       `json:"next"`
	Glossary     []GlossaryTerm `json:"glossary"`
	LastRejected *Correction    `json:"last_rejected"`
	Pending      *Correction    `json:"pending"`
	Dismissals   []DismissalRow `json:"dismissals"`
	History      []HistoryEvent `json:"history"`
	HeldByMe     bool           `json:"held_by_me"`
}

// ArticleRef names an article.
type ArticleRef struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
	Lang  string `json:"lang"`
	// SourceLang is set where a page shows the source beside the target
	// (the segment page); absent elsewhere.
	SourceLang *string `json:"source_lang,omitempty"`
}

// GetSegment loads a segment with all its flags (open first), its
// neighbours, the glossary entries its flags name, the latest rejection
// (whose reason the translator must see), the pending correction, the
// dismissals proposed for its flags and the history. Any signed-in user
// may read it. Codes: unauthorized, not_found.
func GetSegment(ctx context.Context, db *gorm.DB, p *account.Principal, id int64) (*SegmentDetail, error) {
	if p == nil {
		return nil, apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	d := &SegmentDetail{}
	db = db.WithContext(ctx)
	err := db.Preload("Flags", func(tx *gorm.DB) *gorm.DB {
		return tx.Order(flagOrder)
	}).Take(&d.Segment, id).Error
	if isNotFound(err) {
		return nil, apperr.New(apperr.NotFound, "error.segment_not_found", map[string]any{"ID": id})
	}
	if err != nil {
		return nil, apperr.Annotate(err, "get segment")
	}
	s := &d.Segment
	// The database's clock judges the lease (leaseLive).
	if err := db.Raw("SELECT now()").Row().Scan(&s.DBNow); err != nil {
		return nil, apperr.Annotate(err, "get segment: clock")
	}
	d.HeldByMe = holds(s, p)
	if err := db.Model(&Article{}).Select("id, title, lang, source_lang").Where("id = ?", s.ArticleID).Scan(&d.Article).Error; err != nil {
		return nil, apperr.Annotate(err, "get segment")
	}
	for _, n := range []struct {
		dst **Segment
		pos int
	}{{&d.Previous, s.Position - 1}, {&d.Next, s.Position + 1}} {
		var segs []Segment
		if err := db.Where("article_id = ? AND position = ?", s.ArticleID, n.pos).Limit(1).Find(&segs).Error; err != nil {
			return nil, apperr.Annotate(err, "get segment")
		}
		if len(segs) == 1 {
			*n.dst = &segs[0]
		}
	}
	var entryIDs []int64
	for _, f := range s.Flags {
		if f.GlossaryEntryID != nil {
			entryIDs = append(entryIDs, *f.GlossaryEntryID)
		}
	}
	d.Glossary = []GlossaryTerm{}
	if len(entryIDs) > 0 {
		err := db.Raw(`SELECT e.id AS entry_id, e.key, e.type, t.lang, t.form, t.status, t.note
FROM glossary_entries e JOIN glossary_terms t ON t.entry_id = e.id
WHERE e.id IN ? ORDER BY e.key, t.lang, t.status = 'preferred' DESC, t.form`, entryIDs).Scan(&d.Glossary).Error
		if err != nil {
			return nil, apperr.Annotate(err, "get segment")
		}
	}
	var cs []Correction
	if err := db.Where("segment_id = ? AND status IN ?", id, []string{CorrectionRejected, CorrectionPending}).
		Order("id DESC").Find(&cs).Error; err != nil {
		return nil, apperr.Annotate(err, "get segment")
	}
	for i := range cs {
		switch {
		case cs[i].Status == CorrectionPending && d.Pending == nil:
			d.Pending = &cs[i]
		case cs[i].Status == CorrectionRejected && d.LastRejected == nil:
			d.LastRejected = &cs[i]
		}
	}
	if s.State != StateRejected && s.State != StateInProgress {
		d.LastRejected = nil // an old rejection, since dealt with
	}
	if d.Dismissals, err = segmentDismissals(ctx, db, id); err != nil {
		return nil, err
	}
	if d.History, err = SegmentHistory(ctx, db, p, id); err != nil {
		return nil, err
	}
	return d, nil
}

// SegmentList returns an article's segments in order with their open flags,
// optionally only those in state. Codes: unauthorized, invalid (state),
// not_found.
func SegmentList(ctx context.Context, db *gorm.DB, p *account.Principal, articleID int64, state string) ([]Segment, error) {
	if p == nil {
		return nil, apperr.New(apperr.Unauthorized, "error.unauthorized", nil)
	}
	if state != "" && !validState(state) {
		return nil, apperr.New(apperr.Invalid, "error.bad_state", map[string]any{"Value": state})
	}
	var n int64
	if err := db.WithContext(ctx).Model(&Article{}).Where("id = ?", articleID).Count(&n).Error; err != nil {
		return nil, apperr.Annotate(err, "list segments")
	}
	if n == 0 {
		return nil, apperr.New(apperr.NotFound, "error.article_not_found", map[string]any{"ID": articleID})
	}
	q := db.WithContext(ctx).Where("article_id = ?", articleID)
	if state != "" {
		q = q.Where("state = ?", state)
	}
	out := []Segment{}
	if err := q.Order("position").Find(&out).Error; err != nil {
		return nil, apperr.Annotate(err, "list segments")
	}
	return out, apperr.Annotate(attachOpenFlags(ctx, db, articleID, state, out), "list segments")
}

// States lists the segment states in workflow order.
func States() []string {
	return []string{StateClean, StateFlagged, StateInProgress, StateCorrected, StateApproved, StateRejected}
}

func validState(s string) bool {
	for _, v := range States() {
		if v == s {
			return true
		}
	}
	return false
}

// StateCounts returns how many of an article's segments are in each state
// (every state present, zero included).
func StateCounts(ctx context.Context, db *gorm.DB, articleID int64) (map[string]int, error) {
	var rows []struct {
		State string
		N     int
	}
	err := db.WithContext(ctx).Model(&Segment{}).Select("state, count(*) AS n").Where("article_id = ?", articleID).
		Group("state").Scan(&rows).Error
	if err != nil {
		return nil, apperr.Annotate(err, "state counts")
	}
	out := map[string]int{}
	for _, s := range States() {
		out[s] = 0
	}
	for _, r := range rows {
		out[r.State] = r.N
	}
	return out, nil
}

// flagOrder lists a segment's flags open first, then by place.
const flagOrder = "status = 'open' DESC, start_offset, id"

// flagsSQL reads a segment's flags, open ones first.
const flagsSQL = `SELECT ` + flagColumns + ` FROM flags WHERE segment_id = ? ORDER BY ` + flagOrder

// loadFlags fills seg.Flags as GetSegment does (never nil, so the JSON of
// a claim matches the segment page's).
func loadFlags(ctx context.Context, db *gorm.DB, seg *Segment) error {
	seg.Flags = []Flag{}
	_, err := queryRows(ctx, db, flagsSQL, []any{seg.ID}, func() []any {
		seg.Flags = append(seg.Flags, Flag{})
		return seg.Flags[len(seg.Flags)-1].fields()
	})
	return apperr.Annotate(err, "get segment")
}
