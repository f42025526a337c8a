package review

import (
	"context"
	"sort"
	"strings"

	"gorm.io/gorm"

	"lector/detect"
	"lector/detect/align"
	"lector/detect/segment"
)

// The source-aware checks (detect.Checker.CheckPairSpans) run wherever
// flags are computed: an article's creation and import, a rescan, and the
// check of a text being approved or repaired. After creation the
// alignment lives in the segments' source_text, and every path rebuilds
// the pair from it the same way (pairOf), so that a rescan finds what the
// creation found and closes nothing that is still true. A segment without
// a source in an article with one is a sentence the source lacks
// (detect.CheckSentenceNotInSource), an alignment problem and never a name
// error. A source sentence the translation left out has no segment to keep
// it, so it is not flagged.

// articleSources is what the source-aware checks need of a stored article:
// its source language and the source of each of its segments in a range,
// in article offsets.
type articleSources struct {
	lang string
	segs []sourceAt // by start offset
}

// sourceAt is one stored segment's range of the article text and its
// source text (nil for none).
type sourceAt struct {
	Start, End int
	Source     *string
}

// at is the source of the stored segment that holds article offset off,
// nil when none does or it has no source.
func (a *articleSources) at(off int) *string {
	i := sort.Search(len(a.segs), func(i int) bool { return a.segs[i].Start > off }) - 1
	if i < 0 || off >= max(a.segs[i].End, a.segs[i].Start+1) {
		return nil
	}
	return a.segs[i].Source
}

// loadSources loads the sources of the segments of the given articles that
// reach into article offsets lo..hi; an article without a source has no
// entry. One statement for any number of articles, so that a page
// previewing corrections of many articles does not pay one each.
func loadSources(ctx context.Context, tx *gorm.DB, lo, hi int, articleIDs ...int64) (map[int64]*articleSources, error) {
	var rows []struct {
		ArticleID              int64
		SourceLang             string
		StartOffset, EndOffset int
		SourceText             *string
	}
	err := tx.WithContext(ctx).Raw(`SELECT a.id AS article_id, a.source_lang, s.start_offset, s.end_offset, s.source_text
FROM articles a JOIN segments s ON s.article_id = a.id
WHERE a.id IN ? AND a.source_lang IS NOT NULL AND s.end_offset >= ? AND s.start_offset <= ?
ORDER BY a.id, s.start_offset, s.position`, articleIDs, lo, hi).Find(&rows).Error
	if err != nil {
		return nil, err
	}
	out := map[int64]*articleSources{}
	for _, r := range rows {
		a := out[r.ArticleID]
		if a == nil {
			a = &articleSources{lang: r.SourceLang}
			out[r.ArticleID] = a
		}
		a.segs = append(a.segs, sourceAt{Start: r.StartOffset, End: r.EndOffset, Source: r.SourceText})
	}
	return out, nil
}

// attachSources loads the sources of the segments in art's text (see
// repairArticle.Base) into it.
func attachSources(ctx context.Context, tx *gorm.DB, art *repairArticle) error {
	sources, err := loadSources(ctx, tx, art.Base, art.Base+len(art.Text), art.ID)
	art.sources = sources[art.ID]
	return err
}

// checkWith runs every check over text cut into spans and, when sourceLang
// is set, the source-aware checks against sources, the source of each
// span (nil where it has none).
func (c *Checker) checkWith(text, lang string, spans []segment.Span, sourceLang string, sources []*string) []detect.Checked {
	if sourceLang == "" {
		return c.checkSpans(text, lang, spans)
	}
	source, srcSpans, beads := pairOf(sources, len(spans))
	return c.state.Load().engine.CheckPairSpans(text, lang, spans, source, sourceLang, srcSpans, beads)
}

// checkSourced splits text and checks it as checkWith does, the source of
// the span starting at offset x of text being sourceOf(x).
func (c *Checker) checkSourced(text, lang string, src *articleSources, sourceOf func(x int) *string) ([]detect.Checked, error) {
	spans, err := split(text, lang)
	if err != nil {
		return nil, err
	}
	if src == nil {
		return c.checkSpans(text, lang, spans), nil
	}
	sources := make([]*string, len(spans))
	for i, s := range spans {
		sources[i] = sourceOf(s.Start)
	}
	return c.checkWith(text, lang, spans, src.lang, sources), nil
}

// pairOf rebuilds the alignment of n target spans from their sources: one
// source unit per run of neighbouring spans with the same source (a source
// sentence the translation split is the source of both halves, see
// alignedSources), and a span without a source alone in a bead the source
// has no side of. The source text is the units apart by blank lines.
func pairOf(sources []*string, n int) (string, []segment.Span, []align.Bead) {
	var b strings.Builder
	var srcSpans []segment.Span
	var beads []align.Bead
	for i := range n {
		var s *string
		if i < len(sources) {
			s = sources[i]
		}
		if s == nil || strings.TrimSpace(*s) == "" {
			beads = append(beads, align.Bead{Target: []int{i}})
			continue
		}
		if k := len(beads) - 1; k >= 0 && len(beads[k].Source) > 0 && srcSpans[beads[k].Source[0]].Text == *s {
			beads[k].Target = append(beads[k].Target, i)
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		u := len(srcSpans)
		srcSpans = append(srcSpans, segment.Span{Paragraph: u, Index: u, Start: b.Len(), End: b.Len() + len(*s), Text: *s})
		b.WriteString(*s)
		beads = append(beads, align.Bead{Source: []int{u}, Target: []int{i}})
	}
	return b.String(), srcSpans, beads
}
