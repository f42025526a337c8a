package names

import "testing"

// TestGermanArticleBeforeWrongName holds that a definite article before a
// wrong family name in German goes with it, and that a right name, a
// compound or another language is left alone. The people are outside the
// quality corpora.
func TestGermanArticleBeforeWrongName(t *testing.T) {
	entries := []Entry{
		person("radicova", "en", "Iveta Radičová", "de", "Iveta Radičová", "ru", "Ивета Радичова"),
		person("kurz", "en", "Sebastian Kurz", "de", "Sebastian Kurz", "ru", "Себастьян Курц"),
	}
	checkOneHitAmong(t, entries, []oneHitCase{
		{"Iveta Radičová sprach, und die Raditschowa lachte.", "de", "die Raditschowa", "Radičová"},
		{"Iveta Radičová sprach. Mit der Raditschowa sprach niemand.", "de", "der Raditschowa", "Radičová"},
		{"Sebastian Kurz sprach, und der Kurtz lachte.", "de", "der Kurtz", "Kurz"},
		{"Sebastian Kurz sprach, und die Kurtz-Regierung fiel.", "de", "Kurtz", "Kurz"},
		{"Iveta Radičová sprach, und die Radičová lachte.", "de", "", ""},
		{"Iveta Radičová spoke, and the Raditschowa laughed.", "en", "Raditschowa", "Radičová"},
	})
}
