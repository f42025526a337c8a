package detect

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

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

// missing is the finding for a source name the target lacks: on what
// stands in its place when a word of the sentence sounds like it or like
// its right form ("the cook" for Кук, "Merc" for Мерц, Merz), else on the
// target sentence. False when what stands in its place is a right form
// after all, one the target's lookup did not read (a sentence's first
// word that is also a common word, "Лавров"; a case form, "Беларусью").
func (c *Checker) missing(p *pair, b align.Bead, sm mention, tgt []mention) (finding.Finding, bool) {
	e := c.fuzzy.ByKey(sm.keys[0])
	f := finding.Finding{Kind: kindOf(e), Check: CheckSourceNameMissing, Entry: preferredOf(e, p.lang), EntryKey: sm.keys[0],
		Suggestion: formOfLength(e, p.lang, sm.words), Confidence: confidenceMissing}
	lo, hi := p.spans[b.Target[0]].Start, p.spans[b.Target[len(b.Target)-1]].End
	f.Start, f.End = lo, hi
	srcWords := wordsOf(p.source[sm.start:sm.end])
	if len(srcWords) == 0 { // a name of digits and signs: nothing sounds like it
		f.Text = p.text[f.Start:f.End]
		return f, true
	}
	family := srcWords[len(srcWords)-1].text
	right := ""
	if f.Suggestion != "" {
		right = familyPart(f.Suggestion)
	}
	for _, w := range wordsOf(p.text[lo:hi]) {
		w.start, w.end = w.start+lo, w.end+lo
		if coveredExceptOther(w.start, w.end, tgt) {
			continue
		}
		if !soundsLikeSource(w.text, family, baseLang(p.sourceLang)) && (right == "" || !names.SoundsAlike(w.text, right)) &&
			!derivedFrom(w.text, right) && !inSerbianLatin(w.text, family, p.sourceLang) {
			continue
		}
		if isRightForm(e, w.text, right, p.lang) {
			return f, false
		}
		start, end := hyphenatedWord(p.text, w.start, w.end)
		f.Start, f.End, f.Confidence = articleBefore(p.text, start, p.lang), end, confidenceStandIn
		if f.Start == start && capitalisedWordBefore(p.text, start) {
			if given, ok := givenStandIn(p, f.Suggestion, srcWords, start); ok {
				// "Fridrih Merc" for Фридрих Мерц: the given name is
				// mangled too; the stand-in is the whole name.
				f.Start = given
			} else {
				// "Donald Трамп": the given name is there; the stand-in
				// is the family name alone.
				f.Suggestion = familyPart(f.Suggestion)
			}
		}
		break
	}
	f.Text = p.text[f.Start:f.End]
	return f, true
}

// supersede drops the target-only name findings on the stand-in f found:
// they took the word for another entry than the one the source names.
func supersede(fs []finding.Finding, f finding.Finding) []finding.Finding {
	return slices.DeleteFunc(fs, func(g finding.Finding) bool {
		return (g.Kind == finding.KindName || g.Kind == finding.KindTerm) && g.Start < f.End && f.Start < g.End
	})
}

// coveredExceptOther is covered over the target's mentions but those of a
// wrong form taken for another entry than the source's: the source says
// whom it stands for ("Зеленски", a wrong form of Zelenska by itself, is
// Zelensky where the source names him).
func coveredExceptOther(start, end int, tgt []mention) bool {
	for _, t := range tgt {
		if t.start < end && start < t.end && (t.right || t.hit == nil) {
			return true
		}
	}
	return false
}

// derivedFrom reports whether the capitalised word w begins with the first
// five letters of the name's right form (right, one word): a word the
// translation derived from the name ("Germanic" for Germany).
func derivedFrom(w, right string) bool {
	const stem = 5
	if right == "" || !startsUpper(w) || strings.ContainsRune(right, ' ') {
		return false
	}
	a, b := []rune(strings.ToLower(w)), []rune(strings.ToLower(right))
	return len(a) >= stem && len(b) >= stem && string(a[:stem]) == string(b[:stem])
}

