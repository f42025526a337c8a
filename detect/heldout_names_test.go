package detect

import (
	"fmt"
	"strings"
	"testing"

	"lector/detect/finding"
	"lector/detect/names"
)

// The held-out tables: sentences written for these tests about people the
// engine was never tuned on, in Russian, Ukrainian and German. Each case
// lists right forms in other grammatical cases (which must not be flagged)
// and wrong variants (which must be flagged, with the right form as the
// suggestion). The glossary holds preferred forms only.

// heldOutPeople are en, ru, uk and de preferred forms.
var heldOutPeople = []struct {
	key, en, ru, uk, de string
}{
	{"klitschko", "Vitali Klitschko", "Виталий Кличко", "Віталій Кличко", "Vitali Klitschko"},
	{"tymoshenko", "Yulia Tymoshenko", "Юлия Тимошенко", "Юлія Тимошенко", "Julija Tymoschenko"},
	{"poroshenko", "Petro Poroshenko", "Пётр Порошенко", "Петро Порошенко", "Petro Poroschenko"},
	{"sobchak", "Ksenia Sobchak", "Ксения Собчак", "Ксенія Собчак", "Xenija Sobtschak"},
	{"medvedev", "Dmitry Medvedev", "Дмитрий Медведев", "Дмитро Медведєв", "Dmitri Medwedew"},
	{"pugacheva", "Alla Pugacheva", "Алла Пугачёва", "Алла Пугачова", "Alla Pugatschowa"},
	{"yeltsin", "Boris Yeltsin", "Борис Ельцин", "Борис Єльцин", "Boris Jelzin"},
	{"yermak", "Andriy Yermak", "Андрей Ермак", "Андрій Єрмак", "Andrij Jermak"},
	{"shmyhal", "Denys Shmyhal", "Денис Шмыгаль", "Денис Шмигаль", "Denys Schmyhal"},
	{"gorbachev", "Mikhail Gorbachev", "Михаил Горбачёв", "Михайло Горбачов", "Michail Gorbatschow"},
	{"pamfilova", "Ella Pamfilova", "Элла Памфилова", "Елла Памфілова", "Ella Pamfilowa"},
	{"matviyenko", "Valentina Matviyenko", "Валентина Матвиенко", "Валентина Матвієнко", "Walentina Matwijenko"},
	{"reznikov", "Oleksii Reznikov", "Алексей Резников", "Олексій Резніков", "Oleksij Resnikow"},
	{"merz", "Friedrich Merz", "Фридрих Мерц", "Фрідріх Мерц", "Friedrich Merz"},
	{"baerbock", "Annalena Baerbock", "Анналена Бербок", "Анналена Бербок", "Annalena Baerbock"},
	{"habeck", "Robert Habeck", "Роберт Хабек", "Роберт Габек", "Robert Habeck"},
	{"schroeder", "Gerhard Schröder", "Герхард Шрёдер", "Герхард Шредер", "Gerhard Schröder"},
	{"buelow", "Bernhard von Bülow", "Бернхард фон Бюлов", "Бернгард фон Бюлов", "Bernhard von Bülow"},
	{"yavlinsky", "Grigory Yavlinsky", "Григорий Явлинский", "Григорій Явлінський", "Grigori Jawlinski"},
	{"stefanishyna", "Olha Stefanishyna", "Ольга Стефанишина", "Ольга Стефанішина", "Olha Stefanischyna"},
	{"rudyk", "Kira Rudyk", "Кира Рудик", "Кіра Рудик", "Kira Rudyk"},
}

