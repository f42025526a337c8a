package names

import "testing"

// TestRussianGivenInAddress: a Russian given name left in a Ukrainian
// address (after a quote or пане, before a comma) takes the vocative of
// the Ukrainian given name; the same name as a subject, the Ukrainian
// vocative itself, and a name whose entries disagree in Ukrainian are left
// alone. The persons are outside the quality corpora.
func TestRussianGivenInAddress(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("lavrov", "ru", "Сергей Лавров", "uk", "Сергій Лавров"),
		person("rakhmanin", "ru", "Наталья Рахманина", "uk", "Наталія Рахманіна"),
		person("orlov", "ru", "Олег Орлов", "uk", "Олег Орлов"),
		person("babich", "ru", "Михаил Бабич", "uk", "Михайло Бабич"),
		person("kavelashvili", "ru", "Михаил Кавелашвили", "uk", "Міхеїл Кавелашвілі"),
	})
	checkCases(t, f, "uk", []checkCase{
		{"«Сергей, дякуємо вам», — сказав він.", []string{"Сергей→Сергію"}},
		{"Пане Сергей, коли буде угода?", []string{"Сергей→Сергію"}},
		{"«Наталья, ви праві», — відповів він.", []string{"Наталья→Наталіє"}},
		{"«Сергій, дякуємо вам», — сказав він.", nil},
		{"«Сергію, дякуємо вам», — сказав він.", nil},
		{"Учора Сергей, як завжди, мовчав.", nil},
		{"Пане Михаил, коли буде угода?", nil}, // Михайло and Міхеїл
		{"Пане Михаил, — звернувся до Бабича ведучий.", []string{"Михаил→Михайле"}},
	})
}
