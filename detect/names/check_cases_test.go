package names

import (
	"strings"
	"testing"
)

// checkCase is a text and the hits Check must find in it, each written
// "text→suggestion", in order.
type checkCase struct {
	text string
	want []string
}

// checkCases runs Check on each case in lang and compares the hits.
func checkCases(t *testing.T, f *Fuzzy, lang string, cases []checkCase) {
	t.Helper()
	for _, tc := range cases {
		var got []string
		for _, h := range f.Check(tc.text, lang, nil) {
			got = append(got, h.Text+"→"+h.Suggestion)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("%q: hits %q, want %q", tc.text, got, tc.want)
		}
	}
}

// namedCase is a word of a source and the entry Named must find (none when
// key is empty).
type namedCase struct{ word, key string }

// checkNamed runs Named on each case in lang.
func checkNamed(t *testing.T, f *Fuzzy, lang string, cases []namedCase) {
	t.Helper()
	for _, tc := range cases {
		got := f.Named(tc.word, lang)
		switch {
		case tc.key == "" && len(got) > 0:
			t.Errorf("Named(%q, %s) = %s, want nothing", tc.word, lang, got[0].Key)
		case tc.key != "" && (len(got) == 0 || got[0].Key != tc.key):
			t.Errorf("Named(%q, %s) = %d entries, want %s", tc.word, lang, len(got), tc.key)
		}
	}
}
