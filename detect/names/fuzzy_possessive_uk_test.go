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
	checkCases(t, NewFuzzy(entries), "uk", []checkCase{
		{"Василь Ломаченків переміг у Лондоні.", []string{"Ломаченків→Ломаченко"}},
		{"Тренер і Ломаченків готуються до бою.", nil},                          // "і" after a word, no name
		{"Янукович і Ломаченків зустрілися.", []string{"Ломаченків→Ломаченко"}}, // a name of the glossary
		{"Усик і Ломаченків готуються до бою.", []string{"Ломаченків→Ломаченко"}},
		{"Бій, де Злий і Ломаченків зійдуться, відбудеться в суботу.", []string{"Ломаченків→Ломаченко"}}, // a capital in mid-sentence: a name
		{"Після бою Ломаченків подякував уболівальникам.", nil},                                          // after a noun: the family's, or his
		{"Після бою, Ломаченків подякував уболівальникам.", []string{"Ломаченків→Ломаченко"}},
		{"Суд відмовився визнати Януковичів президентом.", []string{"Януковичів→Януковича"}},
		{"Ломаченків бій відбувся в суботу.", nil},
		{"і Ломаченків переміг.", nil},
		{"Родина Ломаченків переїхала до Києва.", nil},
		{"У Ломаченків є дача.", nil},
		{"Василь Ломаченко переміг у Лондоні.", nil},
	})
}