// validationPeople and validationCases were written after the rules, and
// run once to report how they fare on names and sentences they never saw;
// nothing was changed for them.
var validationPeople = []struct {
	key, en, ru, uk, de string
}{
	{"sobyanin", "Sergei Sobyanin", "Сергей Собянин", "Сергій Собянін", "Sergei Sobjanin"},
	{"volodin", "Vyacheslav Volodin", "Вячеслав Володин", "В'ячеслав Володін", "Wjatscheslaw Wolodin"},
	{"nabiullina", "Elvira Nabiullina", "Эльвира Набиуллина", "Ельвіра Набіулліна", "Elwira Nabiullina"},
	{"kudrin", "Alexei Kudrin", "Алексей Кудрин", "Олексій Кудрін", "Alexei Kudrin"},
	{"chubais", "Anatoly Chubais", "Анатолий Чубайс", "Анатолій Чубайс", "Anatoli Tschubais"},
	{"khakamada", "Irina Khakamada", "Ирина Хакамада", "Ірина Хакамада", "Irina Chakamada"},
	{"boyko", "Yuriy Boyko", "Юрий Бойко", "Юрій Бойко", "Jurij Bojko"},
	{"stefanchuk", "Ruslan Stefanchuk", "Руслан Стефанчук", "Руслан Стефанчук", "Ruslan Stefantschuk"},
	{"vereshchuk", "Iryna Vereshchuk", "Ирина Верещук", "Ірина Верещук", "Iryna Wereschtschuk"},
	{"yatsenyuk", "Arseniy Yatsenyuk", "Арсений Яценюк", "Арсеній Яценюк", "Arsenij Jazenjuk"},
	{"danilov", "Oleksiy Danilov", "Алексей Данилов", "Олексій Данілов", "Oleksij Danilow"},
	{"vakarchuk", "Sviatoslav Vakarchuk", "Святослав Вакарчук", "Святослав Вакарчук", "Swjatoslaw Wakartschuk"},
	{"moseichuk", "Natalia Moseichuk", "Наталья Мосейчук", "Наталія Мосейчук", "Natalija Mossejtschuk"},
	{"soeder", "Markus Söder", "Маркус Зёдер", "Маркус Зедер", "Markus Söder"},
	{"lindner", "Christian Lindner", "Кристиан Линднер", "Крістіан Лінднер", "Christian Lindner"},
	{"pistorius", "Boris Pistorius", "Борис Писториус", "Борис Пісторіус", "Boris Pistorius"},
	{"weidel", "Alice Weidel", "Алиса Вайдель", "Аліса Вайдель", "Alice Weidel"},
	{"wagenknecht", "Sahra Wagenknecht", "Сара Вагенкнехт", "Сара Вагенкнехт", "Sahra Wagenknecht"},
}

var validationCases = []heldOutCase{
	{"ru", "Решение Сергея Собянина обсудили с Вячеславом Володиным.", []string{"Сергея Собянина", "Вячеславом Володиным"}, nil},
	{"ru", "Доклад Эльвиры Набиуллиной вызвал споры; Набиуллину поддержали.", []string{"Эльвиры Набиуллиной", "Набиуллину"}, nil},
	{"ru", "Прогноз Алексея Кудрина совпал с оценкой Анатолия Чубайса.", []string{"Алексея Кудрина", "Анатолия Чубайса"}, nil},
	{"ru", "С Анатолием Чубайсом спорила Ирина Хакамада; Хакамаде возразили.", []string{"Анатолием Чубайсом", "Ирина Хакамада", "Хакамаде"}, nil},
	{"ru", "Собянин открыл станцию. Сергей выступил коротко.", []string{"Собянин", "Сергей"}, nil},
	{"ru", "Ответ Маркуса Зёдера и письмо Кристиана Линднера опубликованы.", []string{"Маркуса Зёдера", "Кристиана Линднера"}, nil},
	{"ru", "С Борисом Писториусом встретилась Алиса Вайдель.", []string{"Борисом Писториусом", "Алиса Вайдель"}, nil},
	{"ru", "Мэр Сергей Собянен подписал указ.", nil, []string{"Сергей Собянен=Сергей Собянин"}},
	{"ru", "Спикер Вячеслав Валодин открыл сессию.", nil, []string{"Вячеслав Валодин=Вячеслав Володин"}},
	{"ru", "Глава ЦБ Эльвира Набиулина сохранила ставку.", nil, []string{"Эльвира Набиулина=Эльвира Набиуллина"}},
	{"ru", "Министр Борис Писториас прибыл в Вильнюс.", nil, []string{"Борис Писториас=Борис Писториус"}},
	{"ru", "Политик Сахра Вагенкнехт создала партию.", nil, []string{"Сахра Вагенкнехт=Сара Вагенкнехт"}},
	{"uk", "Заяву Юрія Бойка обговорили з Русланом Стефанчуком.", []string{"Юрія Бойка", "Русланом Стефанчуком"}, nil},
	{"uk", "Бойкові відповіла Ірина Верещук, а Арсенія Яценюка не запросили.", []string{"Бойкові", "Ірина Верещук", "Арсенія Яценюка"}, nil},
	{"uk", "Доповідь Олексія Данілова і концерт Святослава Вакарчука скасували.", []string{"Олексія Данілова", "Святослава Вакарчука"}, nil},
	{"uk", "З Вакарчуком говорила Наталія Мосейчук; Мосейчук запитала про тур.", []string{"Вакарчуком", "Наталія Мосейчук", "Мосейчук"}, nil},
	{"uk", "Яценюк виступив, Юрій мовчав.", []string{"Яценюк", "Юрій"}, nil},
	{"uk", "Промову Маркуса Зедера і відповідь Крістіана Лінднера слухали уважно.", []string{"Маркуса Зедера", "Крістіана Лінднера"}, nil},
	{"uk", "Віцепрем'єр Ірина Верешук відвідала Херсон.", nil, []string{"Ірина Верешук=Ірина Верещук"}},
	{"uk", "Спікер Руслан Стефанчюк підписав закон.", nil, []string{"Руслан Стефанчюк=Руслан Стефанчук"}},
	{"uk", "Секретар Олексій Даніло провів нараду.", nil, []string{"Олексій Даніло=Олексій Данілов"}},
	{"uk", "Співак Святослав Вакарчюк дав концерт.", nil, []string{"Святослав Вакарчюк=Святослав Вакарчук"}},
	{"de", "Söders Kritik und Christian Lindners Haushalt wurden debattiert.", []string{"Söders", "Christian Lindners"}, nil},
	{"de", "Pistorius' Besuch, Weidels Partei und Sahra Wagenknechts Bündnis.", []string{"Pistorius", "Weidels", "Sahra Wagenknechts"}, nil},
	{"de", "Gestern sprach Sarah Wagenknecht in Berlin.", nil, []string{"Sarah Wagenknecht=Sahra Wagenknecht"}},
	{"de", "Finanzminister Christian Lindener legte den Haushalt vor.", nil, []string{"Christian Lindener=Christian Lindner"}},
	{"de", "Die Rede von Alice Weidl wurde kritisiert.", nil, []string{"Alice Weidl=Alice Weidel"}},
}

