package names

import "strings"

// Confidence anchors. They are calibrated on how often each kind of evidence
// was a real mangled name in the seed articles and in the hand-made test
// article, so reviewers can sort by them:
const (
	// The run is exactly what a romanization scheme (or a listed deprecated
	// form) produces from the entry, e.g. "Trampa", "Dzho Bayden": nearly
	// always the MT error it looks like.
	confGenerated = 0.9
	// The family name is right and the given name is a near miss ("Taler
	// Carlson", "Jan Bremmer"): strong, but relatives share family names.
	confFamilyExact = 0.85
	// The run is exactly a form of the entry in another language written in
	// the same script (German "Wolodymyr Selenskyj" in English text, English
	// "Moscow" in German text): a name the MT carried over untranslated, as
	// certain as a listed wrong form and more than a generated variant, so
	// that a single word is strong enough and wins over a variant's entry.
	confForeign = 0.95
	// One edit away from a variant of six letters or more ("Bolsonar"):
	// shorter words have too many one-edit neighbours.
	confOneEditLong  = 0.75
	confOneEditShort = 0.65
	// Same phonetic key, more than one edit ("Isaxon" ~ "Isaacson").
	confPhonetic = 0.6
	// Two edits, no phonetic agreement: weakest capitalised evidence.
	confTwoEdits = 0.55
	// Lowercase tokens ("bammer"): names are rarely lowercased, so even a
	// close match is a guess.
	confLowercase = 0.5
)

// verdict is what matching a run against the glossary concluded.
type verdict uint8

const (
	verdictNone     verdict = iota // not close to any entry
	verdictRight                   // a right form: consume it, flag nothing
	verdictRelative                // a relative's name (fuzzy_inflect.go): consume it, no mention
	verdictHit                     // a wrong form of an entry
)

// Lookup compares one run of words (a name as it appears in text) with the
// glossary. It reports a CheckFuzzy hit spanning the whole run (Start 0, End
// len(run)), or false when the run is a right form or not close to any
// entry. The document-level rules of Check (context for weak hits, lowercase
// tokens) are not applied; of equally close entries the one with the
// smallest key is reported.
func (f *Fuzzy) Lookup(run, lang string) (Hit, bool) {
	r := f.match(run, lang, false, 0)
	if r.verdict != verdictHit {
		return Hit{}, false
	}
	return f.hitFor(f.pick(r.entries, nil), run, lang, r.words, r.conf), true
}

// trimPossessive drops an English possessive ("Trump's"), which is not part
// of the name.
func trimPossessive(s string) string {
	if len(s) < 3 || s[len(s)-1] != 's' {
		return s // every word of a text is asked: most end otherwise
	}
	for _, p := range [...]string{"'s", "’s"} {
		if len(s) > len(p) && strings.HasSuffix(s, p) {
			return s[:len(s)-len(p)]
		}
	}
	return s
}

// suggestionFor is the right form with the run's word count: the full
// preferred form, or for one word the preferred or admitted one-word form,
// else the family name of the preferred form ("Isaxon" → "Isaacson").
func suggestionFor(e entryRef, lang string, k int) string {
	full := e.Preferred(lang)
	if k != 1 || len(strings.Fields(full)) == 1 || placeNamedWhole(e) { // fuzzy_place_whole.go
		return full
	}
	for _, st := range [...]Status{Preferred, Admitted} {
		for _, t := range e.Terms() {
			if t.Lang == lang && t.Status == st && len(strings.Fields(t.Form)) == 1 {
				return t.Form
			}
		}
	}
	fields := strings.Fields(full)
	return fields[len(fields)-1]
}

