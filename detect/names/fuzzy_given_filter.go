package names

import "math/bits"

// A run of two words or more meets hundreds of candidate records in a large
// glossary (they share a family-name key with its last word), and nearly
// all of them fail at once on the given name: the run's first word must be
// within maxWordDist edits of a variant of the record's given-name section
// (acceptGiven). The high bits of each posting, read anyway while the
// candidates are gathered, hold the letters every one of those variants
// has; a word that lacks more than maxWordDist of them is more than
// maxWordDist edits from every variant, and the record is never read.
//
// Why the bound holds: an edit (insertion, deletion, substitution,
// transposition of neighbours) puts at most one byte into the variant that
// the word does not have, and a transposition none. So a variant that has
// m distinct letters the word lacks is at least m edits away from it, and
// the letters every variant has are among each variant's.

// Posting bits above the initials: a letter set (bit i: letter 'a'+i) and a
// flag for a record that a Cyrillic text may compare through slotView.
const (
	givenShift   = initialsShift + 8
	givenLetters = uint64(1<<26-1) << givenShift
	givenLive    = uint64(1) << 63
	// postingMask is a posting without the given-name bits (longKeys keeps
	// a key hash in them).
	postingMask = 1<<givenShift - 1
)

// givenSummary is the given-name bits of the posting of the record at the
// start of rec: the letters every variant of its given-name section has,
// none for a record whose two-word runs slotView may compare (live ones,
// and a one-word preferred form beside longer terms: see needsLive), and
// givenLive for a record with a Cyrillic right form, which a Cyrillic text
// without a right form of its own compares through stand-ins. A record
// without a term of two words matches no run of two (every letter: a word
// lacking four is ruled out).
func (v *recordView) givenSummary(rec []byte) uint64 {
	v.parse(rec, "")
	if v.live {
		return 0
	}
	var flags uint64
	oneWord, longer := false, false
	for _, t := range v.terms {
		oneWord = oneWord || t.words() == 1 && t.status() == infoPreferred
		longer = longer || t.words() >= 2
		if t.cyrillic() && (t.status() == infoPreferred || t.status() == infoAdmitted) {
			flags = givenLive
		}
	}
	if oneWord && longer {
		return 0
	}
	every := uint32(1<<26 - 1)
	for x := range v.givenVariants() {
		every &= letterSet(x)
	}
	return uint64(every)<<givenShift | flags
}

// givenVariants yields every variant of the parsed record's given-name
// section, of every term and tag; a variant is valid until the next.
func (v *recordView) givenVariants() func(yield func([]byte) bool) {
	return v.sectionVariants(v.given, 2)
}

// letterSet is the set of the letters a to z in w (bit i: 'a'+i); other
// bytes are left out, which only weakens the bound.
func letterSet[S ~string | ~[]byte](w S) uint32 {
	var set uint32
	for i := 0; i < len(w); i++ {
		if c := w[i] - 'a'; c < 26 {
			set |= 1 << c
		}
	}
	return set
}

// givenFilter is what appendPostings needs to rule out the records whose
// given names a run's first word cannot be: the letters it lacks (posting
// bits), and givenLive for a Cyrillic text. The zero filter keeps every
// record.
type givenFilter struct {
	absent, keep uint64
}

// newGivenFilter is the filter of a run whose first word (folded) is given,
// in a text of language lang.
func newGivenFilter(given, lang string) givenFilter {
	g := givenFilter{absent: uint64(^letterSet(given)&(1<<26-1)) << givenShift}
	if isCyrillicLang(lang) {
		g.keep = givenLive
	}
	return g
}

// passes reports whether the posting p may be a match.
func (g givenFilter) passes(p uint64) bool {
	return bits.OnesCount64(p&g.absent) <= maxWordDist || p&g.keep != 0
}

// rulesOutOneWord reports whether g rules out every record without a term
// of two words or more, as wordClasses.mayHave(off, 2) does, so that a run
// of two words need not read the records' classes too. Such a record's
// posting holds every letter (givenSummary), so a word that lacks more than
// maxWordDist letters of the alphabet rules it out, unless the filter keeps
// it by its flag; a record compared through slotView has class classFour,
// and a one-word preferred form beside longer terms has a longer term.
func (g givenFilter) rulesOutOneWord() bool {
	return g.keep == 0 && bits.OnesCount64(g.absent) > maxWordDist
}
