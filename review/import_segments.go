package review

import (
	"context"
	"encoding/json"
	"strings"
	"unicode"

	"gorm.io/gorm"

	"lector/apperr"
	"lector/audit"
	"lector/comment"
	"lector/database"
	"lector/detect/segment"
)

// ImportedArticle is an article whose segments come from a file that
// already has them (XLIFF), so that Lector keeps them as they are instead of
// splitting the text again.
type ImportedArticle struct {
	Title      string
	Lang       string
	SourceLang string // "" when no segment has a source
	Segments   []ImportedSegment
	CreatedBy  *int64
	// AsApproved stores the segments Approved says as approved, an editor's
	// explicit decision recorded in the audit log as CreatedBy's; without
	// it nothing an import brings is approved.
	AsApproved bool
}

// ImportedSegment is one segment of an ImportedArticle. Paragraph numbers
// only need to grow; a new number starts a new paragraph.
type ImportedSegment struct {
	Paragraph int
	Source    string // "" when none
	MT        string // the machine translation, checked by the Checker
	Current   string // the text now; "" means the machine translation
	Approved  bool   // signed off elsewhere: with AsApproved, stored approved, its flags resolved
	FileState string // the state the file gives, kept as information; "" for none

	// Comments are the segment's thread in the file (XLIFF notes), oldest
	// first.
	Comments []comment.Imported
}

