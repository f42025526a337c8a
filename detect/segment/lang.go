package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbrevKind describes how a known abbreviation behaves before the next word.
type abbrevKind uint8

const (
	abbrevPlain abbrevKind = 1 << iota
	// abbrevTitle precedes a name ("Dr.", "проф."): even a line break after
	// it does not end the sentence.
	abbrevTitle
	// abbrevFinal often ends a sentence ("etc.", "и т.д.", "usw."): any
	// capitalised word after it starts a new one.
	abbrevFinal
	// abbrevNumeric is an abbreviation only before a number ("No. 5",
	// "Art. 3"); elsewhere it is an ordinary word ("I said no.").
	abbrevNumeric
)

// langRules is the rule set of one language. Instances are built once at
// package initialisation and never mutated afterwards.
type langRules struct {
	abbrevs  map[string]abbrevKind
	starters map[string]bool // lower-case words that commonly open a sentence
	months   map[string]bool // German month names, for ordinal dates
	// ordinalDates: a small number with a period before a capitalised noun
	// is an ordinal ("am 3. Oktober", "der 2. Weltkrieg"), not a sentence end.
	ordinalDates bool
	// germanQuotes: "“" closes a quotation („…“).
	germanQuotes bool
	// streetSuffix: "Hauptstr." and friends are abbreviations.
	streetSuffix bool
}

// rulesByLang maps a base language to its rules. It is an immutable lookup
// table, built once at initialisation and only ever read.
var rulesByLang = map[string]*langRules{
	"en": newLangRules(wordLists{
		abbrevs: englishAbbrevs, titles: englishTitles, finals: englishFinals,
		numeric: englishNumericAbbrevs, starters: englishStarters,
	}),
	"ru": newLangRules(wordLists{
		abbrevs: russianAbbrevs, titles: russianTitles, finals: russianFinals,
		starters: russianStarters,
	}),
	"uk": newLangRules(wordLists{
		abbrevs: ukrainianAbbrevs, titles: ukrainianTitles, finals: ukrainianFinals,
		starters: ukrainianStarters,
	}),
	"de": newLangRules(wordLists{
		abbrevs: germanAbbrevs, titles: germanTitles, finals: germanFinals,
		numeric: germanNumericAbbrevs, starters: germanStarters, months: germanMonths,
	}),
}

// wordLists are the space-separated word lists of one language.
type wordLists struct {
	abbrevs, titles, finals, numeric string
	starters, months                 string
}

// rulesFor picks the rules for a BCP 47 tag by its base language ("en-GB" is
// en). Unknown languages get the neutral rules, which use English
// abbreviations: most foreign-language news quotes English sources.
func rulesFor(lang string) *langRules {
	base := lang
	if i := strings.IndexAny(base, "-_"); i >= 0 {
		base = base[:i]
	}
	base = strings.ToLower(base)
	switch base {
	case "eng":
		base = "en"
	case "rus":
		base = "ru"
	case "ukr":
		base = "uk"
	case "deu", "ger", "gsw":
		base = "de"
	}
	if r, ok := rulesByLang[base]; ok {
		return r
	}
	return rulesByLang["en"]
}

func newLangRules(lists wordLists) *langRules {
	r := &langRules{
		abbrevs:  map[string]abbrevKind{},
		starters: wordSet(lists.starters),
		months:   wordSet(lists.months),
	}
	for _, l := range []struct {
		kind  abbrevKind
		words string
	}{
		{abbrevPlain, lists.abbrevs}, {abbrevTitle, lists.titles},
		{abbrevFinal, lists.finals}, {abbrevNumeric, lists.numeric},
	} {
		for _, a := range strings.Fields(l.words) {
			r.abbrevs[a] |= l.kind
		}
	}
	if lists.months != "" {
		r.ordinalDates, r.germanQuotes, r.streetSuffix = true, true, true
	}
	return r
}

func wordSet(list string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}

// lowerInto appends the lower-case form of word to buf, or returns nil when
// the word is too long to be a listed abbreviation or starter.
func lowerInto(buf []byte, word string) []byte {
	const longest = 48
	if len(word) > longest {
		return nil
	}
	buf = buf[:0]
	for _, r := range word {
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}
