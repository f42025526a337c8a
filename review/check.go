package review

import (
	"sort"
	"sync/atomic"

	"lector/glossary"
)

// Checker runs segmentation and every check over a text. It is built from a
// glossary snapshot and is safe for concurrent use; the app and `lector
// check` use the same one. The running server swaps in a new snapshot after
// each glossary write (Reload), so the checker is a pointer to an immutable
// state: a request that took the state keeps it, the next one gets the new.
type Checker struct {
	state atomic.Pointer[checkerState]
}

// checkerState is one glossary snapshot's matchers. version orders the
// snapshots so that a slow rebuild never replaces a newer one.
type checkerState struct {
	exact    *glossary.Matcher
	fuzzy    *glossary.Fuzzy
	entryIDs map[string]int64
	version  uint64
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
	c := &Checker{}
	c.state.Store(&checkerState{exact: glossary.NewMatcher(exact), fuzzy: glossary.NewFuzzy(entries), entryIDs: ids})
	return c
}

// Reload builds the matchers for entries, the whole glossary as of version,
// and swaps them in unless a newer version is already in. The build, the
// slow part, runs outside any lock; requests meanwhile use the old state.
// It reports whether the new state went in.
func (c *Checker) Reload(entries []glossary.Entry, version uint64) bool {
	next := NewChecker(entries).state.Load()
	next.version = version
	for {
		cur := c.state.Load()
		if cur.version >= version {
			return false
		}
		if c.state.CompareAndSwap(cur, next) {
			return true
		}
	}
}

// Snapshot returns a checker fixed to the current state, so that the parts
// of one operation (Check, then EntryID) see one glossary.
func (c *Checker) Snapshot() *Checker {
	s := &Checker{}
	s.state.Store(c.state.Load())
	return s
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
	findings := c.state.Load().nameFindings(text, lang)
	findings = append(findings, Typography(text, spans)...)
	sort.SliceStable(findings, func(i, j int) bool { return findings[i].Start < findings[j].Start })
	return assign(spans, findings), nil
}

// EntryID returns the database id of the glossary entry with key, 0 if the
// checker was built from entries that were not stored.
func (c *Checker) EntryID(key string) int64 { return c.state.Load().entryIDs[key] }

func (c *checkerState) nameFindings(text, lang string) []Finding {
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
