package review

import (
	"context"
	"strings"

	"golang.org/x/text/language"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"lector/apperr"
	"lector/audit"
	"lector/detect"
	"lector/detect/align"
	"lector/detect/finding"
	"lector/detect/segment"
	"lector/request"
)

// MaxTitleRunes bounds an article title.
const MaxTitleRunes = 300

// NewArticle is what it takes to add an article.
type NewArticle struct {
	Title      string
	Lang       string
	Text       string
	SourceLang string
	SourceText string
	CreatedBy  *int64
}

func (in *NewArticle) validate() error {
	in.Title = strings.TrimSpace(in.Title)
	switch {
	case in.Title == "":
		return apperr.New(apperr.Invalid, "error.field_required", map[string]any{"Field": "title"})
	case request.Line("title", in.Title, MaxTitleRunes) != nil:
		return request.Line("title", in.Title, MaxTitleRunes)
	case strings.TrimSpace(in.Text) == "":
		return apperr.New(apperr.Invalid, "error.field_required", map[string]any{"Field": "text"})
	case len(in.Text) > MaxTextBytes || len(in.SourceText) > MaxTextBytes:
		return apperr.New(apperr.TooLarge, "error.text_too_large", map[string]any{"Limit": MaxTextBytes})
	case request.Text("text", in.Text, 0) != nil:
		return request.Text("text", in.Text, 0)
	case request.Text("source_text", in.SourceText, 0) != nil:
		return request.Text("source_text", in.SourceText, 0)
	case (in.SourceLang == "") != (in.SourceText == ""):
		return apperr.New(apperr.Invalid, "error.source_pair", nil)
	}
	for field, tag := range map[string]*string{"lang": &in.Lang, "source_lang": &in.SourceLang} {
		if *tag == "" && field == "source_lang" {
			continue
		}
		t, err := language.Parse(*tag)
		if err != nil {
			return apperr.New(apperr.Invalid, "error.bad_language", map[string]any{"Field": field, "Value": *tag})
		}
		*tag = t.String()
	}
	return nil
}

// CreateArticle checks the text and stores the article, its segments and
// their flags in one transaction. Codes: invalid, too_large (over a limit
// of limits.go).
func CreateArticle(ctx context.Context, db *gorm.DB, checker *Checker, in NewArticle) (*Article, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	spans, err := split(in.Text, in.Lang)
	if err != nil {
		return nil, err
	}
	if err := checkSegmentLimits(len(spans), func(i int) int { return len(spans[i].Text) }); err != nil {
		return nil, err
	}
	checker = checker.Snapshot() // one glossary for the checks and the flags' entry ids
	a := &Article{Title: in.Title, Lang: in.Lang, Text: in.Text, CreatedBy: in.CreatedBy}
	var sources []*sourceAt
	if in.SourceText != "" {
		a.SourceLang, a.SourceText = &in.SourceLang, &in.SourceText
		sourceSpans, err := split(in.SourceText, in.SourceLang)
		if err != nil {
			return nil, err
		}
		beads := checker.alignSource(in.Text, in.Lang, spans, in.SourceText, in.SourceLang, sourceSpans)
		sources = alignedSources(beads, sourceSpans, len(spans))
	}
	checked := checker.checkWith(in.Text, in.Lang, spans, in.SourceLang, sources)
	a.Segments = segmentsOf(checked, sources, checker)
	err = db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := insertArticle(ctx, tx, a); err != nil {
			return err
		}
		return audit.Record(ctx, tx, &audit.Event{ActorID: in.CreatedBy, SubjectType: "article", SubjectID: a.ID,
			ArticleID: &a.ID, Action: "create", ToState: "created"})
	})
	if err != nil {
		return nil, apperr.Wrap(err, "create article")
	}
	return a, nil
}

// Rows per INSERT when an article is stored: PostgreSQL takes at most 65,535
// bind parameters a statement, and one statement for all segments (13
// columns) failed for articles of more than 5,041 segments.
const (
	segmentBatch = 1000 // × 14 columns
	flagBatch    = 2000 // × 16 columns
)

