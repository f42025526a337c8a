package names

import "testing"

// TestReversedOrder: a family name followed by the same person's given name
// in the same case is a list's order in running text; the name is given
// back in its order in the nominative, the family name alone in another
// case. Another case, a comma or a name after it leaves it alone. The
// people are outside the quality corpora.
func TestReversedOrder(t *testing.T) {
	checkOneHitAmong(t, []Entry{
		person("bektenov", "en", "Olzhas Bektenov", "ru", "Олжас Бектенов", "uk", "Олжас Бектенов"),
		person("juncker", "en", "Jean-Claude Juncker", "ru", "Жан-Клод Юнкер", "uk", "Жан-Клод Юнкер"),
		person("aripov", "en", "Abdulla Aripov", "ru", "Абдулла Арипов", "uk", "Абдулла Аріпов"),
	}, []oneHitCase{
		{"Бектенов Олжас заявил, что цены не вырастут.", "ru", "Бектенов Олжас", "Олжас Бектенов"},
		{"Премьер поблагодарил Бектенова Олжаса за работу.", "ru", "Бектенова Олжаса", "Бектенова"},
		{"В Брюсселе выступил Юнкер Жан Клод.", "ru", "Юнкер Жан Клод", "Жан-Клод Юнкер"},
		{"Бектенов Олжас заявив, що ціни не зростуть.", "uk", "Бектенов Олжас", "Олжас Бектенов"},
		{"Олжас Бектенов заявил, что цены не вырастут.", "ru", "", ""},
		{"Письмо Бектенова Олжас прочитал вслух.", "ru", "", ""},
		{"Слово дали Бектенову, Олжас молчал.", "ru", "", ""},
		{"Встречу открыли Бектенов Олжас Абдулла Арипов и министры.", "ru", "", ""},
	})
}
