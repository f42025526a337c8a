package review

import (
	"context"
	"strings"

	"gorm.io/gorm"

	"lector/apperr"
	"lector/detect/finding"
	"lector/request"
)

// ArticleChunk is how many segments the article page shows at once; the
// rest come in chunks of the same size ("Load more", htmx), so that a
// 5,000-segment article renders as fast as a short one.
const ArticleChunk = 100

// MaxSearchRunes bounds the article page's text search.
const MaxSearchRunes = 200

// ArticleFilter selects the segments the article page shows: in State,
// with an open flag of Check and of Kind, whose current text contains Q
// (case-insensitive), from position From on. Empty fields select all.
type ArticleFilter struct {
	State string
	Check string
	Kind  string
	Q     string
	From  int
}

// Active reports whether anything but the position narrows the list.
func (f ArticleFilter) Active() bool {
	return f.State != "" || f.Check != "" || f.Kind != "" || f.Q != ""
}

func (f *ArticleFilter) validate() error {
	f.Q = strings.TrimSpace(f.Q)
	switch {
	case f.State != "" && !validState(f.State):
		return apperr.New(apperr.Invalid, "error.bad_state", map[string]any{"Value": f.State})
	case f.Kind != "" && !validKind(f.Kind):
		return apperr.New(apperr.Invalid, "error.bad_kind", map[string]any{"Value": f.Kind})
	case request.Line("q", f.Q, MaxSearchRunes) != nil:
		return request.Line("q", f.Q, MaxSearchRunes)
	case request.Line("check", f.Check, 100) != nil:
		return request.Line("check", f.Check, 100)
	}
	f.From = max(f.From, 0)
	return nil
}

func validKind(k string) bool {
	for _, v := range finding.Kinds() {
		if v == k {
			return true
		}
	}
	return false
}

// Facet is one check (or kind) with how many segments have an open flag of it.
type Facet struct {
	Kind     string
	Check    string
	Segments int
	Flags    int
}

// ArticleChunkData is one chunk of an article's filtered segments.
type ArticleChunkData struct {
	Paragraphs []ParagraphView
	// Next is the position the following chunk starts from, -1 when this
	// chunk is the last.
	Next int
	// Matching counts the segments that pass a filter (all chunks); 0
	// without a filter.
	Matching int
}

// LoadChunk returns up to ArticleChunk segments of an article that pass f,
// in order, with their open flags and the revision of the segment after
// each (for the one-click join of a broken paragraph). Codes: invalid.
func LoadChunk(ctx context.Context, db *gorm.DB, articleID int64, f ArticleFilter) (*ArticleChunkData, error) {
	if err := f.validate(); err != nil {
		return nil, err
	}
	var rows []struct {
		Segment
		NextRevision int
		Matching     int
	}
	where, args := f.where(articleID)
	// A filtered chunk counts the matches in the same scan (the window
	// runs before the position and the limit apply); an unfiltered one
	// walks the (article_id, position) index and stops after the chunk.
	matching := "0"
	if f.Active() {
		matching = "count(*) OVER ()"
	}
	err := db.WithContext(ctx).Raw(`SELECT m.*, coalesce((SELECT n.revision FROM segments n
WHERE n.article_id = m.article_id AND n.position = m.position + 1), 0) AS next_revision
FROM (SELECT s.*, `+matching+` AS matching FROM segments s WHERE `+where+`) m
WHERE m.position >= ? ORDER BY m.position LIMIT ?`,
		append(args, f.From, ArticleChunk+1)...).Scan(&rows).Error
	if err != nil {
		return nil, apperr.Wrap(err, "article chunk")
	}
	out := &ArticleChunkData{Next: -1}
	if len(rows) > 0 {
		out.Matching = rows[0].Matching
	} else if f.Active() && f.From > 0 { // past the last match: count them apart
		var n int64
		if err := db.WithContext(ctx).Raw(`SELECT count(*) FROM segments s WHERE `+where, args...).Scan(&n).Error; err != nil {
			return nil, apperr.Wrap(err, "article chunk")
		}
		out.Matching = int(n)
	}
	if len(rows) > ArticleChunk {
		out.Next = rows[ArticleChunk].Position
		rows = rows[:ArticleChunk]
	}
	ids := make([]int64, len(rows))
	at := make(map[int64]int, len(rows))
	segs := make([]Segment, len(rows))
	for i, r := range rows {
		ids[i], at[r.ID], segs[i] = r.ID, i, r.Segment
	}
	if len(ids) > 0 {
		var flags []Flag
		if err := db.WithContext(ctx).Where("segment_id IN ? AND status = ?", ids, FlagOpen).
			Order("start_offset, id").Find(&flags).Error; err != nil {
			return nil, apperr.Wrap(err, "article chunk")
		}
		for _, fl := range flags {
			s := &segs[at[fl.SegmentID]]
			s.Flags = append(s.Flags, fl)
		}
	}
	out.Paragraphs = Paragraphs(segs)
	for i := range out.Paragraphs {
		for j := range out.Paragraphs[i].Segments {
			v := &out.Paragraphs[i].Segments[j]
			v.NextRevision = rows[at[v.ID]].NextRevision
		}
	}
	return out, nil
}

