package names

import "testing"

// TestReversedOrder: a family name followed by the same person's given name
// in the same case is a list's order in running text; the name is given
// back in its order in the nominative, the family name alone in another
// case. Another case, a comma or a name after it leaves it alone. The
// people are outside the quality corpora.
func TestReversedOrder(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("bektenov", "en", "Olzhas Bektenov", "ru", "Олжас Бектенов", "uk", "Олжас Бектенов"),
		person("juncker", "en", "Jean-Claude Juncker", "ru", "Жан-Клод Юнкер", "uk", "Жан-Клод Юнкер"),
		person("aripov", "en", "Abdulla Aripov", "ru", "Абдулла Арипов", "uk", "Абдулла Аріпов"),
	})
	checkCases(t, f, "ru", []checkCase{
		{"Бектенов Олжас заявил, что цены не вырастут.", []string{"Бектенов Олжас→Олжас Бектенов"}},
		{"Премьер поблагодарил Бектенова Олжаса за работу.", []string{"Бектенова Олжаса→Бектенова"}},
		{"В Брюсселе выступил Юнкер Жан Клод.", []string{"Юнкер Жан Клод→Жан-Клод Юнкер"}},
		{"Олжас Бектенов заявил, что цены не вырастут.", nil},
		{"Письмо Бектенова Олжас прочитал вслух.", nil},
		{"Слово дали Бектенову, Олжас молчал.", nil},
		{"Встречу открыли Бектенов Олжас Абдулла Арипов и министры.", nil},
	})
	checkCases(t, f, "uk", []checkCase{
		{"Бектенов Олжас заявив, що ціни не зростуть.", []string{"Бектенов Олжас→Олжас Бектенов"}},
	})
}
