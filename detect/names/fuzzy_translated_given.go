package names

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"lector/detect/lexicon"
)

// MT into English translates a Russian or Ukrainian given name that is
// also a word: Лев comes out "Lion", Надежда "Hope", Любовь "Love", Вера
// "Faith". Before the right family name ("Lion Sobolev") nothing is
// misspelled for the fuzzy match to find, and before a mangled one the
// stand-in rule (fuzzy_given_standin_latin.go) turns itself off when the
// word before is capitalised. The dictionary is the evidence here: a
// capitalised ordinary English word whose Russian or Ukrainian translation
// (lexicon.Translations, Debian's bilingual dictionaries) is the person's
// given name in that language stands for that given name, wherever it is.

// translatedGivenLangs are the languages whose given names MT translates
// into English words.
var translatedGivenLangs = [...]string{"ru", "uk"}

// translatedGivenNames returns a hit for each right family name of a
// person (a token of toks) after a word that translates the person's given
// name, over both words; and widens the fuzzy hits of hits that suggest a
// family name alone the same way.
func (f *Fuzzy) translatedGivenNames(text, lang string, toks []fzToken, hits []Hit) []Hit {
	if !isEnglish(lang) {
		return nil
	}
	for i := range hits {
		if hits[i].Check != CheckFuzzy {
			continue
		}
		if e, ok := f.entryWithKey(hits[i].EntryKey); ok {
			if start, full, ok := translatedGivenBefore(text, lang, hits[i].Start, e, hits[i].Suggestion); ok {
				widenHit(text, &hits[i], start, full)
			}
		}
	}
	var more []Hit
	for i := 1; i < len(toks); i++ {
		t, prev := toks[i], toks[i-1]
		// Cheapest first: most capitalised words follow a lowercase one.
		if !t.capital || t.known >= 0 || !prev.capital || prev.known >= 0 || prev.end+1 != t.start || text[prev.end] != ' ' {
			continue
		}
		if !lexicon.HasTranslations(text[prev.start:prev.end]) {
			continue
		}
		word := text[t.start:t.end]
		if h, ok := f.translatedWholeName(text, lang, t); ok {
			more = append(more, h)
			continue
		}
		for _, el := range f.rightEntries(lang, FoldName(word)) {
			e := f.entry(int32(el & entryMask))
			start, full, ok := translatedGivenBefore(text, lang, t.start, e, word)
			if !ok {
				continue
			}
			more = append(more, Hit{Start: start, End: t.end, Text: text[start:t.end], Status: Deprecated,
				Check: CheckFuzzy, Suggestion: full, Entry: full, EntryKey: e.Key(), EntryType: e.Type(), Confidence: confSpelling})
			break
		}
	}
	return more
}

// translatedGivenBefore returns where the word before byte at starts and
// e's whole form in lang when e is a person whose family name in lang is
// family and that word, capitalised, one space before at, is an ordinary
// word that translates e's given name.
func translatedGivenBefore(text, lang string, at int, e entryRef, family string) (start int, full string, ok bool) {
	if e.Type() != "person" || strings.Contains(family, " ") {
		return 0, "", false
	}
	word, gap, start := wordBefore(text, at)
	if word == "" || gap != " " || isAllUpperWord(word) {
		return 0, "", false
	}
	if r, _ := utf8.DecodeRuneInString(word); !unicode.IsUpper(r) || !isOrdinaryWord(lang, word) {
		return 0, "", false
	}
	full = e.Preferred(lang)
	words := strings.Fields(full)
	if len(words) < 2 || FoldName(words[len(words)-1]) != FoldName(family) || !translatesGivenName(strings.ToLower(word), e) {
		return 0, "", false
	}
	return start, full, true
}

// translatedWholeName returns a hit over the token t and the word before
// it when MT translated both words of a person's name: "Love Sable" for
// Любовь Соболь. The word before translates a given name the glossary
// holds in Russian or Ukrainian, and t translates that person's family name.
func (f *Fuzzy) translatedWholeName(text, lang string, t fzToken) (Hit, bool) {
	word := text[t.start:t.end]
	if !isOrdinaryWord(lang, word) {
		return Hit{}, false
	}
	given, gap, start := wordBefore(text, t.start)
	if given == "" || gap != " " || isAllUpperWord(given) || !isOrdinaryWord(lang, given) {
		return Hit{}, false
	}
	if r, _ := utf8.DecodeRuneInString(given); !unicode.IsUpper(r) {
		return Hit{}, false
	}
	for _, l := range translatedGivenLangs {
		families := lexicon.Translations(strings.ToLower(word), l)
		if len(families) == 0 {
			continue
		}
		for _, tr := range lexicon.Translations(strings.ToLower(given), l) {
			for _, el := range f.rightEntries(l, FoldName(tr)) {
				e := f.entry(int32(el & entryMask))
				if e.Type() == "person" && hasTranslatedForm(e, l, tr, families) {
					full := e.Preferred(lang)
					return Hit{Start: start, End: t.end, Text: text[start:t.end], Status: Deprecated, Check: CheckFuzzy,
						Suggestion: full, Entry: full, EntryKey: e.Key(), EntryType: e.Type(), Confidence: confSpelling}, true
				}
			}
		}
	}
	return Hit{}, false
}

// hasTranslatedForm reports whether e has a two-word form in lang whose
// given name is given and whose family name is one of families (lower
// case, ё read as е).
func hasTranslatedForm(e entryRef, lang, given string, families []string) bool {
	return e.AnyTerm(func(t Term) bool {
		g, fam, ok := strings.Cut(strings.ReplaceAll(strings.ToLower(t.Form), "ё", "е"), " ")
		return ok && t.Lang == lang && g == given && !strings.Contains(fam, " ") && slices.Contains(families, fam)
	})
}

// translatesGivenName reports whether the English word (lower case) has a
// Russian or Ukrainian translation that is the given name of one of e's
// forms in that language (ё read as е).
func translatesGivenName(word string, e entryRef) bool {
	for _, lang := range translatedGivenLangs {
		tr := lexicon.Translations(word, lang)
		if len(tr) == 0 {
			continue
		}
		for _, t := range e.Terms() {
			given, rest, two := strings.Cut(t.Form, " ")
			if t.Lang != lang || !two || rest == "" {
				continue
			}
			given = strings.ReplaceAll(strings.ToLower(given), "ё", "е")
			if slices.Contains(tr, given) {
				return true
			}
		}
	}
	return false
}
