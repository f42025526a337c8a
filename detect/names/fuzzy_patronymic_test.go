package names

import "testing"

// TestPatronymicRules pins the forming of patronymics and reading them back.
func TestPatronymicRules(t *testing.T) {
	for _, tt := range []struct {
		name, lang string
		female     bool
		want       string
	}{
		{"Юрий", "ru", false, "Юрьевич"}, {"Сергей", "ru", true, "Сергеевна"}, {"Николай", "ru", false, "Николаевич"},
		{"Игорь", "ru", false, "Игоревич"}, {"Владимир", "ru", true, "Владимировна"},
		{"Юрій", "uk", false, "Юрійович"}, {"Сергій", "uk", true, "Сергіївна"}, {"Василь", "uk", false, "Васильович"},
		{"Василь", "uk", true, "Василівна"}, {"Петро", "uk", false, "Петрович"}, {"Володимир", "uk", true, "Володимирівна"},
	} {
		if got := patronymicOf(tt.name, tt.lang, tt.female); got != tt.want {
			t.Errorf("patronymicOf(%s, %s, %v) = %s, want %s", tt.name, tt.lang, tt.female, got, tt.want)
		}
		fathers := patronymicFathers(tt.want, tt.lang)
		if !containsString(fathers, tt.name) {
			t.Errorf("patronymicFathers(%s, %s) = %v, want %s among them", tt.want, tt.lang, fathers, tt.name)
		}
	}
}
