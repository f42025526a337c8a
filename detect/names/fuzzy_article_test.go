package names

import (
	"testing"

	"lector/detect/internal/enginetest"
)

// berlinGlossary has preferred forms only, in en, ru, uk and de, for people
// of a second, hand-written article (German-, Ukrainian-, Turkish-origin
// names), so the rules are not tuned to the seed article alone.
func berlinGlossary() []Entry {
	return []Entry{
		person("zelensky", "en", "Volodymyr Zelensky", "ru", "Владимир Зеленский",
			"uk", "Володимир Зеленський", "de", "Wolodymyr Selenskyj"),
		person("lavrov", "en", "Sergei Lavrov", "ru", "Сергей Лавров"),
		person("scholz", "en", "Olaf Scholz", "ru", "Олаф Шольц", "de", "Olaf Scholz"),
		person("merkel", "en", "Angela Merkel", "ru", "Ангела Меркель"),
		person("steinmeier", "en", "Frank-Walter Steinmeier", "ru", "Франк-Вальтер Штайнмайер"),
		person("navalny", "en", "Alexei Navalny", "ru", "Алексей Навальный"),
		person("peskov", "en", "Dmitry Peskov", "ru", "Дмитрий Песков"),
		person("shoigu", "en", "Sergei Shoigu", "ru", "Сергей Шойгу"),
		person("zaluzhnyi", "en", "Valerii Zaluzhnyi", "ru", "Валерий Залужный", "uk", "Валерій Залужний"),
		person("erdogan", "en", "Recep Tayyip Erdoğan", "ru", "Реджеп Тайип Эрдоган"),
		person("putin", "en", "Vladimir Putin", "ru", "Владимир Путин"),
	}
}

var berlinWant = []expectedHit{
	{"Lavrow", "Lavrov"},
	{"Vladimir Zelenskiy", "Volodymyr Zelensky"},
	{"Zelenskogo", "Zelensky"},
	{"Sergej Lavrov", "Sergei Lavrov"},
	{"Olaf Sholts", "Olaf Scholz"},
	{"Shtaynmayer", "Steinmeier"},
	{"Navalnogo", "Navalny"},
	{"Zaluzhny", "Zaluzhnyi"},
	{"Redzhep Erdogan", "Recep Tayyip Erdoğan"},
	// The glossary writes Erdoğan, and the text names him: a lone
	// "Erdogan" is the same slip as the full name without its ğ.
	{"Erdogan", "Erdoğan"},
}

func TestFuzzySecondArticle(t *testing.T) {
	checkEnglishArticle(t, enginetest.ReadText(t, "testdata/fuzzy/article_berlin.txt"), berlinGlossary(), berlinWant)
}

// TestFuzzyRussianText: in Cyrillic text the inflected right forms are right
// (Маска, Милеем), while misspellings are flagged. (A Ukrainian spelling such
// as Мілея is not: Cyrillic is compared romanized, where і = и.)
func TestFuzzyRussianText(t *testing.T) {
	entries := append(readGlossaryCSV(t, "../../seeds/glossary.csv"), berlinGlossary()...)
	f := NewFuzzy(entries)
	text := "Илон Маск встретился с Хавьером Милеем и Жаиром Болсонару. Биография Маска, " +
		"написанная Уолтером Айзексоном, вышла в 2023 году. Владимир Зеленский и Олаф Шольц " +
		"обсуждали визит Милея, а Болсонаро промолчал. Лаврова спросили о Зеленском и о том, " +
		"что сказал Зелинский."
	want := []expectedHit{{"Болсонаро", "Болсонару"}, {"Зелинский", "Зеленский"}}
	wantPerfectScore(t, text, f.Check(text, "ru", nil), want)
}
