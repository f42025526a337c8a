package names

import "testing"

// TestDudenPlaces: a place's Russian or Ukrainian name transliterated the
// German way, in a German text that names the place nowhere else, is that
// place; the German name, a word of the language and a text in another
// language are left alone. The places are outside the quality corpora.
func TestDudenPlaces(t *testing.T) {
	f := NewFuzzy([]Entry{
		dudenTestPlace("sweden", "Schweden", "Швеция", "Швеція"),
		dudenTestPlace("denmark", "Dänemark", "Дания", "Данія"),
	})
	checkCases(t, f, "de", []checkCase{
		{"Die Mannschaft spielte in Schwezija ein Turnier.", []string{"Schwezija→Schweden"}},
		{"Der Minister reiste nach Danija.", []string{"Danija→Dänemark"}},
		{"Die Mannschaft spielte in Schweden ein Turnier.", nil},
		{"Die Mannschaft spielte in Schwezia ein Turnier.", nil},
	})
	checkCases(t, f, "en", []checkCase{
		{"The team played in Schwezija.", nil},
	})
}

// dudenTestPlace is a place with the same form in German and English and its
// Russian and Ukrainian forms.
func dudenTestPlace(key, de, ru, uk string) Entry {
	return Entry{Key: key, Type: "place", Terms: []Term{
		{Lang: "de", Form: de, Status: Preferred}, {Lang: "en", Form: de, Status: Preferred},
		{Lang: "ru", Form: ru, Status: Preferred}, {Lang: "uk", Form: uk, Status: Preferred}}}
}

// deRuPlace is a place with a German and a Russian form only.
func deRuPlace(key, de, ru string) Entry {
	return Entry{Key: key, Type: "place", Terms: []Term{
		{Lang: "de", Form: de, Status: Preferred}, {Lang: "ru", Form: ru, Status: Preferred}}}
}
