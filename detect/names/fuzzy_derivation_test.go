package names

import (
	"testing"

	"lector/detect/internal/enginetest"
)

func TestDerivesFrom(t *testing.T) {
	enginetest.Each2(t, "derivesFrom", derivesFrom, []enginetest.Case2[string, string, bool]{
		{A: "serbian", B: "serbia", Want: true},
		{A: "argentine", B: "argentina", Want: true},
		{A: "brazilian", B: "brazil", Want: true},
		{A: "chinese", B: "china", Want: true},
		{A: "israeli", B: "israel", Want: true},
		{A: "trumpian", B: "trump", Want: true},
		{A: "thatcherite", B: "thatcher", Want: true},
		{A: "serbia", B: "serbia", Want: false},   // the name itself is no derivation
		{A: "serbians", B: "serbia", Want: false}, // a plural is not an adjective
		{A: "orbanom", B: "orban", Want: false},   // a case ending is a slip in English
		{A: "iran", B: "iraq", Want: false},       // a stem under four letters derives nothing
		{A: "musky", B: "musk", Want: false},
	})
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
