package names

import "testing"

// TestUkrainianPlaceAdjective holds that a place's adjective left in
// Ukrainian spelling in a Russian text is read back to the place and
// suggested in Russian, in its case, and that a Russian adjective or one
// the Russian word list does not know is left alone. The places are
// outside the quality corpora.
func TestUkrainianPlaceAdjective(t *testing.T) {
	place := ukPlace // fuzzy_place_case_uk_test.go: a place with its Russian and Ukrainian forms
	f := NewFuzzy([]Entry{
		place("poltava", "Полтава", "Полтава"),
		place("lviv", "Львов", "Львів"),
		place("sumy", "Сумы", "Суми"),
		place("luhansk", "Луганск", "Луганськ"),
		place("vinnytsia", "Винница", "Вінниця"),
		place("odesa", "Одесса", "Одеса"),
		place("zaporizhzhia", "Запорожье", "Запоріжжя"),
	})
	checkCases(t, f, "ru", []checkCase{
		{"Обстрел в Полтавській области.", []string{"Полтавській→Полтавской"}},
		{"Жители Львівської области.", []string{"Львівської→Львовской"}},
		{"Граница Сумської и Луганської областей.", []string{"Сумської→Сумской", "Луганської→Луганской"}},
		{"Вінницька область и Одеський порт.", []string{"Вінницька→Винницкая", "Одеський→Одесский"}},
		{"Обстрел в Полтавской области.", nil},
		// An adjective that is not formed the regular way is not made up.
		{"Обстрел в Запорізькій области.", nil},
		// No place of the glossary.
		{"Обстрел в Херсонській области.", nil},
	})
}
