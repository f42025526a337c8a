package review

import (
	"context"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"gorm.io/gorm"

	"lector/detect"
	"lector/detect/align"
	"lector/detect/segment"
)

// The source-aware checks (detect.Checker.CheckPairSpans) run wherever
// flags are computed: an article's creation and import, a rescan, and the
// check of a text being approved or repaired. After creation the
// alignment lives in the segments: source_text, and source_left_out for
// the source sentences the translation left out; every path rebuilds the
// pair from them the same way (pairOf), so that a rescan finds what the
// creation found and closes nothing that is still true. A segment without
// a source in an article with one is a sentence the source lacks
// (detect.CheckSentenceNotInSource), an alignment problem and never a name
// error. A source sentence left out is flagged on the segment after which
// it stands (detect.CheckSourceSentenceMissing, the sentence in the
// flag's detail), and only a text a person changed is aligned again
// against it (realign): the translator who adds the sentence resolves it.

// articleSources is what the source-aware checks need of a stored article:
// its source language and the source of each of its segments in a range,
// in article offsets.
type articleSources struct {
	lang string
	segs []sourceAt // by start offset
}

// sourceAt is one stored segment's range of the article text, its source
// text (nil for none) and the source sentences left out after it (nil
// for none). Edited marks a text a person wrote, not the one aligned when
// the article was stored.
type sourceAt struct {
	Start, End int
	Source     *string
	LeftOut    *string
	Edited     bool
}

