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
	tests := []struct {
		text, lang string
		want, sugg string
	}{
		{"Встреча с Энтані Хопкінсам прошла.", "ru", "Энтані Хопкінсам", "Энтони Хопкинсом"},
		{"Встреча с Астрід Ліндгрэн прошла.", "ru", "Астрід Ліндгрэн", "Астрид Линдгрен"},
		// A Ukrainian run is no Belarusian one.
		{"Зустріч з Ентоні Гопкінсом відбулася.", "uk", "", ""},
		{"Зустріч з Астрід Ліндгрен відбулася.", "uk", "", ""},
	}
	for _, tt := range tests {
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
