package names

import "testing"

// TestHyphenAddedBetweenFamilyNames: two family names the glossary writes
// apart (Санчес Серен, Фернандес Кірхнер) joined by a hyphen get their space
// back, in any case; the name as written, a real double name and a
// hyphenated word of two other names are left alone. The people are outside
// the quality corpora.
func TestHyphenAddedBetweenFamilyNames(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("sanchez-ceren", "ru", "Сальвадор Санчес Серен", "uk", "Сальвадор Санчес Серен"),
		person("fernandez-kirchner", "ru", "Кристина Фернандес Киршнер", "uk", "Крістіна Фернандес Кіршнер"),
		person("nemtsov-x", "ru", "Борис Немцов", "uk", "Борис Нємцов"),
	})
	checkCases(t, f, "uk", []checkCase{
		{"Колишній президент Санчес-Серен виступив у парламенті.", []string{"Санчес-Серен→Санчес Серен"}},
		{"Прихильники Фернандес-Кіршнер вийшли на вулиці.", []string{"Фернандес-Кіршнер→Фернандес Кіршнер"}},
		{"Колишній президент Санчес Серен виступив у парламенті.", nil},
		{"Мер Івано-Франківська приїхав.", nil},
	})
}