// heldOutGlossary is the people's preferred forms in langs.
func heldOutGlossary(langs ...string) []names.Entry {
	return peopleGlossary(heldOutPeople, langs...)
}

func peopleGlossary(people []struct{ key, en, ru, uk, de string }, langs ...string) []names.Entry {
	var entries []names.Entry
	for _, p := range people {
		e := names.Entry{Key: p.key, Type: "person"}
		for _, lf := range [][2]string{{"en", p.en}, {"ru", p.ru}, {"uk", p.uk}, {"de", p.de}} {
			if containsLang(langs, lf[0]) {
				e.Terms = append(e.Terms, names.Term{Lang: lf[0], Form: lf[1], Status: names.Preferred, CaseSensitive: true})
			}
		}
		entries = append(entries, e)
	}
	return entries
}

// heldOutCase is one short text: right spans must not be flagged, each
// wrong span must be flagged with its suggestion (a wrong span given as
// "text=suggestion").
type heldOutCase struct {
	lang  string
	text  string
	right []string
	wrong []string
}

var heldOutCases = []heldOutCase{
	// Russian: declension of given and family names, feminine surnames,
	// indeclinable ones, a family or given name alone.
	{"ru", "Встреча Виталия Кличко с Дмитрием Медведевым не состоялась.", []string{"Виталия Кличко", "Дмитрием Медведевым"}, nil},
	{"ru", "Позиция Юлии Тимошенко и Петра Порошенко совпала.", []string{"Юлии Тимошенко", "Петра Порошенко"}, nil},
	{"ru", "Журналисты спросили Ксению Собчак о выборах, и Собчак ответила.", []string{"Ксению Собчак", "Собчак"}, nil},
	{"ru", "Песни Аллы Пугачёвой знают все; Пугачёву пригласили снова.", []string{"Аллы Пугачёвой", "Пугачёву"}, nil},
	{"ru", "При Борисе Ельцине реформы начались, а Ельцина критиковали.", []string{"Борисе Ельцине", "Ельцина"}, nil},
	{"ru", "Указ Михаила Горбачёва подписан; Горбачёвым гордились.", []string{"Михаила Горбачёва", "Горбачёвым"}, nil},
	{"ru", "Отчёт Эллы Памфиловой и письмо Валентины Матвиенко опубликованы.", []string{"Эллы Памфиловой", "Валентины Матвиенко"}, nil},
	{"ru", "Речь Фридриха Мерца и ответ Анналены Бербок прозвучали в Берлине.", []string{"Фридриха Мерца", "Анналены Бербок"}, nil},
	{"ru", "С Робертом Хабеком и Герхардом Шрёдером встретился посол.", []string{"Робертом Хабеком", "Герхардом Шрёдером"}, nil},
	{"ru", "Программу Григория Явлинского обсуждали, Явлинскому возражали.", []string{"Григория Явлинского", "Явлинскому"}, nil},
	{"ru", "Медведев выступил первым. Дмитрий говорил долго.", []string{"Медведев", "Дмитрий"}, nil},
	{"ru", "Дмитрий Медведев пришёл с женой, Светланой Медведевой.", []string{"Дмитрий Медведев", "Медведевой"}, nil},
	{"ru", "Григорий Явлинский и Елена Явлинская пришли вместе.", []string{"Григорий Явлинский", "Явлинская"}, nil},
	{"ru", "Григорий Явлинский промолчал. Явлинская ответила за мужа.", []string{"Григорий Явлинский", "Явлинская"}, nil},
	{"ru", "Ксения Собчак выросла в Петербурге. Дочь Собчака стала журналисткой.", []string{"Ксения Собчак", "Собчака"}, nil},
	{"ru", "Бернхард фон Бюлов был канцлером; Бюлова помнят.", []string{"Бернхард фон Бюлов", "Бюлова"}, nil},
	// Russian: wrong variants.
	{"ru", "Вчера Дмитрий Медведов заявил о новых мерах.", nil, []string{"Дмитрий Медведов=Дмитрий Медведев"}},
	{"ru", "Мемуары написал Борис Ельцын.", nil, []string{"Борис Ельцын=Борис Ельцин"}},
	{"ru", "Реформы начал Михаил Горбачов.", nil, []string{"Михаил Горбачов=Михаил Горбачёв"}},
	{"ru", "Элла Памфилава подвела итоги.", nil, []string{"Элла Памфилава=Элла Памфилова"}},
	{"ru", "Лидер оппозиции Фридрих Мерз выступил в бундестаге.", nil, []string{"Фридрих Мерз=Фридрих Мерц"}},
	{"ru", "Министр Анналена Баербок прилетела в Киев.", nil, []string{"Анналена Баербок=Анналена Бербок"}},
	{"ru", "Канцлер Бернхард фон Бюлоу выступил с речью.", nil, []string{"Бернхард фон Бюлоу=Бернхард фон Бюлов"}},
	{"ru", "Роберт Хэбек представил план.", nil, []string{"Роберт Хэбек=Роберт Хабек"}},
	{"ru", "Ксения Собчек объявила о выдвижении.", nil, []string{"Ксения Собчек=Ксения Собчак"}},
	{"ru", "Спикер Валентина Матвеенко открыла заседание.", nil, []string{"Валентина Матвеенко=Валентина Матвиенко"}},
	{"ru", "Алла Пугачёва дала концерт. Пугачова спела три песни.", []string{"Алла Пугачёва"}, []string{"Пугачова=Пугачёва"}},
	// Ukrainian: -о surnames decline, -ін/-ов take -им or -ом, feminine
	// surnames, a family or given name alone.
	{"uk", "Зустріч Петра Порошенка з Віталієм Кличком відбулася в Києві.", []string{"Петра Порошенка", "Віталієм Кличком"}, nil},
	{"uk", "Порошенкові поставили питання, а Кличка не запросили.", []string{"Порошенкові", "Кличка"}, nil},
	{"uk", "Позиція Юлії Тимошенко і Валентини Матвієнко не змінилася.", []string{"Юлії Тимошенко", "Валентини Матвієнко"}, nil},
	{"uk", "Указ Дмитра Медведєва обговорили з Андрієм Єрмаком.", []string{"Дмитра Медведєва", "Андрієм Єрмаком"}, nil},
	{"uk", "Уряд Дениса Шмигаля підтримав Олексія Резнікова.", []string{"Дениса Шмигаля", "Олексія Резнікова"}, nil},
	{"uk", "Реформи Михайла Горбачова порівнювали з планами Єльцина.", []string{"Михайла Горбачова", "Єльцина"}, nil},
	{"uk", "Заяву Ольги Стефанішиної підтримала Кіра Рудик.", []string{"Ольги Стефанішиної", "Кіра Рудик"}, nil},
	{"uk", "Зі Стефанішиною говорили про вступ, а Кірі Рудик надали слово.", []string{"Стефанішиною", "Кірі Рудик"}, nil},
	{"uk", "Промову Фрідріха Мерца слухали уважно; Шмигалем були задоволені.", []string{"Фрідріха Мерца", "Шмигалем"}, nil},
	{"uk", "Андрій виступив першим, Єрмак говорив після нього.", []string{"Андрій", "Єрмак"}, nil},
	{"uk", "Батько Тимошенка працював інженером.", []string{"Тимошенка"}, nil},
	{"uk", "Розмову з Резніковим і Медведєвим записали.", []string{"Резніковим", "Медведєвим"}, nil},
	// Ukrainian: wrong variants.
	{"uk", "Керівник Офісу Андрій Єрмок провів нараду.", nil, []string{"Андрій Єрмок=Андрій Єрмак"}},
	{"uk", "Прем'єр Денис Шмыгаль представив бюджет.", nil, []string{"Денис Шмыгаль=Денис Шмигаль"}},
	{"uk", "Заяву зробив Дмитро Медведев.", nil, []string{"Дмитро Медведев=Дмитро Медведєв"}},
	{"uk", "Президент Петро Парашенко підписав закон.", nil, []string{"Петро Парашенко=Петро Порошенко"}},
	{"uk", "Канцлер Бернгард фон Бюлоу приїхав до Відня.", nil, []string{"Бернгард фон Бюлоу=Бернгард фон Бюлов"}},
	{"uk", "Міністр Ольга Стефанішена відвідала Брюссель.", nil, []string{"Ольга Стефанішена=Ольга Стефанішина"}},
	{"uk", "Опозицію очолив Фрідріх Мерз.", nil, []string{"Фрідріх Мерз=Фрідріх Мерц"}},
	// German: the genitive -s (or an apostrophe) of a right form.
	{"de", "Friedrich Merz' Rede und Annalena Baerbocks Reise wurden kritisiert.", []string{"Friedrich Merz", "Annalena Baerbocks"}, nil},
	{"de", "Habecks Plan und Gerhard Schröders Amtszeit wurden verglichen.", []string{"Habecks", "Gerhard Schröders"}, nil},
	{"de", "Medwedews Drohung folgte auf Klitschkos Antwort.", []string{"Medwedews", "Klitschkos"}, nil},
	{"de", "Jelzins Nachfolger lobte Gorbatschows Reformen.", []string{"Jelzins", "Gorbatschows"}, nil},
	// German: wrong variants.
	{"de", "Gestern sprach Dmitry Medvedev in Moskau.", nil, []string{"Dmitry Medvedev=Dmitri Medwedew"}},
	{"de", "Die Memoiren von Boris Yeltsin erschienen 1994.", nil, []string{"Boris Yeltsin=Boris Jelzin"}},
	{"de", "Michail Gorbatschov erhielt den Friedensnobelpreis.", nil, []string{"Michail Gorbatschov=Michail Gorbatschow"}},
	{"de", "Außenministerin Annalena Bärbock reiste nach Kiew.", nil, []string{"Annalena Bärbock=Annalena Baerbock"}},
}

