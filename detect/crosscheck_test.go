package detect

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"lector/detect/finding"
	"lector/detect/names"
)

// parallelChecker is a checker of the parallel corpus's glossary.
func parallelChecker(t testing.TB) *Checker {
	return New(loadGlossary(t, "detect/testdata/quality/parallel/glossary.csv"))
}

// pairFindings are a pair's name and alignment findings as
// "check text -> suggestion" (typography left out).
func pairFindings(t *testing.T, c *Checker, source, sourceLang, text, lang string) []string {
	t.Helper()
	checked, err := c.CheckPair(text, lang, source, sourceLang)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range checked {
		for _, f := range c.Findings {
			if f.Kind == finding.KindTypography {
				continue
			}
			line := fmt.Sprintf("%s %s -> %s", f.Check, f.Text, f.Suggestion)
			if f.Check == CheckSourceSentenceMissing {
				line += " | left out: " + f.Source
			}
			out = append(out, line)
			if f.Text != text[f.Start:f.End] {
				t.Errorf("finding %s: text %q is not the text at %d..%d", f.Check, f.Text, f.Start, f.End)
			}
		}
	}
	return out
}

// pairCase is a source and its translation, and the findings pairFindings
// must give for them, in order.
type pairCase struct {
	name, source, sourceLang, text, lang string
	want                                 []string
}

// checkPairCases runs each case as a subtest.
func checkPairCases(t *testing.T, c *Checker, cases []pairCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := pairFindings(t, c, tc.source, tc.sourceLang, tc.text, tc.lang)
			if !slices.Equal(got, tc.want) {
				t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(tc.want, "\n\t"))
			}
		})
	}
}

func TestCheckPair(t *testing.T) {
	checkPairCases(t, parallelChecker(t), []pairCase{
		{"right forms in every case are left alone",
			"Илон Маск встретился с Тимом Куком. Позже Маском заинтересовался Песков, а Путин промолчал.", "ru",
			"Elon Musk met Tim Cook. Later Peskov took an interest in Musk, while Putin kept silent.", "en", nil},
		{"Ukrainian genitive, German genitive",
			"Промова Зеленського тривала годину.", "uk",
			"Zelensky's speech lasted an hour.", "en", nil},
		{"German source",
			"Selenskyjs Rede war kurz, Scholz hörte zu.", "de",
			"Zelensky's speech was short, Scholz listened.", "en", nil},
		{"false friend confirmed by the source, with its article",
			"Маск выступил в Остине. Маск сказал, что доволен.", "ru",
			"Musk spoke in Austin. The mask said he was pleased.", "en",
			[]string{"false-friend The mask -> Musk"}},
		{"the cook for Кук",
			"Кук представил новый телефон.", "ru",
			"The cook presented a new phone.", "en",
			[]string{"source-name-missing The cook -> Cook"}},
		{"a variant stays flagged",
			"Илон Маск купил компанию.", "ru",
			"Ilon Musk bought the company.", "en",
			[]string{"glossary-variant Ilon Musk -> Elon Musk"}},
		{"a dropped name flags the sentence",
			"Песков отказался от комментариев.", "ru",
			"The Kremlin spokesman declined to comment.", "en",
			[]string{"source-name-missing The Kremlin spokesman declined to comment. -> Peskov"}},
		{"an invented name",
			"Зеленський виступив у парламенті.", "uk",
			"Zelensky and Biden spoke in parliament.", "en",
			[]string{"name-not-in-source Biden -> "}},
		{"one name put for another",
			"Путин промолчал.", "ru",
			"Biden said nothing.", "en",
			[]string{"source-name-missing Biden -> Putin"}},
		{"the source says it is a mask",
			"Маск выступил на конференции. Маска упала со стола.", "ru",
			"Musk spoke at the conference. The mask fell off the table.", "en", nil},
		{"a possessive adjective explains the name",
			"Путинский режим усилил давление на прессу.", "ru",
			"Putin's regime has increased pressure on the press.", "en", nil},
		{"and does not demand it",
			"Он критиковал путинский режим.", "ru",
			"He criticised the Kremlin regime.", "en", nil},
		{"a name rendered two ways",
			"Петренко заявил, что встреча была полезной. Журналисты спросили Петренка о деталях.", "uk",
			"Petrenko said the meeting was useful. Journalists asked Petrenka about the details.", "en",
			[]string{"inconsistent-rendering Petrenka -> Petrenko"}},
		{"case forms of an unknown name are one name",
			"Сидоров прибыл в Киев. Встреча с Сидоровым длилась час. Сидорова проводили на вокзал.", "ru",
			"Sidorov arrived in Kyiv. The meeting with Sidorovym lasted an hour. Sidorov was seen off at the station.", "en",
			[]string{"inconsistent-rendering Sidorovym -> Sidorov"}},
		{"an omitted sentence is an alignment finding, not a missing name",
			"Маск прилетел в Берлин 12 марта. Там он посетил завод Tesla. На заводе работают 11 000 человек, и Шольц назвал его образцовым. Вечером он улетел.", "ru",
			"Musk flew to Berlin on March 12. There he visited the Tesla factory. In the evening he left.", "en",
			[]string{"source-sentence-missing There he visited the Tesla factory. -> " +
				" | left out: На заводе работают 11 000 человек, и Шольц назвал его образцовым."}},
		{"an inserted sentence is an alignment finding, not an invented name",
			"Зеленський виступив у Києві. Він говорив про оборону. Промова тривала 20 хвилин.", "uk",
			"Zelensky spoke in Kyiv. He talked about defence. Officials in Washington said Biden welcomed the remarks on Tuesday morning. The speech lasted 20 minutes.", "en",
			[]string{"sentence-not-in-source Officials in Washington said Biden welcomed the remarks on Tuesday morning. -> "}},
	})
}