// where is the filter as SQL over segments s of the article.
func (f ArticleFilter) where(articleID int64) (string, []any) {
	conds, args := []string{"s.article_id = ?"}, []any{articleID}
	if f.State != "" {
		conds, args = append(conds, "s.state = ?"), append(args, f.State)
	}
	if f.Check != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM flags f WHERE f.segment_id = s.id AND f.status = 'open' AND f."check" = ?)`)
		args = append(args, f.Check)
	}
	if f.Kind != "" {
		conds = append(conds, `EXISTS (SELECT 1 FROM flags f WHERE f.segment_id = s.id AND f.status = 'open' AND f.kind = ?)`)
		args = append(args, f.Kind)
	}
	if f.Q != "" {
		conds = append(conds, `s.current_text ILIKE ? ESCAPE '\'`)
		args = append(args, "%"+likeEscaper.Replace(f.Q)+"%")
	}
	return strings.Join(conds, " AND "), args
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// ArticleOverview is the article page's head: the article without its
// text, counts per state, the open flags per check and kind.
type ArticleOverview struct {
	Article   *Article
	Counts    map[string]int
	Segments  int
	OpenFlags int
	Checks    []Facet
	Kinds     []Facet
}

// LoadOverview loads the head of the article page. Codes: not_found.
func LoadOverview(ctx context.Context, db *gorm.DB, articleID int64) (*ArticleOverview, error) {
	db = db.WithContext(ctx)
	// The article row and its counts per state in one round trip and one
	// pass over the article's segments (no sort, no GROUP BY).
	var row struct {
		Article
		Clean, Flagged, InProgress, Corrected, Approved, Rejected int
	}
	err := db.Raw(`SELECT a.id, a.title, a.lang, a.source_lang, a.created_by, a.created_at, a.updated_at, c.*
FROM articles a, LATERAL (SELECT count(*) FILTER (WHERE state = 'clean') AS clean,
	count(*) FILTER (WHERE state = 'flagged') AS flagged, count(*) FILTER (WHERE state = 'in_progress') AS in_progress,
	count(*) FILTER (WHERE state = 'corrected') AS corrected, count(*) FILTER (WHERE state = 'approved') AS approved,
	count(*) FILTER (WHERE state = 'rejected') AS rejected
	FROM segments WHERE article_id = a.id) c
WHERE a.id = ?`, articleID).Scan(&row).Error
	if err != nil {
		return nil, apperr.Wrap(err, "article overview")
	}
	if row.ID == 0 {
		return nil, apperr.New(apperr.NotFound, "error.article_not_found", map[string]any{"ID": articleID})
	}
	a := row.Article
	o := &ArticleOverview{Article: &a, Counts: map[string]int{StateClean: row.Clean, StateFlagged: row.Flagged,
		StateInProgress: row.InProgress, StateCorrected: row.Corrected, StateApproved: row.Approved, StateRejected: row.Rejected}}
	for _, n := range o.Counts {
		o.Segments += n
	}
	var facets []Facet
	if err := db.Raw(`SELECT f.kind, f."check", count(DISTINCT f.segment_id) AS segments, count(*) AS flags
FROM flags f JOIN segments s ON s.id = f.segment_id
WHERE s.article_id = ? AND f.status = 'open' GROUP BY f.kind, f."check" ORDER BY f.kind, f."check"`, articleID).
		Scan(&facets).Error; err != nil {
		return nil, apperr.Wrap(err, "article overview")
	}
	o.Checks = facets
	for _, fc := range facets {
		o.OpenFlags += fc.Flags
		if n := len(o.Kinds); n > 0 && o.Kinds[n-1].Kind == fc.Kind {
			o.Kinds[n-1].Flags += fc.Flags
			continue
		}
		o.Kinds = append(o.Kinds, Facet{Kind: fc.Kind, Flags: fc.Flags})
	}
	return o, nil
}
