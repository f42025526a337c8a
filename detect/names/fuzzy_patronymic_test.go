package names

import "testing"

// TestForeignPatronymic: a patronymic left in the other language's spelling
// between a right given and family name is a wrong form when the glossary
// holds the father's given name in both languages. The people are outside
// the quality corpora.
func TestForeignPatronymic(t *testing.T) {
	entries := []Entry{
		person("korolev", "en", "Sergei Korolev", "ru", "Сергей Королёв", "uk", "Сергій Корольов"),
		person("gagarin", "en", "Yuri Gagarin", "ru", "Юрий Гагарин", "uk", "Юрій Гагарін"),
		person("tereshkova", "en", "Valentina Tereshkova", "ru", "Валентина Терешкова", "uk", "Валентина Терешкова"),
		person("kuchma", "en", "Leonid Kuchma", "ru", "Леонид Кучма", "uk", "Леонід Кучма"),
		person("ivashko", "en", "Volodymyr Ivashko", "ru", "Владимир Ивашко", "uk", "Володимир Івашко"),
		person("podolyak", "en", "Mykhailo Podolyak", "ru", "Михаил Подоляк", "uk", "Михайло Подоляк"),
	}
	f, m := NewFuzzy(entries), NewMatcher(entries)
	checkOneHit(t, f, m, []oneHitCase{
		{"Первым полетел Юрий Олексійович Гагарин.", "ru", "", ""},                             // Олексій is no given name the glossary holds
		{"Первым полетел Юрий Сергійович Гагарин.", "ru", "Сергійович", "Сергеевич"},           // Сергій → Сергей
		{"Першим полетів Юрій Сергеевич Гагарін.", "uk", "Сергеевич", "Сергійович"},            // Сергей → Сергій
		{"Першим полетів Юрій Сергійович Гагарін.", "uk", "", ""},                              // right
		{"Полетела Валентина Володимирівна Терешкова.", "ru", "Володимирівна", "Владимировна"}, // a woman's
		{"Полетіла Валентина Владимировна Терешкова.", "uk", "Владимировна", "Володимирівна"},
		{"Полетіла Валентина Володимирівна Терешкова.", "uk", "", ""},
		{"Пришёл Леонид Юрійович Кучма.", "ru", "Юрійович", "Юрьевич"}, // Юрій → Юрий
		{"Прийшов Леонід Юрьевич Кучма.", "uk", "Юрьевич", "Юрійович"},
		{"Прийшов Леонід Юрійович Кучма.", "uk", "", ""},
		{"Прийшов Леонід Юрьевич Петренко.", "uk", "", ""}, // no glossary person around it
	})
}

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
