package names

import (
	"strings"
	"unicode/utf8"
)

// Oblique cases of a Cyrillic name word. A Russian source says "встретился с
// Байденом", "биография Трампа"; MT then transliterates the inflected word and
// the English text gets "Baydenom" or "Trampa". Generating the oblique forms of
// every glossary name before transliteration lets Fuzzy recognise them.
//
// Only the declension of masculine personal names is modelled (the glossary
// is mostly people); feminine -a names share the -a/-я pattern.

// caseEnding replaces the last `drop` runes of a word with one of `add`.
type caseEnding struct {
	suffix string   // nominative ending that selects the pattern; "" = consonant
	drop   int      // runes removed from the nominative
	add    []string // gen, dat, acc, instr, prep (duplicates are fine)
}

// ruEndings is tried top to bottom; the first pattern whose suffix matches
// wins. Immutable lookup table.
var ruEndings = []caseEnding{
	// Adjectival surnames decline like adjectives: Зеленский → Зеленского,
	// Навальный → Навального, Толстой → Толстого.
	{"ский", 2, []string{"ого", "ому", "им", "ом"}},
	{"цкий", 2, []string{"ого", "ому", "им", "ом"}},
	{"ый", 2, []string{"ого", "ому", "ым", "ом"}},
	{"ской", 2, []string{"ого", "ому", "им", "ом"}},
	{"ий", 2, []string{"ия", "ию", "ием", "ии"}}, // Юрий
	{"й", 1, []string{"я", "ю", "ем", "е"}},      // Милей
	{"ь", 1, []string{"я", "ю", "ем", "е"}},      // Игорь
	{"ка", 1, []string{"и", "е", "у", "ой"}},     // Микита-like -ка: и after к, г, х
	{"га", 1, []string{"и", "е", "у", "ой"}},     // Вега
	{"ха", 1, []string{"и", "е", "у", "ой"}},     //
	{"жа", 1, []string{"и", "е", "у", "ей"}},     // after a sibilant и, and an unstressed е: Польша → Польши, Польшей
	{"ша", 1, []string{"и", "е", "у", "ей"}},     //
	{"ча", 1, []string{"и", "е", "у", "ей"}},     //
	{"ща", 1, []string{"и", "е", "у", "ей"}},     //
	{"ца", 1, []string{"ы", "е", "у", "ей"}},     // Ницца → Ниццы, Ниццей
	{"а", 1, []string{"ы", "е", "у", "ой"}},      // Никита
	{"я", 1, []string{"и", "е", "ю", "ей"}},      // Илья
	{"ов", 0, []string{"а", "у", "ым", "е"}},     // Песков → Песковым
	{"ев", 0, []string{"а", "у", "ым", "е"}},     //
	{"ин", 0, []string{"а", "у", "ым", "е"}},
	{"ёв", 0, []string{"а", "у", "ым", "е"}}, // Хрущёв → Хрущёвым     // Путин → Путиным
	// The е of -ец drops (Лубинец → Лубинца); surnames may keep it (Лубинеца).
	{"ец", 2, []string{"ца", "цу", "цем", "це", "цом", "еца", "ецу", "ецем", "еце"}},
	{"ын", 0, []string{"а", "у", "ым", "е"}}, //
	{"", 0, []string{"а", "у", "ом", "е"}},   // Трамп
}

// ukEndings follows the same patterns with Ukrainian endings (dative -ові,
// locative -і), e.g. Трамп → Трампа, Трампові, Трампом, Трампові/Трампу.
var ukEndings = []caseEnding{
	{"ський", 2, []string{"ого", "ому", "им"}}, // Зеленський → Зеленського
	{"цький", 2, []string{"ого", "ому", "им"}},
	{"ний", 2, []string{"ого", "ому", "им"}}, // Залужний → Залужного
	{"ий", 2, []string{"ого", "ому", "им"}},  // every -ий is an adjective's: Садовий → Садового
	// The е of -ець drops (Лубінець → Лубінця); surnames may keep it (Лубінеця).
	{"ець", 3, []string{"ця", "цю", "цеві", "цем", "ці", "еця", "ецю", "ецеві", "ецем", "еці"}},
	{"ій", 2, []string{"ія", "ію", "ієві", "ієм", "ії"}},
	{"й", 1, []string{"я", "ю", "єві", "єм", "ї"}},
	{"ь", 1, []string{"я", "ю", "еві", "ем", "і"}},
	{"жа", 1, []string{"і", "у", "ею"}}, // the mixed group: Польща → Польщі, Польщею
	{"ша", 1, []string{"і", "у", "ею"}},
	{"ча", 1, []string{"і", "у", "ею"}},
	{"ща", 1, []string{"і", "у", "ею"}},
	{"ка", 2, []string{"ки", "ці", "ку", "кою"}}, // к, г, х alternate before і: Аляска → Алясці
	{"га", 2, []string{"ги", "зі", "гу", "гою"}}, // Прага → Празі, Ольга → Ользі
	{"ха", 2, []string{"хи", "сі", "ху", "хою"}},
	{"а", 1, []string{"и", "і", "у", "ою"}},
	{"я", 1, []string{"і", "ю", "ею"}},
	{"ов", 0, []string{"а", "у", "ові", "им", "і"}},
	{"ін", 0, []string{"а", "у", "ові", "им", "і"}},
	{"", 0, []string{"а", "у", "ові", "ом", "і", "е"}},
}

