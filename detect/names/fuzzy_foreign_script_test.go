package names

import (
	"testing"

	"lector/detect/internal/enginetest"
)

// A name left in Cyrillic in a text written in Latin script, on people the
// corpora do not hold: the entry's form in the text's language is the
// suggestion, whichever Cyrillic language's form the run is.
func TestForeignScriptNames(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("gergiev", "en", "Valery Gergiev", "de", "Waleri Gergijew", "ru", "Валерий Гергиев"),
		person("netrebko", "en", "Anna Netrebko", "ru", "Анна Нетребко"),
		person("dodik", "en", "Milorad Dodik", "sr", "Милорад Додик"),
		person("von-trier", "en", "Lars von Trier", "ru", "Ларс фон Триер"),
		person("rimsky-korsakov", "en", "Nikolai Rimsky-Korsakov", "ru", "Николай Римский-Корсаков"),
		person("ivanov", "ru", "Пётр Иванов"),
	})
	for _, tc := range []struct {
		lang  string
		cases []checkCase
	}{
		{"en", []checkCase{
			{"The conductor Валерий Гергиев arrived.", []string{"Валерий Гергиев→Valery Gergiev"}},
			{"Later Гергиев spoke.", []string{"Гергиев→Gergiev"}},
			{"Valery Гергиев spoke.", []string{"Valery Гергиев→Valery Gergiev"}},
			{"Анна Netrebko sang.", []string{"Анна Netrebko→Anna Netrebko"}},
			{"Then Анна sang.", []string{"Анна→Anna"}},
			// A Serbian form in Serbian letters.
			{"The leader Милорад Додик spoke, and Додик left.", []string{"Милорад Додик→Milorad Dodik", "Додик→Dodik"}},
			// Particles in Cyrillic belong to the name.
			{"The film by Ларс фон Триер won.", []string{"Ларс фон Триер→Lars von Trier"}},
			{"The film by фон Триер won.", []string{"фон Триер→von Trier"}},
			{"The opera by Римский-Корсаков played.", []string{"Римский-Корсаков→Rimsky-Korsakov"}},
			// The original spelling given in parentheses is a gloss.
			{"Valery Gergiev (Валерий Гергиев) arrived.", nil},
			// Cyrillic that names no entry, or an entry with no English form.
			{"The sign read Добро пожаловать.", nil},
			{"Then Иванов left.", nil},
		}},
		{"de", []checkCase{
			{"Der Dirigent Гергиев kam.", []string{"Гергиев→Gergijew"}},
		}},
		{"ru", []checkCase{
			{"Гергиев приехал.", nil},
		}},
	} {
		t.Run(tc.lang, func(t *testing.T) { checkCases(t, f, tc.lang, tc.cases) })
	}
}

