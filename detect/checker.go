// Package detect is Lector's detection engine: one text in, findings with
// byte offsets out. Checker runs the sentence splitter (detect/segment), the
// name matchers (detect/names) and the typography checks
// (detect/typography) over a text and gives each finding to its segment.
// The engine is pure: no database, no HTTP, nothing of the review workflow;
// its input is a plain list of names (names.Entry) that the glossary builds.
package detect

import (
	"sort"

	"lector/detect/finding"
	"lector/detect/names"
	"lector/detect/segment"
	"lector/detect/typography"
)

// Checker runs segmentation and every check over a text. It is built once
// from a glossary's names and is immutable, so it is safe for concurrent use.
type Checker struct {
	exact *names.Matcher
	fuzzy *names.Fuzzy
}

// New builds the matchers for entries. The exact matcher also gets the false
// friends derived from the entries' Russian and Ukrainian forms (Трамп →
// "tramp"), which the fuzzy matcher, refusing ordinary words, cannot find;
// see names.WithDerivedFalseFriends. The checker keeps a copy of the entries,
// not the slice.
func New(entries []names.Entry) *Checker { return newChecker(entries, true) }

// newChecker is New with the derived false friends optional, so that the
// quality tests can measure what they add.
func newChecker(entries []names.Entry, deriveFalseFriends bool) *Checker {
	exact, fuzzy := names.NewMatcherAndFuzzy(entries, deriveFalseFriends)
	return &Checker{exact: exact, fuzzy: fuzzy}
}

// Checked is one segment with the findings inside it (or, for a broken
// paragraph, in the break that follows it). Offsets are into the whole text.
type Checked struct {
	segment.Span
	Findings []finding.Finding
}

// Check splits text in language lang into segments and runs every check. A
// text over segment.MaxTextBytes gets a *segment.TooLargeError.
func (c *Checker) Check(text, lang string) ([]Checked, error) {
	spans, err := segment.Split(text, lang)
	if err != nil {
		return nil, err
	}
	return c.CheckSpans(text, lang, spans), nil
}

// CheckSpans runs every check over text cut into the given spans, for a
// caller whose segments are fixed already (an imported file's, say).
func (c *Checker) CheckSpans(text, lang string, spans []segment.Span) []Checked {
	return assign(spans, c.findings(text, lang, spans))
}

// findings runs every check of a text alone, in order of Start.
func (c *Checker) findings(text, lang string, spans []segment.Span) []finding.Finding {
	findings := c.nameFindings(text, lang)
	findings = append(findings, typography.Check(text, spans)...)
	sort.SliceStable(findings, func(i, j int) bool { return findings[i].Start < findings[j].Start })
	return findings
}

func (c *Checker) nameFindings(text, lang string) []finding.Finding {
	// Every occurrence, right forms included, tells the fuzzy matcher which
	// spans are already explained and which people the text mentions.
	hits := c.exact.Find(text, lang)
	flagged := names.Flagged(hits) // a copy: nameMentions filters hits in place
	known := nameMentions(hits)
	var out []finding.Finding
	for _, h := range flagged {
		out = append(out, findingOf(c.fuzzy.WithGivenName(text, lang, h)))
	}
	for _, h := range c.fuzzy.Check(text, lang, known) {
		if !overlapsAny(h, out) {
			out = append(out, findingOf(h))
		}
	}
	return out
}

// nameMentions drops the false friends whose context says they are ordinary
// words: "a tramp slept there" is no mention of Trump, and with the derived false
// friends every such word of a text would otherwise count as one.
func nameMentions(hits []names.Hit) []names.Hit {
	out := hits[:0]
	for _, h := range hits {
		if h.Check != names.CheckFalseFriend || h.Confidence >= names.FalseFriendThreshold {
			out = append(out, h)
		}
	}
	return out
}

func findingOf(h names.Hit) finding.Finding {
	kind := finding.KindName
	if h.EntryType == "term" {
		kind = finding.KindTerm
	}
	return finding.Finding{Kind: kind, Check: h.Check, Start: h.Start, End: h.End, Text: h.Text,
		Suggestion: h.Suggestion, Entry: h.Entry, EntryKey: h.EntryKey, Confidence: h.Confidence}
}

// assign gives each finding to the segment that contains its start; a
// finding in the white space between segments (a broken paragraph) goes to
// the segment before it.
func assign(spans []segment.Span, findings []finding.Finding) []Checked {
	out := make([]Checked, len(spans))
	for i, s := range spans {
		out[i].Span = s
	}
	if len(spans) == 0 {
		return out
	}
	i := 0
	for _, f := range findings {
		for i+1 < len(spans) && spans[i+1].Start <= f.Start {
			i++
		}
		out[i].Findings = append(out[i].Findings, f)
	}
	return out
}

// overlapsAny reports whether h overlaps a finding already made; an exact
// glossary finding explains the span better than a fuzzy one.
func overlapsAny(h names.Hit, fs []finding.Finding) bool {
	for _, f := range fs {
		if h.Start < f.End && f.Start < h.End {
			return true
		}
	}
	return false
}
