package names

import "testing"

// TestHyphenLostPlace: two words that with a hyphen are a compound place of
// the glossary, in any case, are that place; two words that are not, or a
// place written right, are left alone. The places are outside the quality
// corpora.
func TestHyphenLostPlace(t *testing.T) {
	f := NewFuzzy([]Entry{
		ukPlace("pereiaslav", "Переяслав-Хмельницкий", "Переяслав-Хмельницький"),
		ukPlace("ust-kamenogorsk", "Усть-Каменогорск", "Усть-Каменогорськ"),
		ukPlace("kharkiv", "Харьков", "Харків"),
	})
	checkCases(t, f, "uk", []checkCase{
		{"Колона вийшла з Переяслав Хмельницького вранці.", []string{"Переяслав Хмельницького→Переяслав-Хмельницького"}},
		{"Делегація прибула в Усть Каменогорськ.", []string{"Усть Каменогорськ→Усть-Каменогорськ"}},
		{"Колона вийшла з Переяслав-Хмельницького вранці.", nil},
		{"Поїзд Харків Київ запізнився.", nil},
		{"У Харкові тихо.", nil},
		{"У Переяслав-Хмельницькому тихо.", nil},
	})
	checkCases(t, f, "ru", []checkCase{
		{"Делегация прибыла в Усть Каменогорск.", []string{"Усть Каменогорск→Усть-Каменогорск"}},
	})
}
