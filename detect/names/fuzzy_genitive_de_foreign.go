package names

import (
	"strings"
	"unicode/utf8"
)

// German MT from English leaves a Russian name in its English romanization
// and puts German's genitive s on it: "Prigozhins Söldner", "Ushakovs
// Angaben". The bare "Prigozhin" is an exact wrong form of the entry (its
// English form) and is flagged on its own; with the s it is no form of any
// entry, so it waits as a weak word for the article to name the person
// again, and an article often names a person once in the genitive. A
// capitalised word in s that is no word of the language, whose stem is on
// its own a strong hit of exactly one entry, is that entry in the genitive;
// inGermanCase puts the suggestion in the genitive.

// minForeignGenitiveRunes is the shortest such word: the stem must be long
// enough to be an exact form by more than chance.
const minForeignGenitiveRunes = 5

// foreignGenitives returns a hit for each word of toks that is an exact
// wrong form of an entry with German's genitive s, in a German text.
func (f *Fuzzy) foreignGenitives(text, lang string, toks []fzToken) []Hit {
	if lang != "de" && !strings.HasPrefix(lang, "de-") {
		return nil
	}
	var found []Hit
	for _, t := range toks {
		w := text[t.start:t.end]
		stem, ok := strings.CutSuffix(w, "s")
		if !ok || !t.capital || t.known >= 0 || utf8.RuneCountInString(w) < minForeignGenitiveRunes || IsCyrillic(w) ||
			isLanguageWord(lang, w) || len(f.rightEntries(lang, FoldName(w))) > 0 || len(f.rightEntries(lang, FoldName(stem))) > 0 {
			continue
		}
		r := f.match(stem, lang, false, confGenerated)
		if r.verdict != verdictHit || len(r.entries) != 1 {
			continue
		}
		h := f.hitFor(r.entries[0], w, lang, 1, r.conf)
		h.Start, h.End = t.start, t.end
		found = append(found, h)
	}
	return found
}