// scoreEntry compares the run with one entry, seen through v. The words
// are aligned with the slots of its preferred form: one word with the
// family name, two with the first and last slots (middle names drop out in
// translation: "Redzhep Erdogan" for Recep Tayyip Erdoğan), otherwise word
// for word. Slots are built only as the comparison reaches them: the given
// name first, where most candidates of a two-word run fail (they share a
// family-name key with it and no more), then the family name.
func scoreEntry(v *slotView, e entryRef, lang string, words []string, lower bool) (float64, verdict) {
	v.reset(e, lang)
	k, n := len(words), v.count()
	switch {
	case n == 0, k > 1 && k != n && !(k == 2 && n > 2):
		return 0, verdictNone
	}
	var evBuf [maxRunWords]wordEvidence
	evs := evBuf[:k]
	if k == 1 {
		evs[0] = v.evalSlot(n-1, words[0])
		return standInDecide(words, evs, lower, v.standIn)
	}
	if !acceptGiven(&evs[0], v.evalSlot(0, words[0])) {
		return 0, verdictNone
	}
	if !acceptFamily(&evs[k-1], v.evalSlot(n-1, words[k-1]), words[k-1]) {
		return 0, verdictNone
	}
	for i := 1; i < k-1; i++ {
		evs[i] = v.evalSlot(i, words[i])
	}
	return standInDecide(words, evs, lower, v.standIn)
}

// standInDecide is decide, without hits for an entry seen through stand-ins
// (see standsIn in fuzzy_view.go).
func standInDecide(words []string, evs []wordEvidence, lower, standIn bool) (float64, verdict) {
	conf, v := decide(words, evs, lower)
	if standIn && v == verdictHit {
		return 0, verdictNone
	}
	return conf, v
}

// acceptGiven stores the evidence of a run's first word and reports whether
// it can be a given name at all: every rule that accepts one needs it within
// maxWordDist of a variant.
func acceptGiven(dst *wordEvidence, ev wordEvidence) bool {
	*dst = ev
	return ev.exact || ev.dist <= maxWordDist
}

// acceptFamily stores the evidence of a run's last word w and reports
// whether it is near the family name by edits or by sound.
func acceptFamily(dst *wordEvidence, ev wordEvidence, w string) bool {
	*dst = ev
	return ev.exact || ev.dist <= allowedDist(len(w)) || ev.phon && len(w) >= 3
}

// scoreRecord is scoreEntry with the family-name and given-name slots
// compared from the entry's record (rv, parsed for lang); middle names, and
// the shapes a record cannot express, go through sv.
//
// A single word asked only for strong evidence (minConf at confGenerated:
// an exact wrong form, a right one or a relative's) is compared for
// exactness alone, which rules most candidates out at once.
func scoreRecord(rv *recordView, sv *slotView, e entryRef, lang string, words []string, lower bool, minConf float64) (float64, verdict) {
	if rv.needsLive() {
		return scoreEntry(sv, e, lang, words, lower)
	}
	k, n := len(words), rv.slots()
	switch {
	case n == 0, k > 1 && k != n && !(k == 2 && n > 2):
		return 0, verdictNone
	}
	var evBuf [maxRunWords]wordEvidence
	evs := evBuf[:k]
	if k == 1 {
		evs[0] = rv.evalFamily(words[0], sv, false, minConf >= confGenerated && !lower)
		return standInDecide(words, evs, lower, rv.standIn())
	}
	// Whether the given name sounds like a variant matters only to a
	// candidate whose family name passes too: it is found out then.
	sv.noPhon = true
	given := rv.evalGiven(words[0], sv)
	sv.noPhon = false
	if !acceptGiven(&evs[0], given) {
		return 0, verdictNone
	}
	if !acceptFamily(&evs[k-1], rv.evalFamily(words[k-1], sv, true, false), words[k-1]) {
		return 0, verdictNone
	}
	if !given.exact {
		evs[0] = rv.evalGiven(words[0], sv)
	}
	if k > 2 {
		sv.reset(e, lang)
		for i := 1; i < k-1; i++ {
			evs[i] = sv.evalSlot(i, words[i])
		}
	}
	return standInDecide(words, evs, lower, rv.standIn())
}
