package names

import "strings"

// Patronymics the glossary's given names do not explain. The Russian and
// Ukrainian word lists hold the patronymics of each language (Григорьевич,
// Анатольевич; Григорович, Анатолійович), so a patronymic that is a word of
// the other language and none of the text's is that language's, left by MT
// ("Олександр Григорьевич Лукашенко" in Ukrainian). Its father's name is
// read back by the other language's rules, brought over by the endings the
// two languages' given names differ in (-ий, -ей / -ій; -ь), and the
// patronymic made again by the text's language's rules; of those readings
// the first that is a word of the text's language is the suggestion. The
// patronymics differ in more than their endings where the given names do
// (Олександр, Александр), and there the glossary's given names decide
// (patronymicFromGlossary).

// isOtherLanguagePatronymic reports a patronymic that the lexicon of the
// other East Slavic language lists and lang's does not.
func isOtherLanguagePatronymic(patr, lang, other string) bool {
	return !isLanguageWord(lang, patr) && isLanguageWord(other, patr)
}

// patronymicFromLexicon is the patronymic in lang of the father whose
// patronymic in other is patr, as lang's lexicon confirms it; "" when no
// reading is a word of lang.
func patronymicFromLexicon(patr, lang, other string, female bool) string {
	for _, c := range patronymicReadings(patr, lang, other, female) {
		if cyrFold(c) != cyrFold(patr) && isLanguageWord(lang, c) {
			return capitalLike(c, patr)
		}
	}
	return ""
}

// patronymicReadings are the candidate patronymics in lang for patr, a
// patronymic in other: the stem before the other language's ending with
// lang's endings, then the patronymics of the fathers' names brought over.
func patronymicReadings(patr, lang, other string, female bool) []string {
	var out []string
	for _, end := range [...]string{"ьевич", "еевич", "аевич", "йович", "ьович", "евич", "ович", "ьевна", "еевна", "ївна", "евна", "овна", "івна"} {
		if stem, ok := cutSuffixFold(patr, end); ok {
			if female {
				out = append(out, stem+pickLang(lang, "овна", "івна"), stem+pickLang(lang, "ьевна", "ьовна"))
			} else {
				out = append(out, stem+"ович", stem+pickLang(lang, "ьевич", "ьович"))
			}
			break
		}
	}
	for _, father := range patronymicFathers(patr, other) {
		for _, name := range givenNameAcross(father, lang) {
			if p := patronymicOf(name, lang, female); p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// givenNameAcross brings a given name over to lang by the endings Russian
// and Ukrainian given names differ in: Анатолий, Сергей / Анатолій,
// Сергій; Ukrainian і is Russian и in a name's stem (Віктор, Виктор).
func givenNameAcross(name, lang string) []string {
	switch lang {
	case "uk":
		for _, end := range [...]string{"ий", "ей"} {
			if stem, ok := cutSuffixFold(name, end); ok {
				return []string{stem + "ій", stem + "ь"}
			}
		}
	case "ru":
		name = strings.NewReplacer("і", "и", "І", "И", "ї", "йи", "є", "е", "ґ", "г").Replace(name)
		if stem, ok := cutSuffixFold(name, "ий"); ok {
			return []string{stem + "ий", stem + "ей"}
		}
		if stem, ok := cutSuffixFold(name, "ь"); ok {
			return []string{stem + "ий", name}
		}
	}
	return []string{name}
}

// pickLang is ru in Russian and uk in Ukrainian.
func pickLang(lang, ru, uk string) string {
	if lang == "uk" {
		return uk
	}
	return ru
}
