package names

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"lector/detect/lexicon"
)

// A Russian family name has a woman's form: the wife, daughter or sister of
// a man in the glossary writes his name with -a (Aitmatov → Aitmatova) or
// -aya (Tolstoy → Tolstaya, Kaspersky → Kasperskaya). Romanised, the woman's
// form is also the man's Russian genitive left by MT ("the books of
// Aitmatova"), which is why the fuzzy match flags it. After a given name
// that is none of the man's in any language or case ("Shirin Aitmatova",
// "Naina Yeltsina"), it names the woman: someone else, not a mangled form.
// A patronymic between ("Mikhail Borisovich Khodorkovskii") is no given
// name.

// isWomanRelative reports whether the one-word hit h on e (whose words lex
// knows) is the woman's form of e's family name after another given name.
func (f *Fuzzy) isWomanRelative(text, lang string, lex *lexicon.Lexicon, h Hit, e entryRef) bool {
	if lex.Lang() == "de" || isCyrillicLang(lang) || strings.Contains(h.Suggestion, " ") || !isWomansFormOf(h.Text, h.Suggestion) {
		return false
	}
	given, gap, _ := wordBefore(text, h.Start)
	return given != "" && gap == " " && f.isOtherGivenName(lex, given, lang) && !isGivenNameOf(e, given, lang)
}

// isOtherGivenName reports whether w may be a person's given name: a
// capitalised word that is no ordinary word of the language, no right form
// of a glossary name and no patronymic.
func (f *Fuzzy) isOtherGivenName(lex *lexicon.Lexicon, w, lang string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) || isAllUpperWord(w) || lex.Common(w) || isParticleWord(w) || isPatronymicWord(w) {
		return false
	}
	return len(f.rightEntries(lang, FoldName(w))) == 0
}

// turkicPatronymics are the words that follow an Azerbaijani, Kazakh or
// Uzbek patronymic ("Heydar Alirza oglu Aliyev"); isPatronymic
// (shape_parts.go) knows the East Slavic ones.
var turkicPatronymics = [...]string{"oglu", "ogly", "kyzy", "qizi", "uly", "uli"}

// isPatronymicWord reports whether w is a patronymic or a Turkic
// patronymic word.
func isPatronymicWord(w string) bool {
	folded := FoldName(w)
	return isPatronymic(folded) || slices.Contains(turkicPatronymics[:], folded)
}

// isWomansFormOf reports whether word is the woman's form of the man's
// family name family, romanised: -ov, -ev, -in, -yn take -a; an adjectival
// -sky, -skiy, -oy, -iy, -yi takes -aya.
func isWomansFormOf(word, family string) bool {
	w, fam := FoldName(word), FoldName(family)
	for _, end := range [...]string{"ov", "ev", "in", "yn"} {
		if strings.HasSuffix(fam, end) {
			return w == fam+"a"
		}
	}
	for _, end := range [...]string{"skiy", "skii", "skyi", "sky", "oy", "iy", "yi", "yy"} {
		if stem, ok := strings.CutSuffix(fam, end); ok {
			if strings.HasPrefix(end, "sk") {
				stem += "sk"
			}
			return w == stem+"aya"
		}
	}
	return false
}
