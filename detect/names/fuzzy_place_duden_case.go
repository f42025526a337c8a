package names

import "strings"

// MT from Russian into German carries the place's case ending along with
// its letters: "in Moskwe" (в Москве), "nach Islandiju" (в Исландию),
// "aus Krakowa" (из Кракова). dudenPlaces reads only the nominative back;
// dudenDeclinedPlace reads the word's ending back to the nominatives it can
// come from, looks those up, and flags the word when it is, letter for
// letter, the German transliteration of one case form of the place's
// Russian or Ukrainian right form. The suggestion is the German form: German
// does not decline a place's name in these cases.

// dudenCaseEnds maps a Russian or Ukrainian oblique ending, as Duden
// transliterates it and dudenToBGN rewrites it, to the nominative endings it
// may replace, longest ending first.
var dudenCaseEnds = [...]struct {
	end  string
	noms []string
}{
	{"iyey", []string{"iya"}}, {"iyu", []string{"iya"}}, {"iey", []string{"iya"}}, {"ii", []string{"iya"}},
	{"oyu", []string{"a"}}, {"eyu", []string{"ya", "a"}}, {"oy", []string{"a"}}, {"ey", []string{"ya", "a"}},
	{"om", []string{""}}, {"em", []string{""}}, {"ovi", []string{""}}, {"yu", []string{"ya", ""}},
	{"ya", []string{""}}, {"u", []string{"a", ""}}, {"e", []string{"a", "", "ya"}},
	{"i", []string{"a", "ya", ""}}, {"y", []string{"a"}}, {"a", []string{""}},
}

// dudenDeclinedPlace returns the hit of w when it is the German
// transliteration of an oblique case of the Russian or Ukrainian right form
// of exactly one place with a Latin form in lang.
func (f *Fuzzy) dudenDeclinedPlace(w, lang string) (Hit, bool) {
	folded := dudenToBGN.Replace(strings.ToLower(w))
	var hit Hit
	n := 0
	for _, ce := range dudenCaseEnds {
		stem, ok := strings.CutSuffix(folded, ce.end)
		if !ok || len(stem) < 3 {
			continue
		}
		for _, nom := range ce.noms {
			for _, src := range [...]struct {
				lang   string
				scheme Scheme
			}{{"ru", SchemeGerman}, {"uk", SchemeGermanUk}} {
				for _, el := range f.rightEntries(src.lang, stem+nom) {
					e := f.entry(int32(el & entryMask))
					own := e.Preferred(lang)
					if e.Type() != "place" || own == "" || IsCyrillic(own) || n > 0 && hit.EntryKey == e.Key() ||
						!declinesTo(e.Preferred(src.lang), src.lang, src.scheme, w) {
						continue
					}
					n++
					hit = Hit{Text: w, Status: Deprecated, Check: CheckFuzzy, Suggestion: own, Entry: own,
						EntryKey: e.Key(), EntryType: e.Type(), Confidence: confForeign}
				}
			}
		}
	}
	return hit, n == 1
}

// declinesTo reports whether one oblique case of form, transliterated by
// scheme, is w.
func declinesTo(form, lang string, scheme Scheme, w string) bool {
	for _, c := range CaseForms(form, lang) {
		if strings.EqualFold(Transliterate(c, scheme), w) {
			return true
		}
	}
	return false
}
