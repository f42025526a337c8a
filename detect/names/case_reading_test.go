package names

import (
	"strings"
	"testing"
)

// TestCaseInText: a place spelled as another language writes it is
// suggested in the case its ending shows; where the ending leaves a choice
// (Ukrainian -у is a genitive or a dative), the preposition or title
// before the name makes it.
func TestCaseInText(t *testing.T) {
	f := NewFuzzy([]Entry{
		{Key: "montenegro", Type: "place", Terms: []Term{{Lang: "ru", Form: "Черногория", Status: Preferred}, {Lang: "uk", Form: "Чорногорія", Status: Preferred}}},
		{Key: "iraq", Type: "place", Terms: []Term{{Lang: "ru", Form: "Ирак", Status: Preferred}, {Lang: "uk", Form: "Ірак", Status: Preferred}}},
	})
	checkCases(t, f, "uk", []checkCase{
		{"Прем'єр поїхав у Черногорию минулого тижня.", []string{"Черногорию→Чорногорію"}},
		{"Делегація повернулася з Черногории вчора.", []string{"Черногории→Чорногорії"}},
		{"Прем'єр поїхав у Чорногорію минулого тижня.", nil},
	})
	checkCases(t, f, "ru", []checkCase{
		{"Премьер говорил с Чорногорією о визах.", []string{"Чорногорією→Черногорией"}},
		{"Премьер говорил с Черногорией о визах.", nil},
		{"Посол Іраку заявил протест.", []string{"Іраку→Ирака"}},
		{"Делегация вернулась из Іраку вчера.", []string{"Іраку→Ирака"}},
		{"Трамп пообещал Іраку помощь.", []string{"Іраку→Ираку"}},
		{"Делегация поехала к Іраку вчера.", []string{"Іраку→Ираку"}},
		{"Делегация вернулась из Ирака вчера.", nil},
	})
}

// TestInflectLikeStandIn: the source-aware checks decline the source's
// name like the word that stands in for it, unless that word is an
// ordinary word of the language, whose ending is its own ("Лиса", a fox,
// for Лис).
func TestInflectLikeStandIn(t *testing.T) {
	lis := person("lis", "ru", "Игорь Лис")
	vitebsk := &Entry{Key: "vitebsk", Type: "place", Terms: []Term{{Lang: "ru", Form: "Витебск", Status: Preferred}}}
	tests := []struct {
		e                     *Entry
		sugg, text, run, want string
	}{
		{&lis, "Лис", "Он встретил Лиса вчера.", "Лиса", "Лис"},
		{&lis, "Лис", "Он встретил Лиссом вчера.", "Лиссом", "Лисом"},
		{vitebsk, "Витебск", "Около Віцебска бои.", "Віцебска", "Витебска"},
		{vitebsk, "Витебск", "Бои у Витебская.", "Витебская", "Витебска"}, // an adjective: the preposition decides
		{vitebsk, "Витебск", "Бои в Витебская.", "Витебская", "Витебск"},  // в: locative or accusative
		{nil, "Витебск", "Около Віцебска бои.", "Віцебска", "Витебск"},
	}
	for _, tt := range tests {
		start := strings.Index(tt.text, tt.run)
		if got := InflectLike(tt.sugg, tt.text, start, start+len(tt.run), "ru", tt.e); got != tt.want {
			t.Errorf("InflectLike(%s, %s) = %s, want %s", tt.sugg, tt.run, got, tt.want)
		}
	}
}

// TestGivenNameBefore: a given name in another spelling and case before a
// family name found alone joins the hit, and the whole name is suggested
// in the run's case; another given name does not.
func TestGivenNameBefore(t *testing.T) {
	f := NewFuzzy([]Entry{person("rasmussen", "ru", "Йорген Расмуссен", "uk", "Йорген Расмуссен")})
	checkCases(t, f, "ru", []checkCase{
		{"Министр встретился с Йоргенам Расмусэнам в Осло.", []string{"Йоргенам Расмусэнам→Йоргеном Расмуссеном"}},
		{"Министр встретился с Йоргэном Расмусэнам в Осло.", []string{"Йоргэном Расмусэнам→Йоргеном Расмуссеном"}},
		{"Министр встретился с Андерсам Расмусэнам в Осло.", []string{"Расмусэнам→Расмуссеном"}},
	})
}
