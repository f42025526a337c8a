package names

import (
	"strings"
	"unicode/utf8"
)

// A lone capitalised word must be a glossary variant exactly to be flagged
// without the article naming the person (checkRunAt): most such words open
// a sentence. A word in a Latin text ending in a romanized Russian or
// Ukrainian adjectival genitive (-ogo, -ego, -oho, -eho: "Nawalnogo",
// "Selenskoho") is, in German or English, no word of the language and
// nearly always a surname left in its Russian case by MT, so a near miss
// (one edit or one sound off a generated form, as the German convention's
// w for v makes "Nawalnogo" of Navalnogo) is enough there.

// minAdjectivalRunes is the shortest such word: Diego, Lego, Togo are not.
const minAdjectivalRunes = 7

// loneWordMinConf is the confidence a lone word of a Latin text needs to be
// flagged without the text naming the person.
func loneWordMinConf(word, lang string) float64 {
	if isCyrillicLang(lang) || utf8.RuneCountInString(word) < minAdjectivalRunes || IsCyrillic(word) {
		return confGenerated
	}
	lower := strings.ToLower(word)
	for _, end := range [...]string{"ogo", "ego", "oho", "eho"} {
		if strings.HasSuffix(lower, end) {
			return confOneEditLong
		}
	}
	return confGenerated
}
