package names

import "testing"

// TestNamesInTheTextsGrammar holds the rules that put a name in the text's
// grammar: German genitives, compounds, noun phrases and articles, Polish
// case endings, indeclinable names, Belarusian spellings in Russian text, a
// woman's undeclined surname. The people are outside the quality corpora,
// so that the rules are seen to hold for any name.
func TestNamesInTheTextsGrammar(t *testing.T) {
	entries := []Entry{
		person("berlusconi", "en", "Silvio Berlusconi", "de", "Silvio Berlusconi", "ru", "Сильвио Берлускони", "uk", "Сільвіо Берлусконі"),
		person("marx", "en", "Karl Marx", "de", "Karl Marx"),
		person("habeck", "en", "Robert Habeck", "de", "Robert Habeck"),
		person("koizumi", "en", "Junichiro Koizumi", "ru", "Дзюнъитиро Коидзуми", "uk", "Дзюнітіро Коїдзумі"),
		person("pinto", "en", "Aníbal Pinto", "ru", "Анибал Пинту", "uk", "Анібал Пінту"),
		person("castro", "en", "Fidel Castro", "ru", "Фидель Кастро", "uk", "Фідель Кастро"),
		person("shevchenko", "en", "Andriy Shevchenko", "ru", "Андрей Шевченко", "uk", "Андрій Шевченко"),
		person("kolesnikova", "en", "Maria Kalesnikava", "ru", "Мария Колесникова", "uk", "Марія Колеснікова"),
		person("babaryko", "en", "Viktar Babaryka", "ru", "Виктор Бабарико", "uk", "Віктор Бабарико"),
		person("thorning", "en", "Helle Thorning-Schmidt", "ru", "Хелле Торнинг-Шмитт", "uk", "Гелле Торнінг-Шмідт"),
		person("alexievich", "en", "Svetlana Alexievich", "ru", "Светлана Алексиевич", "uk", "Світлана Алексієвич"),
		person("radwanska", "en", "Agnieszka Radwańska", "ru", "Агнешка Радваньская", "uk", "Агнешка Радванська"),
		{Key: "colombia", Type: "place", Terms: []Term{{Lang: "ru", Form: "Колумбия", Status: Preferred}, {Lang: "uk", Form: "Колумбія", Status: Preferred}}},
		person("tsai", "en", "Tsai Ing-wen", "de", "Tsai Ing-wen", "ru", "Цай Инвэнь", "uk", "Цай Інвень"),
		person("vandermeer", "en", "Ludo van der Meer", "de", "Ludo van der Meer", "ru", "Людо ван дер Меер", "uk", "Людо ван дер Меєр"),
		person("korolev", "en", "Sergei Korolev", "ru", "Сергей Королёв", "uk", "Сергій Корольов"),
		person("lebedev", "en", "Alexander Lebedev", "ru", "Александр Лебедев", "uk", "Олександр Лебедєв"),
		person("streep", "en", "Meryl Streep", "de", "Meryl Streep", "ru", "Мерил Стрип", "uk", "Меріл Стріп"),
		person("hollande", "en", "François Hollande", "de", "François Hollande", "ru", "Франсуа Олланд", "uk", "Франсуа Олланд"),
		person("kurz", "en", "Sebastian Kurz", "de", "Sebastian Kurz", "ru", "Себастьян Курц", "uk", "Себастьян Курц"),
		person("radicova", "en", "Iveta Radičová", "de", "Iveta Radičová", "ru", "Ивета Радичова", "uk", "Івета Радічова"),
		person("sainz", "en", "Carlos Sainz", "de", "Carlos Sainz", "ru", "Карлос Сайнс", "uk", "Карлос Сайнс"),
		person("kante", "en", "N'Golo Kanté", "de", "N'Golo Kanté", "ru", "Нголо Канте"),
		person("moller", "en", "Rosa Møller", "de", "Rosa Møller"),
		person("obrien", "en", "Conan O'Brien", "de", "Conan O'Brien"),
		person("morawiecki", "en", "Mateusz Morawiecki", "de", "Mateusz Morawiecki", "ru", "Матеуш Моравецкий"),
		person("kaczynski", "en", "Jarosław Kaczyński", "de", "Jarosław Kaczyński", "ru", "Ярослав Качиньский"),
		person("kidawa", "en", "Małgorzata Kidawa-Błońska", "de", "Małgorzata Kidawa-Błońska"),
		person("smolar", "en", "Piotr Smolar", "de", "Piotr Smolar"),
		person("trzaska", "en", "Michał Trzaska", "de", "Michał Trzaska", "ru", "Михал Тшаска"),
		person("przybylski", "en", "Piotr Przybylski", "de", "Piotr Przybylski", "ru", "Пётр Пшибыльский"),
		person("dostoevsky", "en", "Fyodor Dostoevsky", "de", "Fjodor Dostojewski", "ru", "Фёдор Достоевский", "uk", "Федір Достоєвський"),
	}
	checkOneHitAmong(t, entries, []oneHitCase{
		// German writes the genitive with a bare -s, or an apostrophe after
		// an s sound; the English possessive is the error.
		{"Silvio Berlusconi sprach. Berlusconi's Partei verlor.", "de", "Berlusconi's", "Berlusconis"},
		{"Silvio Berlusconi sprach. Berlusconis Partei verlor.", "de", "", ""},
		{"Das Werk Karl Marx's blieb.", "de", "Karl Marx's", "Karl Marx'"},
		{"Das Werk von Marx' Freund blieb.", "de", "", ""},
		{"Robert Habeck sprach. Habeck's Plan kam.", "de", "Habeck's", "Habecks"},
		{"Robert Habeck sprach. Habecks's Plan kam.", "de", "Habecks's", "Habecks"},
		{"Er nannte ihn 'Habeck' und ging.", "de", "", ""},
		{"Robert Habeck's plan came.", "en", "", ""}, // English is English
		// A romanized Russian genitive before a noun is German's genitive
		// there (fuzzy_genitive_de_noun.go); before a verb or a name it is
		// no genitive; a woman's -a is her name's own; a name in an s sound
		// takes no genitive -s.
		{"Damals fiel Ollanda Regierung.", "de", "Ollanda", "Hollandes"},
		{"Sebastian Kurz siegte. Die Presse lobte Kurza Partei.", "de", "Kurza", "Kurz'"},
		{"Danach sagte Ollanda nichts.", "de", "Ollanda", "Hollande"},
		{"Sebastian Kurz siegte. Die Presse lobte Kurza und Hollande.", "de", "Kurza", "Kurz"},
		{"Die Slowakin Iveta Radicova sprach.", "de", "Iveta Radicova", "Iveta Radičová"},
		{"Damals lobte Iveta Radicova Reformen.", "de", "Iveta Radicova", "Iveta Radičová"},
		{"Danach gewann Carlos Sains das Rennen.", "de", "Carlos Sains", "Carlos Sainz"},
		// A German compound's head is a name where the text names the
		// person (fuzzy_compound_de.go); abbreviations and words are not.
		{"Sebastian Kurz trat an. Die Kurtz-Regierung fiel.", "de", "Kurtz", "Kurz"},
		{"Sebastian Kurz trat an. Die Kurz-Regierung fiel.", "de", "", ""},
		{"Die Kurtz-Regierung fiel.", "de", "", ""},
		{"Sebastian Kurz trat an. Der Kreml-Sprecher und der EU-Gipfel schwiegen.", "de", "", ""},
		{"Sebastian Kurz spoke. The Kurtz-era ended.", "en", "", ""},
		// A word where German puts a common noun is no person's name
		// (fuzzy_noun_phrase_de.go); after a verb, a noun or a preposition
		// it is.
		{"N'Golo Kanté spielte. Der Tisch hatte eine scharfe Kante.", "de", "", ""},
		{"N'Golo Kanté spielte. An jeder Kante lag Staub.", "de", "", ""},
		{"N'Golo Kanté spielte. Der Ball flog vom linken oberen Kante weg.", "de", "", ""},
		{"Rosa Møller sang. Im Haus stand ein alter Moller.", "de", "", ""},
		{"N'Golo Kanté spielte, und Kante traf.", "de", "Kante", "Kanté"},
		{"N'Golo Kanté spielte. Ein Tor von Kante entschied.", "de", "Kante", "Kanté"},
		{"N'Golo Kanté spielte. Sein Trainer lobte Kante.", "de", "Kante", "Kanté"},
		// A definite article before a wrong family name goes with it
		// (fuzzy_article_de.go); not before a right one, a compound, or in
		// English.
		{"Rosa Møller sang, und die Moller tanzte.", "de", "die Moller", "Møller"},
		{"Iveta Radičová sprach. Mit der Raditschowa sprach niemand.", "de", "der Raditschowa", "Radičová"},
		{"Sebastian Kurz sprach, und der Kurtz lachte.", "de", "der Kurtz", "Kurz"},
		{"Sebastian Kurz sprach, und die Kurtz-Regierung fiel.", "de", "Kurtz", "Kurz"},
		{"Iveta Radičová sprach, und die Radičová lachte.", "de", "", ""},
		{"Iveta Radičová spoke, and the Raditschowa laughed.", "en", "Raditschowa", "Radičová"},
		// Polish case endings read back to the nominative, part by part
		// (fuzzy_polish_case.go); a given name alone is no reading.
		{"Die Presse lobte Morawieckiego Rede.", "de", "Morawieckiego", "Morawieckis"},
		{"Ein Treffen mit Jarosławem Kaczyńskim fand statt.", "de", "Jarosławem Kaczyńskim", "Jarosław Kaczyński"},
		{"Die Pläne von Kaczyńskiego gelten.", "de", "Kaczyńskiego", "Kaczyński"},
		{"The speech of Morawieckiego was long.", "en", "Morawieckiego", "Morawiecki"},
		{"Der Brief an Smolarowi kam an.", "de", "Smolarowi", "Smolar"},
		{"Die Pläne von Kidawy-Błońskiej gelten.", "de", "Kidawy-Błońskiej", "Kidawa-Błońska"},
		{"Er traf Jarosława gestern.", "de", "", ""},
		{"Die Pläne von Kaczyński gelten.", "de", "", ""},
		// Polish rz heard as ш and written sch by German convention
		// (fuzzy_polish_rz.go).
		{"Er traf Piotr Pschybylski gestern.", "de", "Piotr Pschybylski", "Piotr Przybylski"},
		{"Er traf Michal Tschaska gestern.", "de", "Michal Tschaska", "Michał Trzaska"},
		{"Er traf Michał Trzaska gestern.", "de", "", ""},
		// A lone word in a Russian adjectival genitive is a near miss enough
		// (fuzzy_adjectival_genitive.go), then in German's case.
		{"Später las man Dostojewskogo gern.", "de", "Dostojewskogo", "Dostojewski"},
		{"Later everyone read Dostojewskogo again.", "en", "Dostojewskogo", "Dostoevsky"},
		{"Später kam Diego frei.", "de", "", ""},
		// A name joined back from a split keeps the form's apostrophe
		// (fuzzy_spacing.go).
		{"Gestern sprach Conan O Brien lange.", "de", "Conan O Brien", "Conan O'Brien"},
		{"Yesterday Conan O Brien spoke.", "en", "Conan O Brien", "Conan O'Brien"},
		// Names in a vowel do not decline; MT declines them.
		{"Встреча с Коидзумием прошла.", "ru", "Коидзумием", "Коидзуми"},
		{"Встреча с Коидзуми прошла.", "ru", "", ""},
		{"Зустріч із Пінтом відбулася.", "uk", "Пінтом", "Пінту"},
		{"Зустріч із Фіделем Кастром відбулася.", "uk", "Фіделем Кастром", "Фіделем Кастро"},
		{"Зустріч із Андрієм Шевченком відбулася.", "uk", "", ""}, // a Ukrainian -ко surname declines
		// Belarusian spellings in Russian text.
		{"Арест Марыі Калеснікавай осудили.", "ru", "Марыі Калеснікавай", "Марии Колесниковой"},
		{"Арест Виктара Бабарыкі осудили.", "ru", "Виктара Бабарыкі", "Виктора Бабарико"},
		{"Встреча с Марией Колесникавай прошла.", "ru", "Марией Колесникавай", "Марией Колесниковой"},
		{"Книги Алексіевіч читают.", "ru", "Алексіевіч", "Алексиевич"},
		{"Книги Цімохіна читают.", "ru", "", ""}, // no such name: nothing read back
		// Russian forms in Ukrainian text, read back and put in the case.
		{"Зустріч у Колумбии відбулася.", "uk", "Колумбии", "Колумбії"},
		{"Зустріч у Колумбії відбулася.", "uk", "", ""},
		{"Він бачив Радваньскую вчора.", "uk", "Радваньскую", "Радванську"},
		{"Він бачив Радванську вчора.", "uk", "", ""},
		// Words split or joined the wrong way.
		{"Treffen mit Cai Ing wen.", "de", "", ""}, // not the glossary's letters
		{"Встреча с Цай Ин Вэнь прошла.", "ru", "Цай Ин Вэнь", "Цай Инвэнь"},
		{"Людо Вандер Меер сказал.", "ru", "Людо Вандер Меер", "Людо ван дер Меер"},
		// ё where the name has е is wrong; е where it has ё is right.
		{"Вчера Лебёдев ответил.", "ru", "Лебёдев", "Лебедев"},
		{"Вчера Лебедев ответил.", "ru", "", ""},
		{"Сергей Королев запустил ракету.", "ru", "", ""},
		{"Сергей Королёв запустил ракету.", "ru", "", ""},
		// A woman's surname that does not end in -а/-я does not decline.
		{"Встреча с Мерил Стрипью прошла.", "ru", "Мерил Стрипью", "Мерил Стрип"},
	})
}

