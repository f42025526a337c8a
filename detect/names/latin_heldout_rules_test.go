package names

import "testing"

// Rules written after the held-out English corpus of session 13 (en13–en16),
// each on people and places the corpora do not hold.
func TestLatinHeldOutRules(t *testing.T) {
	spacing := []Entry{
		person("yo-yo-ma", "en", "Yo-Yo Ma"),
		person("van-persie", "en", "Robin van Persie"),
	}
	place := func(key string, langForms ...string) Entry {
		e := person(key, langForms...)
		e.Type = "place"
		return e
	}
	places := []Entry{
		place("ho-chi-minh-city", "en", "Ho Chi Minh City", "ru", "Хошимин"),
		person("gyokeres", "en", "Viktor Gyökeres", "ru", "Виктор Дьёкереш"),
	}
	for _, tc := range []struct {
		rule    string
		lang    string
		entries []Entry
		cases   []checkCase
	}{
		// A word cut into a particle and a family name is no name spaced
		// wrongly unless the entry writes that particle.
		{"spacing particle", "en", spacing, []checkCase{
			{"The Duma voted, and Yo-Yo Ma played.", nil},
			{"Later Dumas wrote, and Yo-Yo Ma played.", nil},
			{"Striker Robin Vanpersie scored.", []string{"Robin Vanpersie→Robin van Persie"}},
		}},
		// One word for a place of several words is the whole place where
		// some language names it in one word; a person's one word is the
		// family name.
		{"place named whole", "en", places, []checkCase{
			{"The plane landed in Khoshimin at noon.", []string{"Khoshimin→Ho Chi Minh City"}},
			{"The plane landed in Ho Chi Minh City at noon.", nil},
			{"Striker Dyokeresh scored.", []string{"Dyokeresh→Gyökeres"}},
		}},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			checkCases(t, NewFuzzy(tc.entries), tc.lang, tc.cases)
		})
	}
}
