package names

import "testing"

// TestGermanCommonNounNotAName holds that a word where German grammar puts
// a common noun (after an indefinite or possessive determiner or a fused
// preposition, across adjectives) is not a person's name, however close.
// The people are outside the quality corpora.
func TestGermanCommonNounNotAName(t *testing.T) {
	entries := []Entry{
		person("kante", "en", "N'Golo Kanté", "de", "N'Golo Kanté", "ru", "Нголо Канте"),
		person("rosa", "en", "Rosa Møller", "de", "Rosa Møller"),
	}
	checkOneHitAmong(t, entries, []oneHitCase{
		{"N'Golo Kanté spielte. Der Tisch hatte eine scharfe Kante.", "de", "", ""},
		{"N'Golo Kanté spielte. An jeder Kante lag Staub.", "de", "", ""},
		{"N'Golo Kanté spielte. Der Ball flog vom linken oberen Kante weg.", "de", "", ""},
		{"Rosa Møller sang. Im Haus stand ein alter Moller.", "de", "", ""},
		// A name after a verb, a noun or a preposition is still a name.
		{"N'Golo Kanté spielte, und Kante traf.", "de", "Kante", "Kanté"},
		{"N'Golo Kanté spielte. Ein Tor von Kante entschied.", "de", "Kante", "Kanté"},
		{"N'Golo Kanté spielte. Sein Trainer lobte Kante.", "de", "Kante", "Kanté"},
		// The definite article alone comes before names in MT and speech
		// (fuzzy_article_de.go).
		{"Rosa Møller sang, und die Moller tanzte.", "de", "die Moller", "Møller"},
	})
}
