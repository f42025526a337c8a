package names

import "testing"

// TestGermanDativePlural: a mangled plural place after "den" is suggested
// in the dative plural; after another word, and a masculine place after
// "den" (accusative), keep the glossary's form. The places are outside the
// quality corpora.
func TestGermanDativePlural(t *testing.T) {
	f := NewFuzzy([]Entry{deRuPlace("emirates", "Emirate", "Эмираты"), deRuPlace("iraq", "Irak", "Ирак")})
	checkCases(t, f, "de", []checkCase{
		{"Der Minister war in den Emiraty zu Gast.", []string{"Emiraty→Emiraten"}},
		{"Der Minister besuchte die Emiraty im Mai.", []string{"Emiraty→Emirate"}},
		{"Der Minister war in den Emiraten zu Gast.", nil},
	})
}
