package segment

import "testing"

func TestSplitRussian(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"simple", "ru", "Привет. Как дела?", []string{"Привет.", "Как дела?"}},
		{"year abbreviation", "ru", "В 2022 г. он уехал в Москву.", []string{"В 2022 г. он уехал в Москву."}},
		{"years then starter", "ru", "Это было в 1990-х гг. Тогда всё изменилось.", []string{"Это было в 1990-х гг.", "Тогда всё изменилось."}},
		{"year before a name", "ru", "В 2014 г. Крым был аннексирован.", []string{"В 2014 г. Крым был аннексирован."}},
		{"и т.д. ends", "ru", "Он купил яблоки, груши и т.д. Потом ушёл.", []string{"Он купил яблоки, груши и т.д.", "Потом ушёл."}},
		{"и т. д. spaced", "ru", "Он купил яблоки, груши и т. д. Потом ушёл.", []string{"Он купил яблоки, груши и т. д.", "Потом ушёл."}},
		{"т.е. opens", "ru", "Т.е. это не так.", []string{"Т.е. это не так."}},
		{"т.к.", "ru", "Это важно, т.к. время идёт.", []string{"Это важно, т.к. время идёт."}},
		{"т.н. then sentence", "ru", "Это т.н. реформа. Она провалилась.", []string{"Это т.н. реформа.", "Она провалилась."}},
		{"см. стр. рис.", "ru", "См. стр. 5 и рис. 3.", []string{"См. стр. 5 и рис. 3."}},
		{"street and house", "ru", "Он живёт на ул. Ленина, д. 5.", []string{"Он живёт на ул. Ленина, д. 5."}},
		{"initials", "ru", "А. С. Пушкин родился в 1799 г. в Москве.", []string{"А. С. Пушкин родился в 1799 г. в Москве."}},
		{"guillemets and stop", "ru", "Маленькая девочка бежала и кричала: «Не видали маму?».", []string{"Маленькая девочка бежала и кричала: «Не видали маму?»."}},
		{"cubic metres", "ru", "Объем составляет 5 куб.м.", []string{"Объем составляет 5 куб.м."}},
		{"date", "ru", "Сегодня 27.10.14", []string{"Сегодня 27.10.14"}},
		{"dialogue dash", "ru", "«Куда ты?» — спросил он. Она молчала.", []string{"«Куда ты?» — спросил он.", "Она молчала."}},
		{"quote then stop", "ru", "Он сказал: «Я приду». Потом ушёл.", []string{"Он сказал: «Я приду».", "Потом ушёл."}},
		{"money abbreviation ends", "ru", "Цена — 1,8 млрд руб. Это рекорд.", []string{"Цена — 1,8 млрд руб.", "Это рекорд."}},
		{"hour abbreviation", "ru", "Встреча состоится в 10 ч. утра.", []string{"Встреча состоится в 10 ч. утра."}},
		{"question and exclamation", "ru", "Что? Не может быть!", []string{"Что?", "Не может быть!"}},
		{"ellipsis", "ru", "Он ждал… Потом ушёл.", []string{"Он ждал…", "Потом ушёл."}},
		{"title", "ru", "Проф. Иванов выступил. Зал аплодировал.", []string{"Проф. Иванов выступил.", "Зал аплодировал."}},
		{"quotation kept whole", "ru", "«Мы не знаем. Это секрет», — сказал он. Потом ушёл.", []string{"«Мы не знаем. Это секрет», — сказал он.", "Потом ушёл."}},
		{"two-letter initial", "ru", "Президент США Дж. Байден прибыл в Киев.", []string{"Президент США Дж. Байден прибыл в Киев."}},
		{"century then starter", "ru", "Это произошло в XX в. Тогда всё было иначе.", []string{"Это произошло в XX в.", "Тогда всё было иначе."}},
		{"dialogue lines", "ru", "— Привет! — сказал он.\n— Привет, — ответила она.", []string{"— Привет! — сказал он.", "— Привет, — ответила она."}},
	})
}