// heldOutScore counts one table run.
type heldOutScore struct {
	rights, rightsFlagged int // right spans, and those flagged
	wrongs, wrongsFound   int // wrong spans, and those flagged right
	flags, correctFlags   int // name findings, and those that fix a wrong span
	report                strings.Builder
}

func (s *heldOutScore) precision() float64 { return ratio(s.correctFlags, s.flags) }
func (s *heldOutScore) recall() float64    { return ratio(s.wrongsFound, s.wrongs) }

// runHeldOut checks every case of lang with the checker.
func runHeldOut(t *testing.T, c *Checker, cases []heldOutCase, langs ...string) *heldOutScore {
	s := &heldOutScore{}
	for _, tc := range cases {
		if !containsLang(langs, tc.lang) {
			continue
		}
		checked, err := c.Check(tc.text, tc.lang)
		if err != nil {
			t.Fatal(err)
		}
		var found []finding.Finding
		for _, f := range flatten(checked) {
			if isNameKind(f.Kind) {
				found = append(found, f)
			}
		}
		spanOf := func(span string) (int, int) {
			i := strings.Index(tc.text, span)
			if i < 0 {
				t.Fatalf("%q is not in %q", span, tc.text)
			}
			return i, i + len(span)
		}
		for _, r := range tc.right {
			s.rights++
			start, end := spanOf(r)
			for _, f := range found {
				if f.Start < end && start < f.End {
					s.rightsFlagged++
					fmtLine(&s.report, "right form flagged: %s %q → %q (%s %.2f) in %q", tc.lang, f.Text, f.Suggestion, f.Check, f.Confidence, tc.text)
					break
				}
			}
		}
		fixes := map[int]bool{}
		for _, w := range tc.wrong {
			s.wrongs++
			span, suggestion, _ := strings.Cut(w, "=")
			start, end := spanOf(span)
			ok := false
			for i, f := range found {
				item := truthItem{Finding: finding.Finding{Kind: finding.KindName, Start: start, End: end, Suggestion: suggestion}}
				if matchesTruth(tc.text, f, item) {
					ok, fixes[i] = true, true
				}
			}
			if ok {
				s.wrongsFound++
			} else {
				fmtLine(&s.report, "wrong form missed: %s %q (want %q) in %q", tc.lang, span, suggestion, tc.text)
			}
		}
		for i, f := range found {
			s.flags++
			if fixes[i] {
				s.correctFlags++
			} else {
				fmtLine(&s.report, "flag not in the table: %s %q → %q (%s %.2f)", tc.lang, f.Text, f.Suggestion, f.Check, f.Confidence)
			}
		}
	}
	return s
}

