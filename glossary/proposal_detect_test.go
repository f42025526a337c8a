package glossary

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// naiveChunks diffs a and b as common prefix, one replacement, common
// suffix (cut at rune boundaries): enough to exercise detectLearned's
// offset arithmetic on any input.
func naiveChunks(a, b string) []DiffChunk {
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	for p > 0 && (!utf8.ValidString(a[:p]) || !utf8.ValidString(a[p:]) || !utf8.ValidString(b[p:])) {
		p--
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	for s > 0 && (!utf8.ValidString(a[len(a)-s:]) || !utf8.ValidString(b[len(b)-s:]) ||
		!utf8.ValidString(a[p:len(a)-s]) || !utf8.ValidString(b[p:len(b)-s])) {
		s--
	}
	var out []DiffChunk
	add := func(op, text string) {
		if text != "" {
			out = append(out, DiffChunk{op, text})
		}
	}
	add("equal", a[:p])
	add("delete", a[p:len(a)-s])
	add("insert", b[p:len(b)-s])
	add("equal", a[len(a)-s:])
	return out
}

var testRights = map[string][]learnRight{
	"walter isaacson": {{EntryID: 1, Lang: "en", Form: "Walter Isaacson", CaseSensitive: true}},
	"isaacson":        {{EntryID: 1, Lang: "en", Form: "Isaacson", CaseSensitive: true}},
	"milei":           {{EntryID: 2, Lang: "en", Form: "Milei", CaseSensitive: true}},
	"айзексон":        {{EntryID: 1, Lang: "ru", Form: "Айзексон", CaseSensitive: true}},
}

func TestDetectLearnedSpans(t *testing.T) {
	cases := []struct{ before, after, want string }{
		{"by Walter Isaxon.", "by Walter Isaacson.", "Isaxon"},
		{"(Isaxon's)", "(Isaacson's)", "Isaxon"},
		{"«Mileya»", "«Milei»", "Mileya"},
		{"Walter X. Isaacson", "Walter Isaacson", "Walter X. Isaacson"}, // a dropped middle initial
		{"isaxon", "isaacson", ""},                                      // the right form is case-sensitive
		{"о книге Айзексена", "о книге Айзексона", "Айзексен"},
		{"о книге Айзексона", "о книге Айзексона и Милея", ""},
	}
	for _, c := range cases {
		old := oldText(naiveChunks(c.before, c.after))
		if old != c.before {
			t.Fatalf("naiveChunks(%q, %q) loses the old text: %q", c.before, c.after, old)
		}
		var got []string
		for _, l := range detectLearned(naiveChunks(c.before, c.after), testRights, func(int64, string) bool { return false }) {
			got = append(got, l.Old)
		}
		if strings.Join(got, "|") != c.want {
			t.Errorf("%q → %q learned %q, want %q", c.before, c.after, got, c.want)
		}
	}
}

func FuzzDetectLearned(f *testing.F) {
	f.Add("by Walter Isaxon.", "by Walter Isaacson.")
	f.Add("Isaxon’s", "Isaacson’s")
	f.Add("Айзексена", "Айзексона")
	f.Add("", "Milei")
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		chunks := naiveChunks(a, b)
		for _, l := range detectLearned(chunks, testRights, func(int64, string) bool { return false }) {
			if l.OldStart < 0 || l.OldEnd > len(a) || a[l.OldStart:l.OldEnd] != l.Old || l.Old == "" {
				t.Fatalf("%q → %q: learned %+v outside the old text", a, b, l)
			}
		}
	})
}

// TestLearnSpansBounded: a long rewrite yields at most learnMaxCandidates
// spans to look up, whatever its script.
func TestLearnSpansBounded(t *testing.T) {
	for _, word := range []string{"word", "слово"} {
		before := strings.Repeat(word+"a ", 2000)
		after := strings.Repeat(word+"b ", 2000)
		hs, text := diffHunks(naiveChunks(before, after))
		if n := len(learnSpans(hs, text, learnMaxWords)); n != learnMaxCandidates {
			t.Errorf("%s: %d spans, want the limit %d", word, n, learnMaxCandidates)
		}
	}
}
