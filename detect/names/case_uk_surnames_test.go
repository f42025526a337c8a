package names

import "testing"

// TestUkrainianAdjectivalAndFleetingE: a Ukrainian family name in -ий is an
// adjective and declines as one (Хвильовий → Хвильового, Хвильовому,
// Хвильовим), and the е of a name in -ець drops in the other cases
// (Кременець → Кременця, у Кременці), or stays in a surname; neither is a
// wrong form. The Russian form left in the text is still read in its case
// (Кременцу → Кременцю). The people and places are outside the quality
// corpora.
func TestUkrainianAdjectivalAndFleetingE(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("khvylovy", "en", "Mykola Khvylovy", "ru", "Николай Хвылевой", "uk", "Микола Хвильовий"),
		person("bahrianyi", "en", "Ivan Bahrianyi", "ru", "Иван Багряный", "uk", "Іван Багряний"),
		ukPlace("kremenets", "Кременец", "Кременець"),
	})
	checkCases(t, f, "uk", []checkCase{
		{"Вірші Миколи Хвильового читали вголос.", nil},
		{"Микола Хвильовий писав новели, і Хвильового читали всі.", nil},
		{"Микола Хвильовий мав критиків: вони дорікали Хвильовому, а інші захоплювалися Хвильовим.", nil},
		{"Роман Івана Багряного вийшов у Нью-Йорку, і Багряного читали в еміграції.", nil},
		{"Микола Хвильовий писав новели, і Хвылевого читали всі.", []string{"Хвылевого→Хвильового"}},
		{"Делегація приїхала до Кременця, а в Кременці її зустріли.", nil},
		{"Кременець чекав гостей, і мер Кременця їх зустрів.", nil},
		{"Мер подякував Кременцю.", nil},
		{"Історики Кременеця зібралися.", nil},
		{"Гуманітарну допомогу передали Кременцу.", []string{"Кременцу→Кременцю"}},
	})
}

// TestUkrainianYo: Ukrainian has no ё, so a name written with one in a
// Ukrainian text is the Russian spelling left, whether the run is a right
// form read with е or matches nothing as written. The person is outside the
// quality corpora.
func TestUkrainianYo(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("gluzman", "en", "Semyon Gluzman", "ru", "Семён Глузман", "uk", "Семен Глузман"),
	})
	checkCases(t, f, "uk", []checkCase{
		{"Психіатр Семён Глузман виступив у Києві.", []string{"Семён Глузман→Семен Глузман"}},
		{"Психіатр Семен Глузман виступив у Києві, і Глузмана слухали.", nil},
	})
}

// TestConsonantNameDeclinedAsA: a family name in a consonant declined in
// the instrumental of the -а declension is a woman's, which does not
// decline; the suggestion is the name as it is. A man's instrumental and
// the right form are left alone. The people are outside the quality
// corpora.
func TestConsonantNameDeclinedAsA(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("kostyuk", "en", "Marta Kostyuk", "ru", "Марта Костюк", "uk", "Марта Костюк"),
		person("dovbyk", "en", "Artem Dovbyk", "ru", "Артём Довбик", "uk", "Артем Довбик"),
	})
	checkCases(t, f, "uk", []checkCase{
		{"Тренер сфотографувався з Мартою Костюк, а потім ще раз із Костюкою.", []string{"Костюкою→Костюк"}},
		{"Тренер сфотографувався з Мартою Костюк, а потім ще раз із Костюк.", nil},
		{"Тренер сфотографувався з Артемом Довбиком, а потім ще раз із Довбиком.", nil},
	})
}

// TestUkrainianNeuterPlace: a Ukrainian place in -я after a doubled
// consonant or an apostrophe is a neuter, and the Russian -ье left for it
// is its nominative or accusative, so the suggestion is the nominative,
// not the locative in -і; the neuter's own case forms are right. The
// places are outside the quality corpora.
func TestUkrainianNeuterPlace(t *testing.T) {
	f := NewFuzzy([]Entry{
		ukPlace("zakarpattia", "Закарпатье", "Закарпаття"),
		ukPlace("polissia", "Полесье", "Полісся"),
		ukPlace("transnistria", "Приднестровье", "Придністров'я"),
	})
	checkCases(t, f, "uk", []checkCase{
		{"Туристи знову полюбили Закарпатье.", []string{"Закарпатье→Закарпаття"}},
		{"Ліси Полісся горіли, і Полесье просило допомоги.", []string{"Полесье→Полісся"}},
		{"Туристи поїхали на Закарпаття, а в Закарпатті їх зустріли.", nil},
		{"Кордон із Придністров'ям закрили, а Полісся чекає на дощ.", nil},
	})
}

// TestUkrainianHardTse: Ukrainian ц is hard, so a name in -ц takes -ом and
// -ові (Шульцом, Шульцові); the Russian -ем, -еві that Ukrainian text also
// writes is no wrong name either. A misspelled name keeps its case. The
// person is outside the quality corpora.
func TestUkrainianHardTse(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("schulz", "en", "Martin Schulz", "ru", "Мартин Шульц", "uk", "Мартін Шульц"),
	})
	checkCases(t, f, "uk", []checkCase{
		{"Прем'єр зустрівся з Мартіном Шульцом, а потім подякував Шульцові.", nil},
		{"Прем'єр зустрівся з Мартіном Шульцем, а потім подякував Шульцеві.", nil},
		{"Прем'єр зустрівся з Мартіном Шульцом, а потім із Шулцом.", []string{"Шулцом→Шульцом"}},
	})
}
