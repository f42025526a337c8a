package names

import (
	"strings"
	"testing"
)

// TestSchemeAgreement checks agreeing against the romanizations: whenever
// it says a scheme writes a form as BGN/PCGN does, it must.
func TestSchemeAgreement(t *testing.T) {
	a := newSchemeAgreement()
	var words []string
	for _, e := range append(readGlossaryCSV(t, "../../seeds/glossary.csv"), berlinGlossary()...) {
		for _, term := range e.Terms {
			words = append(words, rawNameWords(term.Form)...)
		}
	}
	for _, p := range familyPairs {
		words = append(words, p[1])
	}
	for _, e := range benchEntries(2000) {
		words = append(words, rawNameWords(e.Terms[1].Form)...)
	}
	words = append(words, "Щукин", "Юрий", "Ельцин", "Подъячев", "Згурський", "Знам'янка", "Єнакієве", "Їжакевич",
		"Ґалаґан", "ЩУКИН", "Цыганов", "Зеленський", "Соловйов", "Мар'яна", "Ілля", "Юлія", "Воєводін", "Цой",
		"Гюго", "Эльцин", "Маєток", "Зґурович", "ОЛЕНА", "Чаадаев", "Ёжиков", "М'ясоєдов", "Пётр", "Семён")
	agreed, checked := 0, 0
	for _, w := range words {
		for _, g := range []gender{genderUnknown, genderMale, genderFemale} {
			for _, lang := range []string{"ru", "uk"} {
				right, rels := nameCaseForms(w, lang, roleFamily, g)
				for _, form := range append(append([]string{w, strings.ToUpper(w)}, right...), rels...) {
					want := string(appendFoldedTranslit(nil, form, SchemeBGN))
					set := a.agreeing(form)
					for s := range Scheme(len(schemeTables)) {
						checked++
						if set&(1<<s) == 0 {
							continue
						}
						agreed++
						if got := string(appendFoldedTranslit(nil, form, s)); got != want {
							t.Fatalf("agreeing(%q) holds %v but %q != %q", form, s, got, want)
						}
					}
				}
			}
		}
	}
	t.Logf("%d of %d romanizations known to agree with BGN/PCGN", agreed, checked)
}
