package names

import "testing"

// TestNearNameOfAnotherPerson: a near family name beside another proper
// given name, or followed by another name's family name, is someone else;
// the entry's own given name in any spelling or language, an ordinary word
// standing for it and a particle are no other person. The people are outside
// the quality corpora.
func TestNearNameOfAnotherPerson(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("marin", "en", "Sanna Marin", "de", "Sanna Marin", "ru", "Санна Марин", "uk", "Санна Марін"),
		person("nawrocki", "en", "Karol Nawrocki", "de", "Karol Nawrocki", "ru", "Кароль Навроцкий", "uk", "Кароль Навроцький"),
	})
	checkCases(t, f, "en", []checkCase{
		{"Prime minister Sanna Marin spoke in Helsinki.", nil},
		{"Prime minister Sana Marinn spoke in Helsinki.", []string{"Sana Marinn→Sanna Marin"}},
		{"The soprano Maria Marinn sang in Helsinki, where Sanna Marin listened.", nil},
		{"The pianist Marinn Lahtinen played for Sanna Marin.", nil},
		{"President Karol Nawrocky met Sanna Marin.", []string{"Karol Nawrocky→Karol Nawrocki"}},
		{"Karol Nawrocki thanked the Nawrocky Foundation for the prize.", []string{"Nawrocky→Nawrocki"}},
		{"Karol Nawrocki spoke first, and then Nawrocky Poland signed the treaty.", []string{"Nawrocky→Nawrocki"}},
	})
	checkCases(t, f, "uk", []checkCase{
		{"Прем'єрка Санна Марін виступила в Гельсінкі.", nil},
		{"Співачка Марія Маріна виступила в Гельсінкі, а Санна Марін слухала.", nil},
		{"Президент Карол Навроцкий зустрівся з Санною Марін.", []string{"Карол Навроцкий→Кароль Навроцький"}},
	})
}
