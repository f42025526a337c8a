package names

import "testing"

// The rules written for the second Russian held-out round (session 14),
// tested on people outside the quality corpora.

// TestYoInStressedEnding: a Russian case form with ё in a stressed
// instrumental ending after a soft consonant (Худнёй, Кобзарём) is right,
// as its е spelling is; ё in the stem, ё after ц, and any ё in a Ukrainian
// text stay wrong.
func TestYoInStressedEnding(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("khudnia", "en", "Pavlo Khudnia", "ru", "Павел Худня", "uk", "Павло Худня"),
		person("kobzar", "en", "Oleh Kobzar", "ru", "Олег Кобзарь", "uk", "Олег Кобзар"),
		person("schulz", "en", "Martin Schulz", "ru", "Мартин Шульц", "uk", "Мартін Шульц"),
	})
	checkCases(t, f, "ru", []checkCase{
		{"Министр встретился с Худнёй в Киеве.", nil},
		{"Министр встретился с Худней в Киеве.", nil},
		{"Министр говорил с Олегом Кобзарём.", nil},
		{"Министр говорил с Олегом Кобзарем.", nil},
		{"Министр говорил с Мартином Шульцём.", []string{"Мартином Шульцём→Мартином Шульцем"}},
		{"Министр говорил с Олегом Кёбзарем.", []string{"Олегом Кёбзарем→Олегом Кобзарем"}},
	})
	checkCases(t, f, "uk", []checkCase{
		{"Міністр зустрівся з Худнёю в Києві.", []string{"Худнёю→Худнею"}},
	})
	for _, tc := range []struct {
		run  string
		want bool
	}{
		{"Худнёй", true}, {"Олегом Кобзарём", true}, {"Кобзарёю", true}, {"Шульцём", false}, {"Пёсковым", false},
		{"Кёбзарём", false}, {"Ёй", false},
	} {
		if got := yoInStressedEnding(tc.run); got != tc.want {
			t.Errorf("yoInStressedEnding(%q) = %v, want %v", tc.run, got, tc.want)
		}
	}
}

// TestUkrainianDativeInRussian: a Ukrainian -ові or -еві left on a person's
// name in a Russian text is a dative (Болану), unless a preposition before
// it governs the locative (о Болане).
func TestUkrainianDativeInRussian(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("bolan", "en", "Marc Bolan", "ru", "Марк Болан", "uk", "Марк Болан"),
		person("sobotka", "en", "Bohuslav Sobotka", "ru", "Богуслав Соботка", "uk", "Богуслав Соботка"),
		person("kobzar", "en", "Oleh Kobzar", "ru", "Олег Кобзарь", "uk", "Олег Кобзар"),
	})
	checkCases(t, f, "ru", []checkCase{
		{"Премьер ответил Боланові в парламенте.", []string{"Боланові→Болану"}},
		{"Премьер подарил Маркові Боланові картину.", []string{"Маркові Боланові→Марку Болану"}},
		{"Премьер ответил Олегові Кобзареві в парламенте.", []string{"Олегові Кобзареві→Олегу Кобзарю"}},
		{"Премьер говорил о Боланові в парламенте.", []string{"Боланові→Болане"}},
		{"Премьер ответил Болану в парламенте.", nil},
	})
	checkCases(t, f, "uk", []checkCase{
		{"Прем'єр відповів Боланові в парламенті.", nil},
	})
}

// TestCapitalsHeadlineSuggestion: a wrong name in a headline set in
// capitals is suggested in capitals.
func TestCapitalsHeadlineSuggestion(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("hollande", "en", "François Hollande", "ru", "Франсуа Олланд", "uk", "Франсуа Олланд"),
		person("sarkozy", "en", "Nicolas Sarkozy", "ru", "Николя Саркози", "uk", "Ніколя Саркозі"),
	})
	checkCases(t, f, "ru", []checkCase{
		{"ФРАНЦИЯ: ФРЭНСИС ОЛЛАНД УХОДИТ", []string{"ФРЭНСИС ОЛЛАНД→ФРАНСУА ОЛЛАНД"}},
		{"ФРАНЦИЯ: НИКОЛАС САРКОЗИ УХОДИТ", []string{"НИКОЛАС САРКОЗИ→НИКОЛЯ САРКОЗИ"}},
		{"Во Франции Николас Саркози уходит.", []string{"Николас Саркози→Николя Саркози"}},
	})
}

// TestUkrainianAlternationInRussian: MT from Ukrainian that gives a name
// the Russian ending -е keeps the Ukrainian з, ц, с for г, к, х ("Латушце"
// for Латушке); read back, the run is a right form.
func TestUkrainianAlternationInRussian(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("latushka", "en", "Ivan Latushka", "ru", "Иван Латушка", "uk", "Іван Латушка"),
		person("volha", "en", "Olga Volha", "ru", "Ольга Волга", "uk", "Ольга Волга"),
	})
	checkCases(t, f, "ru", []checkCase{
		{"Министр подарил Иване Латушце книгу.", []string{"Иване Латушце→Иване Латушке"}},
		{"Министр подарил Ольге Волзе книгу.", []string{"Ольге Волзе→Ольге Волге"}},
		{"Министр подарил Иване Латушке книгу.", nil},
	})
	for _, tc := range []struct{ run, want string }{
		{"Латушце", "Латушке"}, {"Волзе", "Волге"}, {"Ризе", "Риге"}, {"Алясце", "Аляске"}, {"Латушке", ""}, {"Це", ""},
	} {
		if got, _ := ukAlternationUndone(tc.run); got != tc.want {
			t.Errorf("ukAlternationUndone(%q) = %q, want %q", tc.run, got, tc.want)
		}
	}
}

// TestLowercaseHyphenPart: a lowercase word near one part of a hyphenated
// family name or place is no form of the name; the name's own forms, and a
// lowercase word near a whole family name, are judged as before.
func TestLowercaseHyphenPart(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("akk", "en", "Annegret Kramp-Karrenbauer", "ru", "Аннегрет Крамп-Карренбауэр", "uk", "Аннегрет Крамп-Карренбауер"),
		person("kosciusko", "en", "Nathalie Kosciusko-Morizet", "ru", "Натали Косцюшко-Моризе", "uk", "Наталі Косцюшко-Морізе"),
		ukPlace("baden", "Баден-Баден", "Баден-Баден"),
	})
	checkCases(t, f, "ru", []checkCase{
		{"Аннегрет Крамп-Карренбауэр выступила, и карренбауэры молчали.", nil},
		{"Натали Косцюшко-Моризе выступила, а моризеты аплодировали.", nil},
		{"В Баден-Бадене все бадены открыты.", nil},
		{"Натали Косцюшко Моризе выступила.", []string{"Натали Косцюшко Моризе→Натали Косцюшко-Моризе"}},
	})
}
