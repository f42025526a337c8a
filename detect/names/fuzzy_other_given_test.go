package names

import "testing"

// TestOtherPersonsGiven: a right family name after another given name of
// the language is another person (Лев, Андрей); a given name one or two
// edits off, or one the lexicon does not list, is still a wrong form of the
// entry's. The people are outside the quality corpora.
func TestOtherPersonsGiven(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("kovalchuk", "en", "Ilya Kovalchuk", "ru", "Илья Ковальчук", "uk", "Ілля Ковальчук"),
		person("bubka", "en", "Sergey Bubka", "ru", "Сергей Бубка", "uk", "Сергій Бубка"),
	})
	checkCases(t, f, "ru", []checkCase{
		{"Болельщики вспомнили Льва Ковальчука.", nil},
		{"Прыжок показал Андрей Бубка.", nil},
		{"Болельщики вспомнили Илью Ковальчука.", nil},
		{"Шайбу забросил Ілля Ковальчук.", []string{"Ілля Ковальчук→Илья Ковальчук"}},
		{"Прыжок показал Сергій Бубка.", []string{"Сергій Бубка→Сергей Бубка"}},
	})
}
