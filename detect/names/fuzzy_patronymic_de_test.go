package names

import "testing"

// TestGermanPatronymics: the English patronymic inside a mangled name of a
// German text is suggested as Duden writes it; a right German name with its
// German patronymic is left alone. The people are outside the quality
// corpora.
func TestGermanPatronymics(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("dostoevsky", "en", "Fyodor Dostoevsky", "de", "Fjodor Dostojewski", "ru", "Фёдор Достоевский"),
		person("tereshkova", "en", "Valentina Tereshkova", "de", "Walentina Tereschkowa", "ru", "Валентина Терешкова"),
	})
	checkCases(t, f, "de", []checkCase{
		{"Der Roman von Fyodor Mikhaylovich Dostoyevsky erschien 1866.",
			[]string{"Fyodor Mikhaylovich Dostoyevsky→Fjodor Michailowitsch Dostojewski"}},
		{"Die Kosmonautin Valentina Vladimirovna Tereshkova flog 1963.",
			[]string{"Valentina Vladimirovna Tereshkova→Walentina Wladimirowna Tereschkowa"}},
		{"Der Roman von Fjodor Michailowitsch Dostojewski erschien 1866.", nil},
	})
}
