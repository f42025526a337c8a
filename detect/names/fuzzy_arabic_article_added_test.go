package names

import "testing"

// TestAddedArabicArticles: an Arabic article before a family name the
// glossary writes without one is flagged, with the given name before it
// when that is the person's; a name the glossary writes with its article
// and an article before a word that is no family name are left alone. The
// people are outside the quality corpora.
func TestAddedArabicArticles(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("mikati", "en", "Najib Mikati", "de", "Nadschib Mikati"),
		person("al-sadr", "en", "Muqtada al-Sadr", "de", "Muqtada al-Sadr"),
	})
	checkCases(t, f, "de", []checkCase{
		{"Regierungschef Nadschib al-Mikati trat zurück.", []string{"Nadschib al-Mikati→Nadschib Mikati"}},
		{"Danach sprach al-Mikati vor dem Parlament.", []string{"al-Mikati→Mikati"}},
		{"Der Geistliche Muqtada al-Sadr rief zu Protesten auf.", nil},
		{"Die Miliz al-Qaida bekannte sich.", nil},
	})
	checkCases(t, f, "en", []checkCase{
		{"Prime Minister Najib al-Mikati resigned.", []string{"Najib al-Mikati→Najib Mikati"}},
	})
}