func TestSplitUkrainian(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"simple", "uk", "Привіт. Як справи?", []string{"Привіт.", "Як справи?"}},
		{"year abbreviation", "uk", "У 2022 р. він виїхав до Києва.", []string{"У 2022 р. він виїхав до Києва."}},
		{"years before a name", "uk", "У 1990-х рр. Україна здобула незалежність.", []string{"У 1990-х рр. Україна здобула незалежність."}},
		{"т.зв.", "uk", "Це т.зв. реформа. Вона провалилася.", []string{"Це т.зв. реформа.", "Вона провалилася."}},
		{"див. вул.", "uk", "Див. вул. Хрещатик, 5.", []string{"Див. вул. Хрещатик, 5."}},
		{"street and city", "uk", "Він живе на вул. Шевченка у м. Львів.", []string{"Він живе на вул. Шевченка у м. Львів."}},
		{"тощо is a word", "uk", "Купили яблука, груші тощо. Потім пішли.", []string{"Купили яблука, груші тощо.", "Потім пішли."}},
		{"і т.д. ends", "uk", "Купили яблука, груші і т.д. Потім пішли.", []string{"Купили яблука, груші і т.д.", "Потім пішли."}},
		{"та ін. ends", "uk", "Прийшли Петро, Іван та ін. Вони сіли.", []string{"Прийшли Петро, Іван та ін.", "Вони сіли."}},
		{"initials", "uk", "Т. Г. Шевченко народився в 1814 р. в Моринцях.", []string{"Т. Г. Шевченко народився в 1814 р. в Моринцях."}},
		{"money abbreviation ends", "uk", "Збитки склали 1,5 млрд грн. Це рекорд.", []string{"Збитки склали 1,5 млрд грн.", "Це рекорд."}},
		{"dialogue dash", "uk", "«Куди ти?» — запитав він. Вона мовчала.", []string{"«Куди ти?» — запитав він.", "Вона мовчала."}},
		{"quote then stop", "uk", "Він сказав: «Я прийду». Потім пішов.", []string{"Він сказав: «Я прийду».", "Потім пішов."}},
		{"title", "uk", "Проф. Коваленко виступив на конференції.", []string{"Проф. Коваленко виступив на конференції."}},
		{"hour abbreviation", "uk", "Зустріч о 10 год. ранку.", []string{"Зустріч о 10 год. ранку."}},
		{"question and exclamation", "uk", "Що? Не може бути!", []string{"Що?", "Не може бути!"}},
		{"page", "uk", "Детальніше див. с. 15.", []string{"Детальніше див. с. 15."}},
		{"number ends", "uk", "Населення становить 2,9 млн осіб. Це багато.", []string{"Населення становить 2,9 млн осіб.", "Це багато."}},
		{"initial before surname", "uk", "Президент України В. Зеленський заявив про це.", []string{"Президент України В. Зеленський заявив про це."}},
		{"date then name", "uk", "24 лютого 2022 р. Росія напала на Україну. Світ був шокований.", []string{"24 лютого 2022 р. Росія напала на Україну.", "Світ був шокований."}},
		{"clause and article", "uk", "Згідно з п. 3 ст. 12 закону це можливо.", []string{"Згідно з п. 3 ст. 12 закону це можливо."}},
		{"ellipsis", "uk", "Він чекав... Потім пішов.", []string{"Він чекав...", "Потім пішов."}},
	})
}

