package names

import "strings"

// Respacing may cut a particle off a word: "Duma" cut after "Du" reads as
// the French particle du and the family name Ma, which is the right form
// of Jack Ma once the particle is dropped from the key. A name spaced
// wrongly keeps its own particles ("Вандер Беллен" is Ван дер Беллен), so a
// respaced run is taken only when every particle it shows is one the
// entry's form in lang writes too.

// particlesFit says whether every particle among cand's words is a word of
// form (both folded the same way).
func particlesFit(cand, form string) bool {
	var formWords map[string]bool
	for _, w := range strings.Fields(FoldName(cand)) {
		if !particles[w] {
			continue
		}
		if formWords == nil {
			formWords = make(map[string]bool)
			for _, fw := range strings.Fields(FoldName(form)) {
				formWords[fw] = true
			}
		}
		if !formWords[w] {
			return false
		}
	}
	return true
}
