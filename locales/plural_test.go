package locales

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cldrFile is CLDR's plural rules and samples for the catalogs' languages,
// in the repository's testdata (see testdata/SOURCES.md at the root).
const cldrFile = "cldr_plurals_ru_uk_de_en.json"

// cldrSamples holds the cardinal plural categories of each language with
// CLDR's sample numbers. Decimals stay strings: visible fraction digits
// matter ("1" is one in Russian, "1.0" is other).
type cldrSamples struct {
	Cardinal map[string]map[string]struct {
		Integers []int    `json:"integer_samples"`
		Decimals []string `json:"decimal_samples"`
	} `json:"cardinal"`
}

func loadCLDR(t *testing.T) cldrSamples {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", cldrFile))
	if err != nil {
		t.Fatal(err)
	}
	var s cldrSamples
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

// pluralIDs are the catalogs' plural tables.
var pluralIDs = []string{"count.segments", "count.flags", "review.approved", "review.occurrences"}

func TestPluralTablesHaveEveryCLDRCategory(t *testing.T) {
	cldr := loadCLDR(t)
	for _, lang := range languages() {
		c := loadCatalog(t, lang)
		want := sortedKeys(cldr.Cardinal[lang])
		if len(want) == 0 {
			t.Fatalf("%s lists no categories for %s", cldrFile, lang)
		}
		for _, id := range pluralIDs {
			if got := sortedKeys(c[id]); strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("active.%s.toml: %s has forms %v, CLDR needs %v", lang, id, got, want)
			}
		}
	}
}

// TestPluralFormsForCLDRSamples renders every plural message for every CLDR
// sample number, integers through N and decimals as strings (go-i18n reads
// visible fraction digits from them), and expects the form of the sample's
// category with the number filled in.
func TestPluralFormsForCLDRSamples(t *testing.T) {
	cldr := loadCLDR(t)
	b, err := NewBundle()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range languages() {
		t.Run(lang, func(t *testing.T) {
			tr := NewTranslator(b, lang)
			c := loadCatalog(t, lang)
			checked := 0
			for cat, samples := range cldr.Cardinal[lang] {
				for _, id := range pluralIDs {
					form := c[id][cat]
					for _, n := range samples.Integers {
						// The count is shown grouped for the reader: 1 001, 1.001.
						want := strings.ReplaceAll(form, "{{.Count}}", tr.Number(n))
						if got := tr.N(id, n); got != want {
							t.Errorf("%s N(%q, %d) = %q, want the %s form %q", lang, id, n, got, cat, want)
						}
						checked++
					}
					for _, d := range samples.Decimals {
						want := strings.ReplaceAll(form, "{{.Count}}", d)
						if got := tr.render(id, d, nil); got != want {
							t.Errorf("%s %q with count %s = %q, want the %s form %q", lang, id, d, got, cat, want)
						}
						checked++
					}
				}
			}
			if checked == 0 {
				t.Fatalf("no CLDR samples for %s", lang)
			}
		})
	}
}

// TestRussianAndUkrainianSegments spells out the examples.
func TestRussianAndUkrainianSegments(t *testing.T) {
	b, err := NewBundle()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang  string
		count any
		want  string
	}{
		{"ru", 1, "1 сегмент"}, {"ru", 3, "3 сегмента"}, {"ru", 5, "5 сегментов"},
		{"ru", 21, "21 сегмент"}, {"ru", 11, "11 сегментов"}, {"ru", "1.5", "1.5 сегмента"}, {"ru", "1.0", "1.0 сегмента"},
		{"uk", 1, "1 сегмент"}, {"uk", 3, "3 сегменти"}, {"uk", 5, "5 сегментів"}, {"uk", 21, "21 сегмент"}, {"uk", "1.5", "1.5 сегмента"},
		{"de", 1, "1 Segment"}, {"de", 3, "3 Segmente"}, {"de", "1.0", "1.0 Segmente"},
		{"en", 1, "1 segment"}, {"en", 0, "0 segments"},
	}
	for _, tt := range tests {
		if got := NewTranslator(b, tt.lang).render("count.segments", tt.count, nil); got != tt.want {
			t.Errorf("%s count.segments(%v) = %q, want %q", tt.lang, tt.count, got, tt.want)
		}
	}
}
