package names

import "testing"

// TestRespacedTakesTheFormsLetters holds that a name joined back from a
// split keeps the glossary's apostrophe and diacritics. The people are
// outside the quality corpora.
func TestRespacedTakesTheFormsLetters(t *testing.T) {
	entries := []Entry{
		person("obrien", "en", "Conan O'Brien", "de", "Conan O'Brien"),
	}
	checkOneHitAmong(t, entries, []oneHitCase{
		{"Gestern sprach Conan O Brien lange.", "de", "Conan O Brien", "Conan O'Brien"},
		{"Yesterday Conan O Brien spoke.", "en", "Conan O Brien", "Conan O'Brien"},
		{"Gestern sprach Conan O'Brien lange.", "de", "", ""},
	})
}
