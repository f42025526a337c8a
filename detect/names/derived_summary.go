package names

// derivedSummary is what otherSpellings needs of an entry, made once in
// derivedTermLists' first pass: whether the entry has a right form in
// Russian and in Ukrainian, and the memo's index of the family name of its
// right Latin-script forms. otherSpellings then reads one dense array per
// target instead of every entry's terms and family name again, a cache miss
// each at a million names (a third of the derivation's time went there).
//
// Bits 0 and 1 are the right forms; the rest is summaryNoFamily (no right
// Latin-script form), summarySeveral (several family names, or one the
// memo does not keep: otherSpellings reads the entry) or the index + 2.
type derivedSummary uint32

const (
	summaryRightRu derivedSummary = 1 << iota
	summaryRightUk
	summaryShift = iota
)

// family's answers other than an index: the field's 0 and 1.
const (
	summaryNoFamily = -2
	summarySeveral  = -1
)

// summarize is the entry's summary.
func (sc *derivedScratch) summarize(e *Entry) derivedSummary {
	var s derivedSummary
	family, found, several := "", false, false
	for _, t := range e.Terms {
		if !derivedIsRight(t.Status) {
			continue
		}
		switch t.Lang {
		case "ru":
			s |= summaryRightRu
		case "uk":
			s |= summaryRightUk
		}
		if !derivedIsLatin(t.Form) {
			continue
		}
		if f := derivedFamilyName(t.Form); !found {
			family, found = f, true
		} else if f != family {
			several = true
		}
	}
	switch {
	case !found:
		return s
	case several:
		return s | 1<<summaryShift
	}
	k := sc.memo.index(family)
	if k < 0 {
		return s | 1<<summaryShift
	}
	return s | derivedSummary(k+2)<<summaryShift
}

// hasRight is derivedHasRightForm for a target of the memo ("ru", "uk").
func (s derivedSummary) hasRight(lang string) bool {
	switch lang {
	case "ru":
		return s&summaryRightRu != 0
	case "uk":
		return s&summaryRightUk != 0
	}
	return false
}

// family is the memo's index of the entry's family name, summaryNoFamily
// or summarySeveral.
func (s derivedSummary) family() int { return int(s>>summaryShift) - 2 }
