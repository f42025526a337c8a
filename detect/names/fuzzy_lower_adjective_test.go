package names

import "testing"

// TestLowercaseAdjective: a lowercase word with an adjective's ending is an
// adjective, even one the lexicon lacks, not a mangled family name; a
// lowercase word with a noun's ending is still compared.
func TestLowercaseAdjective(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("kosachev", "en", "Konstantin Kosachev", "ru", "Константин Косачёв", "uk", "Костянтин Косачов"),
		person("pushkov", "en", "Alexey Pushkov", "ru", "Алексей Пушков", "uk", "Олексій Пушков"),
	})
	checkCases(t, f, "ru", []checkCase{
		{"Константин Косачёв выступил, а косачий ток начался.", nil},
		{"Алексей Пушков выступил, а пушковый мех подорожал.", nil},
	})
	for _, tc := range []struct {
		lang, word string
		want       bool
	}{
		{"ru", "белоусый", true}, {"ru", "косачьего", true}, {"uk", "пушковій", true},
		{"ru", "пушкова", false}, {"ru", "косачёву", false}, {"en", "mighty", false},
	} {
		if got := isLowerAdjective(tc.lang, tc.word); got != tc.want {
			t.Errorf("isLowerAdjective(%s, %q) = %v, want %v", tc.lang, tc.word, got, tc.want)
		}
	}
}
