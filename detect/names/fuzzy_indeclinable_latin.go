package names

import (
	"strings"
	"unicode/utf8"
)

// The same slip in Latin script: MT from Russian, Ukrainian or Serbian into
// English or German transliterates the case ending it put on an
// indeclinable name ("the talks with Modiyem" for с Модием, "met Shoyguom").
// The romanized ending is taken off, the name's vowel put back, and the
// result looked up among the right forms of the text's language, as
// declinedIndeclinable does in Cyrillic.

// latinObliqueEnds are the romanized case endings, longest first. A
// single letter is none of them: "Sumy" (the city) would be a declined
// "Sumo", and a Latin a, u, e or y ends too many names of their own.
var latinObliqueEnds = [...]string{"ovi", "evi", "yem", "iem", "jem", "oyu", "eyu", "om", "em", "ym", "im",
	"oy", "ey", "oj", "ej", "yu", "ju", "ya", "ja"}

// latinNameVowels are the vowels an indeclinable name ends in.
var latinNameVowels = [...]string{"", "i", "u", "e", "o"}

// declinedLatinIf returns the hit of run when its last word is an
// indeclinable right form of lang (a name ending in a vowel other than a)
// with a romanized case ending on it, the run's other words right for the
// same entry, and the word no word of the language.
func (f *Fuzzy) declinedLatinIf(allowed bool, run, lang string, minConf float64) (runResult, bool) {
	if !allowed || confSpelling < minConf || IsCyrillic(run) || !latinSpellingLang(lang) || !endsLikeCase(trimPossessive(run)) {
		return runResult{}, false
	}
	// The name read back is a right form of lang by itself (a family name
	// is hashed alone): one hash lookup spares a full one for every
	// foreign word that ends like a case.
	return f.readBackEnds(run, lang, latinObliqueEnds[:], latinNameVowels[:], func(base, last string) bool {
		return endsInNameVowel(base) && !isLanguageWord(lang, last) && len(f.rightEntries(lang, FoldName(base))) > 0
	})
}

// endsInNameVowel reports whether a Latin word ends in a vowel that keeps
// a foreign name from declining in Russian (Modi, Shoigu, Fico; not -a).
func endsInNameVowel(word string) bool {
	r, _ := utf8.DecodeLastRuneInString(word)
	return strings.ContainsRune("iueoIUEO", r)
}

// endsLikeCase reports whether run ends in one of latinObliqueEnds: most
// runs that match nothing do not, and are let go before their words are
// split.
func endsLikeCase(run string) bool {
	for _, end := range latinObliqueEnds {
		if hasSuffixFold(run, end) {
			return true
		}
	}
	return false
}
