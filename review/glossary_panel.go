package review

import "sort"

// glossaryFolded is how many glossary rows the segment page shows before
// "show all": a segment naming two people in five languages lists a dozen
// forms, which pushed the correction box below the fold.
const glossaryFolded = 4

// glossaryPanel is the segment page's glossary: the forms in the article's
// language first, then the source's, then the rest (each group in the
// store's order: entry, preferred first, form); Shown are the first
// glossaryFolded, More the rest behind "show all".
type glossaryPanel struct {
	Shown, More []GlossaryTerm
}

// newGlossaryPanel orders terms for a translator writing lang from source
// (empty when the article has no source).
func newGlossaryPanel(terms []GlossaryTerm, lang, source string) glossaryPanel {
	rank := func(t GlossaryTerm) int {
		switch t.Lang {
		case lang:
			return 0
		case source:
			return 1
		}
		return 2
	}
	ordered := append([]GlossaryTerm(nil), terms...)
	sort.SliceStable(ordered, func(i, j int) bool { return rank(ordered[i]) < rank(ordered[j]) })
	if len(ordered) <= glossaryFolded {
		return glossaryPanel{Shown: ordered}
	}
	return glossaryPanel{Shown: ordered[:glossaryFolded], More: ordered[glossaryFolded:]}
}
