package names

import "testing"

// An English place name is no word of a German text: "Syria" there is the
// English form of Syrien, carried over untranslated, and as certain a wrong
// form as an English person's name, although English lists it among its
// common proper words. The German forms are right.
func TestEnglishPlaceNamesInGermanText(t *testing.T) {
	place := func(key, en, de string) Entry {
		e := person(key, "en", en, "de", de)
		e.Type = "place"
		return e
	}
	f := NewFuzzy([]Entry{place("syria", "Syria", "Syrien"), place("crimea", "Crimea", "Krim"), place("vienna", "Vienna", "Wien")})
	checkCases(t, f, "de", []checkCase{
		{"Die Gespräche über Syria und die Crimea fanden in Vienna statt.", []string{"Syria→Syrien", "Crimea→Krim", "Vienna→Wien"}},
		{"Die Gespräche über Syrien und die Krim fanden in Wien statt.", nil},
	})
	checkCases(t, f, "en", []checkCase{
		{"The talks on Syria and Crimea took place in Vienna.", nil},
	})
}

// A place's name romanized from Russian is a wrong form in an English text
// whose glossary writes it from Ukrainian: "Kiev" (Киев) where the glossary
// has Kyiv (Київ), "Kharkov" where it has Kharkiv.
func TestRussianSpellingOfUkrainianPlaces(t *testing.T) {
	place := func(key, en, ru, uk string) Entry {
		e := person(key, "en", en, "ru", ru, "uk", uk)
		e.Type = "place"
		return e
	}
	f := NewFuzzy([]Entry{place("kyiv", "Kyiv", "Киев", "Київ"), place("kharkiv", "Kharkiv", "Харьков", "Харків")})
	checkCases(t, f, "en", []checkCase{
		{"The delegation travelled from Kiev to Kharkov by train.", []string{"Kiev→Kyiv", "Kharkov→Kharkiv"}},
		{"The delegation travelled from Kyiv to Kharkiv by train.", nil},
	})
}
