package names

import "testing"

// A Russian case ending transliterated onto a name that does not decline.
func TestDeclinedIndeclinableLatin(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("monti", "en", "Mario Monti", "de", "Mario Monti"),
		person("widodo", "en", "Joko Widodo", "de", "Joko Widodo"),
	})
	checkCases(t, f, "en", []checkCase{
		{"The minister spoke with Montiyem for an hour.", []string{"Montiyem→Monti"}},
		{"The minister met Joko Widodom in Jakarta.", []string{"Joko Widodom→Joko Widodo"}},
		{"Mario Monti met Widodo.", nil},
		{"The minister flew to Montana.", nil},
	})
	checkCases(t, f, "de", []checkCase{
		{"Der Minister sprach mit Montiyem.", []string{"Montiyem→Monti"}},
	})
}
