package names

import (
	"strings"
	"testing"

	"lector/detect/names/namestest"
)

// testEntries is a small glossary covering the matcher's rules.
func testEntries() []Entry {
	person := func(key string, terms ...Term) Entry {
		return Entry{Key: key, Type: "person", Terms: terms}
	}
	term := func(lang, form string, status Status) Term {
		return Term{Lang: lang, Form: form, Status: status, CaseSensitive: status != FalseFriend}
	}
	return []Entry{
		person("musk",
			term("en", "Elon Musk", Preferred), term("en", "Musk", Admitted),
			term("en", "Ilon Musk", Deprecated), term("en", "mask", FalseFriend),
			term("ru", "Илон Маск", Preferred), term("ru", "Маск", Admitted)),
		person("isaacson",
			term("en", "Walter Isaacson", Preferred), term("en", "Isaacson", Admitted),
			term("en", "Isaxon", Deprecated)),
		person("kim", term("en", "Kim Jong-un", Preferred), term("en", "Kim Jong Un", Deprecated)),
		person("obrien", term("en", "Conan O'Brien", Preferred)),
		person("milei", term("uk", "Хав'єр Мілей", Preferred), term("uk", "Мілей", Admitted)),
		person("xi", term("zh", "习近平", Preferred), term("en", "Xi Jinping", Preferred), term("en", "Si Jinping", Deprecated)),
		person("roundup", term("en-GB", "Colour Man", Preferred)),
		{Key: "sigma", Type: "term", Terms: []Term{{Lang: "el", Form: "ΟΔΟΣ", Status: Deprecated}}},
		{Key: "longs", Type: "term", Terms: []Term{{Lang: "en", Form: "ſam", Status: Deprecated}}},
		{Key: "usa", Type: "place", Terms: []Term{{Lang: "und", Form: "U.S.A", Status: Preferred, CaseSensitive: true}}},
	}
}

type wantHit struct {
	text       string
	status     Status
	suggestion string
}

func findAll(t *testing.T, m *Matcher, text, lang string) []wantHit {
	t.Helper()
	var got []wantHit
	for _, h := range m.Find(text, lang) {
		if h.Text != text[h.Start:h.End] {
			t.Fatalf("hit text %q is not text[%d:%d] %q", h.Text, h.Start, h.End, text[h.Start:h.End])
		}
		got = append(got, wantHit{h.Text, h.Status, h.Suggestion})
	}
	return got
}

