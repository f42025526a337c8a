package names

import "testing"

// German particles that are German words: a wrong name across them is one
// name when the entry's name has particles, and a name without any is not
// joined across them.
func TestParticleWordsJoinNames(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("van-gogh", "en", "Vincent van Gogh", "de", "Vincent van Gogh"),
		person("da-vinci", "en", "Leonardo da Vinci", "de", "Leonardo da Vinci"),
		person("schmidt", "en", "Helmut Schmidt", "de", "Helmut Schmidt"),
	})
	checkCases(t, f, "de", []checkCase{
		{"Das Museum zeigt Bilder von Vincent von Gogh.", []string{"Vincent von Gogh→Vincent van Gogh"}},
		{"Das Museum zeigt Bilder von Vincent van Gogh.", nil},
		{"Das Werk von Leonardo da Vinci hing dort.", nil},
		{"Das Werk von Leonardo Da Vinci hing dort.", []string{"Leonardo Da Vinci→Leonardo da Vinci"}},
		{"Der Brief von Helmut von Schmidt kam an.", nil},
	})
}
