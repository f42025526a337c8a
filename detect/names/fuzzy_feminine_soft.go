package names

// Russian declines a noun in -ь two ways: masculine (Брюссель, Брюсселя,
// Брюсселем) and feminine (Беларусь, Беларуси, Беларусью; Пермь, Сибирь,
// Тверь). The spelling does not tell which, so a place in -ь has the
// forms of both: its feminine genitive, dative and locative in -и and
// instrumental in -ью are right forms, not misspellings of the nominative.
// A person's name in -ь is masculine (Игорь, Гоголь) and keeps the table's
// forms alone.

// feminineSoftForms is the feminine -и and -ью forms of a Russian word in
// -ь, in that order; nil for any other word.
func feminineSoftForms(word string) []string {
	if !hasSuffixFold(word, "ь") || len([]rune(word)) < 3 {
		return nil
	}
	return withEnding(nil, word, 1, "и", "ью")
}
