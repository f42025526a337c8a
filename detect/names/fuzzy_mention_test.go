package names

import "testing"

// A lone family name a letter off the person the text names in full is
// that person, even where it is, letter for letter, a romanized case form of
// another entry: "Kerenski" is Kerensky's French-press spelling and also
// Ukrainian Керенській, the dative of a namesake Oksana Kerenska. Without
// the full name in the text, the exact case form stands.
func TestLoneFamilyNameMeansTheMentionedPerson(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("kerensky", "en", "Oleksandr Kerensky", "uk", "Олександр Керенський"),
		person("kerenska", "en", "Oksana Kerenska", "uk", "Оксана Керенська"),
	})
	checkCases(t, f, "en", []checkCase{
		{"Oleksandr Kerensky arrived on Monday. Kerenski thanked his hosts.", []string{"Kerenski→Kerensky"}},
		{"Oksana Kerenska arrived on Monday. Kerenski thanked her hosts.", []string{"Kerenski→Kerenska"}},
		{"Kerenski thanked his hosts.", []string{"Kerenski→Kerenska"}},
		// Further than one edit or sound from the person named, the exact
		// form of the other entry stands.
		{"Oleksandr Kerensky arrived on Monday. He met Kerenskoyu there.", []string{"Kerenskoyu→Kerenska"}},
	})
}
