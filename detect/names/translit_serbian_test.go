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
	f, m := NewFuzzy(entries), NewMatcher(entries)
	for _, tt := range []struct{ text, lang, want, sugg string }{
		{"Никола Јокић выиграл титул.", "ru", "Никола Јокић", "Никола Йокич"},
		{"Никола Йокич выиграл титул.", "ru", "", ""},
		{"Никола Јокић је освојио титулу.", "sr", "", ""},
	} {
		hits := f.Check(tt.text, tt.lang, m.Find(tt.text, tt.lang))
		var got, sugg string
		if len(hits) > 0 {
			got, sugg = hits[0].Text, hits[0].Suggestion
		}
		if len(hits) > 1 || got != tt.want || sugg != tt.sugg {
			t.Errorf("%s (%s): flagged %q → %q (%d hits), want %q → %q", tt.text, tt.lang, got, sugg, len(hits), tt.want, tt.sugg)
		}
	}
}
