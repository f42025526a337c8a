package names

import (
	"slices"
	"testing"
)

func TestTransliterate(t *testing.T) {
	checkTransliterate(t, []translitCase{
		{"Щукин", SchemeBGN, "Shchukin"},
		{"Щукин", SchemeGOST, "Shhukin"},
		{"Щукин", SchemeISO9, "Ŝukin"},
		{"Щукин", SchemePassport, "Shchukin"},
		{"Юрий Гагарин", SchemeBGN, "Yuriy Gagarin"},
		{"Юрий Гагарин", SchemeGOST, "Yurij Gagarin"},
		{"Юрий Гагарин", SchemeISO9, "Ûrij Gagarin"},
		{"Юрий Гагарин", SchemePassport, "Iurii Gagarin"},
		{"Жаир Болсонару", SchemeBGN, "Zhair Bolsonaru"},
		{"Жаир Болсонару", SchemePassport, "Zhair Bolsonaru"},
		{"Хавьер Милей", SchemeBGN, "Khav'yer Miley"},
		{"Хавьер Милей", SchemeGOST, "Xav'er Milej"},
		{"Хавьер Милей", SchemePassport, "Khaver Milei"},
		{"Си Цзиньпин", SchemeBGN, "Si Tszin'pin"},
		{"Си Цзиньпин", SchemeGOST, "Si Czzin'pin"}, // ц → cz before з
		{"Си Цзиньпин", SchemeScholarly, "Si Czin'pin"},
		{"Милея", SchemeScholarly, "Mileja"},
		{"Щукин", SchemeScholarly, "Ščukin"},
		{"Си Цзиньпин", SchemePassport, "Si Tszinpin"},
		{"Цой", SchemeGOST, "Czoj"},
		{"Цыганов", SchemeGOST, "Cy'ganov"},
		{"Илон Маск", SchemeBGN, "Ilon Mask"},
		{"Милея", SchemeBGN, "Mileya"},
		{"Милея", SchemeGOST, "Mileya"},
		{"Милея", SchemePassport, "Mileia"},
		{"Ельцин", SchemeBGN, "Yel'tsin"},
		{"Подъячев", SchemeBGN, "Pod\"yachev"},
		{"Подъячев", SchemePassport, "Podieiachev"},
		{"ЩУКИН", SchemeBGN, "SHCHUKIN"},
		// Ukrainian national 2010, examples from the resolution itself.
		{"Згурський", SchemeUkrNat, "Zghurskyi"},
		{"Гадяч", SchemeUkrNat, "Hadiach"},
		{"Ґалаґан", SchemeUkrNat, "Galagan"},
		{"Єнакієве", SchemeUkrNat, "Yenakiieve"},
		{"Їжакевич", SchemeUkrNat, "Yizhakevych"},
		{"Кадиївка", SchemeUkrNat, "Kadyivka"},
		{"Йосипівка", SchemeUkrNat, "Yosypivka"},
		{"Знам'янка", SchemeUkrNat, "Znamianka"},
		{"Юрій", SchemeUkrNat, "Yurii"},
		{"Хав'єр Мілей", SchemeUkrNat, "Khavier Milei"},
		{"Жаїр", SchemeUkrNat, "Zhair"},
		{"Жаїр", SchemeISO9, "Žaïr"},
		{"Сі Цзіньпін", SchemeUkrNat, "Si Tszinpin"},
		{"Mixed Маск!", SchemeBGN, "Mixed Mask!"},
	})
}

// translitCase is a name, a scheme and the name's romanization in it.
type translitCase struct {
	in     string
	scheme Scheme
	want   string
}

func checkTransliterate(t *testing.T, tests []translitCase) {
	t.Helper()
	for _, tt := range tests {
		if got := Transliterate(tt.in, tt.scheme); got != tt.want {
			t.Errorf("Transliterate(%q, %v) = %q, want %q", tt.in, tt.scheme, got, tt.want)
		}
	}
}

func TestCaseForms(t *testing.T) {
	tests := []struct {
		word, lang string
		want       []string
	}{
		{"Милей", "ru", []string{"Милея", "Милею", "Милеем", "Милее"}},
		{"Маск", "ru", []string{"Маска", "Маску", "Маском", "Маске"}},
		{"Юрий", "ru", []string{"Юрия", "Юрию", "Юрием", "Юрии"}},
		{"Игорь", "ru", []string{"Игоря", "Игорю", "Игорем", "Игоре"}},
		{"Никита", "ru", []string{"Никиты", "Никите", "Никиту", "Никитой"}},
		{"Илья", "ru", []string{"Ильи", "Илье", "Илью", "Ильей"}},
		{"Путин", "ru", []string{"Путина", "Путину", "Путиным", "Путине"}},
		{"Болсонару", "ru", nil},
		{"Зеленский", "ru", []string{"Зеленского", "Зеленскому", "Зеленским", "Зеленском"}},
		{"Навальный", "ru", []string{"Навального", "Навальному", "Навальным", "Навальном"}},
		{"Зеленський", "uk", []string{"Зеленського", "Зеленському", "Зеленським"}},
		{"Шойгу", "ru", nil},
		{"Мілей", "uk", []string{"Мілея", "Мілею", "Мілеєві", "Мілеєм", "Мілеї"}},
		{"Musk", "ru", nil},
	}
	for _, tt := range tests {
		if got := CaseForms(tt.word, tt.lang); !slices.Equal(got, tt.want) {
			t.Errorf("CaseForms(%q, %q) = %q, want %q", tt.word, tt.lang, got, tt.want)
		}
	}
}

func TestGeneratedForms(t *testing.T) {
	// The forms the brief names must come out of the generation.
	e := Entry{Key: "milei", Type: "person", Terms: []Term{
		{Lang: "en", Form: "Javier Milei", Status: Preferred},
		{Lang: "ru", Form: "Хавьер Милей", Status: Preferred},
	}}
	v := newEntryView(refOf(&e), "en", false)
	for _, want := range []string{"mileya", "mileja", "mileia", "miley", "milej"} {
		if !slices.ContainsFunc(v.slots[1], func(x variant) bool { return x.word == want }) {
			t.Errorf("family slot lacks %q: %v", want, v.slots[1])
		}
	}
}

func TestAppendFoldedTranslitMatchesTransliterate(t *testing.T) {
	words := []string{"Щукин", "Юрий", "Гагарин", "Жаир", "Хавьер", "Цзиньпин", "Милея",
		"Ельцин", "Подъячев", "Згурський", "Знам'янка", "Єнакієве", "Їжакевич", "Ґалаґан", "ЩУКИН", "Цыганов"}
	for s := range Scheme(len(schemeTables)) {
		for _, w := range words {
			want := FoldName(Transliterate(w, s))
			if got := string(appendFoldedTranslit(nil, w, s)); got != want {
				t.Errorf("appendFoldedTranslit(%q, %v) = %q, want %q", w, s, got, want)
			}
		}
	}
}
