package review

import (
	"errors"
	"sync/atomic"

	"lector/apperr"
	"lector/detect"
	"lector/detect/align"
	"lector/detect/names"
	"lector/detect/segment"
	"lector/glossary"
)

// Checker is the live detection engine: the current glossary snapshot's
// detect.Checker, with the database ids of its entries. The app and `lector
// check` use the same one. The running server swaps in a new snapshot after
// each glossary write (Reload), so the checker is a pointer to an immutable
// state: a request that took the state keeps it, the next one gets the new.
type Checker struct {
	state atomic.Pointer[checkerState]
}

// checkerState is one glossary snapshot. version orders the snapshots so
// that a slow rebuild never replaces a newer one.
type checkerState struct {
	engine   *detect.Checker
	entryIDs map[string]int64
	version  uint64
}

// NewChecker builds the engine for entries (see detect.New).
func NewChecker(entries []glossary.Entry) *Checker {
	c := &Checker{}
	c.state.Store(newCheckerState(entries))
	return c
}

// NewNamesChecker builds the engine for a glossary's names that are not
// stored, as `lector check` reads them (glossary.ParseCSVNames); EntryID is
// always 0.
func NewNamesChecker(entries []names.Entry) *Checker {
	c := &Checker{}
	c.state.Store(&checkerState{engine: detect.New(entries)})
	return c
}

func newCheckerState(entries []glossary.Entry) *checkerState {
	ids := make(map[string]int64, len(entries))
	for _, e := range entries {
		if e.ID != 0 {
			ids[e.Key] = e.ID
		}
	}
	return &checkerState{engine: detect.New(glossary.Names(entries)), entryIDs: ids}
}

// Reload builds the engine for entries, the whole glossary as of version,
// and swaps it in unless a newer version is already in. The build, the slow
// part, runs outside any lock; requests meanwhile use the old state. It
// reports whether the new state went in.
func (c *Checker) Reload(entries []glossary.Entry, version uint64) bool {
	next := newCheckerState(entries)
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

// Check splits text in language lang into segments and runs every check. It
// returns apperr TooLarge for texts over MaxTextBytes.
func (c *Checker) Check(text, lang string) ([]detect.Checked, error) {
	checked, err := c.state.Load().engine.Check(text, lang)
	return checked, textError(err)
}

// checkSpans runs every check over text cut into the given spans, where
// Check would split it itself.
func (c *Checker) checkSpans(text, lang string, spans []segment.Span) []detect.Checked {
	return c.state.Load().engine.CheckSpans(text, lang, spans)
}

// alignSource aligns a text's spans with its source's (detect.Checker.Align,
// the glossary's names serving as anchors).
func (c *Checker) alignSource(text, lang string, spans []segment.Span, source, sourceLang string, srcSpans []segment.Span) []align.Bead {
	return c.state.Load().engine.Align(text, lang, spans, source, sourceLang, srcSpans)
}

// alignedNames returns the glossary names a segment's source and its text
// share (detect.Checker.AlignedNames), for the segment page to pair them.
func (c *Checker) alignedNames(text, lang, source, sourceLang string) (target, src []detect.NameSpan) {
	return c.state.Load().engine.AlignedNames(text, lang, source, sourceLang)
}

// EntryID returns the database id of the glossary entry with key, 0 if the
// checker was built from entries that were not stored.
func (c *Checker) EntryID(key string) int64 { return c.state.Load().entryIDs[key] }

// split is segment.Split with its error in the application's terms.
func split(text, lang string) ([]segment.Span, error) {
	spans, err := segment.Split(text, lang)
	return spans, textError(err)
}

// textError turns the segmenter's error for a text over its limit into
// apperr TooLarge, the answer users get.
func textError(err error) error {
	var tl *segment.TooLargeError
	if errors.As(err, &tl) {
		return apperr.New(apperr.TooLarge, "error.text_too_large", map[string]any{"Limit": tl.Limit})
	}
	return err
}
