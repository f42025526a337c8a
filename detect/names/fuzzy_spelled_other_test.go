package names

import "testing"

// TestSpelledOnlyElsewhere: a word that is letter for letter how the other
// of Russian and Ukrainian writes a glossary name is a wrong form, although
// the text's lexicon lists it as a proper name (Хоффман beside Гофман in
// Ukrainian) or the index, which romanizes each language by its own
// schemes, holds no exact variant of it (Ukrainian Бердичеві in Russian).
// The people and places are outside the quality corpora.
func TestSpelledOnlyElsewhere(t *testing.T) {
	place := func(key, en, ru, uk string) Entry {
		e := person(key, "en", en, "ru", ru, "uk", uk)
		e.Type = "place"
		return e
	}
	f := NewFuzzy([]Entry{
		person("hoffman", "en", "Dustin Hoffman", "ru", "Дастин Хоффман", "uk", "Дастін Гофман"),
		person("ganz", "en", "Bruno Ganz", "ru", "Бруно Ганц", "uk", "Бруно Ганц"),
		place("berdychiv", "Berdychiv", "Бердичев", "Бердичів"),
		place("chernihiv", "Chernihiv", "Чернигов", "Чернігів"),
	})
	checkCases(t, f, "uk", []checkCase{
		{"Фільм зняли з Дастіном Гофманом. Хоффман отримав премію.", []string{"Хоффман→Гофман"}},
		{"Фільм зняли з Дастіном Гофманом. Гофман отримав премію.", nil},
		{"Роль зіграв Ганс, а не Ганц.", nil}, // a name of the lexicon one letter off, no spelling of the other language
		{"Виставка відкрилася у Бердичеві й Чернігові.", nil},
	})
	checkCases(t, f, "ru", []checkCase{
		{"Выставка открылась в Бердичеві и в Чернігові.", []string{"Бердичеві→Бердичеве", "Чернігові→Чернигове"}},
		{"Выставка открылась в Бердичеве и в Чернигове.", nil},
	})
}