// oneLine trims s and turns each run of white space holding a line break
// into one space: a segment is one run of text inside a paragraph. Other
// runs (a double space is a typography flag) stay.
func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	var b strings.Builder
	run := -1 // start of the current white-space run
	for i, r := range s + "x" {
		if unicode.IsSpace(r) {
			if run < 0 {
				run = i
			}
			continue
		}
		if run >= 0 {
			ws := s[run:i]
			if strings.ContainsAny(ws, "\r\n") {
				ws = " "
			}
			b.WriteString(ws)
			run = -1
		}
		if i < len(s) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// ImportArticle stores an article with the given segments, flagged by the
// Checker on their machine translation, in one transaction. The text of the
// article is the segments joined: a space inside a paragraph, a blank line
// between paragraphs. Segments left empty are dropped. Codes: invalid,
// too_large (over a limit of limits.go).
func ImportArticle(ctx context.Context, db *gorm.DB, checker *Checker, in ImportedArticle) (*Article, error) {
	var text, source strings.Builder
	var spans []segment.Span
	var kept []ImportedSegment
	var leftOut []*string // of each kept segment
	var lead *string
	para, last := -1, 0
	for _, s := range in.Segments {
		s.MT, s.Current, s.Source = oneLine(s.MT), oneLine(s.Current), oneLine(s.Source)
		if s.MT == "" {
			// A source sentence with no translation: left out, kept on
			// the segment before it (the first when nothing comes before).
			switch {
			case s.Source == "":
			case len(kept) == 0:
				lead = appendSentence(lead, s.Source)
			default:
				leftOut[len(kept)-1] = appendSentence(leftOut[len(kept)-1], s.Source)
			}
			continue
		}
		if s.Current == "" {
			s.Current = s.MT
		}
		sep := " "
		if len(kept) == 0 {
			sep = ""
		} else if s.Paragraph != last {
			sep = "\n\n"
		}
		if len(kept) == 0 || s.Paragraph != last {
			para++
		}
		last = s.Paragraph
		text.WriteString(sep)
		source.WriteString(sep)
		spans = append(spans, segment.Span{Paragraph: para, Index: len(spans), Start: text.Len(), End: text.Len() + len(s.MT), Text: s.MT})
		text.WriteString(s.MT)
		source.WriteString(s.Source)
		kept = append(kept, s)
		leftOut = append(leftOut, nil)
	}
	if len(kept) == 0 {
		return nil, apperr.New(apperr.Invalid, "error.field_required", map[string]any{"Field": "text"})
	}
	if err := checkSegmentLimits(len(kept), func(i int) int {
		return max(len(kept[i].MT), len(kept[i].Current), len(kept[i].Source))
	}); err != nil {
		return nil, err
	}
	na := NewArticle{Title: in.Title, Lang: in.Lang, Text: text.String(), CreatedBy: in.CreatedBy}
	if src := strings.TrimSpace(source.String()); in.SourceLang != "" && src != "" {
		na.SourceLang, na.SourceText = in.SourceLang, src
	}
	if err := na.validate(); err != nil {
		return nil, err
	}
	checker = checker.Snapshot()
	var sources []*sourceAt
	if na.SourceText != "" {
		if lead != nil && leftOut[0] != nil {
			lead = appendSentence(lead, *leftOut[0])
		}
		if lead != nil {
			leftOut[0] = lead
		}
		sources = make([]*sourceAt, len(kept))
		for i := range kept {
			sources[i] = &sourceAt{Source: &kept[i].Source, LeftOut: leftOut[i]}
		}
	}
	checked := checker.checkWith(na.Text, na.Lang, spans, na.SourceLang, sources)
	a := &Article{Title: na.Title, Lang: na.Lang, Text: na.Text, CreatedBy: in.CreatedBy}
	if na.SourceText != "" {
		a.SourceLang, a.SourceText = &na.SourceLang, &na.SourceText
	}
	a.Segments = segmentsOf(checked, nil, checker)
	approved := 0
	for i := range a.Segments {
		s, seg := kept[i], &a.Segments[i]
		seg.CurrentText = s.Current
		if s.Source != "" {
			src := s.Source
			seg.SourceText = &src
		}
		if sources != nil {
			seg.SourceLeftOut = sources[i].LeftOut
		}
		if s.FileState != "" {
			fs := s.FileState
			seg.FileState = &fs
		}
		if s.Approved && in.AsApproved {
			seg.State = StateApproved
			approved++
		}
	}
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := database.LongStatements(tx); err != nil {
			return apperr.Wrap(err, "import timeouts")
		}
		if err := insertArticle(ctx, tx, a); err != nil {
			return err
		}
		if err := settleImported(ctx, tx, checker, a); err != nil {
			return err
		}
		if err := audit.Record(ctx, tx, &audit.Event{ActorID: in.CreatedBy, SubjectType: "article", SubjectID: a.ID,
			ArticleID: &a.ID, Action: "create", ToState: "created"}); err != nil {
			return err
		}
		if err := importComments(ctx, tx, in.CreatedBy, a, kept); err != nil {
			return err
		}
		if !in.AsApproved {
			return nil
		}
		// Segments approved without a correction or a second person: the
		// log says who decided so, and for how many.
		detail, _ := json.Marshal(map[string]any{"segments": approved, "source": "xliff"})
		return audit.Record(ctx, tx, &audit.Event{ActorID: in.CreatedBy, SubjectType: "article", SubjectID: a.ID,
			ArticleID: &a.ID, Action: "import_as_approved", ToState: StateApproved, Detail: detail})
	})
	if err != nil {
		return nil, apperr.Wrap(err, "import article")
	}
	return a, nil
}

// settleImported holds the segments a file calls reviewed (XLIFF final,
// signed off) to what Lector calls approved: their text is checked as an
// approval checks it, a flag is resolved only when its words are gone,
// and a segment whose text still holds a wrong form goes to the queue as
// flagged with it open, whatever the file says.
func settleImported(ctx context.Context, tx *gorm.DB, checker *Checker, a *Article) error {
	for i := range a.Segments {
		seg := &a.Segments[i]
		if seg.State != StateApproved {
			continue
		}
		out, err := reflag(ctx, tx, checker, seg, seg.CurrentText, 0)
		if err != nil {
			return err
		}
		if err := tx.WithContext(ctx).Where("segment_id = ?", seg.ID).Order("start_offset, id").Find(&seg.Flags).Error; err != nil {
			return err
		}
		if len(out.Open) == 0 {
			continue
		}
		seg.State = StateFlagged
		if err := tx.WithContext(ctx).Exec(`UPDATE segments SET state = ? WHERE id = ?`, seg.State, seg.ID).Error; err != nil {
			return err
		}
	}
	return nil
}
