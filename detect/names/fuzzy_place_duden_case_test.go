package names

import "testing"

// TestDudenDeclinedPlaces: a place's Russian or Ukrainian name in an oblique
// case, transliterated the German way, is that place in its German form;
// the German name, the nominative read back (dudenPlaces' own case), a
// word that only ends like a case and a text in another language are left
// alone. The places are outside the quality corpora.
func TestDudenDeclinedPlaces(t *testing.T) {
	f := NewFuzzy([]Entry{
		dudenTestPlace("iceland", "Island", "Исландия", "Ісландія"),
		dudenTestPlace("krakow", "Krakau", "Краков", "Краків"),
	})
	checkCases(t, f, "de", []checkCase{
		{"Der Minister reiste nach Islandiju.", []string{"Islandiju→Island"}},
		{"Die Konferenz in Islandii endete gestern.", []string{"Islandii→Island"}},
		{"Die Konferenz in Krakowe endete gestern.", []string{"Krakowe→Krakau"}},
		{"Er kam mit dem Zug aus Krakowa zurück.", []string{"Krakowa→Krakau"}},
		{"Die Konferenz in Krakau endete gestern.", nil},
		{"Die Konferenz in Krakowitz endete gestern.", nil},
	})
	checkCases(t, f, "en", []checkCase{
		{"The minister went to Krakowe.", nil},
	})
}

// TestDudenOldSpellings: a word the German word list holds is the place when
// it is the Duden reading of the place's Russian name and within two edits
// of the glossary's form: the list keeps an older or other spelling, and the
// glossary (here one that writes the English Baghdad) says which the
// newsroom wants. The places are outside the quality corpora.
func TestDudenOldSpellings(t *testing.T) {
	f := NewFuzzy([]Entry{deRuPlace("baghdad", "Baghdad", "Багдад")})
	checkCases(t, f, "de", []checkCase{
		{"Der Minister flog nach Bagdad weiter.", []string{"Bagdad→Baghdad"}},
		{"Der Minister flog nach Baghdad weiter.", nil},
	})
}
