package names

import (
	"strings"
	"unicode/utf8"
)

// A name's words can be split or joined the wrong way: "Ai Wei Wei" for Ai
// Weiwei, "Ким Ченын" for Ким Чен Ын, "Вандер Беллен" for Ван дер Беллен.
// Romanization compares words, so such a run matches nothing. It is tried
// again with each pair of neighbouring words joined and each word split in
// two, and when one of those is exactly a right form, the run is that form
// spaced wrongly: the respaced run is the suggestion.

// maxSpacingWords bounds the runs respaced: names split into more words
// than this are rare, and each word adds a lookup per letter.
const maxSpacingWords = 3

// maxSyllableRunes is the longest word joinedVariant takes for a part of a
// split name: a syllable of Chinese or Korean romanized ("Syao", "Vey").
const maxSyllableRunes = 4

// respaced returns the hit for a run that is a right form with its words
// split or joined differently.
func (f *Fuzzy) respaced(run, lang string, minConf float64) (runResult, bool) {
	if confSpelling < minConf {
		return runResult{}, false
	}
	toks := nameTokens(trimPossessive(run))
	if len(toks) == 0 || len(toks) > maxSpacingWords {
		return runResult{}, false
	}
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.text
	}
	var found runResult
	spacingVariants(words, func(cand string) bool {
		key := strings.Join(nameWords(FoldName(cand)), " ")
		if key == "" {
			return false
		}
		if els := f.rightEntries(lang, key); len(els) > 0 {
			entries := appendIndexes(nil, els)
			if !particlesFit(cand, f.entry(entries[0]).Preferred(lang)) {
				return false // fuzzy_spacing_particle.go
			}
			found = runResult{verdict: verdictHit, entries: entries, conf: confSpelling,
				words: len(nameWords(FoldName(run))), respelled: caseOf(cand, f.entry(entries[0]).Preferred(lang))}
			return true
		}
		return false
	})
	if found.verdict != verdictHit {
		found = f.joinedVariant(words, lang, minConf)
	}
	return found, found.verdict == verdictHit
}

// joinedVariant matches words with each pair of neighbours joined, for a
// name that is both split and misspelled: "Ai Vey Vey" is Ai Weiwei
// transcribed through Russian (Ай Вэйвэй) and split. Only a strong match
// counts (a generated variant exactly, confSpelling): a run of two
// ordinary words joined is no name, and the closeness of a name to it is
// chance. The parts joined are syllables (maxSyllableRunes), as a split
// name's are: the runs of ordinary words a text is full of ("European
// Union") cost no lookup, and neither does a sentence's first word that is
// a word of the language before a name ("The Ivo Rost"), the commonest run
// of short words in news text: a syllable split from a name is no word.
func (f *Fuzzy) joinedVariant(words []string, lang string, minConf float64) runResult {
	for i := 0; i+1 < len(words); i++ {
		if utf8.RuneCountInString(words[i]) > maxSyllableRunes || utf8.RuneCountInString(words[i+1]) > maxSyllableRunes {
			continue
		}
		if i == 0 && isOrdinaryWord(lang, strings.ToLower(words[0])) {
			continue
		}
		r, size := utf8.DecodeRuneInString(words[i+1])
		joined := words[i] + strings.ToLower(string(r)) + words[i+1][size:]
		cand := strings.Join(append(append(append([]string{}, words[:i]...), joined), words[i+2:]...), " ")
		if res := f.matchRunAs(cand, lang, false, max(minConf, confSpelling), false, false); res.verdict == verdictHit {
			return res
		}
	}
	return runResult{}
}

// spacingVariants calls try with words joined at each gap and with each
// word split at each letter (parts of two letters or more), until try
// returns true.
func spacingVariants(words []string, try func(string) bool) {
	for i := 0; i+1 < len(words); i++ {
		r, size := utf8.DecodeRuneInString(words[i+1])
		joined := words[i] + strings.ToLower(string(r)) + words[i+1][size:]
		if try(strings.Join(append(append(append([]string{}, words[:i]...), joined), words[i+2:]...), " ")) {
			return
		}
	}
	for i, w := range words {
		runes := []rune(w)
		for cut := 2; cut <= len(runes)-2; cut++ {
			parts := append(append(append([]string{}, words[:i]...), string(runes[:cut]), string(runes[cut:])), words[i+1:]...)
			if try(strings.Join(parts, " ")) {
				return
			}
		}
	}
}

// caseOf writes each word of cand as form writes the same word, so that a
// split word's second part takes the form's capital ("Ким Чен Ын") and a
// particle its lowercase ("Ван дер Беллен"); a word that folds to the
// form's word takes its letters, apostrophe and diacritics included ("O
// Connor" joined is O'Connor, not "Oconnor").
func caseOf(cand, form string) string {
	toks := nameTokens(form)
	words := strings.Split(cand, " ")
	for i, w := range words {
		for _, t := range toks {
			if strings.EqualFold(t.text, w) || FoldName(t.text) == FoldName(w) {
				words[i] = t.text
				break
			}
		}
	}
	return strings.Join(words, " ")
}
