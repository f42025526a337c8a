package names

import "testing"

// Belarusian spellings in a Russian text: akanye (а for an unstressed о,
// no ь after р), ы after sibilants, and a Belarusian ending on a name the
// lexicon lists as a word (навальный).
func TestBelarusianAkanyeInRussian(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("navalny", "ru", "Алексей Навальный", "uk", "Олексій Навальний"),
		person("budanov", "ru", "Кирилл Буданов", "uk", "Кирило Буданов"),
		{Key: "kharkiv", Type: "place", Terms: []Term{{Lang: "ru", Form: "Харьков", Status: Preferred}, {Lang: "uk", Form: "Харків", Status: Preferred}}},
		{Key: "washington", Type: "place", Terms: []Term{{Lang: "ru", Form: "Вашингтон", Status: Preferred}}},
	})
	checkCases(t, f, "ru", []checkCase{
		{"Министр заявил о наступлении на Харкаў.", []string{"Харкаў→Харьков"}},
		{"Переговоры прошли в Вашынгтоне вчера.", []string{"Вашынгтоне→Вашингтоне"}},
		{"Шольц назвал Навальнага смелым человеком.", []string{"Навальнага→Навального"}},
		{"Глава разведки Кірыл Буданаў ответил.", []string{"Кірыл Буданаў→Кирилл Буданов"}},
		{"Министр заявил о наступлении на Харьков, и Буданов ответил.", nil},
		{"Был навальный ветер, и Харьков устоял.", nil},
	})
}
