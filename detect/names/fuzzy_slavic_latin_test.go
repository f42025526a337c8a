package names

import "testing"

// Slavic Latin in an English text: c is ts where the word has a háček.
func TestSlavicLatinReading(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("scholz", "en", "Olaf Scholz", "ru", "Олаф Шольц"),
		person("cvetkovic", "en", "Mirko Tsvetkovich", "ru", "Мирко Цветкович"),
		{Key: "sochi", Type: "place", Terms: []Term{{Lang: "en", Form: "Sochi", Status: Preferred}, {Lang: "ru", Form: "Сочи", Status: Preferred}}},
	})
	checkCases(t, f, "en", []checkCase{
		{"Chancellor Olaf Šolc met the press.", []string{"Olaf Šolc→Olaf Scholz"}},
		{"Later Šolca was praised by Olaf Scholz.", []string{"Šolca→Scholz"}},
		{"Mirko Cvetković spoke.", []string{"Mirko Cvetković→Mirko Tsvetkovich"}},
		{"The Circus came to Sochi.", nil}, // no háček: c is c
	})
}
