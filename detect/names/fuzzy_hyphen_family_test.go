package names

import "testing"

// TestHyphenLostFamily: a double family name written as two words is that
// name with its hyphen lost, in whatever case; with its hyphen, or as two
// people's words that are no case of one name, it is left alone. The
// people are outside the quality corpora.
func TestHyphenLostFamily(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("rimsky", "en", "Nikolai Rimsky-Korsakov", "ru", "Николай Римский-Корсаков", "uk", "Микола Римський-Корсаков"),
		person("bonch", "en", "Vladimir Bonch-Bruyevich", "ru", "Владимир Бонч-Бруевич", "uk", "Володимир Бонч-Бруєвич"),
	})
	checkCases(t, f, "ru", []checkCase{
		{"Оперу Римского Корсакова поставили в Казани.", []string{"Римского Корсакова→Римского-Корсакова"}},
		{"Архив передал Бонч Бруевич.", []string{"Бонч Бруевич→Бонч-Бруевич"}},
		{"Историки читали Бонч Бруевича.", []string{"Бонч Бруевича→Бонч-Бруевича"}},
		{"Оперу Римского-Корсакова поставили в Казани.", nil},
		{"Оперу Римского Корсаков не писал.", nil},
	})
	checkCases(t, f, "uk", []checkCase{
		{"Оперу Римського Корсакова поставили в Києві.", []string{"Римського Корсакова→Римського-Корсакова"}},
	})
}
