package names

import "testing"

// TestPatronymicFromLexicon: a patronymic that is a word of the other of
// Russian and Ukrainian and none of the text's is flagged although the
// glossary holds no given name of the father, and the text's language's
// patronymic that its word list holds is suggested. A patronymic both
// languages write alike is right. The people are outside the quality
// corpora.
func TestPatronymicFromLexicon(t *testing.T) {
	entries := []Entry{
		person("kolomoisky", "en", "Ihor Kolomoisky", "ru", "Игорь Коломойский", "uk", "Ігор Коломойський"),
		person("medvedchuk", "en", "Viktor Medvedchuk", "ru", "Виктор Медведчук", "uk", "Віктор Медведчук"),
	}
	f, m := NewFuzzy(entries), NewMatcher(entries)
	checkOneHit(t, f, m, []oneHitCase{
		{"Про це заявив Ігор Валерьевич Коломойський.", "uk", "Валерьевич", "Валерійович"},
		{"Об этом заявил Игорь Валерійович Коломойский.", "ru", "Валерійович", "Валерьевич"},
		{"Про це заявив Ігор Валерійович Коломойський.", "uk", "", ""},
		{"Про це заявив Ігор Сергеевич Коломойський.", "uk", "Сергеевич", "Сергійович"},
		{"Про це заявив Ігор Григорьевич Коломойський.", "uk", "Григорьевич", "Григорович"},
		{"Об этом заявил Игорь Григорович Коломойский.", "ru", "Григорович", "Григорьевич"},
		{"Об этом заявил Виктор Михайлович Медведчук.", "ru", "", ""}, // a word of both languages
		{"Про це заявив Віктор Петрович Медведчук.", "uk", "", ""},
	})
}