// A wrong form of a name the source holds is near certain, whatever its
// context alone says.
func TestCheckPairConfidence(t *testing.T) {
	checked, err := parallelChecker(t).CheckPair("Musk spoke. The mask laughed.", "en", "Маск выступил. Маск засмеялся.", "ru")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, c := range checked {
		for _, f := range c.Findings {
			if f.Check == "false-friend" {
				n++
				if f.Confidence < 0.97 || f.Suggestion != "Musk" || f.Entry != "Elon Musk" {
					t.Errorf("%+v: want confidence ≥ 0.97, suggestion Musk, entry Elon Musk", f)
				}
			}
		}
	}
	if n != 1 {
		t.Errorf("got %d false-friend findings, want 1: %+v", n, checked)
	}
}

// CheckPair with a source identical in its findings to Check where the
// source agrees: the target-only findings are kept, the typography too.
func TestCheckPairKeepsTypography(t *testing.T) {
	text := "Elon Musk  spoke ."
	c := parallelChecker(t)
	alone, err := c.Check(text, "en")
	if err != nil {
		t.Fatal(err)
	}
	paired, err := c.CheckPair(text, "en", "Илон Маск выступил.", "ru")
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(alone) != fmt.Sprint(paired) {
		t.Errorf("with an agreeing source:\n%+v\nwithout:\n%+v", paired, alone)
	}
}

func TestAlignedNames(t *testing.T) {
	c := parallelChecker(t)
	text, source := "The mask met Tim Cook and Biden.", "Маск встретился с Тимом Куком и Путиным."
	target, src := c.AlignedNames(text, "en", source, "ru")
	show := func(text string, spans []NameSpan) string {
		var parts []string
		for _, s := range spans {
			parts = append(parts, s.Key+":"+text[s.Start:s.End])
		}
		return strings.Join(parts, " ")
	}
	if got, want := show(text, target), "musk:mask cook:Tim Cook"; got != want {
		t.Errorf("target names %q, want %q", got, want)
	}
	if got, want := show(source, src), "musk:Маск cook:Куком"; got != want {
		t.Errorf("source names %q, want %q", got, want)
	}
}

// Texts with nothing to align, or nothing but noise, check without a panic
// and give every target segment.
func TestCheckPairOddInputs(t *testing.T) {
	c := parallelChecker(t)
	for _, tc := range []struct{ name, text, source string }{
		{"empty source", "Musk spoke.", ""},
		{"empty target", "", "Маск выступил."},
		{"white space", " \n\n ", "\n\n\n"},
		{"invalid UTF-8", "Musk \xff spoke. \xfe", "Маск \xff выступил."},
		{"digits and signs", "2024 — 11/9 ...", "2024 — 11/9 …"},
		{"one side all paragraphs", "A.\n\nB.\n\nC.\n\nD.", "А. Б. В. Г. Д. Е. Ж."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			paired, err := c.CheckPair(tc.text, "en", tc.source, "ru")
			if err != nil {
				t.Fatal(err)
			}
			alone, err := c.Check(tc.text, "en")
			if err != nil {
				t.Fatal(err)
			}
			if len(paired) != len(alone) {
				t.Errorf("%d segments with the source, %d without", len(paired), len(alone))
			}
		})
	}
}

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
	checkPairCases(t, standInChecker(), []pairCase{
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
		// The glossary's Serbian form in Gaj's letters is found by the
		// target alone (names/fuzzy_gaj_latin.go); the source adds nothing.
		{"the name left in the source's Latin letters",
			"Мерц је тражио санкције.", "sr",
			"Merc sought sanctions.", "en",
			[]string{"name-fuzzy Merc -> Merz"}},
		{"the given name mangled too: the whole name stands in",
			"Фридрих Мерц је стигао у Београд.", "sr",
			"Fridrih Merc arrived in Belgrade.", "en",
			[]string{"name-fuzzy Fridrih Merc -> Friedrich Merz"}},
		{"a wrong form taken for another person is the one the source names",
			"Зеленски побара нова помош од Европа.", "mk",
			"Zelenskoy asked Europe for new aid.", "en",
			[]string{"source-name-missing Zelenskoy -> Zelensky"}},
	})
}
