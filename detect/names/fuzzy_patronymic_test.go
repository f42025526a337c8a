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

// TestForeignPatronymicWithWrongFamily: MT that leaves the patronymic in
// the other language's spelling often leaves the family name too; each is
// its own finding when the given name is right, and one finding carries
// both when the given name is wrong as well. The people are outside the
// quality corpora.
func TestForeignPatronymicWithWrongFamily(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("gagarin", "en", "Yuri Gagarin", "ru", "Юрий Гагарин", "uk", "Юрій Гагарін"),
		person("korolev", "en", "Sergei Korolev", "ru", "Сергей Королёв", "uk", "Сергій Корольов"),
		person("tereshkova", "en", "Valentina Tereshkova", "ru", "Валентина Терешкова", "uk", "Валентина Терешкова"),
		person("kuchma", "en", "Leonid Kuchma", "ru", "Леонид Кучма", "uk", "Леонід Кучма"),
	})
	checkCases(t, f, "uk", []checkCase{
		{"Першим полетів Юрій Сергеевич Гагарин.", []string{"Сергеевич→Сергійович", "Гагарин→Гагарін"}},
		{"Першим полетів Юрий Сергеевич Гагарин.", []string{"Юрий Сергеевич Гагарин→Юрій Сергійович Гагарін"}},
		{"Прийшов Леонід Юрьевич Кучмо.", []string{"Юрьевич→Юрійович", "Кучмо→Кучма"}},
		{"Першим полетів Юрій Сергійович Гагарин.", []string{"Юрій Сергійович Гагарин→Юрій Сергійович Гагарін"}},
		{"Першим полетів Юрій Сергеевич Гагарін.", []string{"Сергеевич→Сергійович"}},
		{"Прийшов Леонід Юрьевич Петренко.", nil},
	})
	checkCases(t, f, "ru", []checkCase{
		{"Первым полетел Юрий Сергійович Гагарін.", []string{"Сергійович→Сергеевич", "Гагарін→Гагарин"}},
	})
}
