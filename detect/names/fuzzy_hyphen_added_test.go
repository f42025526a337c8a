package names

import "testing"

// TestHyphenAddedNames: two family names of a glossary person joined by a
// hyphen the glossary does not write are that person's two family names, in
// Russian and Ukrainian in any case; a name the glossary writes with its
// hyphen, a German compound with a name, a hyphenated place and a text that
// writes the names apart are left alone. The people are outside the quality
// corpora.
func TestHyphenAddedNames(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("vargas-llosa", "en", "Mario Vargas Llosa", "de", "Mario Vargas Llosa", "ru", "Марио Варгас Льоса"),
		person("ruiz-zafon", "en", "Carlos Ruiz Zafón", "de", "Carlos Ruiz Zafón", "ru", "Карлос Руис Сафон"),
		person("kramp-karrenbauer", "en", "Annegret Kramp-Karrenbauer", "de", "Annegret Kramp-Karrenbauer"),
		person("sanchez-ceren", "ru", "Сальвадор Санчес Серен", "uk", "Сальвадор Санчес Серен"),
		person("fernandez-kirchner", "ru", "Кристина Фернандес Киршнер", "uk", "Крістіна Фернандес Кіршнер"),
		person("nemtsov-x", "ru", "Борис Немцов", "uk", "Борис Нємцов"),
	})
	for _, lang := range []string{"de", "en"} {
		checkCases(t, f, lang, []checkCase{
			{"Vargas-Llosa won the prize in 2010.", []string{"Vargas-Llosa→Vargas Llosa"}},
			{"Ein Roman von Ruiz-Zafón erschien.", []string{"Ruiz-Zafón→Ruiz Zafón"}},
			{"Ein Roman von Vargas Llosa erschien.", nil},
			{"Kramp-Karrenbauer sprach in Saarbrücken.", nil},
			{"Die Vargas-Llosa-Ausgabe ist vergriffen.", nil},
		})
	}
	checkCases(t, f, "uk", []checkCase{
		{"Колишній президент Санчес-Серен виступив у парламенті.", []string{"Санчес-Серен→Санчес Серен"}},
		{"Прихильники Фернандес-Кіршнер вийшли на вулиці.", []string{"Фернандес-Кіршнер→Фернандес Кіршнер"}},
		{"Колишній президент Санчес Серен виступив у парламенті.", nil},
		{"Мер Івано-Франківська приїхав.", nil},
	})
}
