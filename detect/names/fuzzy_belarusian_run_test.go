package names

import "testing"

// TestBelarusianRun holds that a word of a Belarusian run whose only
// Belarusian letter is і is read the Russian way with the rest of the run.
// The people are outside the quality corpora.
func TestBelarusianRun(t *testing.T) {
	entries := []Entry{
		person("hopkins", "en", "Anthony Hopkins", "ru", "Энтони Хопкинс", "uk", "Ентоні Гопкінс"),
		person("lindgren", "en", "Astrid Lindgren", "ru", "Астрид Линдгрен", "uk", "Астрід Ліндгрен"),
	}
	f := NewFuzzy(entries)
	m := NewMatcher(entries)
	tests := []oneHitCase{
		{"Встреча с Энтані Хопкінсам прошла.", "ru", "Энтані Хопкінсам", "Энтони Хопкинсом"},
		{"Встреча с Астрід Ліндгрэн прошла.", "ru", "Астрід Ліндгрэн", "Астрид Линдгрен"},
		// A Ukrainian run is no Belarusian one.
		{"Зустріч з Ентоні Гопкінсом відбулася.", "uk", "", ""},
		{"Зустріч з Астрід Ліндгрен відбулася.", "uk", "", ""},
	}
	checkOneHit(t, f, m, tests)
}
