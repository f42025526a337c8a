package names

import "testing"

// TestSerbianLettersInRussian: Serbian Cyrillic romanizes as Russian
// transcribes it, so a Serbian spelling left in a Russian text is the name
// (Јокић is Йокич), and a wrong form there. The names are outside the
// quality corpora.
func TestSerbianLettersInRussian(t *testing.T) {
	for _, tt := range [][2]string{{"Јокић", "Йокич"}, {"Ђукановић", "Джуканович"}, {"Џомбић", "Джомбич"}} {
		if a, b := FoldName(tt[0]), FoldName(tt[1]); a != b {
			t.Errorf("FoldName(%s) = %s, FoldName(%s) = %s", tt[0], a, tt[1], b)
		}
	}
	entries := []Entry{person("jokic", "en", "Nikola Jokić", "ru", "Никола Йокич", "uk", "Нікола Йокич", "sr", "Никола Јокић")}
	checkOneHitAmong(t, entries, []oneHitCase{
		{"Никола Јокић выиграл титул.", "ru", "Никола Јокић", "Никола Йокич"},
		{"Никола Йокич выиграл титул.", "ru", "", ""},
		{"Никола Јокић је освојио титулу.", "sr", "", ""},
	})
}
