package names

import (
	"strings"
	"unicode/utf8"
)

// A Russian family name in -ов, -ев reads as the genitive plural of a noun
// (Песков: песков, of sands; Лавров: лавров, of laurels), and MT into
// Ukrainian translates it as one: "Пісків сказав", "а Лаврів прилетів".
// The word is then an ordinary Ukrainian word (пісків, лаврів), which no
// spelling rule takes for a name. Capitalised in mid-sentence, or opening a
// sentence before a verb in the past tense, a genitive plural in -ів whose
// Russian reading (-ов, -ев, with the і of the last syllable back to е or
// о: Пісків → Песков) is a glossary person's family name is that name; the
// suggestion is the person's Ukrainian family name.

// translatedOvSurnames returns a hit for each such word of a Ukrainian text.
func (f *Fuzzy) translatedOvSurnames(text, lang string, toks []fzToken) []Hit {
	if lang != "uk" {
		return nil
	}
	var hits []Hit
	for i, t := range toks {
		if !t.capital || t.known >= 0 {
			continue
		}
		w := text[t.start:t.end]
		stem, ok := strings.CutSuffix(w, "ів")
		if !ok || utf8.RuneCountInString(stem) < 3 || !isLanguageWord(lang, strings.ToLower(w)) {
			continue
		}
		if sentenceInitial(text, t.start) && (i+1 >= len(toks) || !ukPastTense(text[toks[i+1].start:toks[i+1].end])) {
			continue
		}
		if e, family, ok := f.ovSurnameOf(stem); ok {
			hits = append(hits, Hit{
				Start: t.start, End: t.end, Text: w,
				Status: Deprecated, Check: CheckFuzzy, Suggestion: family,
				Entry: e.Preferred(lang), EntryKey: e.Key(), EntryType: e.Type(), Confidence: confSpelling,
			})
		}
	}
	return hits
}

// ovSurnameOf finds the person whose Russian family name is a reading of
// stem with -ов or -ев, and returns the person's Ukrainian family name.
func (f *Fuzzy) ovSurnameOf(stem string) (entryRef, string, bool) {
	stems := []string{stem}
	if k := strings.LastIndex(stem, "і"); k >= 0 {
		stems = append(stems, stem[:k]+"е"+stem[k+len("і"):], stem[:k]+"о"+stem[k+len("і"):])
	}
	for _, s := range stems {
		for _, end := range [...]string{"ов", "ев"} {
			cand := s + end
			for _, e := range f.named(cand, "ru") {
				ru, uk := strings.Fields(preferredCyrillic(e, "ru")), strings.Fields(preferredCyrillic(e, "uk"))
				if e.Type() == "person" && len(ru) > 0 && len(uk) > 0 && ru[len(ru)-1] == cand {
					return e, uk[len(uk)-1], true
				}
			}
		}
	}
	return entryRef{}, "", false
}

// ukPastTense reports whether word is a Ukrainian verb in the past tense,
// masculine or feminine: the lexicon knows its other gender and its plural
// (сказав, сказала, сказали).
func ukPastTense(word string) bool {
	for _, end := range [...]string{"ла", "в"} {
		if stem, ok := strings.CutSuffix(word, end); ok && utf8.RuneCountInString(stem) >= 2 {
			return isLanguageWord("uk", stem+"ли") && (end == "в" && isLanguageWord("uk", stem+"ла") || end == "ла" && isLanguageWord("uk", stem+"в"))
		}
	}
	return false
}