func TestFind(t *testing.T) {
	m := NewMatcher(testEntries())
	tests := []struct {
		name, lang, text string
		want             []wantHit
	}{
		{"word boundary", "en", "Musket fire near Musketeers, Musk.", []wantHit{{"Musk", Admitted, ""}}},
		{"false friend inside words", "en", "masked damask masks mask", []wantHit{{"mask", FalseFriend, "Musk"}}},
		{"case-sensitive name", "en", "musk oil, Musk, MUSKs", []wantHit{{"Musk", Admitted, ""}}},
		{"case-insensitive word", "en", "MASK Mask mAsK", []wantHit{{"MASK", FalseFriend, "MUSK"}, {"Mask", FalseFriend, "Musk"}, {"mAsK", FalseFriend, "Musk"}}},
		{"capitals of a name", "en", "ILON MUSK SPEAKS", []wantHit{{"ILON MUSK", Deprecated, "ELON MUSK"}}},
		{"cyrillic inflection is not exact", "ru", "Маска и Маску, но Маск.", []wantHit{{"Маск", Admitted, ""}}},
		{"cyrillic not in english text", "en", "Илон Маск", nil},
		{"possessive", "en", "Ilon Musk's car and Musk’s rocket", []wantHit{{"Ilon Musk", Deprecated, "Elon Musk"}, {"Musk", Admitted, ""}}},
		{"plural possessive", "en", "the Musks' house", []wantHit{{"Musk", Admitted, ""}}},
		{"longest match", "en", "Ilon Musk and Walter Isaacson met Isaacson", []wantHit{{"Ilon Musk", Deprecated, "Elon Musk"}, {"Walter Isaacson", Preferred, ""}, {"Isaacson", Admitted, ""}}},
		{"hyphen variants", "en", "Kim Jong Un, Kim Jong un, Kim Jong-un, Kim Jong -un, Kim Jong - un, Kim Jong‑un, Kim Jong–un", []wantHit{
			// "Kim Jong un" lacks the right form's hyphen: the fuzzy index
			// flags it (a wrong form matches with or without one).
			{"Kim Jong Un", Deprecated, "Kim Jong-un"}, {"Kim Jong-un", Preferred, ""}, {"Kim Jong -un", Preferred, ""},
			{"Kim Jong - un", Preferred, ""}, {"Kim Jong‑un", Preferred, ""}, {"Kim Jong–un", Preferred, ""}}},
		{"line break and spaces", "en", "Ilon\nMusk and Ilon   Musk", []wantHit{{"Ilon\nMusk", Deprecated, "Elon Musk"}, {"Ilon   Musk", Deprecated, "Elon Musk"}}},
		{"paragraph break", "en", "Ilon\n\nMusk", []wantHit{{"Musk", Admitted, ""}}},
		{"sentence end", "en", "Ilon. Musk", []wantHit{{"Musk", Admitted, ""}}},
		{"apostrophes", "en", "Conan O’Brien, Conan O'Brien's show", []wantHit{{"Conan O’Brien", Preferred, ""}, {"Conan O'Brien", Preferred, ""}}},
		{"ukrainian apostrophe", "uk", "Хавʼєр Мілей і Хав’єр Мілей", []wantHit{{"Хавʼєр Мілей", Preferred, ""}, {"Хав’єр Мілей", Preferred, ""}}},
		{"regional language uses base terms", "en-GB", "Si Jinping and Colour Man", []wantHit{{"Si Jinping", Deprecated, "Xi Jinping"}, {"Colour Man", Preferred, ""}}},
		{"base language does not use regional terms", "en", "Colour Man", nil},
		{"script without spaces", "zh", "习近平主席说", []wantHit{{"习近平", Preferred, ""}}},
		{"greek final sigma folds", "el", "η οδος", []wantHit{{"οδος", Deprecated, ""}}}, // no preferred form to suggest
		{"literal punctuation and und", "de", "die U.S.A und U. S. A", []wantHit{{"U.S.A", Preferred, ""}}},
		{"unknown language", "xx-bogus!", "Musk", nil},
		{"other language does not see English", "aa", "Musk MASK U.S.A", []wantHit{{"U.S.A", Preferred, ""}}},
		{"und text sees only und terms", "und", "Musk U.S.A", []wantHit{{"U.S.A", Preferred, ""}}},
		{"long s folds to an ASCII s", "en", "Sam, sam and ſam", []wantHit{{"Sam", Deprecated, ""}, {"sam", Deprecated, ""}, {"ſam", Deprecated, ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := findAll(t, m, tt.text, tt.lang)
			if len(got) != len(tt.want) {
				t.Fatalf("Find(%q) = %+v, want %+v", tt.text, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("hit %d = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestFindHitFields(t *testing.T) {
	m := NewMatcher(testEntries())
	text := "Yes, Ilon Musk's firm."
	hits := m.Find(text, "en")
	want := Hit{Start: 5, End: 14, Text: "Ilon Musk", Status: Deprecated, Check: CheckVariant,
		Suggestion: "Elon Musk", Entry: "Elon Musk", EntryKey: "musk", EntryType: "person", Confidence: 0.99}
	if len(hits) != 1 || hits[0] != want {
		t.Fatalf("Find = %+v, want %+v", hits, want)
	}
	right := m.Find("Elon Musk", "en")
	if len(right) != 1 || right[0].Check != "" || right[0].Suggestion != "" || right[0].Entry != "Elon Musk" {
		t.Fatalf("right form hit = %+v", right)
	}
}

func TestCheckDropsRightForms(t *testing.T) {
	m := NewMatcher(testEntries())
	for _, h := range m.Check("Elon Musk met Musk and Walter Isaacson, who said Ilon Musk.", "en") {
		if h.Status != Deprecated {
			t.Errorf("Check returned %+v", h)
		}
	}
}

func TestEmptyMatcher(t *testing.T) {
	for _, m := range []*Matcher{NewMatcher(nil), NewMatcher([]Entry{{Key: "x", Terms: []Term{{Lang: "en", Form: " - ", Status: Preferred}}}})} {
		if hits := m.Find("anything - at all", "en"); len(hits) != 0 {
			t.Errorf("Find = %+v", hits)
		}
	}
}

func TestLongTextsKeepOffsets(t *testing.T) {
	m := NewMatcher(testEntries())
	text := strings.Repeat("word ", 100_000) + "Ilon Musk"
	hits := m.Check(text, "en")
	if len(hits) != 1 || hits[0].Start != 500_000 {
		t.Fatalf("Check = %+v", hits)
	}
}

// TestWordHashIsPathIndependent: a word hashes the same read eight bytes at
// a time from a long text or rune by rune from a short term.
func TestWordHashIsPathIndependent(t *testing.T) {
	table := runeTable()
	for _, w := range []string{"a", "Musk", "MUSKET", "abcdefgh", "ABCDEFGHI", "Müller", "Straßenbahnhaltestelle",
		"Zhaiir", "Маск", "ΟΔΟΣ", "οδος", "x1y2z3w4v5u6", "Kelvin\u212A", "naïve", "Éric"} {
		alone := wordHash(w, table)
		sc := newScanner(w+" and a long tail of text", table)
		var tok token
		if !sc.next(&tok) || tok.end != len(w) || tok.hash != alone {
			t.Errorf("%q: in text %x end %d, alone %x", w, tok.hash, tok.end, alone)
		}
		if folded := wordHash(strings.ToLower(w), table); folded != alone && strings.ToLower(w) != w && w != "Kelvin\u212A" {
			t.Errorf("%q and its lower case hash differently", w)
		}
	}
}

// TestConcurrentFind: a Matcher is shared by every request; run with -race.
func TestConcurrentFind(t *testing.T) {
	m := NewMatcher(testEntries())
	text := "Ilon Musk met Walter Isaacson; the mask said so. Kim Jong -un."
	want := len(m.Check(text, "en"))
	done := make(chan int)
	for range 8 {
		go func() { done <- len(m.Check(text, "en-GB")) }()
	}
	for range 8 {
		if got := <-done; got != want {
			t.Errorf("Check gave %d flags concurrently, %d alone", got, want)
		}
	}
}

// TestSharedFormNamesSmallerKey: when two entries list the same form, the
// hit names the entry with the smaller key, whatever the glossary's order
// and size, so that adding unrelated entries never changes it.
func TestSharedFormNamesSmallerKey(t *testing.T) {
	entry := func(key, right string) Entry {
		return Entry{Key: key, Type: "person", Terms: []Term{
			{Lang: "en", Form: right, Status: Preferred, CaseSensitive: true},
			{Lang: "en", Form: "Alex Smit", Status: Deprecated, CaseSensitive: true},
		}}
	}
	a, b := entry("smith-alex", "Alex Smith"), entry("smit-alexander", "Alexander Smit")
	filler := entriesFromNames(namestest.Names(5000, 3))
	for _, entries := range [][]Entry{
		{a, b}, {b, a}, append([]Entry{b}, append(filler, a)...), append(append([]Entry{a}, filler...), b),
	} {
		hits := NewMatcher(entries).Check("Yesterday Alex Smit spoke.", "en")
		if len(hits) != 1 || hits[0].EntryKey != "smit-alexander" {
			t.Errorf("%d entries: hits %+v, want one naming smit-alexander", len(entries), hits)
		}
	}
}

// An entry's key is read from the entry, not stored with each term: a key
// of any length names its hits (a key over 64 KiB once left the entry's
// terms out of the index).
func TestFindLongEntryKey(t *testing.T) {
	key := strings.Repeat("k", 70_000)
	entries := append(testEntries(), Entry{Key: key, Type: "person", Terms: []Term{
		{Lang: "en", Form: "Oksana Lyniv", Status: Preferred, CaseSensitive: true},
		{Lang: "en", Form: "Oksana Lynif", Status: Deprecated, CaseSensitive: true},
	}})
	hits := NewMatcher(entries).Find("The conductor Oksana Lynif bowed.", "en")
	if len(hits) != 1 || hits[0].EntryKey != key || hits[0].Suggestion != "Oksana Lyniv" {
		t.Fatalf("Find = %+v, want one hit of the long-keyed entry → Oksana Lyniv", hits)
	}
}
