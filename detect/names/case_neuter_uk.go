package names

import "unicode/utf8"

// Ukrainian neuter nouns in -я after a doubled consonant or an apostrophe
// (Запоріжжя, Полісся, Закарпаття, Поділля, Придністров'я) decline as
// neuters, not as feminine nouns in -я: the genitive is the nominative's
// form, the dative -ю, the instrumental -ям, the locative -і (у
// Запоріжжі). Russian spells the same names in -ье (Запорожье,
// Закарпатье), and MT leaves them in the text: a Russian -ье is a
// neuter's nominative or accusative (or, after в and на, its locative,
// which a preposition alone does not tell from the accusative), never the
// dative of a feminine noun in -я, so the suggestion is the nominative
// (Запоріжжя), not the nearer-spelled Запоріжжі.

// ukNeuterPlace reports whether word, a place's Ukrainian form, is such a
// neuter.
func ukNeuterPlace(word, lang string, g gender) bool {
	if lang != "uk" || g != genderNone || lastLower(word) != 'я' || utf8.RuneCountInString(word) < 5 {
		return false
	}
	r := []rune(word)
	a, b := cyrillicLower(r[len(r)-3]), cyrillicLower(r[len(r)-2])
	return a == b && isCyrillicConsonant(a) || isApostrophe(b)
}

// ukNeuterForms are the forms of such a neuter with their cases.
func ukNeuterForms(word string) []labelledForm {
	stem := word[:len(word)-len("я")]
	return []labelledForm{
		{word, caseNom | caseAcc | caseGen},
		{stem + caseLike("ю", word), caseDat},
		{stem + caseLike("ям", word), caseIns},
		{stem + caseLike("і", word), caseLoc},
	}
}

// ruNeuterShown is the cases a Russian neuter's ending in -ье shows.
func ruNeuterShown(like string) caseMask {
	switch {
	case hasSuffixFold(like, "ье"):
		return caseNom | caseAcc
	case hasSuffixFold(like, "ья"):
		return caseGen
	case hasSuffixFold(like, "ью"):
		return caseDat
	case hasSuffixFold(like, "ьем"):
		return caseIns
	}
	return 0
}
