package names

import "testing"

// TestForeignGenitives: an English romanization with German's genitive s
// is the person in the genitive, with no other mention in the text; the
// right genitive, the bare word of the language and a text in another
// language are left alone. The people are outside the quality corpora.
func TestForeignGenitives(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("rogozin", "en", "Dmitry Rogozin", "de", "Dmitri Rogosin", "ru", "Дмитрий Рогозин"),
		person("kasparov", "en", "Garry Kasparov", "de", "Garri Kasparow", "ru", "Гарри Каспаров"),
	})
	checkCases(t, f, "de", []checkCase{
		{"Rogozins Raketenpläne scheiterten.", []string{"Rogozins→Rogosins"}},
		{"Laut Kasparovs Buch ist das Spiel verloren.", []string{"Kasparovs→Kasparows"}},
		{"Rogosins Raketenpläne scheiterten.", nil},
		{"Laut Kasparows Buch ist das Spiel verloren.", nil},
		{"Die Kosten des Projekts stiegen.", nil},
	})
	checkCases(t, f, "en", []checkCase{
		{"Rogozins were seen there.", nil},
	})
}
