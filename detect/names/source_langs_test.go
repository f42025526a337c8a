package names

import "testing"

// A Belarusian source names what the glossary spells in Russian: the word
// read the Russian way, in any case.
func TestNamedInABelarusianSource(t *testing.T) {
	f := NewFuzzy([]Entry{
		{Key: "germany", Type: "place", Terms: []Term{{Lang: "ru", Form: "Германия", Status: Preferred}}},
		{Key: "vilnius", Type: "place", Terms: []Term{{Lang: "ru", Form: "Вильнюс", Status: Preferred}}},
	})
	for _, tc := range []struct {
		word, key string
	}{
		{"Германіі", "germany"},
		{"Вільнюсе", "vilnius"},
		{"Вільнюс", "vilnius"},
		{"Менску", ""},
	} {
		got := f.Named(tc.word, "be")
		switch {
		case tc.key == "" && len(got) > 0:
			t.Errorf("Named(%q, be) = %s, want nothing", tc.word, got[0].Key)
		case tc.key != "" && (len(got) == 0 || got[0].Key != tc.key):
			t.Errorf("Named(%q, be) = %d entries, want %s", tc.word, len(got), tc.key)
		}
	}
}

// A Serbian source declines as Serbian does: Русији, Кином, Вучићем.
func TestNamedInASerbianSource(t *testing.T) {
	f := NewFuzzy([]Entry{
		{Key: "russia", Type: "place", Terms: []Term{{Lang: "sr", Form: "Русија", Status: Preferred}}},
		{Key: "china", Type: "place", Terms: []Term{{Lang: "sr", Form: "Кина", Status: Preferred}}},
		person("vucic", "sr", "Александар Вучић"),
		person("macron", "sr", "Емануел Макрон"),
	})
	for _, tc := range []struct {
		word, key string
	}{
		{"Русији", "russia"},
		{"Русије", "russia"},
		{"Кином", "china"},
		{"Вучићем", "vucic"},
		{"Вучића", "vucic"},
		{"Макроном", "macron"},
		{"Русиjом", ""}, // a Latin j: no Serbian word
	} {
		got := f.Named(tc.word, "sr")
		switch {
		case tc.key == "" && len(got) > 0:
			t.Errorf("Named(%q, sr) = %s, want nothing", tc.word, got[0].Key)
		case tc.key != "" && (len(got) == 0 || got[0].Key != tc.key):
			t.Errorf("Named(%q, sr) = %d entries, want %s", tc.word, len(got), tc.key)
		}
	}
}
