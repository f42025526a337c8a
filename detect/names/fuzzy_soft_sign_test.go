package names

import "testing"

// A soft sign's apostrophe between a name's words makes it a wrong form;
// a possessive before a name does not.
func TestSoftSignApostrophe(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("stravinsky", "en", "Igor Stravinsky", "ru", "Игорь Стравинский"),
		person("yashin", "en", "Lev Yashin", "ru", "Лев Яшин"),
	})
	checkCases(t, f, "en", []checkCase{
		{"The ballet by Igor' Stravinsky opened.", []string{"Igor' Stravinsky→Igor Stravinsky"}},
		{"Goalkeeper Lev’ Yashin was honoured.", []string{"Lev’ Yashin→Lev Yashin"}},
		{"He read Dickens' Igor Stravinsky essay.", nil},
		{"The Browns' Lev Yashin was there.", nil},
	})
}
