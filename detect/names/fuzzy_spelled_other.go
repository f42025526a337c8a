package names

import "strings"

// A word MT between Russian and Ukrainian carried over is the other
// language's spelling of a glossary name, and two readings of that word
// hide it from the usual lookup. A lone word that the lexicon of the text's
// language lists as a proper name (Ukrainian dictionaries hold both
// Нетаньяху and Нетаньягу) is no name of the glossary's by default; and a
// case form with a letter only the other language writes (Ukrainian
// Кишиневі in a Russian text) is no exact variant, since the index
// romanizes the other language's forms by that language's schemes
// (Ukrainian и is y). Either is taken for the entry only when it is
// letter for letter how the other language writes the entry, in one of its
// case forms (spelledElsewhere): then its letters say which name it is.

// spelledOnlyElsewhere looks run up as a name, ignoring that it is a word
// of lang, and keeps the hit only when run is exactly another Cyrillic
// language's right form of the entry.
func (f *Fuzzy) spelledOnlyElsewhere(run, lang string, minConf float64) (runResult, bool) {
	r := f.matchRunAs(run, lang, false, minConf, false, true)
	if r.verdict != verdictHit || r.words != 1 {
		return runResult{}, false
	}
	sure := f.spelledElsewhere(run, lang, runResult{verdict: verdictHit, entries: r.entries, words: r.words})
	if sure.conf != confSpelling {
		return runResult{}, false
	}
	return sure, true
}

// properWordElsewhere: a lone Cyrillic word of a Cyrillic text that the
// lexicon lists only capitalised may still be the other language's
// spelling of a glossary name.
func (f *Fuzzy) properWordElsewhere(run, lang string, lower bool) (runResult, bool) {
	if lower || !isCyrillicLang(lang) || !IsCyrillic(run) || !isProperWord(lang, trimPossessive(run)) {
		return runResult{}, false
	}
	return f.spelledOnlyElsewhere(run, lang, confGenerated)
}

// otherLettersElsewhere: a single word that matched no variant exactly
// but has a letter only the other East Slavic language writes is compared
// with the entries' spellings in that language. allowed is false for a
// run that is itself such a reading, which must not be read again.
func (f *Fuzzy) otherLettersElsewhere(allowed bool, run, lang string) (runResult, bool) {
	if !allowed || !hasOtherEastSlavicLetter(run, lang) {
		return runResult{}, false
	}
	return f.spelledOnlyElsewhere(run, lang, 0)
}

// hasOtherEastSlavicLetter reports a letter of the other of Russian and
// Ukrainian that lang does not write: і, ї, є, ґ in Russian; ы, э, ё, ъ in
// Ukrainian.
func hasOtherEastSlavicLetter(word, lang string) bool {
	w := strings.ToLower(word)
	switch lang {
	case "ru":
		return strings.ContainsAny(w, "іїєґ")
	case "uk":
		return strings.ContainsAny(w, "ыэёъ")
	}
	return false
}
