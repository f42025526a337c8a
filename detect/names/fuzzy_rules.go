package names

// wordEvidence is how one word of a run compares with the variants of the
// slot it is aligned with.
type wordEvidence struct {
	exact  bool
	kind   variantKind // of the exact variant, the most lenient one
	dist   int         // edit distance to the closest variant (not exact)
	length int         // longer of the word and that variant
	phon   bool        // same phonetic key as a variant within maxWordDist
	first  bool        // same first letter as the closest variant
}

// maxWordDist bounds the edit distance computed per word; anything further
// is not the same name.
const maxWordDist = 3

// allowedDist is the edit distance at which a word of n letters is still
// taken for a variant: names of three letters or fewer must match exactly
// or phonetically, since one edit turns "Xi" into half the dictionary.
func allowedDist(n int) int {
	switch {
	case n <= 3:
		return 0
	case n <= 5:
		return 1
	}
	return 2
}

// mostLenient is the kind a word met exactly as two variants counts as: a
// right form wins over everything, and a form of the entry itself over a
// relative's. Romanized, the two may be one string: Russian Левандовский
// (BGN/PCGN Levandovskiy) is the man's own name, and Ukrainian
// Левандовській the dative of his wife's; the man is the likelier reading,
// and a text that writes his name so in English spells it wrong.
func mostLenient(a, b variantKind) variantKind {
	switch {
	case a == kindRelative && b != kindRight:
		return b
	case b == kindRelative && a != kindRight:
		return a
	}
	return min(a, b)
}

// decide says whether the run words, compared slot by slot (evs), are a
// wrong form of the entry, and how confidently.
func decide(words []string, evs []wordEvidence, lower bool) (float64, verdict) {
	allExact, worst := true, kindRight
	for _, ev := range evs {
		allExact = allExact && ev.exact
		worst = max(worst, ev.kind)
	}
	switch {
	case allExact && worst == kindRight:
		return 0, verdictRight
	case allExact && worst == kindRelative:
		return 0, verdictRelative
	case allExact && lower:
		return confLowercase + 0.1, verdictHit // an exact romanization, lowercased
	case allExact && worst == kindForeign:
		return confForeign, verdictHit
	case allExact:
		return confGenerated, verdictHit
	case lower:
		return scoreLowercase(words[0], evs[0])
	}
	if familyExact(words, evs) {
		return confFamilyExact, verdictHit
	}
	return scoreEdits(words, evs)
}

// familyExact: the last word is the entry's right family name and every other
// word is a near miss of the given name, not an ordinary word ("President").
func familyExact(words []string, evs []wordEvidence) bool {
	k := len(words)
	last := evs[k-1]
	if k < 2 || !last.exact || last.kind != kindRight {
		return false
	}
	for i, ev := range evs[:k-1] {
		if ev.exact {
			continue
		}
		// At half the letters wrong a given name still reads as the same one
		// ("Taler" for Tucker/Такер→Taker); below, it is another person.
		near := ev.dist <= maxWordDist && (ev.phon || 1-float64(ev.dist)/float64(ev.length) >= 0.5)
		if !near || isCommonWord(words[i]) {
			return false
		}
	}
	return true
}

// scoreEdits grades runs by edit distance and phonetic agreement.
func scoreEdits(words []string, evs []wordEvidence) (float64, verdict) {
	totalDist, totalLen, anyExact, allPhon, maxDist := 0, 0, false, true, 0
	changedLen := 0
	for i, ev := range evs {
		totalLen += ev.length
		if ev.exact {
			anyExact = true
			continue
		}
		n := len(words[i])
		// A single word gets no edit allowance below five letters and no
		// phonetic one below four: short capitalised words are mostly not names.
		single := len(words) == 1
		byDist := ev.dist <= allowedDist(n) && (!single || n >= 5)
		// Sounding alike is only evidence while the spelling is at least
		// half right: "Isaxon" (3 of 8 wrong) ~ Isaacson, "Heaff" !~ Khife.
		byPhon := ev.phon && n >= 3 && (!single || n >= 4) && ev.dist <= maxWordDist && ev.dist*2 <= ev.length
		if !byDist && !byPhon {
			return 0, verdictNone
		}
		totalDist += ev.dist
		maxDist = max(maxDist, ev.dist)
		allPhon = allPhon && ev.phon
		changedLen = max(changedLen, ev.length)
	}
	sim := 1 - float64(totalDist)/float64(totalLen)
	switch {
	case totalDist == 1 && changedLen >= 6:
		return confOneEditLong, verdictHit
	case totalDist == 1:
		return confOneEditShort, verdictHit
	case maxDist == 1 && sim >= 0.85:
		// One edit in each of several words ("Zhaiir Bolsonar"): the words
		// corroborate each other.
		return confOneEditShort + 0.05, verdictHit
	case allPhon:
		c := confPhonetic
		if anyExact {
			c += 0.05 // "Walter Isaxon": the given name anchors the family name
		}
		if sim >= 0.8 {
			c += 0.05
		}
		return c, verdictHit
	case sim >= 0.75:
		return confTwoEdits, verdictHit
	}
	return 0, verdictNone
}

// scoreLowercase: a lowercase token is taken for a name only when it is long,
// starts like the name and is within two edits or phonetically equal.
func scoreLowercase(w string, ev wordEvidence) (float64, verdict) {
	if len(w) < 5 || ev.length < 6 || !ev.first {
		return 0, verdictNone
	}
	if ev.dist <= 2 || (ev.phon && ev.dist <= 3) {
		return confLowercase, verdictHit
	}
	return 0, verdictNone
}
