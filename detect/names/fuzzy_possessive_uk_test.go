package names

import "testing"

// TestPossessiveForName: a Ukrainian possessive adjective of a family name
// stands for the name after the person's given name, or at a clause's
// start, after an infinitive or after "і" and a name, when no noun it could
// modify follows; before an instrumental the name is an object, in the
// accusative. Before a masculine noun, and as the family's genitive plural,
// it is right. The people are outside the quality corpora.
func TestPossessiveForName(t *testing.T) {
	entries := []Entry{
		person("lomachenko", "en", "Vasyl Lomachenko", "ru", "Василий Ломаченко", "uk", "Василь Ломаченко"),
		person("yanukovych", "en", "Viktor Yanukovych", "ru", "Виктор Янукович", "uk", "Віктор Янукович"),
	}
	f, m := NewFuzzy(entries), NewMatcher(entries)
	checkOneHit(t, f, m, []oneHitCase{
		{"Василь Ломаченків переміг у Лондоні.", "uk", "Ломаченків", "Ломаченко"},
		{"Тренер і Ломаченків готуються до бою.", "uk", "", ""},                // "і" after a word, no name
		{"Янукович і Ломаченків зустрілися.", "uk", "Ломаченків", "Ломаченко"}, // a name of the glossary
		{"Усик і Ломаченків готуються до бою.", "uk", "Ломаченків", "Ломаченко"},
		{"Бій, де Злий і Ломаченків зійдуться, відбудеться в суботу.", "uk", "Ломаченків", "Ломаченко"}, // a capital in mid-sentence: a name
		{"Після бою Ломаченків подякував уболівальникам.", "uk", "", ""},                                // after a noun: the family's, or his
		{"Після бою, Ломаченків подякував уболівальникам.", "uk", "Ломаченків", "Ломаченко"},
		{"Суд відмовився визнати Януковичів президентом.", "uk", "Януковичів", "Януковича"},
		{"Ломаченків бій відбувся в суботу.", "uk", "", ""},
		{"і Ломаченків переміг.", "uk", "", ""},
		{"Родина Ломаченків переїхала до Києва.", "uk", "", ""},
		{"У Ломаченків є дача.", "uk", "", ""},
		{"Василь Ломаченко переміг у Лондоні.", "uk", "", ""},
	})
}
