package names

import "testing"

// TestWrongParticles: particles that are not the glossary's before a right
// family name are flagged, whether MT translated them as words (Ukrainian
// тло for фон), took another language's (фон for ван), respelled them
// (дэр) or wrote two as one (Вандер); the glossary's particles and other
// words before a family name are not. The people are outside the quality
// corpora.
func TestWrongParticles(t *testing.T) {
	entries := []Entry{person("van-persie", "en", "Robin van Persie", "ru", "Робин ван Перси", "uk", "Робін ван Персі"),
		person("de-balzac", "en", "Honoré de Balzac", "ru", "Оноре де Бальзак", "uk", "Оноре де Бальзак"),
		person("bismarck", "en", "Otto von Bismarck", "ru", "Отто фон Бисмарк", "uk", "Отто фон Бісмарк"),
		person("van-der-vaart", "en", "Rafael van der Vaart", "ru", "Рафаэль ван дер Ваарт", "uk", "Рафаель ван дер Варт")}
	f, m := NewFuzzy(entries), NewMatcher(entries)
	checkOneHit(t, f, m, []oneHitCase{
		{"Гол забил Робин фон Перси.", "ru", "фон", "ван"},
		{"Гол забил нападающий фон Перси.", "ru", "фон", "ван"},
		{"Гол забил Робин ван Перси.", "ru", "", ""},
		{"Гол забил Рафаэль ван дэр Ваарт.", "ru", "ван дэр", "ван дер"},
		{"Гол забил Рафаэль Вандер Ваарт.", "ru", "Рафаэль Вандер Ваарт", "Рафаэль ван дер Ваарт"},
		{"Гол забив Рафаель тло дер Варт.", "uk", "тло дер", "ван дер"},
		{"За словами тло дер Варта, гра була важкою.", "uk", "тло дер", "ван дер"},
		{"За словами ван дер Варта, гра була важкою.", "uk", "", ""},
		{"Об этом писал Оноре да Бальзак.", "ru", "да", "де"},
		{"Об этом писал Оноре де Бальзак.", "ru", "", ""},
		{"Канцлер Отто фон Бісмарк об'єднав Німеччину.", "uk", "", ""},
		{"Об этом говорили в Берлине и в Бисмарке.", "ru", "", ""},           // no particle before the name
		{"Фон дэр Ваарт забил гол.", "ru", "Фон дэр Ваарт", "Ван дер Ваарт"}, // a sentence's capital
		{"Встретились с Рафаэлем фон дер Ваартом.", "ru", "фон дер", "ван дер"},
	})
}
