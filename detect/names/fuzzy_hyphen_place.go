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
	var hits []Hit
	for i := 0; i+1 < len(toks); i++ {
		a, b := toks[i], toks[i+1]
		if !a.capital || !b.capital || a.known >= 0 && a.known == b.known || text[a.end:b.start] != " " {
			continue
		}
		first, second := text[a.start:a.end], text[b.start:b.end]
		if strings.Contains(first, "-") || strings.Contains(second, "-") || f.match(second, lang, false, 0).verdict == verdictRight {
			continue // "У Парижі": a right form after a word of the sentence
		}
		joined := first + "-" + second
		r := f.match(joined, lang, false, 0)
		if r.verdict != verdictRight || len(r.entries) != 1 || f.entries[r.entries[0]].Type != "place" {
			continue
		}
		e := &f.entries[r.entries[0]]
		if !strings.Contains(e.Preferred(lang), "-") {
			continue
		}
		hits = append(hits, Hit{
			Start: a.start, End: b.end, Text: text[a.start:b.end],
			Status: Deprecated, Check: CheckFuzzy, Suggestion: joined,
			Entry: e.Preferred(lang), EntryKey: e.Key, EntryType: e.Type, Confidence: confSpelling,
		})
		i++
	}
	return hits
}
