package detect

import (
	"reflect"
	"testing"
)

// TestCheckerDerivedFalseFriends: with the seed glossary cut to preferred
// forms, the Checker flags "mask" where it stands for Musk and nowhere else.
func TestCheckerDerivedFalseFriends(t *testing.T) {
	checker := New(enRuPreferred(loadGlossary(t, "seeds/glossary.csv")))
	tests := []struct {
		name, text string
		want       []string // flagged text → suggestion
	}{
		{"no mention, ordinary uses", "The nurse wore a mask. Mask mandates ended in May.", nil},
		{"a mention does not turn ordinary uses into names",
			"Elon Musk visited the hospital, where every nurse wore a mask. The governor lifted mask mandates.", nil},
		{"capitalised mid-sentence", "They discussed the contacts of Mask and Putin.", []string{"Mask → Musk"}},
		{"speech verb with a mention", "Musk landed in Berlin. Asked about it, the mask said it was a success.",
			[]string{"mask → Musk"}},
		{"possessive", "Elon Musk spoke. The satellites are the mask's answer to the war.", []string{"mask → Musk"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checked, err := checker.Check(tt.text, "en")
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range flatten(checked) {
				if isNameKind(f.Kind) {
					got = append(got, f.Text+" → "+f.Suggestion)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("flags %q, want %q", got, tt.want)
			}
		})
	}
}
