package names

import "testing"

// TestRomanceReading: a Romanian or Italian name read letter by letter (c
// and g before e and i, ă, î) is the entry's; the right Ukrainian form, a
// given name alone, a name with none of those letters and an ordinary word
// are left alone. The persons are outside the quality corpora.
func TestRomanceReading(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("basescu", "en", "Traian Băsescu", "uk", "Траян Бесеску"),
		person("bartoli", "en", "Cecilia Bartoli", "uk", "Чечилія Бартолі"),
		person("dincu", "en", "Vasile Dîncu", "uk", "Василе Динку"),
		person("boc", "en", "Emil Boc", "uk", "Еміл Бок"),
		person("gigi", "en", "Gigi Becali", "uk", "Джиджі Бекалі"),
	})
	checkCases(t, f, "uk", []checkCase{
		{"Колишній президент Траян Басеску виступив.", []string{"Траян Басеску→Траян Бесеску"}},
		{"Потім Басеску пішов.", []string{"Басеску→Бесеску"}},
		{"Співачка Сесілія Бартолі виступила.", []string{"Сесілія Бартолі→Чечилія Бартолі"}},
		{"Міністр Дінку приїхав.", []string{"Дінку→Динку"}},
		{"Колишній президент Траян Бесеску виступив.", nil},
		{"Співачка Сесілія приїхала.", nil},
		{"Мер Еміл Бок приїхав.", nil},
		{"Сьогодні Гігі не прийшов.", nil},
	})
}
