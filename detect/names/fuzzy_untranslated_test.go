package names

import "testing"

// A form of another language left untranslated is a wrong form by itself:
// the English name in a German text, the German one in an English text.
// A word the German lexicon lists (Khomeini) is judged so only when the
// text names the person; a word that folds to the text's own form
// (Davutoglu, Zurich) is the entry's by its letters alone.
func TestUntranslatedForms(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("davutoglu", "en", "Ahmet Davutoglu", "de", "Ahmet Davutoğlu"),
		person("khomeini", "en", "Ruhollah Khomeini", "de", "Ruhollah Chomeini"),
		{Key: "zurich", Type: "place", Terms: []Term{
			{Lang: "en", Form: "Zurich", Status: Preferred}, {Lang: "de", Form: "Zürich", Status: Preferred}}},
	})
	checkCases(t, f, "de", []checkCase{
		{"Später sprach Davutoglu in Ankara.", []string{"Davutoglu→Davutoğlu"}},
		{"Später sprach Ahmet Davutoglu in Ankara.", []string{"Ahmet Davutoglu→Ahmet Davutoğlu"}},
		{"Ruhollah Chomeini kehrte zurück, und Khomeini sprach.", []string{"Khomeini→Chomeini"}},
		// The genitive of the German form is right, and the German
		// genitive of the English form is the German one's.
		{"Davutoğlus Rede war kurz.", nil},
		{"Ahmet Davutoğlu kam, und Davutoglus Rede war kurz.", []string{"Davutoglus→Davutoğlus"}},
		// A lexicon word with nobody named stays a word.
		{"Khomeini sprach.", nil},
	})
	checkCases(t, f, "en", []checkCase{
		{"The talks in Zürich went on.", []string{"Zürich→Zurich"}},
		{"The talks in Zurich went on.", nil},
		{"Ahmet Davutoğlu spoke.", []string{"Ahmet Davutoğlu→Ahmet Davutoglu"}},
	})
}