// at is the stored segment that holds article offset off, nil when none
// does or the article has no source.
func (a *articleSources) at(off int) *sourceAt {
	if a == nil {
		return nil
	}
	i := sort.Search(len(a.segs), func(i int) bool { return a.segs[i].Start > off }) - 1
	if i < 0 || off >= max(a.segs[i].End, a.segs[i].Start+1) {
		return nil
	}
	return &a.segs[i]
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
		SourceLeftOut          *string
	}
	err := tx.WithContext(ctx).Raw(`SELECT a.id AS article_id, a.source_lang, s.start_offset, s.end_offset, s.source_text, s.source_left_out
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
		a.segs = append(a.segs, sourceAt{Start: r.StartOffset, End: r.EndOffset, Source: r.SourceText, LeftOut: r.SourceLeftOut})
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
// is set, the source-aware checks against sources, what each span's
// segment says of the source (nil where it says nothing); spans of one
// segment share one *sourceAt.
func (c *Checker) checkWith(text, lang string, spans []segment.Span, sourceLang string, sources []*sourceAt) []detect.Checked {
	if sourceLang == "" {
		return c.checkSpans(text, lang, spans)
	}
	engine := c.state.Load().engine
	source, srcSpans, beads, edited := pairOf(sources, len(spans))
	for i := len(edited) - 1; i >= 0; i-- { // from the end: a realigned range may change the beads after it
		beads = realign(engine, text, lang, spans, source, sourceLang, srcSpans, beads, edited[i])
	}
	return engine.CheckPairSpans(text, lang, spans, source, sourceLang, srcSpans, beads)
}

// checkSourced splits text and checks it as checkWith does, the segment of
// the span starting at offset x of text being sourceOf(x).
func (c *Checker) checkSourced(text, lang string, src *articleSources, sourceOf func(x int) *sourceAt) ([]detect.Checked, error) {
	spans, err := split(text, lang)
	if err != nil {
		return nil, err
	}
	if src == nil {
		return c.checkSpans(text, lang, spans), nil
	}
	sources := make([]*sourceAt, len(spans))
	for i, s := range spans {
		sources[i] = sourceOf(s.Start)
	}
	return c.checkWith(text, lang, spans, src.lang, sources), nil
}

// pairOf rebuilds the alignment of n target spans from their segments'
// sources: one source unit per run of neighbouring spans with the same
// source (a source sentence the translation split is the source of both
// halves, see alignedSources), a span without a source alone in a bead the
// source has no side of, and after a segment's last span a bead of the
// source sentences it left out, which has no target. The source text is
// the units apart by blank lines. Edited lists the beads (indexes) of an
// edited segment's run followed by its left-out sentences: realign's to
// align again.
func pairOf(sources []*sourceAt, n int) (string, []segment.Span, []align.Bead, [][2]int) {
	var b strings.Builder
	var srcSpans []segment.Span
	var beads []align.Bead
	var edited [][2]int
	unit := func(s string) int {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		u := len(srcSpans)
		srcSpans = append(srcSpans, segment.Span{Paragraph: u, Index: u, Start: b.Len(), End: b.Len() + len(s), Text: s})
		b.WriteString(s)
		return u
	}
	runStart := 0
	for i := range n {
		var at *sourceAt
		if i < len(sources) {
			at = sources[i]
		}
		switch s := sourceText(at); {
		case s == "":
			beads = append(beads, align.Bead{Target: []int{i}})
		case len(beads) > 0 && len(beads[len(beads)-1].Source) > 0 && len(beads[len(beads)-1].Target) > 0 &&
			srcSpans[beads[len(beads)-1].Source[0]].Text == s:
			beads[len(beads)-1].Target = append(beads[len(beads)-1].Target, i)
		default:
			runStart = len(beads)
			beads = append(beads, align.Bead{Source: []int{unit(s)}, Target: []int{i}})
		}
		if at == nil || at.LeftOut == nil || strings.TrimSpace(*at.LeftOut) == "" || (i+1 < n && i+1 < len(sources) && sources[i+1] == at) {
			continue
		}
		if at.Edited && sourceText(at) != "" {
			edited = append(edited, [2]int{runStart, len(beads) + 1})
		}
		beads = append(beads, align.Bead{Source: []int{unit(*at.LeftOut)}})
	}
	return b.String(), srcSpans, beads, edited
}

func sourceText(at *sourceAt) string {
	if at == nil || at.Source == nil || strings.TrimSpace(*at.Source) == "" {
		return ""
	}
	return *at.Source
}

// realign aligns the beads r[0]..r[1] (an edited segment's spans with its
// source, then the source sentences it left out) again, by the engine's
// aligner: a translator who added the left-out sentence made a target for
// it, and the flag that it is missing is resolved.
func realign(engine *detect.Checker, text, lang string, spans []segment.Span, source, sourceLang string, srcSpans []segment.Span, beads []align.Bead, r [2]int) []align.Bead {
	var si, ti []int
	for _, b := range beads[r[0]:r[1]] {
		si = append(si, b.Source...)
		ti = append(ti, b.Target...)
	}
	local := func(all []segment.Span, at []int) []segment.Span {
		out := make([]segment.Span, len(at))
		for k, i := range at {
			out[k] = all[i]
			out[k].Paragraph, out[k].Index = 0, k // one paragraph: the program pairs the sentences
		}
		return out
	}
	got := engine.AlignRatio(text, lang, local(spans, ti), source, sourceLang, local(srcSpans, si), pairRatio(spans, srcSpans, beads, r))
	for k := range got {
		got[k].Source = pickAt(si, got[k].Source)
		got[k].Target = pickAt(ti, got[k].Target)
	}
	out := slices.Clone(beads[:r[0]])
	out = append(out, got...)
	return append(out, beads[r[1]:]...)
}

// pairRatio is the target's letters per letter of source over the matched
// beads outside r, with 60 letters of 1:1 as a prior (as align's own
// estimate): the ratio the few sentences realign aligns must expect, which
// their own lengths, one of them left out, would bias.
func pairRatio(spans, srcSpans []segment.Span, beads []align.Bead, r [2]int) float64 {
	const prior = 60
	a, b := prior, prior
	for k, bd := range beads {
		if (k >= r[0] && k < r[1]) || bd.Unmatched() {
			continue
		}
		for _, u := range bd.Source {
			a += utf8.RuneCountInString(srcSpans[u].Text)
		}
		for _, u := range bd.Target {
			b += utf8.RuneCountInString(spans[u].Text)
		}
	}
	return float64(b) / float64(a)
}

func pickAt(from, at []int) []int {
	out := make([]int, len(at))
	for k, i := range at {
		out[k] = from[i]
	}
	return out
}
