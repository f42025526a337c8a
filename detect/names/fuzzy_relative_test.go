package names

import "testing"

// A romanization that is both the man's own Russian name and the Ukrainian
// dative of his wife's (Ковалевский and Ковалевській are both
// "Kovalevskiy" in BGN/PCGN) is his name spelled wrong in English, not a
// relative's name. A relative's form that is nothing else stays unflagged.
func TestOwnFormWinsOverRelativesForm(t *testing.T) {
	f := NewFuzzy([]Entry{person("kovalevsky", "en", "Oleh Kovalevsky", "ru", "Олег Ковалевский", "uk", "Олег Ковалевський")})
	checkCases(t, f, "en", []checkCase{
		{"Oleh Kovalevskiy said the talks would go on.", []string{"Oleh Kovalevskiy→Oleh Kovalevsky"}},
		{"Oleh Kovalevsky said the talks would go on.", nil},
		{"Maria Kovalevskaya said the talks would go on.", nil},
	})
}
