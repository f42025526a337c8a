package names

import (
	"strings"
	"unicode/utf8"
)

// A foreign name that ends in a vowel does not decline in Russian or
// Ukrainian: "с Моди", "с Шойгу", "з Фіцо". Machine translation declines it
// anyway, as it would a native word: "с Модием", "с Шойгом", "з Фіцом". Such a
// word is no case form of any name (CaseForms gives none for the name), so
// the romanization finds nothing right, and it is too far from the name for
// the edit distance to help. It is read back instead: its case ending is
// taken off, the name's vowel put back, and the result looked up among the
// right forms of the text's language.

// obliqueEnds are the case endings MT puts on a name, longest first.
var obliqueEnds = [...]string{"ові", "еві", "єві", "ем", "єм", "ём", "ом", "ой", "ою", "ею", "єю", "ей",
	"ым", "им", "а", "я", "у", "ю", "і", "и", "ы", "е"}

// nameVowels are the vowels an indeclinable name ends in, put back after an
// ending is taken off (Шойг-ом → Шойгу).
var nameVowels = [...]string{"", "и", "і", "у", "ю", "е", "є", "э", "о"}

// declinedIndeclinableIf is declinedIndeclinable when allowed.
func (f *Fuzzy) declinedIndeclinableIf(allowed bool, run, lang string, minConf float64) (runResult, bool) {
	if !allowed {
		return runResult{}, false
	}
	return f.declinedIndeclinable(run, lang, minConf)
}

// declinedIndeclinable returns a hit when run's last word is an
// indeclinable right form of the text's language with a case ending on it
// and the run's other words are right for the same entry: "Модием",
// "Сергієм Кужугетовичем Шойгом".
func (f *Fuzzy) declinedIndeclinable(run, lang string, minConf float64) (runResult, bool) {
	if confSpelling < minConf {
		return runResult{}, false
	}
	return f.readBackEnds(run, lang, obliqueEnds[:], nameVowels[:], func(base, _ string) bool { return isIndeclinableName(base, lang) })
}

// readBackEnds reads run back with each of ends taken off its last word
// and each of vowels put in its place, where isName accepts the base
// (and the last word), and returns the first hit readBack finds.
func (f *Fuzzy) readBackEnds(run, lang string, ends, vowels []string, isName func(base, last string) bool) (runResult, bool) {
	words := appendRawNameWords(nil, trimPossessive(run))
	if len(words) == 0 {
		return runResult{}, false
	}
	last := words[len(words)-1]
	lastStart := strings.LastIndex(run, last)
	if lastStart < 0 {
		return runResult{}, false
	}
	for _, end := range ends {
		if !hasSuffixFold(last, end) || utf8.RuneCountInString(last) < utf8.RuneCountInString(end)+3 {
			continue
		}
		stem := last[:len(last)-len(end)]
		for _, v := range vowels {
			base := stem + v
			if strings.EqualFold(base, last) || !isName(base, last) {
				continue
			}
			if r, ok := f.readBack(run[:lastStart]+base, lang, last); ok {
				return r, true
			}
		}
	}
	return runResult{}, false
}

// readBack looks up run, whose last word was put back in the nominative,
// and returns the hit for the original text when run is right and the
// declined word is no right form of the same entries.
func (f *Fuzzy) readBack(run, lang, declined string) (runResult, bool) {
	r := f.matchRun(run, lang, false, 0, false)
	if r.verdict != verdictRight || len(r.entries) == 0 {
		return runResult{}, false
	}
	for _, idx := range r.entries {
		if spelledIn(f.entry(idx), lang, declined) {
			return runResult{}, false
		}
	}
	return runResult{verdict: verdictHit, entries: r.entries, conf: confSpelling, words: r.words}, true
}

// isIndeclinableName reports whether a Cyrillic name word does not decline
// in lang: it ends in a vowel other than -а/-я, and in Ukrainian it is not
// a native surname in -ко, which declines (Кличко → Кличком, Порошенка).
func isIndeclinableName(word, lang string) bool {
	last, _ := utf8.DecodeLastRuneInString(word)
	if !strings.ContainsRune(indeclinableEnds, cyrillicLower(last)) || utf8.RuneCountInString(word) < 3 {
		return false
	}
	return !(lang == "uk" && hasSuffixFold(word, "ко"))
}
