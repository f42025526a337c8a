package names

import (
	"slices"
	"testing"
)

func TestNameCaseForms(t *testing.T) {
	tests := []struct {
		word, lang string
		role       nameRole
		g          gender
		right      []string // among the right forms
		relatives  []string // among the relatives' forms
		notRight   []string // not among the right forms
	}{
		{"Порошенко", "uk", roleFamily, genderUnknown, []string{"Порошенка", "Порошенкові", "Порошенком"}, nil, nil},
		{"Порошенко", "ru", roleFamily, genderUnknown, nil, nil, []string{"Порошенка"}}, // Russian -ко stays
		{"Петро", "uk", roleGiven, genderUnknown, []string{"Петра", "Петром"}, nil, nil},
		{"Осло", "uk", roleFamily, genderNone, nil, nil, []string{"Осла"}}, // not a person
		{"Ленін", "uk", roleFamily, genderMale, []string{"Леніна", "Леніним", "Леніном"}, nil, nil},
		{"Медведєв", "uk", roleFamily, genderMale, []string{"Медведєва", "Медведєвим"}, []string{"Медведєвої", "Медведєвій"}, nil},
		{"Медведев", "ru", roleFamily, genderMale, []string{"Медведева", "Медведевым"}, []string{"Медведевой"}, nil},
		{"Юлія", "uk", roleGiven, genderUnknown, []string{"Юлії", "Юлію", "Юлією"}, nil, nil},
		{"Явлинский", "ru", roleFamily, genderMale, []string{"Явлинского", "Явлинским"}, []string{"Явлинская", "Явлинской", "Явлинскую"}, nil},
		{"Явлинская", "ru", roleFamily, genderFemale, []string{"Явлинской", "Явлинскую"}, []string{"Явлинский", "Явлинского"}, []string{"Явлинского"}},
		{"Зеленська", "uk", roleFamily, genderFemale, []string{"Зеленської", "Зеленській", "Зеленську", "Зеленською"}, []string{"Зеленський", "Зеленського"}, nil},
		{"Стефанішина", "uk", roleFamily, genderFemale, []string{"Стефанішиної", "Стефанішиною"}, nil, nil},
		{"Пугачёва", "ru", roleFamily, genderFemale, []string{"Пугачёвой", "Пугачёву"}, []string{"Пугачёв", "Пугачёвым"}, nil},
		{"Собчак", "ru", roleFamily, genderUnknown, []string{"Собчака", "Собчаком"}, nil, nil},
		{"ПУТИН", "ru", roleFamily, genderMale, []string{"ПУТИНА", "ПУТИНОМ"}, nil, nil},
	}
	for _, tt := range tests {
		right, relatives := nameCaseForms(tt.word, tt.lang, tt.role, tt.g)
		for _, w := range tt.right {
			if !slices.Contains(right, w) {
				t.Errorf("nameCaseForms(%q, %s): right forms %q lack %q", tt.word, tt.lang, right, w)
			}
		}
		for _, w := range tt.relatives {
			if !slices.Contains(relatives, w) {
				t.Errorf("nameCaseForms(%q, %s): relatives %q lack %q", tt.word, tt.lang, relatives, w)
			}
		}
		for _, w := range tt.notRight {
			if slices.Contains(right, w) {
				t.Errorf("nameCaseForms(%q, %s): %q should not be right", tt.word, tt.lang, w)
			}
		}
		for _, w := range relatives {
			if slices.Contains(right, w) {
				t.Errorf("nameCaseForms(%q, %s): %q is both right and a relative's", tt.word, tt.lang, w)
			}
		}
	}
}

func TestEntryGender(t *testing.T) {
	tests := []struct {
		e    Entry
		want gender
	}{
		{person("p", "en", "Alla Pugacheva", "ru", "Алла Пугачёва"), genderFemale},
		{person("p", "ru", "Григорий Явлинский"), genderMale},
		{person("p", "uk", "Ольга Стефанішина"), genderFemale},
		{person("p", "ru", "Ксения Собчак"), genderUnknown}, // Собчак says nothing
		{person("p", "ru", "Андреа Пирло"), genderUnknown},
		{person("p", "en", "Elon Musk"), genderUnknown}, // no Cyrillic form
		{Entry{Key: "c", Type: "place", Terms: []Term{{Lang: "ru", Form: "Москва", Status: Preferred}}}, genderNone},
	}
	for _, tt := range tests {
		if got := entryGender(refOf(&tt.e)); got != tt.want {
			t.Errorf("entryGender(%v) = %d, want %d", tt.e.Terms, got, tt.want)
		}
	}
}
