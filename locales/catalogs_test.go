package locales

import (
	"io/fs"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// languages are the catalogs Lector ships, English (the source) first.
func languages() []string {
	var tags []string
	for _, l := range Languages() {
		tags = append(tags, l.Tag)
	}
	return tags
}

// sameAsEnglish lists the only keys whose translation may equal the English
// text. Keep it short: every entry needs a reason.
var sameAsEnglish = map[string]string{
	"history.system": "the product name Lector, shown as the actor of system events",
}

// pluralCategories are the forms a message may have; goi18n merge also
// writes a hash (and may keep a description) beside them.
var pluralCategories = map[string]bool{"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true}

// catalog is one active.<lang>.toml read as plain data: a flat message is a
// single "other" form, a plural table maps CLDR categories to forms.
type catalog map[string]map[string]string

func loadCatalog(t *testing.T, lang string) catalog {
	t.Helper()
	data, err := fs.ReadFile(files, "active."+lang+".toml")
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := toml.Unmarshal(data, &raw); err != nil {
		t.Fatalf("active.%s.toml: %v", lang, err)
	}
	c := catalog{}
	for id, v := range raw {
		switch v := v.(type) {
		case string:
			c[id] = map[string]string{"other": v}
		case map[string]any:
			forms := map[string]string{}
			for cat, s := range v {
				if !pluralCategories[cat] {
					continue // hash, description: goi18n merge's bookkeeping
				}
				str, ok := s.(string)
				if !ok {
					t.Fatalf("active.%s.toml: %s.%s is %T, not a string", lang, id, cat, s)
				}
				forms[cat] = str
			}
			c[id] = forms
		default:
			t.Fatalf("active.%s.toml: %s is %T", lang, id, v)
		}
	}
	return c
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// eachTranslation runs check as a subtest named for each catalog but the
// English one, with both loaded.
func eachTranslation(t *testing.T, check func(t *testing.T, lang string, en, c catalog)) {
	en := loadCatalog(t, "en")
	for _, lang := range languages()[1:] {
		t.Run(lang, func(t *testing.T) { check(t, lang, en, loadCatalog(t, lang)) })
	}
}

func TestEveryCatalogHasExactlyTheEnglishKeys(t *testing.T) {
	eachTranslation(t, func(t *testing.T, lang string, en, c catalog) {
		for _, id := range sortedKeys(en) {
			if _, ok := c[id]; !ok {
				t.Errorf("active.%s.toml lacks %q (English: %q)", lang, id, en[id]["other"])
			}
		}
		for _, id := range sortedKeys(c) {
			if _, ok := en[id]; !ok {
				t.Errorf("active.%s.toml holds %q, which active.en.toml does not", lang, id)
			}
		}
	})
}

func TestNoTranslationLeftInEnglish(t *testing.T) {
	eachTranslation(t, func(t *testing.T, lang string, en, c catalog) {
		for _, id := range sortedKeys(c) {
			_, allowed := sameAsEnglish[id]
			for cat, s := range c[id] {
				same := s == en[id][cat] || s == en[id]["other"]
				if same && !allowed {
					t.Errorf("active.%s.toml: %s (%s) = %q is still English", lang, id, cat, s)
				}
				if !same && allowed {
					t.Errorf("active.%s.toml: %s is allow-listed as English but reads %q; drop it from sameAsEnglish", lang, id, s)
				}
			}
		}
	})
}

var (
	placeholderRe = regexp.MustCompile(`\{\{\s*\.([A-Za-z]\w*)\s*\}\}`)
)

// placeholders is the sorted set of {{.X}} names in s; ok is false when s
// holds template actions that are not plain placeholders.
func placeholders(s string) (names []string, ok bool) {
	ms := placeholderRe.FindAllStringSubmatch(s, -1)
	for _, m := range ms {
		if !slices.Contains(names, m[1]) {
			names = append(names, m[1])
		}
	}
	sort.Strings(names)
	return names, len(ms) == strings.Count(s, "{{")
}

func TestPlaceholdersMatchEnglish(t *testing.T) {
	en := loadCatalog(t, "en")
	for _, lang := range languages() {
		t.Run(lang, func(t *testing.T) {
			c := loadCatalog(t, lang)
			for _, id := range sortedKeys(c) {
				want, _ := placeholders(en[id]["other"])
				for _, cat := range sortedKeys(c[id]) {
					got, ok := placeholders(c[id][cat])
					if !ok {
						t.Errorf("active.%s.toml: %s (%s) = %q holds a template action that is not {{.Name}}", lang, id, cat, c[id][cat])
					}
					if !slices.Equal(got, want) {
						t.Errorf("active.%s.toml: %s (%s) uses placeholders %v, English uses %v", lang, id, cat, got, want)
					}
				}
			}
		})
	}
}

// TestQuotationMarks keeps each language's typography: no English curly
// quotes in Russian, Ukrainian or German, and no straight double quotes.
func TestQuotationMarks(t *testing.T) {
	foreign := map[string]string{"ru": "“”„", "uk": "“”„", "de": "”«»"}
	for lang, bad := range foreign {
		c := loadCatalog(t, lang)
		for _, id := range sortedKeys(c) {
			for cat, s := range c[id] {
				if strings.ContainsAny(s, bad+`"`) {
					t.Errorf("active.%s.toml: %s (%s) = %q uses quotation marks foreign to %s", lang, id, cat, s, lang)
				}
			}
		}
	}
}
