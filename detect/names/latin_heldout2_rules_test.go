package names

import "testing"

// The rules written after the second held-out English corpus (session 14,
// en17–en20), each on people and places the corpora do not hold.
func TestLatinHeldOut2Rules(t *testing.T) {
	place := func(key string, langForms ...string) Entry {
		e := person(key, langForms...)
		e.Type = "place"
		return e
	}
	translated := []Entry{
		person("landau", "en", "Lev Landau", "ru", "Лев Ландау", "uk", "Лев Ландау"),
		person("zvonareva", "en", "Vera Zvonareva", "ru", "Вера Звонарёва"),
		person("savchenko", "en", "Nadiya Savchenko", "ru", "Надежда Савченко", "uk", "Надія Савченко"),
		// A name made up for the test: no real person has two dictionary
		// words for a name and a glossary entry here.
		person("volk", "en", "Lyubov Volk", "ru", "Любовь Волк"),
	}
	// MT translates a Russian or Ukrainian given name that is a word; the
	// dictionary says which word stands for which name.
	checkOneHitAmong(t, translated, []oneHitCase{
		{"The physicist Lion Landau won the prize.", "en", "Lion Landau", "Lev Landau"},
		{"The champion Faith Zvonareva lost in Moscow.", "en", "Faith Zvonareva", "Vera Zvonareva"},
		{"The pilot Hope Savchenko was freed.", "en", "Hope Savchenko", "Nadiya Savchenko"},
		{"The lawyer Love Wolf spoke.", "en", "Love Wolf", "Lyubov Volk"},
		{"The physicist Lev Landau won the prize.", "en", "", ""},
		{"The physicist Hope Landau won the prize.", "en", "", ""},
		{"Fed by the lion Landau watched.", "en", "", ""},
		{"The lawyer Love Fox spoke.", "en", "", ""},
		{"Vera Zvonareva won. Champion Faith Zvonaryova lost.", "en", "Faith Zvonaryova", "Vera Zvonareva"},
	})
	checkCases(t, NewFuzzy(translated), "de", []checkCase{
		{"Der Physiker Lion Landau sprach.", nil},
	})

	// Every word's soft sign is part of the name (Library of Congress
	// romanisation), the last one's too; an apostrophe that closes a
	// quotation is not.
	checkCases(t, NewFuzzy(translated), "en", []checkCase{
		{"The lawyer Lyubov' Volk' spoke.", []string{"Lyubov' Volk'→Lyubov Volk"}},
		{"The lawyer 'Lyubov' Volk' spoke.", []string{"Lyubov' Volk→Lyubov Volk"}},
	})

	relatives := []Entry{
		person("sholokhov", "en", "Mikhail Sholokhov", "ru", "Михаил Шолохов"),
		person("andropov", "en", "Yuri Andropov", "ru", "Юрий Андропов"),
	}
	// The woman's form of a man's family name after another given name is
	// a woman of his family; after his own given name in any case, or
	// alone, it is his name in a Russian case left by MT.
	checkCases(t, NewFuzzy(relatives), "en", []checkCase{
		{"Mikhail Sholokhov wrote it; his daughter Svetlana Sholokhova opened the museum.", nil},
		{"Yuri Andropov ruled; his wife Tatyana Andropova stayed home.", nil},
		{"Mikhail Sholokhov wrote it; the novels of Sholokhova sold.", []string{"Sholokhova→Sholokhov"}},
		{"Mikhail Sholokhov wrote it; the novels of Mikhaila Sholokhova sold.", []string{"Mikhaila Sholokhova→Mikhail Sholokhov"}},
		{"Yuri Andropov ruled; Mikhail Sergeyevich Andropova stayed home.", []string{"Andropova→Andropov"}},
	})

	places := []Entry{
		place("yakutia", "en", "Yakutia", "ru", "Якутия"),
		place("kalmykia", "en", "Kalmykia", "ru", "Калмыкия"),
	}
	// A proper adjective of a place before its noun is no mangled place;
	// a word no list knows is.
	checkCases(t, NewFuzzy(places), "en", []checkCase{
		{"In Yakutia the Yakut leader spoke.", nil},
		{"In Kalmykia the Kalmyk herders lost their herds.", nil},
		{"In Yakutia the leader of Yakutiya spoke.", []string{"Yakutiya→Yakutia"}},
	})
}
