package names

import (
	"strings"
	"unicode/utf8"
)

// MT from a Slavic language leaves a name it does not know in the form the
// source spells, with the source's case ending on it: Serbian "u Pekingu"
// (in Peking, the German and old English name of Beijing) comes out "in
// Pekingu", "u Tokiju" (Tokio, Tokyo) "in Tokiju". The ending is taken off
// (after a stem in -i Serbian puts a j before it: Tokio, Tokiju; Modi,
// Modijem), the vowel it replaced put back, and the result counts when it
// is, letter for letter, another language's right form of an entry that has
// a form of its own in the text's language (untranslated): such a run is
// no word of the text's language.

// slavicLatinEnds are the romanized Serbian, Russian and Ukrainian case
// endings, longest first. A single letter is one too: the stem must then
// be another language's form exactly, which a word of the text's language
// with a letter added is not.
var slavicLatinEnds = [...]string{"jem", "jom", "ju", "ja", "je", "om", "em", "u", "a", "e"}

// declinedUntranslatedIf returns the hit of run when its last word is
// another language's form of an entry with a Slavic case ending on it, the
// run's other words right for the same entry.
func (f *Fuzzy) declinedUntranslatedIf(allowed bool, run, lang string, minConf float64) (runResult, bool) {
	if !allowed || confSpelling < minConf || IsCyrillic(run) || !latinSpellingLang(lang) {
		return runResult{}, false
	}
	if !endsLikeSlavicCase(run) {
		return runResult{}, false
	}
	words := appendRawNameWords(nil, trimPossessive(run))
	if len(words) == 0 {
		return runResult{}, false
	}
	last := words[len(words)-1]
	lastStart := strings.LastIndex(run, last)
	if lastStart < 0 || isLanguageWord(lang, last) {
		return runResult{}, false
	}
	for _, end := range slavicLatinEnds {
		if !hasSuffixFold(last, end) || utf8.RuneCountInString(last) < utf8.RuneCountInString(end)+3 {
			continue
		}
		stem := last[:len(last)-len(end)]
		for _, v := range [...]string{"", "o"} {
			if !f.rightInOtherLatinLang(stem+v, lang) {
				continue
			}
			if r, ok := f.untranslatedRun(run[:lastStart]+stem+v, stem+v, lang); ok {
				return r, true
			}
		}
	}
	return runResult{}, false
}

// untranslatedRun is the hit of base, a run read back to the nominative,
// when its last word, word, is another language's right form of the entry
// it matches, which has a Latin form in lang.
func (f *Fuzzy) untranslatedRun(base, word, lang string) (runResult, bool) {
	r := f.matchRun(base, lang, false, confSpelling, false)
	if r.verdict != verdictHit {
		return runResult{}, false
	}
	var raw [2]string
	sure := f.untranslated(lang, appendRawNameWords(raw[:0], word), r.entries)
	if len(sure) == 0 {
		return runResult{}, false
	}
	return runResult{verdict: verdictHit, entries: sure, conf: confSpelling, words: r.words}, true
}

// endsLikeSlavicCase reports whether run ends in one of slavicLatinEnds:
// most runs that reach this rule do not, and go before their words are
// split.
func endsLikeSlavicCase(run string) bool {
	for _, end := range slavicLatinEnds {
		if hasSuffixFold(run, end) {
			return true
		}
	}
	return false
}

// latinLangs are the languages latinSpellingLang accepts, whose right forms
// a stem may be.
var latinLangs = [...]string{"en", "de", "fr", "es", "it", "pt", "nl", "sv", "da", "nb", "no"}

// rightInOtherLatinLang reports whether word is a right form, or a given or
// family name of one, in a Latin-script language other than lang: a hash
// lookup per language spares the full match of nearly every stem.
func (f *Fuzzy) rightInOtherLatinLang(word, lang string) bool {
	folded := FoldName(word)
	for _, l := range latinLangs {
		if l != lang && len(f.rightEntries(l, folded)) > 0 {
			return true
		}
	}
	return false
}
