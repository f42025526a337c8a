package names

import "testing"

// TestGovernedGenitive holds that a place between a Russian noun of office
// and a person's name is in the genitive, and that the place in its own
// case elsewhere is left alone. The places are outside the quality
// corpora.
func TestGovernedGenitive(t *testing.T) {
	entries := []Entry{
		{Key: "lithuania", Type: "place", Terms: []Term{{Lang: "ru", Form: "Литва", Status: Preferred}}},
		{Key: "kazakhstan", Type: "place", Terms: []Term{{Lang: "ru", Form: "Казахстан", Status: Preferred}}},
		{Key: "latvia", Type: "place", Terms: []Term{{Lang: "ru", Form: "Латвия", Status: Preferred}}},
		{Key: "hungary", Type: "place", Terms: []Term{{Lang: "ru", Form: "Венгрия", Status: Preferred}}},
		{Key: "perm", Type: "place", Terms: []Term{{Lang: "ru", Form: "Пермь", Status: Preferred}}},
	}
	checkOneHitAmong(t, entries, []oneHitCase{
		{"Премьер Литве Ингрида Шимоните заявила.", "ru", "Литве", "Литвы"},
		{"Вице-премьер Литве Ингрида Шимоните заявила.", "ru", "Литве", "Литвы"},
		{"Министр иностранных дел Казахстану Мурат Нуртлеу прибыл.", "ru", "Казахстану", "Казахстана"},
		{"Встреча с президентом Латвию Эдгаром Ринкевичем прошла.", "ru", "Латвию", "Латвии"},
		{"Председатель Казахстану Маулен Ашимбаев прибыл.", "ru", "Казахстану", "Казахстана"},
		{"Встреча с королём Венгрии Иштваном прошла.", "ru", "", ""},
		{"Встреча с королём Венгрией Иштваном прошла.", "ru", "Венгрией", "Венгрии"},
		{"Премьер Литвы Ингрида Шимоните заявила.", "ru", "", ""},
		{"Президенту Латвии Эдгару Ринкевичу вручили орден.", "ru", "", ""},
		// The place as a verb's object, in its own case: no name follows.
		{"Президент Латвии Венгрию посетил.", "ru", "", ""},
		{"Сборная Венгрию обыграла.", "ru", "", ""},
		{"Президент Литве помог.", "ru", "", ""},
		{"Передал территорию Литве Миндаугас.", "ru", "", ""},
		// A preposition between them: the place's case is the preposition's.
		{"Посол в Литве Иван Петров прибыл.", "ru", "", ""},
		// A place in -ь may decline either way: no one genitive to suggest.
		{"Губернатор Перми Дмитрий Махонин заявил.", "ru", "", ""},
		// Ukrainian grammar is not Russian's.
		{"Прем'єр Литві Інгрида Шимоніте заявила.", "uk", "", ""},
	})
}
