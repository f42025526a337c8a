package detect

import (
	"slices"
	"sort"

	"lector/detect/align"
	"lector/detect/finding"
	"lector/detect/names"
	"lector/detect/segment"
)

// Checks of a translation against its source; the names are part of the
// `lector check` contract.
const (
	// CheckSourceNameMissing: a glossary name of the aligned source
	// sentence is not in the translation in a right form.
	CheckSourceNameMissing = "source-name-missing"
	// CheckNameNotInSource: a glossary name of the translation that the
	// aligned source sentence does not hold.
	CheckNameNotInSource = "name-not-in-source"
	// CheckInconsistentRendering: one source name, several spellings in
	// the translation.
	CheckInconsistentRendering = "inconsistent-rendering"
	// CheckSourceSentenceMissing: a source sentence with no counterpart in
	// the translation; the finding is on the translation's sentence before
	// the gap.
	CheckSourceSentenceMissing = "source-sentence-missing"
	// CheckSentenceNotInSource: a sentence of the translation with no
	// counterpart in the source.
	CheckSentenceNotInSource = "sentence-not-in-source"
)

// Confidences of the source-aware findings. A wrong form of a name the
// source holds is all but certain; a missing or an added name depends on
// the alignment and on the source's names being found, so less.
const (
	confidenceConfirmed  = 0.98
	confidenceMissing    = 0.9
	confidenceStandIn    = 0.95
	confidenceNotInSrc   = 0.85
	confidenceRendering  = 0.8
	confidenceAlignment  = 0.75
	confidenceNeighbours = 0.6
)

// CheckPair checks text in lang as a translation of source in sourceLang:
// everything Check finds, and the source-aware checks over the sentences
// aligned (detect/align). Texts over segment.MaxTextBytes give a
// *segment.TooLargeError.
func (c *Checker) CheckPair(text, lang, source, sourceLang string) ([]Checked, error) {
	spans, err := segment.Split(text, lang)
	if err != nil {
		return nil, err
	}
	srcSpans, err := segment.Split(source, sourceLang)
	if err != nil {
		return nil, err
	}
	return c.CheckPairSpans(text, lang, spans, source, sourceLang, srcSpans, nil), nil
}

// Pair is a translation and its source, each cut into spans.
type pair struct {
	text, lang, source, sourceLang string
	spans, srcSpans                []segment.Span
	tm, sm                         []mention
	tmUnit, smUnit                 [][]int // the mentions (indexes) each span holds
	beads                          []align.Bead
}

// Align aligns the spans of a translation with those of its source, the
// glossary names of each sentence serving as anchors.
func (c *Checker) Align(text, lang string, spans []segment.Span, source, sourceLang string, srcSpans []segment.Span) []align.Bead {
	p := c.newPair(text, lang, spans, source, sourceLang, srcSpans)
	return p.align()
}

// AlignRatio is Align with the length ratio given (align.AlignRatio).
func (c *Checker) AlignRatio(text, lang string, spans []segment.Span, source, sourceLang string, srcSpans []segment.Span, ratio float64) []align.Bead {
	p := c.newPair(text, lang, spans, source, sourceLang, srcSpans)
	return align.AlignRatio(alignUnits(p.srcSpans, p.sm, p.smUnit), alignUnits(p.spans, p.tm, p.tmUnit), ratio)
}

func (c *Checker) newPair(text, lang string, spans []segment.Span, source, sourceLang string, srcSpans []segment.Span) *pair {
	p := &pair{text: text, lang: lang, source: source, sourceLang: sourceLang, spans: spans, srcSpans: srcSpans,
		tm: c.targetMentions(text, lang), sm: c.sourceMentions(source, sourceLang)}
	p.tmUnit, p.smUnit = byUnit(p.tm, spans), byUnit(p.sm, srcSpans)
	return p
}

func (p *pair) align() []align.Bead {
	return align.Align(alignUnits(p.srcSpans, p.sm, p.smUnit), alignUnits(p.spans, p.tm, p.tmUnit))
}

// CheckPairSpans is CheckPair over spans fixed already, with the alignment
// given (an XLIFF file's, unit by unit) or, when beads is nil, computed.
func (c *Checker) CheckPairSpans(text, lang string, spans []segment.Span, source, sourceLang string, srcSpans []segment.Span, beads []align.Bead) []Checked {
	p := c.newPair(text, lang, spans, source, sourceLang, srcSpans)
	p.beads = beads
	if p.beads == nil {
		p.beads = p.align()
	}
	fs := c.findings(text, lang, spans)
	var extra []finding.Finding
	for k := range p.beads {
		var add []finding.Finding
		fs, add = c.checkBead(p, k, fs)
		extra = append(extra, add...)
	}
	extra = append(extra, p.alignmentFindings()...)
	extra = append(extra, p.renderingFindings()...)
	fs = append(fs, extra...)
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].Start < fs[j].Start })
	return assign(spans, fs)
}

