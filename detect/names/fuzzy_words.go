package names

import (
	"strings"

	"lector/detect/lexicon"
)

// Ordinary words. A word of the text's language is not a mangled name by
// itself: "Schwan" in German is a swan, and "Moskau" is Moscow.
// The words come from the language's lexicon (detect/lexicon: the spelling
// word lists Debian packages, every inflected form included), not from a
// hand-typed list, so they hold on text nobody tuned them on. A lexicon
// lists proper nouns too (Moscow, Kremlin, the months), which is what a
// check of a lone capitalised word wants (isLanguageWord): a word a
// dictionary knows stands for itself, not for a glossary name a
// romanization away from it. It also lists given names (Jan, Ian), which a
// check of the words beside a name must not take for ordinary words
// (isOrdinaryWord). Similarity thresholds and the document-context rule of
// Check do the rest.

// isLanguageWord reports whether word, as written in a text of lang (any
// case, diacritics kept: "Maske", "Moskau", "маской"), is a word of lang.
// English possessives count as their word ("tramp's"). A language without a
// lexicon falls back to the English words (isCommonWord), as before.
func isLanguageWord(lang, word string) bool {
	l := lexicon.For(lang)
	if l.Lang() == "" {
		return isCommonWord(FoldName(word))
	}
	if l.Has(word) {
		return true
	}
	if l.Lang() == "en" {
		if w, ok := trimEnglishPossessive(word); ok {
			return l.Has(w)
		}
	}
	return false
}

// isOrdinaryWord is isLanguageWord less the proper nouns where case tells
// them apart: a word the lexicon lists in lower case ("tramp", "frost",
// "president"), not one it lists only capitalised ("Moscow", "Jan"), which
// may be a given name. German writes every noun capitalised, so there it is
// isLanguageWord ("Präsident" is an ordinary word).
func isOrdinaryWord(lang, word string) bool {
	l := lexicon.For(lang)
	switch l.Lang() {
	case "":
		return isCommonWord(FoldName(word))
	case "de":
		return l.Has(word)
	}
	return l.Common(word)
}

func trimEnglishPossessive(word string) (string, bool) {
	for _, s := range [...]string{"'s", "’s", "'S", "’S"} {
		if w, ok := strings.CutSuffix(word, s); ok && w != "" {
			return w, true
		}
	}
	return word, false
}

// isCommonWord reports, for callers that hold a folded word (FoldName:
// lower-case ASCII) and no language, whether it is an ordinary English word
// (isOrdinaryWord) or a legacy proper word. It stands for the hand-typed
// English list it replaces; callers that know the text's language should
// ask isLanguageWord or isOrdinaryWord.
func isCommonWord(folded string) bool {
	return isOrdinaryWord("en", folded) || isLegacyProperWord(folded)
}

// isLegacyProperWord reports the proper nouns of the hand-typed list
// isCommonWord replaces: calendar words, countries, demonyms, capitals and
// institutions. A lexicon lists them only capitalised, like given names
// ("Jan", "Ian"), and cannot tell the two apart, while isCommonWord's
// callers must read "Chinese" as an ordinary word and "Jan Bremmer" as a
// name. Callers that switch to isLanguageWord (a lone capitalised word) and
// isOrdinaryWord (a word beside a name) need none of them.
func isLegacyProperWord(folded string) bool {
	switch folded {
	case "america", "american", "april", "february", "friday", "january", "july", "june", "monday",
		"mr", "mrs", "ok", "russian", "saturday", "sunday", "thursday", "tuesday", "wednesday",
		"moscow", "kremlin", "chinese", "russia", "ukraine", "ukrainian", "europe", "european", "korea",
		"korean", "syria", "syrian", "taiwan", "brazil", "argentina", "belarus", "kyiv",
		"washington", "london", "paris", "berlin", "germany", "german", "france", "britain", "british",
		"english", "israel", "iran", "india", "nato", "nasa", "crimea":
		return true
	}
	return false
}

// dictionarySuffixes mark lowercase tokens as ordinary English words;
// names transliterated from Russian rarely end like this.
var dictionarySuffixes = [...]string{
	"ing", "tion", "sion", "ment", "ness", "able", "ible", "ally", "ity",
	"ous", "ive", "ful", "less", "ed", "ly", "est", "ies", "ship", "ism",
}

// isDictionaryLike reports lowercase tokens Fuzzy must not consider: English
// words, and words that end like English words (a lexicon misses new ones).
func isDictionaryLike(folded string) bool {
	if isCommonWord(folded) {
		return true
	}
	for _, s := range dictionarySuffixes {
		if strings.HasSuffix(folded, s) {
			return true
		}
	}
	return false
}

// namedByCapital reports whether the word text[start:end] is capitalised
// where a language that capitalises nothing but names and a sentence's
// first word puts a capital only on a name (Russian and Ukrainian, in
// mid-sentence; English capitalises titles and German every noun), and is
// no proper noun of the lexicon, which stands for itself.
func namedByCapital(text, lang string, start, end int) bool {
	return isCyrillicLang(lang) && !sentenceInitial(text, start) && !isProperWord(lang, text[start:end])
}

// isProperWord reports whether the lexicon lists word capitalised, as a
// proper noun ("Москва"), rather than only in lower case ("путина").
func isProperWord(lang, word string) bool {
	l := lexicon.For(lang)
	return l.Has(word) && !l.Common(word)
}
