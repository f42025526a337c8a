package names

import (
	"strings"
	"unicode/utf8"
)

// Belarusian spells a borrowed name by rules Russian does not share, and
// a lone word so spelled is too far from the Russian form for a near miss
// (Брусэлі, Брюсселе): its р is always hard, so Russian рю and ря are
// written ру and ра (Трудо, Трюдо; Разань, Рязань); a doubled consonant of
// the source language is written single (Брусэль, Брюссель; Мюлер,
// Мюллер); and the locative of a soft masculine noun ends in -і where
// Russian's ends in -е (у Брусэлі, в Брюсселе). A word of a Belarusian
// run, already rewritten letter by letter, is read back each of these
// ways, one change of each kind at most, and taken for the entry whose
// right form, in some case, it then is.

// belarusianLoanword returns a hit when one of cands, a one-word run read
// the Russian way, read back by the rules above is a right form of one
// entry in Russian.
func (f *Fuzzy) belarusianLoanword(cands []string) (runResult, bool) {
	for _, cand := range cands {
		if strings.ContainsAny(cand, " -") || utf8.RuneCountInString(cand) < 4 {
			return runResult{}, false
		}
		for _, soft := range softenedR(cand) {
			for _, doubled := range withDoubledConsonant(soft) {
				for _, w := range withLocativeE(doubled) {
					if idx, ok := f.namedOnce(w); ok {
						return runResult{verdict: verdictHit, entries: []int32{idx}, conf: confSpelling, words: 1, respelled: w}, true
					}
				}
			}
		}
	}
	return runResult{}, false
}

// namedOnce returns the one entry w is a right Russian form of, in any
// case.
func (f *Fuzzy) namedOnce(w string) (int32, bool) {
	found, n := int32(-1), 0
	for _, nom := range append(nominatives(w, "ru"), w) {
		for _, el := range f.rightEntries("ru", FoldName(nom)) {
			idx := int32(el & entryMask)
			if idx != found && namesWord(f.entry(idx), "ru", w, true) {
				found, n = idx, n+1
			}
		}
	}
	return found, n == 1
}

// softenedR is w, then w with one ру or ра written рю or ря.
func softenedR(w string) []string {
	out := []string{w}
	r := []rune(w)
	for i := 0; i+1 < len(r); i++ {
		if (r[i] == 'р' || r[i] == 'Р') && (r[i+1] == 'у' || r[i+1] == 'а') {
			s := append([]rune(nil), r...)
			s[i+1] = map[rune]rune{'у': 'ю', 'а': 'я'}[r[i+1]]
			out = append(out, string(s))
		}
	}
	return out
}

// withDoubledConsonant is w, then w with one of its consonants after the
// first letter doubled.
func withDoubledConsonant(w string) []string {
	out := []string{w}
	r := []rune(w)
	for i := 1; i < len(r); i++ {
		c := cyrillicLower(r[i])
		if !isCyrillicConsonant(c) || c == 'й' || r[i-1] == r[i] || i+1 < len(r) && r[i+1] == r[i] {
			continue
		}
		out = append(out, string(r[:i+1])+string(r[i:]))
	}
	return out
}

// withLocativeE is w with its ending -и written -е, then w: a masculine
// locative is read first, since a place in -ь has the feminine -и among
// its right forms too (fuzzy_feminine_soft.go).
func withLocativeE(w string) []string {
	if stem, ok := strings.CutSuffix(w, "и"); ok {
		return []string{stem + "е", w}
	}
	return []string{w}
}
