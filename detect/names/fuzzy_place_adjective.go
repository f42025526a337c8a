package names

import (
	"strings"

	"lector/detect/lexicon"
)

// MT from Ukrainian leaves the adjective of a place in Ukrainian spelling
// in a Russian text: "в Харківській области" for "в Харьковской области".
// Russian never writes ь before the suffix -ск-/-цк- of an adjective, so
// -ськ-/-цьк- marks the word as Ukrainian. The word is read back to the
// place it is formed from (Харків, Полтава, Суми, Луганськ, Вінниця), the
// place looked up among the glossary's Ukrainian forms, and the Russian
// adjective formed from the entry's Russian form the same way; it is
// suggested only when the Russian word list knows it, so that no
// irregular adjective (Запорожская, of Запорожье) is made up.

// ukAdjEnds maps the case endings of a Ukrainian adjective after -ськ-
// to the Russian ones after -ск-, longest first.
var ukAdjEnds = [...][2]string{
	{"ого", "ого"}, {"ому", "ому"}, {"ими", "ими"},
	{"ий", "ий"}, {"им", "им"}, {"ім", "ом"}, {"ої", "ой"}, {"ій", "ой"}, {"ою", "ой"}, {"их", "их"},
	{"а", "ая"}, {"у", "ую"}, {"е", "ое"}, {"і", "ие"},
}

// ukPlaceOf are the endings a Ukrainian place name may have in place of
// the suffix of its adjective, per suffix: Харків-ська, Полтав-ська,
// Сум-ська (Суми), Оде-ська (Одеса), Луган-ська (Луганськ), Вінни-цька
// (Вінниця), Доне-цька (Донецьк).
var ukPlaceOf = [...]struct {
	suffix string
	ends   []string
}{
	{"ськ", []string{"", "а", "и", "я", "ь", "са", "ськ"}},
	{"цьк", []string{"цьк", "ця", "ць", "ц"}},
}

// placeAdjectives returns a hit for each capitalised word of a Russian
// text that is the Ukrainian adjective of a place of the glossary, with the
// Russian adjective in the same case as the suggestion.
func (f *Fuzzy) placeAdjectives(text, lang string, toks []fzToken) []Hit {
	if lang != "ru" {
		return nil
	}
	var hits []Hit
	for _, t := range toks {
		word := text[t.start:t.end]
		if !t.capital || t.known >= 0 || !strings.Contains(word, "ьк") {
			continue
		}
		if h, ok := f.placeAdjective(word); ok {
			h.Start, h.End = t.start, t.end
			hits = append(hits, h)
		}
	}
	return hits
}

// placeAdjective is placeAdjectives for one word.
func (f *Fuzzy) placeAdjective(word string) (Hit, bool) {
	for _, u := range ukPlaceOf {
		suffix := u.suffix
		i := strings.LastIndex(word, suffix)
		if i <= 0 {
			continue
		}
		stem, end := word[:i], word[i+len(suffix):]
		ruEnd, ok := ukAdjEnding(end)
		if !ok {
			continue
		}
		for _, p := range u.ends {
			for _, el := range f.rightEntries("uk", FoldName(stem+p)) {
				idx := int32(el & entryMask)
				e := f.entry(idx)
				if e.Type() != "place" || !hasRightForm(e, "uk", stem+p) {
					continue
				}
				if adj, ok := russianAdjective(e.Preferred("ru"), ruEnd); ok {
					h := f.hitFor(idx, word, "ru", 1, confSpelling)
					h.Suggestion = capitalLike(adj, word)
					return h, true
				}
			}
		}
	}
	return Hit{}, false
}

// ukAdjEnding is the Russian ending for the Ukrainian ending end.
func ukAdjEnding(end string) (string, bool) {
	for _, e := range ukAdjEnds {
		if end == e[0] {
			return e[1], true
		}
	}
	return "", false
}

// russianAdjective forms the adjective of the Russian place name place
// with the ending end (after -ск-), as the Russian word list knows it:
// Харьков-ская, Полтав-ская, Сум-ская (Сумы), Одес-ская (Одесса),
// Луганск-ая, Винниц-кая, Донецк-ая.
func russianAdjective(place, end string) (string, bool) {
	if place == "" || strings.ContainsAny(place, " -") {
		return "", false
	}
	stems := []string{place}
	if r := []rune(place); strings.ContainsRune("аяыиь", r[len(r)-1]) {
		stems = append(stems, string(r[:len(r)-1]))
	}
	words := lexicon.For("ru")
	for _, s := range stems {
		var adj string
		switch {
		case hasSuffixFold(s, "ск") || hasSuffixFold(s, "цк"):
			adj = s + end
		case hasSuffixFold(s, "с") || hasSuffixFold(s, "ц"):
			adj = s + "к" + end
		default:
			adj = s + "ск" + end
		}
		if words.Has(adj) {
			return adj, true
		}
	}
	return "", false
}

// hasRightForm reports whether form is a right form of e in lang, as the
// glossary writes it.
func hasRightForm(e entryRef, lang, form string) bool {
	for _, t := range e.Terms() {
		if t.Lang == lang && isRight(t.Status) && t.Form == form {
			return true
		}
	}
	return false
}
