package names

import "testing"

// TestNameInsideAnotherWord: the name and two letters more that are no case
// ending is another word (the locative of a place named after the saint),
// while the name with a case ending stays a declined name. The people are
// outside the quality corpora.
func TestNameInsideAnotherWord(t *testing.T) {
	f := NewFuzzy([]Entry{
		person("nicholas", "en", "Saint Nicholas"),
		person("tobias", "en", "King Tobias"),
	})
	checkCases(t, f, "en", []checkCase{
		{"Saint Nicholas is remembered. The pilgrims met in Nicholasku.", nil},
		{"King Tobias spoke. The envoys met in Tobiasku.", nil},
		{"King Tobias spoke. The envoys met with Tobiasom.", []string{"Tobiasom→Tobias"}},
	})
}
