package names

import "testing"

// TestNameCaseAgreement holds the rules of case inside a name: a given
// name declined with its family name left in the nominative is wrong where
// the family name declines, and a suggestion puts every word of a name in
// one case. The people are outside the quality corpora.
func TestNameCaseAgreement(t *testing.T) {
	entries := []Entry{
		person("kuchma", "en", "Leonid Kuchma", "ru", "Леонид Кучма", "uk", "Леонід Кучма"),
		person("yushchenko", "en", "Viktor Yushchenko", "ru", "Виктор Ющенко", "uk", "Віктор Ющенко"),
		person("sobchak", "en", "Ksenia Sobchak", "ru", "Ксения Собчак", "uk", "Ксенія Собчак"),
		person("kravchuk", "en", "Leonid Kravchuk", "ru", "Леонид Кравчук", "uk", "Леонід Кравчук"),
		person("vereshchuk", "en", "Iryna Vereshchuk", "ru", "Ирина Верещук", "uk", "Ірина Верещук"),
		person("stefanchuk", "en", "Ruslan Stefanchuk", "ru", "Руслан Стефанчук", "uk", "Руслан Стефанчук"),
		person("zakharchenko", "en", "Vitaliy Zakharchenko", "ru", "Виталий Захарченко", "uk", "Віталій Захарченко"),
		person("obolenskaya", "en", "Vera Obolenskaya", "ru", "Вера Оболенская", "uk", "Віра Оболенська"),
		person("kim-il-sung", "en", "Kim Il Sung", "ru", "Ким Ир Сен", "uk", "Кім Ір Сен"),
	}
	f := NewFuzzy(entries)
	m := NewMatcher(entries)
	tests := []oneHitCase{
		// Ukrainian declines -ко surnames; Russian does not.
		{"Зустріч із Віктором Ющенко відбулася.", "uk", "Віктором Ющенко", "Віктором Ющенком"},
		{"Лист Віктору Ющенко надіслали.", "uk", "Віктору Ющенко", "Віктору Ющенку"},
		{"Зустріч із Віктором Ющенком відбулася.", "uk", "", ""},
		{"Встреча с Виктором Ющенко прошла.", "ru", "", ""},
		// A man's surname in a consonant declines in both.
		{"Встреча с Леонидом Кравчук прошла.", "ru", "Леонидом Кравчук", "Леонидом Кравчуком"},
		{"Встреча с Леонидом Кравчуком прошла.", "ru", "", ""},
		{"Зустріч із Русланом Стефанчук відбулася.", "uk", "Русланом Стефанчук", "Русланом Стефанчуком"},
		// A woman's does not, and her given name is no man's.
		{"Зустріч з Іриною Верещук відбулася.", "uk", "", ""},
		{"Встреча с Ксенией Собчак прошла.", "ru", "", ""},
		// Both words in one case: the given name shows which.
		{"Встреча с Віталієм Захарченком прошла.", "ru", "Віталієм Захарченком", "Виталием Захарченко"},
		{"Зустріч із Верой Оболенской відбулася.", "uk", "Верой Оболенской", "Вірою Оболенською"},
		{"Зустріч із Леонидом Кучмой відбулася.", "uk", "Леонидом Кучмой", "Леонідом Кучмою"},
		// Both declined, in two cases: the family name's case stands.
		{"Благодаря Леониде Кравчуку всё решилось.", "ru", "Леониде Кравчуку", "Леониду Кравчуку"},
		{"Дякуючи Русланові Стефанчука все вирішилось.", "uk", "Русланові Стефанчука", "Руслана Стефанчука"},
		{"Благодаря Леониду Кравчуку всё решилось.", "ru", "", ""},
		{"Дякуючи Русланові Стефанчуку все вирішилось.", "uk", "", ""},
		// The parts of an East Asian name before the last stay undeclined.
		{"Пам'ятник Ким Ир Сену стоїть.", "uk", "Ким Ир Сену", "Кім Ір Сену"},
	}
	checkOneHit(t, f, m, tests)
}

