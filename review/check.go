package review

import (
	"sort"

	"lector/glossary"
)

// Checker runs segmentation and every check over a text. It is built from a
// glossary snapshot and is safe for concurrent use; the app and `lector
// check` use the same one.
type Checker struct {
	exact    *glossary.Matcher
	fuzzy    *glossary.Fuzzy
	entryIDs map[string]int64
}

// NewChecker builds the matchers for entries. The exact matcher also gets
// the false friends derived from the entries' Russian and Ukrainian forms
// (Маск → "mask"), which the fuzzy matcher, refusing ordinary words, cannot
// find; see glossary.WithDerivedFalseFriends.
func NewChecker(entries []glossary.Entry) *Checker { return newChecker(entries, true) }

// newChecker is NewChecker with the derived false friends optional, so that
// the quality tests can measure what they add.
func newChecker(entries []glossary.Entry, deriveFalseFriends bool) *Checker {
	ids := make(map[string]int64, len(entries))
	for _, e := range entries {
		if e.ID != 0 {
			ids[e.Key] = e.ID
		}
	}
	exact := entries
	if deriveFalseFriends {
		exact = glossary.WithDerivedFalseFriends(entries)
	}
	return &Checker{exact: glossary.NewMatcher(exact), fuzzy: glossary.NewFuzzy(entries), entryIDs: ids}
}

// Checked is one segment with the findings inside it (or, for a broken
// paragraph, in the break that follows it). Offsets are into the whole text.
type Checked struct {
	Span
	Findings []Finding
}

// Check splits text in language lang into segments and runs every check. It
// returns apperr TooLarge for texts over MaxTextBytes.
func (c *Checker) Check(text, lang string) ([]Checked, error) {
	spans, err := Split(text, lang)
	if err != nil {
		return nil, err
	}
	findings := c.nameFindings(text, lang)
	findings = append(findings, Typography(text, spans)...)
	sort.SliceStable(findings, func(i, j int) bool { return findings[i].Start < findings[j].Start })
	return assign(spans, findings), nil
}

// EntryID returns the database id of the glossary entry with key, 0 if the
// checker was built from entries that were not stored.
func (c *Checker) EntryID(key string) int64 { return c.entryIDs[key] }

func (c *Checker) nameFindings(text, lang string) []Finding {
	// Every occurrence, right forms included, tells the fuzzy matcher which
	// spans are already explained and which people the text mentions.
	known := nameMentions(c.exact.Find(text, lang))
	var out []Finding
	for _, h := range c.exact.Check(text, lang) {
		out = append(out, findingOf(h))
	}
	for _, h := range c.fuzzy.Check(text, lang, known) {
		if !overlapsAny(h, out) {
			out = append(out, findingOf(h))
		}
	}
	return out
}

// nameMentions drops the false friends whose context says they are ordinary
// words: "wore a mask" is no mention of Musk, and with the derived false
// friends every such word of a text would otherwise count as one.
func nameMentions(hits []glossary.Hit) []glossary.Hit {
	out := hits[:0]
	for _, h := range hits {
		if h.Check != glossary.CheckFalseFriend || h.Confidence >= glossary.FalseFriendThreshold {
			out = append(out, h)
		}
	}
	return out
}

func findingOf(h glossary.Hit) Finding {
	kind := KindName
	if h.EntryType == "term" {
		kind = KindTerm
	}
	return Finding{Kind: kind, Check: h.Check, Start: h.Start, End: h.End, Text: h.Text,
		Suggestion: h.Suggestion, Entry: h.Entry, EntryKey: h.EntryKey, Confidence: h.Confidence}
}

// assign gives each finding to the segment that contains its start; a
// finding in the white space between segments (a broken paragraph) goes to
// the segment before it.
func assign(spans []Span, findings []Finding) []Checked {
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
func overlapsAny(h glossary.Hit, fs []Finding) bool {
	for _, f := range fs {
		if h.Start < f.End && f.Start < h.End {
			return true
		}
	}
	return false
}