// insertArticle stores a with its segments and their flags, in batches, in
// tx, setting every id.
func insertArticle(ctx context.Context, tx *gorm.DB, a *Article) error {
	if err := tx.Omit(clause.Associations).Create(a).Error; err != nil {
		return err
	}
	for i := range a.Segments {
		a.Segments[i].ArticleID = a.ID
	}
	if len(a.Segments) == 0 {
		return nil
	}
	if err := tx.Omit(clause.Associations).CreateInBatches(a.Segments, segmentBatch).Error; err != nil {
		return err
	}
	var flags []*Flag
	for i := range a.Segments {
		s := &a.Segments[i]
		for j := range s.Flags {
			s.Flags[j].SegmentID = s.ID
			flags = append(flags, &s.Flags[j])
		}
	}
	if len(flags) == 0 {
		return nil
	}
	if err := tx.CreateInBatches(flags, flagBatch).Error; err != nil {
		return err
	}
	if a.SourceLang == nil {
		return nil
	}
	for i := range a.Segments {
		s := &a.Segments[i]
		if err := proposeRenderings(ctx, tx, a.Lang, *a.SourceLang, s.ID, s.MTText, s.Flags); err != nil {
			return err
		}
	}
	return nil
}

// alignedSources gives each of n target segments the source sentences
// aligned with it (detect/align), joined by a space: a source sentence the
// translation split is the source of both halves, two it joined are one
// segment's source. A segment the source has no counterpart for has none.
// A source sentence with no target is left out by the translation: it is
// kept on the segment before it (the first when the gap opens the text).
func alignedSources(beads []align.Bead, source []segment.Span, n int) []*sourceAt {
	out := make([]*sourceAt, n)
	for i := range out {
		out[i] = &sourceAt{}
	}
	last := -1 // the target segment before the current bead
	var lead []string
	for _, b := range beads {
		if len(b.Source) == 0 {
			last = b.Target[len(b.Target)-1]
			continue
		}
		parts := make([]string, len(b.Source))
		for i, u := range b.Source {
			parts[i] = source[u].Text
		}
		text := strings.Join(parts, " ")
		switch {
		case len(b.Target) > 0:
			for _, t := range b.Target {
				out[t].Source = &text
			}
			last = b.Target[len(b.Target)-1]
		case last < 0:
			lead = append(lead, text)
		default:
			out[last].LeftOut = appendSentence(out[last].LeftOut, text)
		}
	}
	if len(lead) > 0 && n > 0 {
		left := strings.Join(lead, " ")
		if out[0].LeftOut != nil {
			left += " " + *out[0].LeftOut
		}
		out[0].LeftOut = &left
	}
	return out
}

// appendSentence is to, a list of sentences apart by a space (nil for
// none), with s after them.
func appendSentence(to *string, s string) *string {
	if to != nil {
		s = *to + " " + s
	}
	return &s
}

// segmentsOf turns checked spans into segment rows with flags whose offsets
// are relative to the segment text; sources[i], when there is one, is the
// source text of segment i.
func segmentsOf(checked []detect.Checked, sources []*sourceAt, checker *Checker) []Segment {
	segs := make([]Segment, len(checked))
	for i, c := range checked {
		s := Segment{Position: c.Index, Paragraph: c.Paragraph, StartOffset: c.Start, EndOffset: c.End,
			MTText: c.Text, CurrentText: c.Text, State: StateClean, Revision: 1}
		if i < len(sources) && sources[i] != nil {
			s.SourceText, s.SourceLeftOut = sources[i].Source, sources[i].LeftOut
		}
		for _, f := range c.Findings {
			s.Flags = append(s.Flags, flagOf(f, c.Span, checker))
		}
		if len(s.Flags) > 0 {
			s.State = StateFlagged
		}
		segs[i] = s
	}
	return segs
}

func flagOf(f finding.Finding, s segment.Span, checker *Checker) Flag {
	start, end := f.Start-s.Start, f.End-s.Start
	text := f.Text
	switch {
	case start >= len(s.Text): // in the break after the segment: mark its end
		start, end = len(s.Text), len(s.Text)
	case end > len(s.Text) && f.Check == detect.CheckSourceNameMissing:
		// A name missing from a source sentence the translation split in
		// two is marked on both sentences; a flag is one segment's, the
		// first's.
		end, text = len(s.Text), s.Text[start:]
	}
	fl := Flag{Kind: f.Kind, Check: f.Check, StartOffset: start, EndOffset: end, OffsetsIn: OffsetsMT, Text: text,
		Suggestion: f.Suggestion, Entry: f.Entry, Confidence: f.Confidence, Status: FlagOpen}
	if f.Check == detect.CheckSourceSentenceMissing {
		fl.Detail = f.Source
	} else {
		fl.sourceForm = f.Source
	}
	if id := checker.EntryID(f.EntryKey); id != 0 {
		fl.GlossaryEntryID = &id
	}
	return fl
}