// TestCasesOf pins the case labels of the declension tables.
func TestCasesOf(t *testing.T) {
	tests := []struct {
		right, word, lang string
		role              nameRole
		g                 gender
		want              caseMask
	}{
		{"Кучма", "Кучмой", "ru", roleFamily, genderUnknown, caseIns | cOb},
		{"Кучма", "Кучме", "ru", roleFamily, genderUnknown, caseDat | caseLoc},
		{"Віктор", "Віктору", "uk", roleGiven, genderMale, caseDat | caseLoc},
		{"Ірак", "Іраку", "uk", roleFamily, genderNone, caseGen | caseDat | caseLoc},
		{"Віктор", "Віктором", "uk", roleGiven, genderMale, caseIns},
		{"Ющенко", "Ющенка", "uk", roleFamily, genderUnknown, caseGen | caseAcc},
		{"Ющенко", "Ющенко", "ru", roleFamily, genderUnknown, caseAll},
		{"Оболенська", "Оболенською", "uk", roleFamily, genderFemale, caseIns},
		{"Колумбия", "Колумбии", "ru", roleFamily, genderNone, caseGen | caseDat | caseLoc},
		{"Віктор", "Вікторові", "uk", roleGiven, genderMale, caseDat | caseLoc},
	}
	for _, tt := range tests {
		if got := casesOf(tt.right, tt.word, tt.lang, tt.role, tt.g); got != tt.want {
			t.Errorf("casesOf(%s, %s, %s) = %06b, want %06b", tt.right, tt.word, tt.lang, got, tt.want)
		}
	}
}

// TestUkrainianVelarLocative: a masculine stem in к takes -у in the
// locative, г and х alternate before -і.
func TestUkrainianVelarLocative(t *testing.T) {
	tests := []struct {
		word string
		want []string
		not  string
	}{
		{"Бішкек", []string{"Бішкеку"}, "Бішкекі"},
		{"Гамбург", []string{"Гамбурзі", "Гамбургу"}, "Гамбургі"},
		{"Цюрих", []string{"Цюрисі", "Цюриху"}, "Цюрихі"},
		{"Берлін", []string{"Берліні"}, ""},
	}
	for _, tt := range tests {
		forms := CaseForms(tt.word, "uk")
		for _, w := range tt.want {
			if !containsString(forms, w) {
				t.Errorf("CaseForms(%s) = %v, want %s among them", tt.word, forms, w)
			}
		}
		if tt.not != "" && containsString(forms, tt.not) {
			t.Errorf("CaseForms(%s) = %v, has %s", tt.word, forms, tt.not)
		}
		if c := casesOf(tt.word, tt.want[0], "uk", roleFamily, genderNone); c&caseLoc == 0 {
			t.Errorf("casesOf(%s, %s) = %06b, want the locative", tt.word, tt.want[0], c)
		}
	}
}

// TestCaseShownByTheRun: a single word takes the case its ending shows in
// the other language, not the nearest spelling.
func TestCaseShownByTheRun(t *testing.T) {
	tests := []struct {
		sugg, run, lang string
		g               gender
		want            string
	}{
		{"Бішкек", "Бишкеке", "uk", genderNone, "Бішкеку"},           // Russian locative
		{"Братислава", "Братиславі", "ru", genderNone, "Братиславе"}, // Ukrainian locative, not the genitive Братиславы
		{"Братислава", "Братислави", "ru", genderNone, "Братиславы"}, // Ukrainian genitive
	}
	for _, tt := range tests {
		if got := inflectLike(tt.sugg, tt.run, tt.lang, tt.g); got != tt.want {
			t.Errorf("inflectLike(%s, %s, %s) = %s, want %s", tt.sugg, tt.run, tt.lang, got, tt.want)
		}
	}
}
