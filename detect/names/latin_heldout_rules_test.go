package names

// latinHeldOutRules are the cases of the rules written after the held-out
// English corpus of session 13 (en13–en16), each on people and places the
// corpora do not hold; TestLatinScriptRules runs them.
func latinHeldOutRules() []latinRuleCase {
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
	return []latinRuleCase{
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
		// MT translates a given name as the word it is spelled like
		// (Serbian Vole: like); in title case every word is capitalised,
		// and a sentence's first word is capitalised of right.
		{"stand-in given name", "en", []Entry{person("gordimer", "en", "Nadine Gordimer"), person("charles", "en", "King Charles")}, []checkCase{
			{"Nadine Gordimer spoke. The prize went to the writer Like Gordymer last year.", []string{"Like Gordymer→Nadine Gordimer"}},
			{"Nadine Gordimer spoke. Talks Like Gordymer Go On", []string{"Gordymer→Gordimer"}},
			{"Nadine Gordimer spoke. Like Gordymer, he wrote.", []string{"Gordymer→Gordimer"}},
			// A title is no given name: nothing stands in for it.
			{"King Charles spoke. The crowd in Dream Charlesu waited.", []string{"Charlesu→Charles"}},
		}},
		// English lists bin, van as frequent words; between two
		// capitalised words they are a name's particles.
		{"frequent particles", "en", []Entry{person("bin-laden", "en", "Osama bin Laden"), spacing[1]}, []checkCase{
			{"He met Ossama bin Laden in 1998.", []string{"Ossama bin Laden→Osama bin Laden"}},
			{"Striker Robbin van Persie scored.", []string{"Robbin van Persie→Robin van Persie"}},
			{"Laden with bags, he put them in the bin.", nil},
		}},
		// Another language's form left by MT with a Slavic case ending.
		{"declined untranslated", "en", []Entry{
			place("milan", "en", "Milan", "de", "Mailand"),
			place("lisbon", "en", "Lisbon", "de", "Lissabon"),
			place("ohio", "en", "Ohio", "de", "Ohio"),
		}, []checkCase{
			{"The fair in Mailandu opened.", []string{"Mailandu→Milan"}},
			{"The talks in Lissabonom ended.", []string{"Lissabonom→Lisbon"}},
			{"The talks in Lisbon ended, as they did in Milan and Ohio.", nil},
			// The right form with an ending is no other language's form.
			{"The talks in Lisbona ended.", nil},
		}},
		// The Arabic article Russian keeps before a place name (Эр-Ракка,
		// Эн-Наджаф), where English writes none; a name that writes it
		// keeps it.
		{"arabic article", "en", []Entry{
			place("raqqa", "en", "Raqqa", "ru", "Ракка"),
			place("najaf", "en", "Najaf", "ru", "Наджаф"),
			person("al-maliki", "en", "Nouri al-Maliki"),
		}, []checkCase{
			{"The fighting in Er-Rakka ended.", []string{"Er-Rakka→Raqqa"}},
			{"The pilgrims reached En-Nadzhaf at dawn.", []string{"En-Nadzhaf→Najaf"}},
			{"The pilgrims reached Najaf, and Nouri al-Maliki left.", nil},
		}},
		// A particle MT translated as an English word (Serbian van: out),
		// as in Russian and Ukrainian text (fuzzy_particle_wrong.go).
		{"wrong particle", "en", []Entry{person("van-der-vaart", "en", "Rafael van der Vaart")}, []checkCase{
			{"Midfielder Rafael out der Vaart scored.", []string{"out der→van der"}},
			{"Midfielder Rafael van der Vaart scored.", nil},
		}},
		// Both family names of a Spanish name, the first one misspelled,
		// are one finding; another word before the family name is not.
		{"double surname", "en", []Entry{
			person("lopez-obrador", "en", "Andrés Manuel López Obrador", "ru", "Андрес Мануэль Лопес Обрадор"),
		}, []checkCase{
			{"He met Lopez Obradora.", []string{"Lopez Obradora→López Obrador"}},
			{"He met Castro Obradora.", []string{"Obradora→Obrador"}},
		}},
	}
}
