package names

import "testing"

// A Belarusian source names what the glossary spells in Russian: the word
// read the Russian way, in any case.
func TestNamedInABelarusianSource(t *testing.T) {
	f := NewFuzzy([]Entry{
		{Key: "germany", Type: "place", Terms: []Term{{Lang: "ru", Form: "Германия", Status: Preferred}}},
		{Key: "vilnius", Type: "place", Terms: []Term{{Lang: "ru", Form: "Вильнюс", Status: Preferred}}},
		{Key: "hrodna", Type: "place", Terms: []Term{{Lang: "be", Form: "Гародня", Status: Preferred}, {Lang: "ru", Form: "Гродно", Status: Preferred}}},
		{Key: "pinsk", Type: "place", Terms: []Term{{Lang: "be", Form: "Пінск", Status: Preferred}, {Lang: "ru", Form: "Пинск", Status: Preferred}}},
	})
	checkNamed(t, f, "be", []namedCase{
		{"Гародні", "hrodna"}, // у Гародні: Belarusian і where Russian writes и
		{"Гародня", "hrodna"},
		{"Пінску", "pinsk"},
		{"Пінскі", ""},
		{"Германіі", "germany"},
		{"Вільнюсе", "vilnius"},
		{"Вільнюс", "vilnius"},
		{"Менску", ""},
	})
}

// A Serbian source declines as Serbian does: Русији, Кином, Вучићем.
func TestNamedInASerbianSource(t *testing.T) {
	f := NewFuzzy([]Entry{
		{Key: "russia", Type: "place", Terms: []Term{{Lang: "sr", Form: "Русија", Status: Preferred}}},
		{Key: "china", Type: "place", Terms: []Term{{Lang: "sr", Form: "Кина", Status: Preferred}}},
		person("vucic", "sr", "Александар Вучић"),
		person("macron", "sr", "Емануел Макрон"),
	})
	checkNamed(t, f, "sr", []namedCase{
		{"Русији", "russia"},
		{"Русије", "russia"},
		{"Кином", "china"},
		{"Вучићем", "vucic"},
		{"Вучића", "vucic"},
		{"Макроном", "macron"},
		{"Русиjом", ""}, // a Latin j: no Serbian word
	})
}
