package names

import (
	"unicode/utf8"

	"lector/detect/lexicon"
)

// Ukrainian places in -о that decline. A foreign name in -о does not
// (Осло, Токіо, Мехіко), a Slavic one does, as a masculine or neuter noun
// of the second declension: Дніпро → Дніпра, Дніпру, Дніпром, Дніпрі;
// Косово → Косові. The spelling does not tell them apart; the Ukrainian
// word list does, which lists the locative and instrumental of those that
// decline as proper nouns (and "ослі", "ослом" only as a donkey's, in
// lower case). The tables (caseEnding) leave every word in -о alone; the
// suggestion of such a place takes these forms, in the case a run read
// as a word in a consonant shows (Russian "Днепре": the locative Дніпрі).

// ukOPlaceStem is the stem of a Ukrainian place in -о after a consonant
// that the word list declines; "" for any other word.
func ukOPlaceStem(word, lang string, g gender) string {
	if lang != "uk" || g != genderNone || utf8.RuneCountInString(word) < 4 {
		return ""
	}
	stem, ok := cutSuffixFold(word, "о")
	if !ok || !isCyrillicConsonant(lastLower(stem)) {
		return ""
	}
	lex := lexicon.For("uk")
	for _, end := range [...]string{"і", "ом"} {
		if f := stem + caseLike(end, word); !lex.Has(f) || lex.Common(f) {
			return ""
		}
	}
	return stem
}

// ukOPlaceForms are the forms of such a place with their cases.
func ukOPlaceForms(word, stem string) []labelledForm {
	return []labelledForm{
		{word, caseNom | caseAcc},
		{stem + caseLike("а", word), caseGen},
		{stem + caseLike("у", word), caseDat},
		{stem + caseLike("ові", word), caseDat},
		{stem + caseLike("ом", word), caseIns},
		{stem + caseLike("і", word), caseLoc},
	}
}