// srEndings are Serbian's (Cyrillic): -а nouns take -е, -и, -у, -ом
// (Русија → Русије, Русији, Кина → Кином), consonant stems -а, -у, -ом or
// -ем after a soft consonant (Вучић → Вучића, Вучићем; Макрон → Макроном).
var srEndings = []caseEnding{
	{"а", 1, []string{"е", "и", "у", "ом"}},
	{"ћ", 0, []string{"а", "у", "ем", "и"}},
	{"ч", 0, []string{"а", "у", "ем", "и"}},
	{"ј", 0, []string{"а", "у", "ем", "и"}},
	{"", 0, []string{"а", "у", "ом", "ем", "е"}},
}

// endingsFor is the declension table of a Cyrillic language: Ukrainian's,
// Serbian's, and Russian's for the others (Belarusian declines nearly as
// Russian does).
func endingsFor(lang string) []caseEnding {
	switch lang {
	case "uk":
		return ukEndings
	case "sr", "sr-Cyrl", "sr-cyrl":
		return srEndings
	}
	return ruEndings
}

// indeclinableEnds are nominative endings of words that do not decline in
// Russian or Ukrainian: Болсонару, Шойгу, Пиночет is not one but Гюго is.
const indeclinableEnds = "уюоеиіыэєї"

// CaseForms returns the oblique-case forms of one Cyrillic name word in lang
// ("ru" or "uk"), without the nominative and without duplicates. Words that
// do not decline, or are not Cyrillic, give nil.
func CaseForms(word, lang string) []string {
	endings := endingsFor(lang)
	last, _ := utf8.DecodeLastRuneInString(word)
	lowerLast := cyrillicLower(last)
	if utf8.RuneCountInString(word) < 2 || lowerLast < cyrBase || lowerLast >= cyrBase+cyrSpan ||
		strings.ContainsRune(indeclinableEnds, lowerLast) {
		return nil
	}
	upper := isAllUpperWord(word)
	for _, e := range endings {
		if e.suffix != "" && !hasSuffixFold(word, e.suffix) {
			continue
		}
		if lang != "ru" && lang != "uk" && isRussianSibilantRow(e.suffix) {
			continue // Russian spelling: Belarusian writes Польшчы, not Польшчи
		}
		if e.suffix == "" && !isCyrillicConsonant(lowerLast) {
			return nil
		}
		stem := word
		for range e.drop {
			_, size := utf8.DecodeLastRuneInString(stem)
			stem = stem[:len(stem)-size]
		}
		add := e.add
		if lang == "uk" && e.suffix == "я" && ukIotatedYa(word) {
			// After і, ь or the apostrophe the endings are iotated:
			// Франція → Франції, Францією (case_iotated_uk.go).
			add = []string{"ї", "ю", "єю"}
		}
		if e.suffix == "" && takesSoftEndings(lang, lowerLast) {
			// Unstressed -ем after sibilants: Ходжем; Ukrainian also
			// -еві and the locative -і: Парижеві, Парижі.
			add = []string{"а", "у", "ем", "е"}
			if lang == "uk" {
				add = []string{"а", "у", "еві", "ем", "і", "е"}
			}
		}
		out := make([]string, 0, len(add))
		for _, a := range add {
			if upper {
				a = strings.ToUpper(a)
			}
			f := stem + a
			if lang == "uk" && e.suffix == "" && (a == "і" || a == "І") {
				f = ukVelarLocative(word, f)
			}
			if f != word && !containsString(out, f) {
				out = append(out, f)
			}
		}
		return out
	}
	return nil
}

// takesSoftEndings is whether a name in the consonant last takes -ем (and
// Ukrainian -еві) where other consonants take -ом (-ові): after a sibilant
// in both languages (Ходжем, Товкачем, Парижеві), and after ц in Russian
// only (Шольцем). Ukrainian ц is hard, as in палац → палацом: "з Олафом
// Шольцом", "Шольцові".
func takesSoftEndings(lang string, last rune) bool {
	if lang == "uk" {
		return strings.ContainsRune("жшчщ", last)
	}
	return strings.ContainsRune("жшчщц", last)
}

// ukVelarLocative is the Ukrainian locative of a masculine word in a
// consonant, given loc, its locative in -і: a stem in к takes -у (у
// Мінську, у Нью-Йорку), and г, х alternate before -і (у Гамбурзі, у
// Цюрисі); "Мінські" and "Гамбургі" are no Ukrainian forms.
func ukVelarLocative(word, loc string) string {
	last, size := utf8.DecodeLastRuneInString(word)
	switch cyrillicLower(last) {
	case 'к':
		return word + caseLike("у", word)
	case 'г':
		return word[:len(word)-size] + caseLike("зі", word)
	case 'х':
		return word[:len(word)-size] + caseLike("сі", word)
	}
	return loc
}

// caseLike is ending in capitals when word is written in capitals.
func caseLike(ending, word string) string {
	if isAllUpperWord(word) {
		return strings.ToUpper(ending)
	}
	return ending
}

// isRussianSibilantRow reports the rows of ruEndings that follow Russian
// spelling after a sibilant, which the other Cyrillic languages declined
// by the Russian table (Belarusian, Macedonian, Serbian) do not share.
func isRussianSibilantRow(suffix string) bool {
	switch suffix {
	case "жа", "ша", "ча", "ща", "ца":
		return true
	}
	return false
}

// hasSuffixFold reports whether word ends with the lowercase Cyrillic
// suffix, ignoring the case of word.
func hasSuffixFold(word, suffix string) bool {
	for suffix != "" {
		r, n := utf8.DecodeLastRuneInString(word)
		s, m := utf8.DecodeLastRuneInString(suffix)
		if n == 0 || cyrillicLower(r) != s {
			return false
		}
		word, suffix = word[:len(word)-n], suffix[:len(suffix)-m]
	}
	return true
}

func isCyrillicConsonant(r rune) bool {
	return strings.ContainsRune("бвгґджзклмнпрстфхцчшщђјљњћџ", r)
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
