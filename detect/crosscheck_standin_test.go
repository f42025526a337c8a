package detect

import (
	"slices"
	"strings"
	"testing"

	"lector/detect/names"
)

// standInChecker knows a few names in the languages of the stand-in cases.
func standInChecker() *Checker {
	term := func(lang, form string, s names.Status) names.Term {
		return names.Term{Lang: lang, Form: form, Status: s, CaseSensitive: true}
	}
	return New([]names.Entry{
		{Key: "lavrov", Type: "person", Terms: []names.Term{term("ru", "Сергей Лавров", names.Preferred),
			term("uk", "Сергій Лавров", names.Preferred), term("uk", "Лавров", names.Admitted)}},
		{Key: "russia", Type: "place", Terms: []names.Term{term("ru", "Россия", names.Preferred), term("en", "Russia", names.Preferred)}},
		{Key: "germany", Type: "place", Terms: []names.Term{term("en", "Germany", names.Preferred), term("sr", "Немачка", names.Preferred)}},
		{Key: "zelensky", Type: "person", Terms: []names.Term{term("en", "Volodymyr Zelensky", names.Preferred),
			term("en", "Zelensky", names.Admitted), term("mk", "Володимир Зеленски", names.Preferred), term("mk", "Зеленски", names.Admitted)}},
		{Key: "zelenska", Type: "person", Terms: []names.Term{term("en", "Olena Zelenska", names.Preferred),
			term("en", "Zelenska", names.Admitted), term("mk", "Олена Зеленска", names.Preferred), term("mk", "Зеленска", names.Admitted)}},
		{Key: "merz", Type: "person", Terms: []names.Term{term("en", "Friedrich Merz", names.Preferred), term("en", "Merz", names.Admitted),
			term("sr", "Фридрих Мерц", names.Preferred), term("sr", "Мерц", names.Admitted)}},
	})
}

// What stands in a source name's place: a right form the target's lookup
// did not read is no missing name; a source that writes a name in a form
// its own lookup did not read lacks no name; a word derived from the name,
// or the name left in the source's Latin alphabet, is the stand-in, not
// the whole sentence, with the given name before it when that is mangled
// too.
func TestCheckPairStandIns(t *testing.T) {
	c := standInChecker()
	for _, tc := range []struct {
		name, source, sourceLang, text, lang string
		want                                 []string
	}{
		{"a right form that is also a common word opens the sentence",
			"Лавров зустрінеться з прем'єр-міністром.", "uk",
			"Лавров встретится с премьер-министром.", "ru", nil},
		{"the source writes the name in a case its lookup does not read",
			"Міністр абароны Расіі заявіў пра поспехі.", "be",
			"Министр обороны России заявил об успехах.", "ru", nil},
		{"a word derived from the name",
			"Немачка је послала помоћ.", "sr",
			"Germanic sent aid.", "en",
			[]string{"source-name-missing Germanic -> Germany"}},
		{"the name left in the source's Latin letters",
			"Мерц је тражио санкције.", "sr",
			"Merc sought sanctions.", "en",
			[]string{"source-name-missing Merc -> Merz"}},
		{"the given name mangled too: the whole name stands in",
			"Фридрих Мерц је стигао у Београд.", "sr",
			"Fridrih Merc arrived in Belgrade.", "en",
			[]string{"source-name-missing Fridrih Merc -> Friedrich Merz"}},
		{"a wrong form taken for another person is the one the source names",
			"Зеленски побара нова помош од Европа.", "mk",
			"Zelenski asked Europe for new aid.", "en",
			[]string{"source-name-missing Zelenski -> Zelensky"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := pairFindings(t, c, tc.source, tc.sourceLang, tc.text, tc.lang)
			if !slices.Equal(got, tc.want) {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
		})
	}
}