// TestNameCaseAgreement holds the rules of case inside a name: a given
// name declined with its family name left in the nominative is wrong where
// the family name declines, and a suggestion puts every word of a name in
// one case. The people are outside the quality corpora.
func TestNameCaseAgreement(t *testing.T) {
	entries := []Entry{
		person("kuchma", "en", "Leonid Kuchma", "ru", "Леонид Кучма", "uk", "Леонід Кучма"),
		person("yushchenko", "en", "Viktor Yushchenko", "ru", "Виктор Ющенко", "uk", "Віктор Ющенко"),
		person("sobchak", "en", "Ksenia Sobchak", "ru", "Ксения Собчак", "uk", "Ксенія Собчак"),
		person("kravchuk", "en", "Leonid Kravchuk", "ru", "Леонид Кравчук", "uk", "Леонід Кравчук"),
		person("vereshchuk", "en", "Iryna Vereshchuk", "ru", "Ирина Верещук", "uk", "Ірина Верещук"),
		person("stefanchuk", "en", "Ruslan Stefanchuk", "ru", "Руслан Стефанчук", "uk", "Руслан Стефанчук"),
		person("zakharchenko", "en", "Vitaliy Zakharchenko", "ru", "Виталий Захарченко", "uk", "Віталій Захарченко"),
		person("obolenskaya", "en", "Vera Obolenskaya", "ru", "Вера Оболенская", "uk", "Віра Оболенська"),
		person("kim-il-sung", "en", "Kim Il Sung", "ru", "Ким Ир Сен", "uk", "Кім Ір Сен"),
	}
	checkOneHitAmong(t, entries, []oneHitCase{
		// Ukrainian declines -ко surnames; Russian does not.
		{"Зустріч із Віктором Ющенко відбулася.", "uk", "Віктором Ющенко", "Віктором Ющенком"},
		{"Лист Віктору Ющенко надіслали.", "uk", "Віктору Ющенко", "Віктору Ющенку"},
		{"Зустріч із Віктором Ющенком відбулася.", "uk", "", ""},
		{"Встреча с Виктором Ющенко прошла.", "ru", "", ""},
		// A man's surname in a consonant declines in both.
		{"Встреча с Леонидом Кравчук прошла.", "ru", "Леонидом Кравчук", "Леонидом Кравчуком"},
		{"Встреча с Леонидом Кравчуком прошла.", "ru", "", ""},
		{"Зустріч із Русланом Стефанчук відбулася.", "uk", "Русланом Стефанчук", "Русланом Стефанчуком"},
		// A woman's does not, and her given name is no man's.
		{"Зустріч з Іриною Верещук відбулася.", "uk", "", ""},
		{"Встреча с Ксенией Собчак прошла.", "ru", "", ""},
		// Both words in one case: the given name shows which.
		{"Встреча с Віталієм Захарченком прошла.", "ru", "Віталієм Захарченком", "Виталием Захарченко"},
		{"Зустріч із Верой Оболенской відбулася.", "uk", "Верой Оболенской", "Вірою Оболенською"},
		{"Зустріч із Леонидом Кучмой відбулася.", "uk", "Леонидом Кучмой", "Леонідом Кучмою"},
		// Both declined, in two cases: the family name's case stands.
		{"Благодаря Леониде Кравчуку всё решилось.", "ru", "Леониде Кравчуку", "Леониду Кравчуку"},
		{"Дякуючи Русланові Стефанчука все вирішилось.", "uk", "Русланові Стефанчука", "Руслана Стефанчука"},
		{"Благодаря Леониду Кравчуку всё решилось.", "ru", "", ""},
		{"Дякуючи Русланові Стефанчуку все вирішилось.", "uk", "", ""},
		// The parts of an East Asian name before the last stay undeclined.
		{"Пам'ятник Ким Ир Сену стоїть.", "uk", "Ким Ир Сену", "Кім Ір Сену"},
	})
}