// checkBead checks the names of one matched bead: each glossary name of
// the source must be in the target in a right form, each of the target in
// the source. It returns the findings of the target-only checks adjusted
// by what the source says, and the new ones.
func (c *Checker) checkBead(p *pair, k int, fs []finding.Finding) ([]finding.Finding, []finding.Finding) {
	b := p.beads[k]
	if b.Unmatched() {
		return fs, nil
	}
	src, tgt := p.mentionsIn(p.sm, p.smUnit, b.Source), p.mentionsIn(p.tm, p.tmUnit, b.Target)
	var out []finding.Finding
	for _, sm := range distinct(src) {
		if sm.weak {
			continue
		}
		if slices.ContainsFunc(tgt, func(t mention) bool { return t.right && sharesKey(t, sm) }) {
			continue
		}
		wrong := false
		for _, t := range tgt {
			if !t.right && sharesKey(t, sm) && t.hit != nil {
				fs = confirm(fs, *t.hit, p.text, p.lang)
				wrong = true
			}
		}
		if wrong || p.inNeighbours(k, sm) {
			continue
		}
		if f, ok := c.missing(p, b, sm, tgt); ok {
			if f.Confidence == confidenceStandIn {
				fs = supersede(fs, f)
			}
			out = append(out, f)
		}
	}
	var added []mention
	for _, t := range tgt {
		if slices.ContainsFunc(src, func(s mention) bool { return sharesKey(s, t) }) {
			continue
		}
		switch {
		case t.hit != nil && t.hit.Check == names.CheckFalseFriend:
			// The source names nobody of that name here: the word is the
			// ordinary word it looks like.
			fs = dropFinding(fs, t.start, t.end)
		case t.right && p.sourceWrites(b.Source, t):
			// The source names it in a form its lookup did not read
			// (Кишинева, Расіі): no name the source lacks.
		case t.right:
			conf := confidenceNotInSrc
			if p.sourceNearby(k, t) {
				conf = confidenceNeighbours
			}
			e := c.fuzzy.ByKey(t.keys[0])
			out = append(out, finding.Finding{Kind: kindOf(e), Check: CheckNameNotInSource, Start: t.start, End: t.end,
				Text: p.text[t.start:t.end], Entry: preferredOf(e, p.lang), EntryKey: t.keys[0], Confidence: conf})
			added = append(added, t)
		}
	}
	return fs, substitution(out, added, p.text)
}

// substitution merges a sentence's one missing source name and its one
// name the source does not hold into one finding: the translation put
// Biden where the source says Путин, and "Biden" is what Putin replaces.
func substitution(out []finding.Finding, added []mention, text string) []finding.Finding {
	var missing, extra []int
	for i, f := range out {
		switch f.Check {
		case CheckSourceNameMissing:
			missing = append(missing, i)
		case CheckNameNotInSource:
			extra = append(extra, i)
		}
	}
	if len(missing) != 1 || len(extra) != 1 {
		return out
	}
	m, x := out[missing[0]], out[extra[0]]
	m.Start, m.End, m.Text, m.Confidence = x.Start, x.End, x.Text, confidenceStandIn
	if m.Suggestion != "" && added[0].words == 1 {
		m.Suggestion = lastWord(m.Suggestion)
	}
	out[missing[0]] = m
	return slices.Delete(out, extra[0], extra[0]+1)
}

func lastWord(s string) string {
	ws := wordsOf(s)
	if len(ws) == 0 {
		return s
	}
	return s[ws[len(ws)-1].start:]
}

// confirm raises the confidence of the target-only finding on h, or adds
// one for a false friend whose context alone left it unflagged. A false
// friend takes its article with it: "the cook" is what Cook replaces.
func confirm(fs []finding.Finding, h names.Hit, text, lang string) []finding.Finding {
	start := h.Start
	if h.Check == names.CheckFalseFriend {
		start = articleBefore(text, h.Start, lang)
	}
	for i := range fs {
		if fs[i].Start == h.Start && fs[i].End == h.End && fs[i].Check == h.Check {
			fs[i].Confidence = max(fs[i].Confidence, confidenceConfirmed)
			fs[i].Start, fs[i].Text = start, text[start:h.End]
			return fs
		}
	}
	f := findingOf(h)
	f.Confidence = max(f.Confidence, confidenceConfirmed)
	f.Start, f.Text = start, text[start:h.End]
	return append(fs, f)
}