func fmtLine(b *strings.Builder, format string, args ...any) {
	b.WriteString("\n  ")
	b.WriteString(strings.TrimSpace(fmt.Sprintf(format, args...)))
}

// TestHeldOutNames measures right inflected forms left alone and wrong
// variants found on the held-out tables, per language, and holds floors.
func TestHeldOutNames(t *testing.T) {
	all := []string{"en", "ru", "uk", "de"}
	for _, sc := range []struct {
		name     string
		glossary []names.Entry
		cases    []heldOutCase
		lang     string
		// floors
		maxRightsFlagged int
		minRecall        float64
		minPrecision     float64
	}{
		// Known misses: Мерз for Мерц (з/ц is one letter in Cyrillic but
		// two edits in the romanized space the names are compared in).
		{"ru, preferred forms in en ru uk de", heldOutGlossary(all...), heldOutCases, "ru", 0, 0.9, 1},
		{"uk, preferred forms in en ru uk de", heldOutGlossary(all...), heldOutCases, "uk", 0, 0.85, 1},
		{"de, preferred forms in en ru uk de", heldOutGlossary(all...), heldOutCases, "de", 0, 1, 1},
		{"uk, preferred forms in en and ru only", heldOutGlossary("en", "ru"), rightOnly(heldOutCases), "uk", 0, 1, 1},
		{"validation ru", peopleGlossary(validationPeople, all...), validationCases, "ru", 0, 1, 1},
		{"validation uk", peopleGlossary(validationPeople, all...), validationCases, "uk", 0, 1, 1},
		{"validation de", peopleGlossary(validationPeople, all...), validationCases, "de", 0, 1, 1},
		{"validation uk, en and ru only", peopleGlossary(validationPeople, "en", "ru"), rightOnly(validationCases), "uk", 0, 1, 1},
	} {
		t.Run(sc.name, func(t *testing.T) {
			s := runHeldOut(t, New(sc.glossary), sc.cases, sc.lang)
			t.Logf("right forms flagged %d/%d; wrong variants found %d/%d (recall %.3f); flags %d, correct %d (precision %.3f)%s",
				s.rightsFlagged, s.rights, s.wrongsFound, s.wrongs, s.recall(), s.flags, s.correctFlags, s.precision(), s.report.String())
			if s.rightsFlagged > sc.maxRightsFlagged || s.recall() < sc.minRecall || s.precision() < sc.minPrecision {
				t.Errorf("floors: right forms flagged ≤ %d, recall ≥ %.2f, precision ≥ %.2f", sc.maxRightsFlagged, sc.minRecall, sc.minPrecision)
			}
		})
	}
}

// rightOnly keeps the cases without wrong spans: without forms in the
// text's language there is no right suggestion to expect, so only right
// forms are scored.
func rightOnly(cases []heldOutCase) []heldOutCase {
	var out []heldOutCase
	for _, c := range cases {
		if len(c.wrong) == 0 {
			out = append(out, c)
		}
	}
	return out
}
