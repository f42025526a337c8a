package review

import (
	"strings"
	"testing"
)

// TestGlossaryPanel: the article's language first, the source's second,
// the rest in the store's order; folded after glossaryFolded rows.
func TestGlossaryPanel(t *testing.T) {
	// The store's order: entry, language, preferred first, form.
	terms := func(spec string) []GlossaryTerm {
		var out []GlossaryTerm
		for _, f := range strings.Fields(spec) {
			key, lang, _ := strings.Cut(f, ":")
			out = append(out, GlossaryTerm{Key: key, Lang: lang, Form: f})
		}
		return out
	}
	show := func(ts []GlossaryTerm) string {
		var s []string
		for _, t := range ts {
			s = append(s, t.Form)
		}
		return strings.Join(s, " ")
	}
	for _, tt := range []struct {
		name, terms, lang, source string
		shown, more               string
	}{
		{"nothing", "", "en", "", "", ""},
		{"few rows, none folded", "musk:de musk:en musk:en", "en", "", "musk:en musk:en musk:de", ""},
		{"exactly the fold", "musk:de musk:en musk:ru musk:uk", "uk", "", "musk:uk musk:de musk:en musk:ru", ""},
		{"the article's language, then the source's", "musk:de musk:de musk:en musk:en musk:ru musk:ru musk:uk",
			"en", "ru", "musk:en musk:en musk:ru musk:ru", "musk:de musk:de musk:uk"},
		{"two entries: language before entry", "musk:de musk:en putin:de putin:en putin:ru",
			"en", "", "musk:en putin:en musk:de putin:de", "putin:ru"},
		{"no source: the rest keeps its order", "a:de a:en a:ru a:uk b:de b:ru",
			"ru", "", "a:ru b:ru a:de a:en", "a:uk b:de"},
		{"the article's language is absent", "a:de a:ru a:uk a:de a:ru", "en", "uk", "a:uk a:de a:ru a:de", "a:ru"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := newGlossaryPanel(terms(tt.terms), tt.lang, tt.source)
			if got := show(p.Shown); got != tt.shown {
				t.Errorf("shown %q, want %q", got, tt.shown)
			}
			if got := show(p.More); got != tt.more {
				t.Errorf("folded %q, want %q", got, tt.more)
			}
		})
	}
}