func dropFinding(fs []finding.Finding, start, end int) []finding.Finding {
	return slices.DeleteFunc(fs, func(f finding.Finding) bool {
		return f.Start == start && f.End == end && f.Check == names.CheckFalseFriend
	})
}

// mentionsIn returns the mentions in the given units, in order.
func (p *pair) mentionsIn(ms []mention, byUnit [][]int, units []int) []mention {
	var out []mention
	for _, u := range units {
		for _, i := range byUnit[u] {
			out = append(out, ms[i])
		}
	}
	return out
}

// inNeighbours reports whether the beads on either side of bead k hold sm's
// entry in their target but not in their source: the alignment put the
// name one sentence off, which is no missing name.
func (p *pair) inNeighbours(k int, sm mention) bool {
	for _, j := range []int{k - 1, k + 1} {
		if j < 0 || j >= len(p.beads) {
			continue
		}
		nb := p.beads[j]
		tgt, src := p.mentionsIn(p.tm, p.tmUnit, nb.Target), p.mentionsIn(p.sm, p.smUnit, nb.Source)
		inTgt := slices.ContainsFunc(tgt, func(t mention) bool { return sharesKey(t, sm) })
		inSrc := slices.ContainsFunc(src, func(s mention) bool { return sharesKey(s, sm) })
		if inTgt && !inSrc {
			return true
		}
	}
	return false
}

// sourceNearby reports whether the source names t's entry in a neighbouring
// bead.
func (p *pair) sourceNearby(k int, t mention) bool {
	for _, j := range []int{k - 1, k + 1} {
		if j >= 0 && j < len(p.beads) &&
			slices.ContainsFunc(p.mentionsIn(p.sm, p.smUnit, p.beads[j].Source), func(s mention) bool { return sharesKey(s, t) }) {
			return true
		}
	}
	return false
}

// distinct keeps the first mention of each entry (set of keys).
func distinct(ms []mention) []mention {
	var out []mention
	for _, m := range ms {
		if !slices.ContainsFunc(out, func(o mention) bool { return slices.Equal(o.keys, m.keys) }) {
			out = append(out, m)
		}
	}
	return out
}

func sharesKey(a, b mention) bool {
	for _, k := range a.keys {
		if b.names(k) {
			return true
		}
	}
	return false
}

// byUnit lists, for each span, the mentions (indexes into ms) that start
// in it.
func byUnit(ms []mention, spans []segment.Span) [][]int {
	out := make([][]int, len(spans))
	for i, m := range ms {
		j := sort.Search(len(spans), func(j int) bool { return spans[j].End > m.start })
		if j < len(spans) && spans[j].Start <= m.start {
			out[j] = append(out[j], i)
		}
	}
	return out
}

// alignUnits makes the aligner's units of spans, the entry keys of their
// mentions as anchors.
func alignUnits(spans []segment.Span, ms []mention, byUnit [][]int) []align.Unit {
	out := make([]align.Unit, len(spans))
	for i, s := range spans {
		out[i] = align.Unit{Paragraph: s.Paragraph, Text: s.Text}
		for _, j := range byUnit[i] {
			out[i].Keys = append(out[i].Keys, ms[j].keys[0])
		}
	}
	return out
}

func kindOf(e *names.Entry) string {
	if e != nil && e.Type == "term" {
		return finding.KindTerm
	}
	return finding.KindName
}

func preferredOf(e *names.Entry, lang string) string {
	if e == nil {
		return ""
	}
	return e.Preferred(lang)
}

// formOfLength is the entry's right form in lang with as many words as the
// source's mention ("Кук" → "Cook", "Тим Кук" → "Tim Cook"), else its
// preferred form.
func formOfLength(e *names.Entry, lang string, words int) string {
	if e == nil {
		return ""
	}
	preferred := e.Preferred(lang)
	if len(wordsOf(preferred)) == words {
		return preferred
	}
	for _, t := range e.Terms {
		if t.Status == names.Admitted && t.Lang == lang && len(wordsOf(t.Form)) == words {
			return t.Form
		}
	}
	if words == 1 && e.Type == "person" && preferred != "" {
		return familyPart(preferred) // "Трамп" alone is Trump, not Donald Trump
	}
	return preferred
}
