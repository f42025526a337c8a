package names

import "strings"

// A compound place name is one word with a hyphen (Івано-Франківськ,
// Кам'янець-Подільський, Переяслав-Хмельницький), and MT and hurried
// writers leave the hyphen out: "з Івано Франківська". The first word then
// reads as a given name and the second as a place nobody named, and
// nothing matches. Two capitalised words apart by a space that, joined
// with a hyphen, are a right form of one place of the glossary in some case
// are that place with its hyphen lost; the suggestion puts the hyphen back
// and keeps the words' case. The double family names of persons are
// fuzzy_hyphen_family.go's.

// hyphenLostPlaces returns a hit for each compound place name of a Russian
// or Ukrainian text written as two words.
func (f *Fuzzy) hyphenLostPlaces(text, lang string, toks []fzToken) []Hit {
	if lang != "ru" && lang != "uk" {
		return nil
	}
	return hitsAtSpacedPairs(text, toks, func(a, b fzToken) (Hit, bool) { return f.hyphenLostPlaceAt(text, lang, a, b) })
}

// hyphenLostPlaceAt is hyphenLostPlaces' decision for the words a and b.
func (f *Fuzzy) hyphenLostPlaceAt(text, lang string, a, b fzToken) (Hit, bool) {
	first, second := text[a.start:a.end], text[b.start:b.end]
	if strings.Contains(first, "-") || strings.Contains(second, "-") || f.match(second, lang, false, 0).verdict == verdictRight {
		return Hit{}, false // "У Парижі": a right form after a word of the sentence
	}
	joined := first + "-" + second
	r := f.match(joined, lang, false, 0)
	if r.verdict != verdictRight || len(r.entries) != 1 || f.entry(r.entries[0]).Type() != "place" {
		return Hit{}, false
	}
	e := f.entry(r.entries[0])
	if !strings.Contains(e.Preferred(lang), "-") {
		return Hit{}, false
	}
	return Hit{
		Start: a.start, End: b.end, Text: text[a.start:b.end],
		Status: Deprecated, Check: CheckFuzzy, Suggestion: joined,
		Entry: e.Preferred(lang), EntryKey: e.Key(), EntryType: e.Type(), Confidence: confSpelling,
	}, true
}
