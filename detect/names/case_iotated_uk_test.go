package names

import "testing"

// TestUkrainianIotatedYa: a Ukrainian name in -я after the soft sign, the
// apostrophe or a vowel declines with the iotated letters (Дар'єю, Аєю,
// Аї), as Франція does; the forms in -ею, -і that the plain -я row makes
// are no Ukrainian spellings. The people are outside the quality corpora.
func TestUkrainianIotatedYa(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("kasatkina", "ru", "Дарья Касаткина", "uk", "Дар'я Касаткіна"),
		person("nakamura", "ru", "Ая Накамура", "uk", "Ая Накамура"),
	})
	checkCases(t, f, "uk", []checkCase{
		{"Світоліна зіграла з Дар'єю Касаткіною.", nil},
		{"Тренер Дар'ї Касаткіної прийшов.", nil},
		{"Вона заспівала з Аєю Накамурою.", nil},
		{"Фанати Аї Накамури чекали.", nil},
	})
	for _, tc := range []struct {
		word string
		want bool
	}{{"Дар'я", true}, {"Дар’я", true}, {"Рамья", true}, {"Ая", true}, {"Франція", true}, {"Ілля", false}, {"Прага", false}} {
		if got := ukIotatedYa(tc.word); got != tc.want {
			t.Errorf("ukIotatedYa(%q) = %v, want %v", tc.word, got, tc.want)
		}
	}
}