// TestBelarusianRun holds that a word of a Belarusian run whose only
// Belarusian letter is і is read the Russian way with the rest of the run.
// The people are outside the quality corpora.
func TestBelarusianRun(t *testing.T) {
	entries := []Entry{
		person("hopkins", "en", "Anthony Hopkins", "ru", "Энтони Хопкинс", "uk", "Ентоні Гопкінс"),
		person("lindgren", "en", "Astrid Lindgren", "ru", "Астрид Линдгрен", "uk", "Астрід Ліндгрен"),
	}
	checkOneHitAmong(t, entries, []oneHitCase{
		{"Встреча с Энтані Хопкінсам прошла.", "ru", "Энтані Хопкінсам", "Энтони Хопкинсом"},
		{"Встреча с Астрід Ліндгрэн прошла.", "ru", "Астрід Ліндгрэн", "Астрид Линдгрен"},
		// A Ukrainian run is no Belarusian one.
		{"Зустріч з Ентоні Гопкінсом відбулася.", "uk", "", ""},
		{"Зустріч з Астрід Ліндгрен відбулася.", "uk", "", ""},
	})
}

// TestForeignPatronymic: a patronymic left in the other language's spelling
// between a right given and family name is a wrong form when the glossary
// holds the father's given name in both languages. The people are outside
// the quality corpora.
func TestForeignPatronymic(t *testing.T) {
	entries := []Entry{
		person("korolev", "en", "Sergei Korolev", "ru", "Сергей Королёв", "uk", "Сергій Корольов"),
		person("gagarin", "en", "Yuri Gagarin", "ru", "Юрий Гагарин", "uk", "Юрій Гагарін"),
		person("tereshkova", "en", "Valentina Tereshkova", "ru", "Валентина Терешкова", "uk", "Валентина Терешкова"),
		person("kuchma", "en", "Leonid Kuchma", "ru", "Леонид Кучма", "uk", "Леонід Кучма"),
		person("ivashko", "en", "Volodymyr Ivashko", "ru", "Владимир Ивашко", "uk", "Володимир Івашко"),
		person("podolyak", "en", "Mykhailo Podolyak", "ru", "Михаил Подоляк", "uk", "Михайло Подоляк"),
	}
	checkOneHitAmong(t, entries, []oneHitCase{
		{"Первым полетел Юрий Олексійович Гагарин.", "ru", "", ""},                             // Олексій is no given name the glossary holds
		{"Первым полетел Юрий Сергійович Гагарин.", "ru", "Сергійович", "Сергеевич"},           // Сергій → Сергей
		{"Першим полетів Юрій Сергеевич Гагарін.", "uk", "Сергеевич", "Сергійович"},            // Сергей → Сергій
		{"Першим полетів Юрій Сергійович Гагарін.", "uk", "", ""},                              // right
		{"Полетела Валентина Володимирівна Терешкова.", "ru", "Володимирівна", "Владимировна"}, // a woman's
		{"Полетіла Валентина Владимировна Терешкова.", "uk", "Владимировна", "Володимирівна"},
		{"Полетіла Валентина Володимирівна Терешкова.", "uk", "", ""},
		{"Пришёл Леонид Юрійович Кучма.", "ru", "Юрійович", "Юрьевич"}, // Юрій → Юрий
		{"Прийшов Леонід Юрьевич Кучма.", "uk", "Юрьевич", "Юрійович"},
		{"Прийшов Леонід Юрійович Кучма.", "uk", "", ""},
		{"Прийшов Леонід Юрьевич Петренко.", "uk", "", ""}, // no glossary person around it
		// A right patronymic hides no misspelled family name, and a ё of the
		// text's patronymic is no error.
		{"Прийшов Михайло Петрович Подоляк.", "uk", "", ""},
		{"Прийшов Михайло Петрович Подолак.", "uk", "Михайло Петрович Подолак", "Михайло Петрович Подоляк"},
		{"Першим полетів Юрій Олексійович Гагарин.", "uk", "Юрій Олексійович Гагарин", "Юрій Олексійович Гагарін"},
		{"Пришёл Михаил Петрович Подоляк.", "ru", "", ""},
		{"Пришёл Михаил Пётрович Подоляк.", "ru", "", ""},
	})
}