func TestSplitGerman(t *testing.T) {
	runSplitCases(t, []splitCase{
		{"simple", "de", "Hallo Welt. Wie geht es dir?", []string{"Hallo Welt.", "Wie geht es dir?"}},
		// The three German golden rules of pragmatic_segmenter's README.
		{"golden: quotation", "de", "„Ich habe heute keine Zeit“, sagte die Frau und flüsterte leise: „Und auch keine Lust.“ Wir haben 1.000.000 Euro.",
			[]string{"„Ich habe heute keine Zeit“, sagte die Frau und flüsterte leise: „Und auch keine Lust.“", "Wir haben 1.000.000 Euro."}},
		{"golden: z. B.", "de", "Es gibt jedoch einige Vorsichtsmaßnahmen, die Du ergreifen kannst, z. B. ist es sehr empfehlenswert, dass Du Dein Zuhause von allem Junkfood befreist.",
			[]string{"Es gibt jedoch einige Vorsichtsmaßnahmen, die Du ergreifen kannst, z. B. ist es sehr empfehlenswert, dass Du Dein Zuhause von allem Junkfood befreist."}},
		{"golden: date", "de", "Was sind die Konsequenzen der Abstimmung vom 12. Juni?", []string{"Was sind die Konsequenzen der Abstimmung vom 12. Juni?"}},
		{"ordinal date", "de", "Am 3. Oktober feiern wir den Tag der Deutschen Einheit.", []string{"Am 3. Oktober feiern wir den Tag der Deutschen Einheit."}},
		{"two ordinal dates", "de", "Er kam am 3. Oktober und am 4. November.", []string{"Er kam am 3. Oktober und am 4. November."}},
		{"ordinal noun", "de", "Der 2. Weltkrieg endete 1945. Danach begann der Wiederaufbau.", []string{"Der 2. Weltkrieg endete 1945.", "Danach begann der Wiederaufbau."}},
		{"century", "de", "Im 19. Jahrhundert wuchs die Stadt stark. Heute ist sie groß.", []string{"Im 19. Jahrhundert wuchs die Stadt stark.", "Heute ist sie groß."}},
		{"ca. and bzw.", "de", "Das kostet ca. 5 Euro, bzw. etwas mehr.", []string{"Das kostet ca. 5 Euro, bzw. etwas mehr."}},
		{"street suffix", "de", "Er wohnt in der Hauptstr. 5 in Berlin.", []string{"Er wohnt in der Hauptstr. 5 in Berlin."}},
		{"Str. alone", "de", "Die Praxis liegt in der Goethe Str. 12 im Zentrum.", []string{"Die Praxis liegt in der Goethe Str. 12 im Zentrum."}},
		{"Dr. and z.B.", "de", "Dr. Müller kommt heute. Er bringt z.B. Kuchen mit.", []string{"Dr. Müller kommt heute.", "Er bringt z.B. Kuchen mit."}},
		{"Nr. and Art.", "de", "Siehe Nr. 12 und Art. 3 des Gesetzes.", []string{"Siehe Nr. 12 und Art. 3 des Gesetzes."}},
		{"Art is a word", "de", "Das ist eine neue Art. Sie wächst schnell.", []string{"Das ist eine neue Art.", "Sie wächst schnell."}},
		{"usw. ends", "de", "Wir kaufen Äpfel, Birnen usw. Dann gehen wir nach Hause.", []string{"Wir kaufen Äpfel, Birnen usw.", "Dann gehen wir nach Hause."}},
		{"d.h.", "de", "Es regnet, d.h. wir bleiben hier. Morgen fahren wir.", []string{"Es regnet, d.h. wir bleiben hier.", "Morgen fahren wir."}},
		{"u. a.", "de", "Er sprach u. a. über die Wirtschaft.", []string{"Er sprach u. a. über die Wirtschaft."}},
		{"question and exclamation", "de", "Was? Das kann nicht sein!", []string{"Was?", "Das kann nicht sein!"}},
		{"ca. before a number", "de", "Die Sitzung beginnt um 10 Uhr. Sie dauert ca. zwei Stunden.", []string{"Die Sitzung beginnt um 10 Uhr.", "Sie dauert ca. zwei Stunden."}},
		{"roman ordinal", "de", "Ludwig XIV. war König von Frankreich.", []string{"Ludwig XIV. war König von Frankreich."}},
		{"German quotes", "de", "Er sagte: „Komm her.“ Dann ging er.", []string{"Er sagte: „Komm her.“", "Dann ging er."}},
		{"German quotation kept whole", "de", "„Wir kommen. Wir bleiben“, sagte er. Dann ging er.", []string{"„Wir kommen. Wir bleiben“, sagte er.", "Dann ging er."}},
		{"weekday before a date", "de", "Das Treffen findet am Mo. 5. Mai statt.", []string{"Das Treffen findet am Mo. 5. Mai statt."}},
		{"street suffix ends", "de", "Er wohnt in der Bahnhofstr. 12. Dort ist es ruhig.", []string{"Er wohnt in der Bahnhofstr. 12.", "Dort ist es ruhig."}},
		{"pope", "de", "Der Papst Benedikt XVI. trat zurück.", []string{"Der Papst Benedikt XVI. trat zurück."}},
		{"year ends", "de", "Das war im Jahr 2022. Die Lage blieb ruhig.", []string{"Das war im Jahr 2022.", "Die Lage blieb ruhig."}},
		{"numbered lines", "de", "Tagesordnung:\n1. Begrüßung\n2. Bericht", []string{"Tagesordnung:", "1. Begrüßung", "2. Bericht"}},
	})
}
