package names

import (
	"strings"
	"unicode/utf8"

	"lector/detect/lexicon"
)

// A place name of several words opens with an adjective in Russian and
// Ukrainian (Нова Зеландія, Південна Корея, Саудовская Аравия), and the
// adjective declines as one, agreeing with the noun: до Нової Зеландії, у
// Новій Зеландії, Новую Зеландию. The noun table of CaseForms gives such a
// word noun endings (Нови, Новаи), so the right adjective forms were
// flagged. The word is taken for an adjective when its genitive as one is
// a word of the language (нової, южной), which no noun in -а passes.

// placeAdjectiveEnds: the feminine nominative ending, the runes to drop,
// and the oblique endings (genitive first: the one the lexicon is asked).
var placeAdjectiveEnds = map[string][]struct {
	suffix string
	drop   int
	add    []string
}{
	"uk": {
		{"ня", 1, []string{"ьої", "ій", "ю", "ьою"}}, // Верхня → Верхньої, Верхній
		{"а", 1, []string{"ої", "ій", "у", "ою"}},    // Нова → Нової, Новій, Нову, Новою
	},
	"ru": {
		{"яя", 2, []string{"ей", "юю", "ею"}}, // Верхняя → Верхней, Верхнюю
		{"ая", 2, []string{"ой", "ую", "ою"}}, // Новая → Новой, Новую
	},
}

// placeAdjectiveForms returns the oblique forms of word, a word of a place
// name before its last word, when it is a feminine adjective of lang (uk
// or ru); nil otherwise.
func placeAdjectiveForms(word, lang string) []string {
	rows := placeAdjectiveEnds[lang]
	if len(rows) == 0 || utf8.RuneCountInString(word) < 3 {
		return nil
	}
	upper := isAllUpperWord(word)
	for _, r := range rows {
		if !hasSuffixFold(word, r.suffix) {
			continue
		}
		stem := word
		for range r.drop {
			_, size := utf8.DecodeLastRuneInString(stem)
			stem = stem[:len(stem)-size]
		}
		if last, _ := utf8.DecodeLastRuneInString(stem); !isCyrillicConsonant(cyrillicLower(last)) {
			return nil
		}
		if !lexicon.For(lang).Has(strings.ToLower(stem) + r.add[0]) {
			return nil
		}
		out := make([]string, 0, len(r.add))
		for _, a := range r.add {
			if upper {
				a = strings.ToUpper(a)
			}
			out = append(out, stem+a)
		}
		return out
	}
	return nil
}