// ArticleSummary is an article with its segment counts per state.
type ArticleSummary struct {
	ID         int64  `json:"id"`
	Title      string `json:"title"`
	Lang       string `json:"lang"`
	Segments   int    `json:"segments"`
	Flagged    int    `json:"flagged"`
	InProgress int    `json:"in_progress"`
	Corrected  int    `json:"corrected"`
	Approved   int    `json:"approved"`
	OpenFlags  int    `json:"open_flags"`
}

// ListArticles returns every article, newest first, with its counts. The
// segment counts come from the (article_id, state) index alone and the
// open flags from one join, not a subquery per segment (5.6 s → 2.0 s at
// 1M segments, BENCHMARKS.md, issue 18); it still reads every segment, so
// the front page takes it from a SummaryCache.
func ListArticles(ctx context.Context, db *gorm.DB) ([]ArticleSummary, error) {
	return rawRows[ArticleSummary](ctx, db, "list articles", `
SELECT a.id, a.title, a.lang,
       coalesce(s.segments, 0) AS segments, coalesce(s.flagged, 0) AS flagged,
       coalesce(s.in_progress, 0) AS in_progress, coalesce(s.corrected, 0) AS corrected,
       coalesce(s.approved, 0) AS approved, coalesce(f.open_flags, 0) AS open_flags
FROM articles a
LEFT JOIN (
    SELECT article_id, count(*) AS segments,
           count(*) FILTER (WHERE state IN ('flagged', 'rejected')) AS flagged,
           count(*) FILTER (WHERE state = 'in_progress') AS in_progress,
           count(*) FILTER (WHERE state = 'corrected') AS corrected,
           count(*) FILTER (WHERE state = 'approved') AS approved
    FROM segments GROUP BY article_id) s ON s.article_id = a.id
LEFT JOIN (
    SELECT sg.article_id, count(*) AS open_flags
    FROM flags fl JOIN segments sg ON sg.id = fl.segment_id
    WHERE fl.status = 'open' GROUP BY sg.article_id) f ON f.article_id = a.id
ORDER BY a.created_at DESC, a.id DESC`)
}

// GetArticle loads an article with its segments in order and their open
// flags. Codes: not_found.
func GetArticle(ctx context.Context, db *gorm.DB, id int64) (*Article, error) {
	a, err := FindArticle(ctx, db, id)
	if err != nil {
		return nil, err
	}
	if err := db.WithContext(ctx).Where("article_id = ?", id).Order("position").Find(&a.Segments).Error; err != nil {
		return nil, apperr.Wrap(err, "get article")
	}
	if err := attachOpenFlags(ctx, db, id, "", a.Segments); err != nil {
		return nil, apperr.Wrap(err, "get article")
	}
	return a, nil
}

// FindArticle loads an article's row, without its segments. Codes:
// not_found.
func FindArticle(ctx context.Context, db *gorm.DB, id int64) (*Article, error) {
	a, err := takeByID[Article](ctx, db, id, "error.article_not_found")
	return a, apperr.Annotate(err, "get article")
}

// takeByID loads the row of T whose primary key is id; no such row is
// not_found with message notFound, other errors come back as they are.
func takeByID[T any](ctx context.Context, db *gorm.DB, id int64, notFound string) (*T, error) {
	var row T
	err := db.WithContext(ctx).Take(&row, id).Error
	if isNotFound(err) {
		return nil, apperr.New(apperr.NotFound, notFound, map[string]any{"ID": id})
	}
	if err != nil {
		return nil, err
	}
	return &row, nil
}

// attachOpenFlags fills the Flags of segs (an article's segments, those in
// state when it is set) with their open flags in order. The flags are found
// by the article's id, never by a list of segment ids: PostgreSQL takes at
// most 65,535 parameters a statement, and GORM's Preload sends one per id.
func attachOpenFlags(ctx context.Context, db *gorm.DB, articleID int64, state string, segs []Segment) error {
	if len(segs) == 0 {
		return nil
	}
	at := make(map[int64]int, len(segs))
	for i := range segs {
		at[segs[i].ID] = i
	}
	q := `SELECT f.* FROM flags f JOIN segments s ON s.id = f.segment_id
WHERE s.article_id = ? AND f.status = ?`
	args := []any{articleID, FlagOpen}
	if state != "" {
		q += ` AND s.state = ?`
		args = append(args, state)
	}
	var flags []Flag
	if err := db.WithContext(ctx).Raw(q+` ORDER BY f.segment_id, f.start_offset, f.id`, args...).Scan(&flags).Error; err != nil {
		return err
	}
	for _, f := range flags {
		if i, ok := at[f.SegmentID]; ok {
			segs[i].Flags = append(segs[i].Flags, f)
		}
	}
	return nil
}
