package names

import "strings"

// Confidence anchors. They are calibrated on how often each kind of evidence
// was a real mangled name in the seed articles and in the hand-made test
// article, so reviewers can sort by them:
const (
	// The run is exactly what a romanization scheme (or a listed deprecated
	// form) produces from the entry, e.g. "Mileya", "Ilon Musk": nearly
	// always the MT error it looks like.
	confGenerated = 0.9
	// The family name is right and the given name is a near miss ("Taler
	// Carlson", "Jan Bremmer"): strong, but relatives share family names.
	confFamilyExact = 0.85
	// The run is exactly a form of the entry in another language written in
	// the same script (German "Wolodymyr Selenskyj" in English text).
	confForeign = 0.8
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
	verdictNone  verdict = iota // not close to any entry
	verdictRight                // a right form: consume it, flag nothing
	verdictHit                  // a wrong form of an entry
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
func suggestionFor(e *Entry, lang string, k int) string {
	full := e.Preferred(lang)
	if k != 1 || len(strings.Fields(full)) == 1 {
		return full
	}
	for _, st := range [...]Status{Preferred, Admitted} {
		for _, t := range e.Terms {
			if t.Lang == lang && t.Status == st && len(strings.Fields(t.Form)) == 1 {
				return t.Form
			}
		}
	}
	fields := strings.Fields(full)
	return fields[len(fields)-1]
}

// nearFamily is a cheap first test of a candidate entry: is the run's last
// word near the nominative family name of one of the entry's terms? Full
// comparison generates every romanization and case form, which costs a
// hundred times more; this test only lets through entries where that can
// succeed. Case endings and scheme differences (y/j/i, kh/x, ts/cz) add up
// one edit to the allowance of the final comparison; the phonetic keys
// absorb the rest (y/j/i, kh/x, ts/cz, case endings via inflection stems).
type nearFamily struct {
	word  string
	forms []string // the word and its inflection stems
	keys  []string // their phonetic keys
	bound int
}

func newNearFamily(word string) nearFamily {
	n := nearFamily{word: word, bound: allowedDist(len(word))}
	n.forms = append(append(n.forms, word), inflectionStems(word)...)
	for _, form := range n.forms {
		n.keys = append(n.keys, phoneticKey(form))
	}
	return n
}

// matches reports whether the word is near one of families, the entry's
// family words separated by spaces. viaKey says the entry was found through
// the phonetic key of the word or of a stem (see candidates); otherwise no
// family word has one of those keys and the phonetic test is skipped.
func (n nearFamily) matches(families string, viaKey bool) bool {
	var keyBuf [64]byte
	for families != "" {
		fw, rest, _ := strings.Cut(families, " ")
		families = rest
		if fw == n.word || Damerau(n.word, fw, n.bound) <= n.bound {
			return true
		}
		if !viaKey {
			continue
		}
		key := appendPhoneticKey(keyBuf[:0], fw)
		for i, k := range n.keys {
			if k != string(key) {
				continue
			}
			// A phonetic match must also be half right in spelling (as in
			// scoreEdits), with a margin of one for schemes: Elcin ~ Yeltsin.
			half := min(maxWordDist, max(len(fw), len(n.forms[i]))/2) + 1
			if Damerau(n.forms[i], fw, half) <= half {
				return true
			}
		}
	}
	return false
}

// scoreEntry compares the run with one entry. The family-name slot is built
// and checked first: most candidates fail there, and the given-name slots,
// which cost as much again, are then never generated.
func scoreEntry(e *Entry, lang string, words []string, lower bool) (float64, verdict) {
	k := len(words)
	last := newEntryView(e, lang, true)
	if k == 1 {
		return scoreRun(words, last.slots, lower)
	}
	n := len(last.slots)
	if n == 0 || k > n || (k != n && k != 2) {
		return 0, verdictNone
	}
	ev := compareWord(words[k-1], last.slots[n-1])
	w := len(words[k-1])
	if !ev.exact && ev.dist > allowedDist(w) && !(ev.phon && w >= 3) {
		return 0, verdictNone
	}
	return scoreRun(words, newEntryView(e, lang, false).slots, lower)
}
