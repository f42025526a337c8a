package names

import (
	"strings"
	"unicode/utf8"
)

// German MT and German writers who follow Duden's transliteration carry a
// place's Russian or Ukrainian name into German letter for letter where
// German has a name of its own: "Norwegija" for Норвегия (Norwegen),
// "Wilnjus" for Вильнюс (Vilnius). A place is seldom named twice in an
// article, so such a lone word never had the support a weak run needs.
// dudenPlaces reads each capitalised word back into the BGN/PCGN
// romanization the glossary's Cyrillic forms are indexed by, and flags it
// when it is, letter for letter, the German transliteration of a place's
// Russian or Ukrainian right form, the place has a German form of its own,
// and the word is no word of the language and no right form in it.

// minDudenPlaceRunes is the shortest word read so: short words of other
// languages ("Kiew", "Minsk") meet short place names by chance.
const minDudenPlaceRunes = 6

// dudenToBGN rewrites Duden's spellings of Cyrillic letters as BGN/PCGN
// writes them, longest first, on a lower-case word.
var dudenToBGN = strings.NewReplacer("schtsch", "shch", "tsch", "ch", "sch", "sh", "ch", "kh", "w", "v", "z", "ts", "j", "y")

// dudenPlaces returns the hits of the words of toks that are a place's
// Russian or Ukrainian name transliterated the German way.
func (f *Fuzzy) dudenPlaces(text, lang string, toks []fzToken, hits []Hit) []Hit {
	if lang != "de" && !strings.HasPrefix(lang, "de-") {
		return hits
	}
	var found []Hit
	for _, t := range toks {
		w := text[t.start:t.end]
		if !t.capital || t.known >= 0 || utf8.RuneCountInString(w) < minDudenPlaceRunes || IsCyrillic(w) ||
			isLanguageWord(lang, w) || len(f.rightEntries(lang, FoldName(w))) > 0 {
			continue
		}
		if h, ok := f.dudenPlace(w, lang); ok {
			h.Start, h.End = t.start, t.end
			found = append(found, h)
		}
	}
	if len(found) == 0 {
		return hits
	}
	return mergeHits(hits, found)
}

// dudenPlace returns the hit of w when it is the German transliteration of
// the Russian or Ukrainian right form of exactly one place with a form in
// lang.
func (f *Fuzzy) dudenPlace(w, lang string) (Hit, bool) {
	folded := dudenToBGN.Replace(strings.ToLower(w))
	var hit Hit
	n := 0
	for _, src := range [...]struct {
		lang   string
		scheme Scheme
	}{{"ru", SchemeGerman}, {"uk", SchemeGermanUk}} {
		for _, el := range f.rightEntries(src.lang, folded) {
			e := f.entry(int32(el & entryMask))
			form, own := e.Preferred(src.lang), e.Preferred(lang)
			if e.Type() != "place" || own == "" || IsCyrillic(own) || !strings.EqualFold(Transliterate(form, src.scheme), w) {
				continue
			}
			if n > 0 && hit.EntryKey == e.Key() {
				continue // the Russian and Ukrainian forms of one place
			}
			n++
			hit = Hit{Text: w, Status: Deprecated, Check: CheckFuzzy, Suggestion: own, Entry: own,
				EntryKey: e.Key(), EntryType: e.Type(), Confidence: confForeign}
		}
	}
	return hit, n == 1
}
