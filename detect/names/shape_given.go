package names

import (
	"slices"
	"strings"
	"sync"
)

// givenNameList holds common Russian and Ukrainian given names in Cyrillic,
// and the usual English forms of some, for telling "Timchenko Gennady"
// (family name first, as registers write it) from "Gennady Timchenko". It is
// a general list of frequent names, not the glossary's: a reversed name is
// only recognised when its second word is on it and its first is not.
const givenNameList = `
Александр Алексей Анатолий Андрей Антон Аркадий Арсений Артём Артур Богдан Борис
Вадим Валентин Валерий Василий Виктор Виталий Владимир Владислав Всеволод Вячеслав
Габриэль Геннадий Георгий Герман Глеб Григорий Давид Даниил Денис Дмитрий Евгений
Егор Иван Игорь Илья Иосиф Кирилл Константин Лев Леонид Максим Марат Матвей Михаил
Никита Николай Олег Павел Пётр Рамзан Ринат Роман Руслан Святослав Семён Сергей
Станислав Степан Тарас Тимофей Тимур Фёдор Феликс Филипп Эдуард Юлиан Юрий Яков
Ярослав Алишер Ахмат Гарри Эльдар
Александра Алина Алла Анастасия Анна Антонина Валентина Вера Виктория Галина Дарья
Евгения Екатерина Елена Елизавета Жанна Зоя Инна Ирина Карина Кира Ксения Лариса
Лидия Любовь Людмила Маргарита Марина Мария Надежда Наталья Нина Оксана Ольга
Полина Светлана София Софья Таисия Тамара Татьяна Ульяна Эльвира Юлия Яна
Андрій Арсеній Богдан Василь Віктор Віталій Володимир Всеволод Геннадій Георгій
Гліб Григорій Данило Денис Дмитро Євген Іван Ігор Ілля Кирило Костянтин Лев Леонід
Максим Микита Микола Михайло Олег Олександр Олексій Остап Павло Петро Ростислав
Руслан Святослав Семен Сергій Степан Тарас Федір Юрій Ярослав Веніамін
Олександра Ганна Валентина Вікторія Галина Дарина Катерина Олена Єлизавета Ірина
Ксенія Лариса Людмила Марія Наталія Оксана Ольга Світлана Софія Тетяна Юлія Леся
`

// givenNameWestern are the English and other conventional forms of those
// names that no romanization produces.
const givenNameWestern = `
alexander alexandra alexis andrew anthony arthur boris david dennis eugene
eugenia george gregory helen helena igor ivan jacob joseph julia katherine
catherine leo leon lydia margaret maria marie mary michael michail natalie
nicholas nikolas olga paul peter philip sophia sophie stephen steven tatiana
theodore victor vladimir yuri garry gary herman
`

// givenNames is the folded set of givenNameList in every romanization the
// engine generates, and givenNameWestern; built once, read-only after.
var givenNames = sync.OnceValue(func() map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(givenNameWestern) {
		set[w] = true
	}
	schemes := slices.Concat(ruSchemes, ukSchemes, ruPressSchemes, ukPressSchemes)
	var buf [64]byte
	for _, name := range strings.Fields(givenNameList) {
		for _, s := range schemes {
			w := string(appendFoldedTranslit(buf[:0], name, s))
			set[w] = true
			for _, p := range pressForms(w) {
				set[p] = true
			}
		}
	}
	return set
})

// isGivenName reports whether a folded word is a common given name.
func isGivenName(folded string) bool { return givenNames()[folded] }

// pressForms are the simplifications English-language media apply to a
// BGN/PCGN-like romanization of a given name: -iy and -yy written -y or -i
// (Dmitriy → Dmitry, Dmitri), -ey written -ei (Sergey → Sergei), ks written
// x (Aleksey → Alexey), Ukrainian -ii written -iy (Serhii → Serhiy), -iya
// and -iia written -ia (Mariya → Maria).
func pressForms(w string) []string {
	var out []string
	for _, r := range [...]struct{ end, alt string }{
		{"iy", "y"}, {"iy", "i"}, {"yy", "y"}, {"ey", "ei"}, {"ii", "iy"}, {"ii", "y"},
		{"iya", "ia"}, {"iia", "ia"},
	} {
		if strings.HasSuffix(w, r.end) && len(w) > len(r.end)+2 {
			out = append(out, w[:len(w)-len(r.end)]+r.alt)
		}
	}
	for _, f := range append(out, w) {
		if strings.Contains(f, "ks") {
			out = append(out, strings.ReplaceAll(f, "ks", "x"))
		}
	}
	return out
}
