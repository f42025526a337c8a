package detect

import (
	"testing"

	"lector/detect/names"
)

// A mangled given name right before a false friend or a listed wrong form
// of the family name is part of the same wrong name; a right given name or
// another word is not.
func TestGivenNameJoinsFamilyFinding(t *testing.T) {
	c := New([]names.Entry{
		{Key: "trump", Type: "person", Terms: []names.Term{
			{Lang: "en", Form: "Donald Trump", Status: names.Preferred},
			{Lang: "ru", Form: "Дональд Трамп", Status: names.Preferred},
		}},
		{Key: "gates", Type: "person", Terms: []names.Term{
			{Lang: "en", Form: "Bill Gates", Status: names.Preferred},
			{Lang: "en", Form: "Gaits", Status: names.Deprecated},
		}},
	})
	for _, tc := range []struct{ text, want, suggestion string }{
		{"Donalt Tramp signed the order.", "Donalt Tramp", "Donald Trump"},
		{"Yesterday Donald Tramp signed the order.", "Tramp", "Trump"},
		{"Yesterday Tramp signed the order.", "Tramp", "Trump"},
		{"Then Bil Gaits spoke.", "Bil Gaits", "Bill Gates"},
	} {
		checked, err := c.Check(tc.text, "en")
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range checked {
			for _, f := range s.Findings {
				got = append(got, f.Text+"→"+f.Suggestion)
			}
		}
		if want := tc.want + "→" + tc.suggestion; len(got) != 1 || got[0] != want {
			t.Errorf("%q: findings %q, want [%q]", tc.text, got, want)
		}
	}
}