// isRightForm reports whether the word w of a text in lang is a right form
// of entry e: its right form's family part (right) or one of its
// single-word forms, as written or read back through the case endings.
func isRightForm(e *names.Entry, w, right, lang string) bool {
	forms := []string{w}
	if base := baseLang(lang); base == "ru" || base == "uk" {
		forms = append(forms, names.Nominatives(w, base)...)
	}
	for _, f := range forms {
		if right != "" && f == right {
			return true
		}
		if e == nil {
			continue
		}
		for _, t := range e.Terms {
			if t.Lang == lang && t.Form == f && (t.Status == names.Preferred || t.Status == names.Admitted) {
				return true
			}
		}
	}
	return false
}

// sourceWrites reports whether a capitalised word of the source units,
// outside the source's names, sounds like the target name t (its last
// word): the source writes t's name in a form its lookup did not read.
func (p *pair) sourceWrites(units []int, t mention) bool {
	tw := wordsOf(p.text[t.start:t.end])
	if len(tw) == 0 {
		return false
	}
	family, lang := tw[len(tw)-1].text, baseLang(p.sourceLang)
	for _, u := range units {
		s := p.srcSpans[u]
		for _, w := range wordsOf(p.source[s.Start:s.End]) {
			if !startsUpper(w.text) || covered(s.Start+w.start, s.Start+w.end, p.sm) {
				continue
			}
			if soundsLikeSource(family, w.text, lang) {
				return true
			}
		}
	}
	return false
}

// givenStandIn reports where the capitalised word before start begins when
// it stands for the source name's given name (srcWords, two or more)
// without being the right one, the first word of suggestion: it sounds
// like the source's or is it in Serbian Latin letters.
func givenStandIn(p *pair, suggestion string, srcWords []word, start int) (int, bool) {
	sug := strings.Fields(suggestion)
	if len(srcWords) < 2 || len(sug) < 2 {
		return 0, false
	}
	ws := wordsOf(p.text[:start-1])
	w, src := ws[len(ws)-1], srcWords[0].text
	if w.text == sug[0] {
		return 0, false
	}
	if soundsLikeSource(w.text, src, baseLang(p.sourceLang)) || inSerbianLatin(w.text, src, p.sourceLang) {
		return w.start, true
	}
	return 0, false
}

// hyphenatedWord widens the word text[start:end] to the whole hyphenated
// name it is part of (Сиљановска-Давкова).
func hyphenatedWord(text string, start, end int) (int, int) {
	for start > 1 && text[start-1] == '-' && isLetterBefore(text, start-1) {
		start--
		for start > 0 && isLetterBefore(text, start) {
			_, n := utf8.DecodeLastRuneInString(text[:start])
			start -= n
		}
	}
	for end < len(text)-1 && text[end] == '-' && isLetterAt(text, end+1) {
		end++
		for end < len(text) && isLetterAt(text, end) {
			_, n := utf8.DecodeRuneInString(text[end:])
			end += n
		}
	}
	return start, end
}

func isLetterBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r)
}

// capitalisedWordBefore reports whether a capitalised word ends one space
// before start.
func capitalisedWordBefore(text string, start int) bool {
	if start < 2 || text[start-1] != ' ' || !isLetterBefore(text, start-1) {
		return false
	}
	ws := wordsOf(text[:start-1])
	return len(ws) > 0 && startsUpper(ws[len(ws)-1].text)
}

// familyPart is a name's last space-separated part, hyphens kept
// ("Siljanovska-Davkova" of "Gordana Siljanovska-Davkova").
func familyPart(form string) string {
	return form[strings.LastIndexByte(form, ' ')+1:]
}

// soundsLikeSource reports whether a target word sounds like a source name
// word or one of its nominatives.
func soundsLikeSource(w, src, sourceLang string) bool {
	if names.SoundsAlike(w, src) {
		return true
	}
	for _, n := range names.Nominatives(src, sourceLang) {
		if names.SoundsAlike(w, n) {
			return true
		}
	}
	return false
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