// A name left in Gaj's Latin letters (MT from Serbian), and a given name
// the MT translated as a word, on people and places the corpora do not hold.
func TestGajLatinNames(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("schroeder", "en", "Gerhard Schröder", "sr", "Герхард Шредер"),
		person("hu-jintao", "en", "Hu Jintao", "sr", "Ху Ђинтао", "mk", "Ху Џинтао"),
		{Key: "ljubljana", Type: "place", Terms: []Term{
			{Lang: "en", Form: "Ljubljana", Status: Preferred}, {Lang: "sr", Form: "Љубљана", Status: Preferred}}},
		{Key: "salzburg", Type: "place", Terms: []Term{
			{Lang: "en", Form: "Salzburg", Status: Preferred}, {Lang: "sr", Form: "Салцбург", Status: Preferred}}},
		person("sharon", "en", "Ariel Sharon"),
		person("chavez", "en", "Hugo Chávez"),
		person("djukanovic", "en", "Milo Djukanovic"),
		person("abe", "en", "Shinzo Abe"),
		{Key: "rim", Type: "place", Terms: []Term{
			{Lang: "en", Form: "Rome", Status: Preferred}, {Lang: "sr", Form: "Рим", Status: Preferred}}},
	})
	checkCases(t, f, "en", []checkCase{
		{"The former chancellor Gerhard Šreder spoke.", []string{"Gerhard Šreder→Gerhard Schröder"}},
		{"The book of Šredera sold well.", []string{"Šredera→Schröder"}},
		{"The festival in Salcburgu opened.", []string{"Salcburgu→Salzburg"}},
		// Right forms, a Serbian spelling that is the English one, and an
		// English word that spells a Serbian name.
		{"Gerhard Schröder flew to Ljubljana and Salzburg.", nil},
		{"The cup's Rim was chipped, they said in Rome.", nil},
		// A given name translated as a word.
		{"The talks with Who Đintao ended.", []string{"Who Đintao→Hu Jintao"}},
		{"The talks with Who Џинтао ended.", []string{"Who Џинтао→Hu Jintao"}},
		{"The talks with President Đintao ended.", []string{"Đintao→Jintao"}},
		{"Who Đintao came.", []string{"Đintao→Jintao"}},
		// Without the glossary's Serbian form: the English way of reading
		// Gaj's letters gives the English form.
		{"The envoy met Ariel Šaron in Jerusalem.", []string{"Ariel Šaron→Ariel Sharon"}},
		{"The visit of Šarona ended.", []string{"Šarona→Sharon"}},
		{"Hugo Čavez spoke, and Milo Đukanović listened.", []string{"Hugo Čavez→Hugo Chávez", "Milo Đukanović→Milo Djukanovic"}},
		{"Then Šinzo Abe spoke.", []string{"Šinzo Abe→Shinzo Abe"}},
		{"Ariel Sharon drove a Škoda.", nil},
		{"The envoy met Who Đintao. Who Đintao left.", []string{"Who Đintao→Hu Jintao", "Who Đintao→Hu Jintao"}},
	})
	// A glossary with no Serbian form at all reads the text's words in
	// Gaj's letters only.
	checkCases(t, NewFuzzy([]Entry{person("djukanovic", "en", "Milo Djukanovic"), person("abe", "en", "Shinzo Abe")}), "en", []checkCase{
		{"Milo Đukanović met Šinzo Abe.", []string{"Milo Đukanović→Milo Djukanovic", "Šinzo Abe→Shinzo Abe"}},
		{"Milo Djukanovic met Shinzo Abe.", nil},
	})
}

// A right form the exact matcher found with a particle in the wrong case,
// on a name the corpora do not hold.
func TestKnownParticleCase(t *testing.T) {
	checkOneHitAmong(t, []Entry{person("van-buren", "en", "Martin Van Buren", "de", "Martin Van Buren")}, []oneHitCase{
		{"Gestern las er über Martin van Buren.", "de", "Martin van Buren", "Martin Van Buren"},
		{"He wrote about Martin van Buren.", "en", "Martin van Buren", "Martin Van Buren"},
		{"He wrote about Martin Van Buren.", "en", "", ""},
	})
}

// TestHoldsForeignLetters: the pass for names left in another script is
// skipped only for a text with neither a Cyrillic letter nor one of Gaj's;
// the accents, typographic quotes and dashes of English and German news do
// not count.
func TestHoldsForeignLetters(t *testing.T) {
	enginetest.Each1(t, "holdsForeignLetters", holdsForeignLetters, []enginetest.Case1[string, bool]{
		{A: "Plain news, with “quotes” — and Café Müller in Zürich.", Want: false},
		// Latin Extended-A shares Gaj's lead bytes: the pass runs, and
		// finds what it found before.
		{A: "Łódź", Want: true},
		{A: "", Want: false},
		{A: "Trump met Путин.", Want: true},
		{A: "Ukraine's Ґонта and Serbia's Ђоковић.", Want: true},
		{A: "Fridrih Merc met Đinping.", Want: true},
		{A: "Ariel Šaron", Want: true},
		{A: "Novak Đoković, Čačak", Want: true},
	})
}

// TestNoSuggestionInAnotherScript: an entry with Cyrillic forms only does
// not make a Latin spelling in an English text wrong; the text's own
// language's form, where the entry has one, still does. People outside
// the quality corpora.
func TestNoSuggestionInAnotherScript(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("lukashenko", "be", "Аляксандр Лукашэнка", "ru", "Александр Лукашенко"),
		person("tikhanovsky", "en", "Siarhei Tsikhanouski", "ru", "Сергей Тихановский"),
	})
	checkCases(t, f, "en", []checkCase{
		{"Alexander Lukashenko spoke in Minsk.", nil},
		{"Lukashenko spoke, and Lukashenka answered.", nil},
		{"Siarhei Tsikhanousky was jailed.", []string{"Siarhei Tsikhanousky→Siarhei Tsikhanouski"}},
		{"The text keeps Сергей Тихоновский in Cyrillic.", []string{"Сергей Тихоновский→Siarhei Tsikhanouski"}},
	})
}
