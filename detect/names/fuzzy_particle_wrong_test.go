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
	f := NewFuzzy(entries)
	checkCases(t, f, "ru", []checkCase{
		{"Гол забил Робин фон Перси.", []string{"фон→ван"}},
		{"Гол забил нападающий фон Перси.", []string{"фон→ван"}},
		{"Гол забил Робин ван Перси.", nil},
		{"Гол забил Рафаэль ван дэр Ваарт.", []string{"ван дэр→ван дер"}},
		{"Гол забил Рафаэль Вандер Ваарт.", []string{"Рафаэль Вандер Ваарт→Рафаэль ван дер Ваарт"}},
		{"Об этом писал Оноре да Бальзак.", []string{"да→де"}},
		{"Об этом писал Оноре де Бальзак.", nil},
		{"Об этом говорили в Берлине и в Бисмарке.", nil},                     // no particle before the name
		{"Фон дэр Ваарт забил гол.", []string{"Фон дэр Ваарт→Ван дер Ваарт"}}, // a sentence's capital
		{"Встретились с Рафаэлем фон дер Ваартом.", []string{"фон дер→ван дер"}},
	})
	checkCases(t, f, "uk", []checkCase{
		{"Гол забив Рафаель тло дер Варт.", []string{"тло дер→ван дер"}},
		{"За словами тло дер Варта, гра була важкою.", []string{"тло дер→ван дер"}},
		{"За словами ван дер Варта, гра була важкою.", nil},
		{"Канцлер Отто фон Бісмарк об'єднав Німеччину.", nil},
		// A sentence's first word as the particle, before a family name
		// that is wrong as well.
		{"Матч закінчився. Тло дер Ваарт забив гол.", []string{"Тло дер Ваарт→Ван дер Варт"}},
		{"Матч закінчився. Тло дер Варт забив гол.", []string{"Тло дер→Ван дер"}},
		{"Матч закінчився. Ван дер Варт забив гол.", nil},
		{"Матч закінчився. Вчора ван дер Варт забив гол.", nil},
		{"Матч закінчився. Вчора Варт забив гол.", nil},
	})
}
