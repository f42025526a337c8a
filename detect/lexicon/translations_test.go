package lexicon

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func TestTranslations(t *testing.T) {
	tests := []struct {
		word, lang string
		want       []string // each must be among the translations
	}{
		{"cook", "de", []string{"Koch"}},
		{"Cook", "ru", []string{"повар"}},
		{"cook", "uk", []string{"кухар"}},
		{"gates", "de", []string{"Tore"}},
		{"gates", "ru", []string{"ворота"}}, // Mueller lists "gate"; its plural takes its translations
		{"gates", "uk", []string{"ворота"}},
		{"trump", "de", []string{"Trumpf"}},
		{"trump", "ru", []string{"козырь"}},
		{"trump", "uk", []string{"козир"}},
		{"swift", "de", []string{"schnell"}},
		{"swift", "ru", []string{"быстрый"}},
		{"swift", "uk", []string{"швидкий"}},
		{"bush", "de", []string{"Busch"}},
		{"bush", "ru", []string{"куст"}},
	}
	for _, tt := range tests {
		got := Translations(tt.word, tt.lang)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("Translations(%q, %q) = %q, want %q among them", tt.word, tt.lang, got, w)
			}
		}
	}
	for _, tt := range []struct{ word, lang string }{
		{"cook", "en"},   // no table into English
		{"cook", "fr"},   // nor any other language
		{"tim", "de"},    // too short to be a headword
		{"moscow", "ru"}, // a proper noun, no ordinary word
		{"", "de"},
	} {
		if got := Translations(tt.word, tt.lang); got != nil {
			t.Errorf("Translations(%q, %q) = %q, want none", tt.word, tt.lang, got)
		}
	}
}

// TestTranslationsManifest: the table holds the counts the generator
// recorded in data/translations.sources.tsv, and every translation is a
// word of its language's lexicon.
func TestTranslationsManifest(t *testing.T) {
	manifest, err := data.ReadFile("data/translations.sources.tsv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(manifest)), "\n")
	f := strings.Split(lines[len(lines)-1], "\t")
	if len(f) != 8 {
		t.Fatalf("translations.sources.tsv: last line %q", lines[len(lines)-1])
	}
	var want [4]int
	for i := range want {
		if want[i], err = strconv.Atoi(f[2+i]); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := data.ReadFile("data/translations.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Scan() // the header, which Translations checks
	var got [4]int
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		got[0]++
		if !For("en").Common(cols[0]) {
			t.Errorf("%q: no ordinary English word", cols[0])
		}
		for i, lang := range translationLangs {
			for _, w := range strings.Fields(cols[1+i]) {
				got[1+i]++
				if !For(lang).Has(w) {
					t.Errorf("%q: %s %q is no word of the %s lexicon", cols[0], lang, w, lang)
				}
			}
		}
	}
	if got != want {
		t.Errorf("table counts (en, de, ru, uk) = %v, translations.sources.tsv says %v", got, want)
	}
}

func TestHasTranslations(t *testing.T) {
	for _, tt := range []struct {
		word string
		want bool
	}{{"Cook", true}, {"GATES", true}, {"swift", true}, {"Zelensky", false}, {"Кук", false}, {"", false},
		{strings.Repeat("a", 40), false}} {
		if got := HasTranslations(tt.word); got != tt.want {
			t.Errorf("HasTranslations(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { HasTranslations("Cook") }); n != 0 && !raceEnabled {
		t.Errorf("HasTranslations allocates %v times a call, want 0", n)
	}
}

// BenchmarkLoadTranslations: what the first Translations call of a process
// costs, reading and indexing the table.
//
//	go test ./detect/lexicon -run '^$' -bench LoadTranslations -benchmem
func BenchmarkLoadTranslations(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loadTranslations(); err != nil {
			b.Fatal(err)
		}
	}
}
