package names

import "testing"

// TestDudenPlaces: a place's Russian or Ukrainian name transliterated the
// German way, in a German text that names the place nowhere else, is that
// place; the German name, a word of the language and a text in another
// language are left alone. The places are outside the quality corpora.
func TestDudenPlaces(t *testing.T) {
	place := func(key, de, ru, uk string) Entry {
		return Entry{Key: key, Type: "place", Terms: []Term{
			{Lang: "de", Form: de, Status: Preferred}, {Lang: "en", Form: de, Status: Preferred},
			{Lang: "ru", Form: ru, Status: Preferred}, {Lang: "uk", Form: uk, Status: Preferred}}}
	}
	f := NewFuzzy([]Entry{
		place("sweden", "Schweden", "Швеция", "Швеція"),
		place("denmark", "Dänemark", "Дания", "Данія"),
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
