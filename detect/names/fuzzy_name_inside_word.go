package names

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// A word that holds a whole name and goes on is a name in a case only where
// what follows is a case ending: "Trumpom", "Bajdena", "Putinova". MT from
// Serbian writes places in their case too ("San Francisku", the locative of
// San Francisko), and a word that is the name Francis and then "ku" is that
// other word, not the pope: a case ending is put on the name, not on the
// name and a letter more. withoutNameInWord drops the single-word fuzzy
// hits on a person, in a Latin-script text, whose word is the suggested name
// (folded) followed by two letters or more that are no case ending of the
// Slavic languages written in Latin script nor a genitive or possessive.

// caseTails are the endings a declined name carries after its right form:
// the Serbian, Croatian, Polish, Czech and romanized Russian and Ukrainian
// case and possessive endings (fuzzy_gaj_latin.go, fuzzy_polish_case.go,
// fuzzy_indeclinable_latin.go, inflectionStems), and the German and English
// genitive.
var caseTails = [...]string{
	"ovom", "ovoj", "ovih", "ovim", "evom", "evoj", "evih", "evim", "inom", "inoj", "inih", "inim",
	"ova", "ovu", "ove", "ovi", "ovo", "eva", "evu", "eve", "evi", "evo", "ina", "inu", "ine", "ini", "ino",
	"yem", "iem", "jem", "jom", "oyu", "eyu", "ogo", "ego", "omu", "emu", "ens",
	"om", "em", "ym", "im", "oy", "ey", "oj", "ej", "yu", "ju", "ya", "ja", "je", "ji", "ov", "ev", "in",
	"owie", "owej", "owym", "ovou", "owi", "owa", "ową", "ové", "ach", "ami", "ów",
	"es", "'s", "’s",
}

// minInsideTail is the fewest letters after the name read as another word:
// one letter is a case ending or a slip of the name's own ("Bidena").
const minInsideTail = 2

// withoutNameInWord drops the hits of hits that are another word
// holding the suggested name.
func withoutNameInWord(text, lang string, hits []Hit) []Hit {
	if !latinSpellingLang(lang) {
		return hits
	}
	return slices.DeleteFunc(hits, func(h Hit) bool {
		if h.Check != CheckFuzzy || h.EntryType != "person" || strings.ContainsAny(h.Text, " \u00a0") ||
			strings.ContainsAny(h.Suggestion, " \u00a0") || IsCyrillic(h.Text) {
			return false
		}
		word, name := FoldName(h.Text), FoldName(h.Suggestion)
		tail, ok := strings.CutPrefix(word, name)
		if !ok || utf8.RuneCountInString(tail) < minInsideTail {
			return false
		}
		return !slices.Contains(caseTails[:], tail)
	})
}
