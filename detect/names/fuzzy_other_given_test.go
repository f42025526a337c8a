package names

import "testing"

// TestOtherPersonsGiven: a right family name after another given name of
// the language is another person (Лев, Андрей); a given name one or two
// edits off, or one the lexicon does not list, is still a wrong form of the
// entry's. The people are outside the quality corpora.
func TestOtherPersonsGiven(t *testing.T) {
	checkOneHitAmong(t, []Entry{
		person("kovalchuk", "en", "Ilya Kovalchuk", "ru", "Илья Ковальчук", "uk", "Ілля Ковальчук"),
		person("bubka", "en", "Sergey Bubka", "ru", "Сергей Бубка", "uk", "Сергій Бубка"),
	}, []oneHitCase{
		{"Болельщики вспомнили Льва Ковальчука.", "ru", "", ""},
		{"Прыжок показал Андрей Бубка.", "ru", "", ""},
		{"Болельщики вспомнили Илью Ковальчука.", "ru", "", ""},
		{"Шайбу забросил Ілля Ковальчук.", "ru", "Ілля Ковальчук", "Илья Ковальчук"},
		{"Прыжок показал Сергій Бубка.", "ru", "Сергій Бубка", "Сергей Бубка"},
	})
}
