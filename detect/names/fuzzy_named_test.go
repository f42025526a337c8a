package names

import (
	"slices"
	"testing"
)

// A word the lexicon lists in lower case is a name where Russian or
// Ukrainian capitalises it in mid-sentence ("від Путина": Putin, not the
// fishing season "путина"); at a sentence's start the capital says
// nothing.
func TestCapitalInMidSentenceNamesTheWord(t *testing.T) {
	f := NewFuzzy([]Entry{person("putin", "ru", "Владимир Путин", "uk", "Володимир Путін")})
	checkCases(t, f, "uk", []checkCase{
		{"Шойгу передав послання від Путина.", []string{"Путина→Путіна"}},
		{"Шойгу передав послання від Путіна.", nil},
		{"Путина почалася рано.", nil},
	})
}

// The declension of -a nouns after sibilants and, in Ukrainian, of к, г,
// х before і.
func TestCaseFormsOfSibilantsAndVelars(t *testing.T) {
	for _, tc := range []struct {
		word, lang  string
		has, hasNot []string
	}{
		{"Польша", "ru", []string{"Польши", "Польше", "Польшу", "Польшей"}, []string{"Польшы", "Польшой"}},
		{"Ницца", "ru", []string{"Ниццы", "Ницце", "Ниццей"}, []string{"Ниццой"}},
		{"Польща", "uk", []string{"Польщі", "Польщу", "Польщею"}, []string{"Польщи", "Польщою"}},
		{"Прага", "uk", []string{"Праги", "Празі", "Прагу", "Прагою"}, []string{"Прагі"}},
		{"Аляска", "uk", []string{"Аляски", "Алясці"}, []string{"Аляскі"}},
		{"Вільха", "uk", []string{"Вільхи", "Вільсі"}, []string{"Вільхі"}},
		// Ukrainian ц is hard, Russian ц after an unstressed vowel takes -ем.
		{"Шульц", "uk", []string{"Шульца", "Шульцу", "Шульцові", "Шульцом", "Шульці"}, []string{"Шульцем", "Шульцеві"}},
		{"Майнц", "uk", []string{"Майнца", "Майнцом", "Майнці"}, []string{"Майнцем"}},
		{"Шульц", "ru", []string{"Шульца", "Шульцу", "Шульцем", "Шульце"}, []string{"Шульцом"}},
		{"Товкач", "uk", []string{"Товкача", "Товкачеві", "Товкачем"}, []string{"Товкачом"}},
	} {
		forms := CaseForms(tc.word, tc.lang)
		for _, w := range tc.has {
			if !slices.Contains(forms, w) {
				t.Errorf("CaseForms(%q, %s) = %q, want %q among them", tc.word, tc.lang, forms, w)
			}
		}
		for _, w := range tc.hasNot {
			if slices.Contains(forms, w) {
				t.Errorf("CaseForms(%q, %s) = %q, must not hold %q", tc.word, tc.lang, forms, w)
			}
		}
	}
}
