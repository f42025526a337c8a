package names

import "testing"

func TestDerivesFrom(t *testing.T) {
	for _, tc := range []struct {
		word, name string
		want       bool
	}{
		{"serbian", "serbia", true},
		{"argentine", "argentina", true},
		{"brazilian", "brazil", true},
		{"chinese", "china", true},
		{"israeli", "israel", true},
		{"trumpian", "trump", true},
		{"thatcherite", "thatcher", true},
		{"serbia", "serbia", false},   // the name itself is no derivation
		{"serbians", "serbia", false}, // a plural is not an adjective
		{"orbanom", "orban", false},   // a case ending is a slip in English
		{"iran", "iraq", false},       // a stem under four letters derives nothing
		{"musky", "musk", false},
	} {
		if got := derivesFrom(tc.word, tc.name); got != tc.want {
			t.Errorf("derivesFrom(%q, %q) = %v, want %v", tc.word, tc.name, got, tc.want)
		}
	}
}

// A demonym or adjective the dictionary holds is no mangled form of the
// place or person it derives from, even when the text names them; a slip
// of the name itself still is.
func TestDerivedWordsAreNotMangledNames(t *testing.T) {
	f := NewFuzzy([]Entry{
		{Key: "serbia", Type: "place", Terms: []Term{{Lang: "en", Form: "Serbia", Status: Preferred}}},
		{Key: "argentina", Type: "place", Terms: []Term{{Lang: "en", Form: "Argentina", Status: Preferred}}},
		person("trump", "en", "Donald Trump"),
	})
	checkCases(t, f, "en", []checkCase{{
		"Serbian president Aleksandar Vucic returned to Serbia. Argentine farmers met in Argentina. " +
			"Trumpian politics, said Donald Trump. Later Serbija and Argentinia answered.",
		[]string{"Serbija→Serbia", "Argentinia→Argentina"},
	}})
}
