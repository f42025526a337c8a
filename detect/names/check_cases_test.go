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

// oneHitCase is a text in lang and the one hit Check must find in it, with
// the exact matcher's hits as known: its text and suggestion, or "" for no
// hit.
type oneHitCase struct{ text, lang, want, sugg string }

// checkOneHit runs the matcher and Check on each case.
func checkOneHit(t *testing.T, f *Fuzzy, m *Matcher, cases []oneHitCase) {
	t.Helper()
	for _, tt := range cases {
		hits := f.Check(tt.text, tt.lang, m.Find(tt.text, tt.lang))
		var got, sugg string
		if len(hits) > 0 {
			got, sugg = hits[0].Text, hits[0].Suggestion
		}
		if len(hits) > 1 || got != tt.want || sugg != tt.sugg {
			t.Errorf("%s (%s): flagged %q → %q (%d hits), want %q → %q", tt.text, tt.lang, got, sugg, len(hits), tt.want, tt.sugg)
		}
	}
}

// checkOneHitAmong runs checkOneHit with the matchers of entries.
func checkOneHitAmong(t *testing.T, entries []Entry, cases []oneHitCase) {
	t.Helper()
	checkOneHit(t, NewFuzzy(entries), NewMatcher(entries), cases)
}
