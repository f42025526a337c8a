package glossary

import (
	"net/url"
	"strings"
	"testing"

	"lector/locales"
)

func pageTranslator(t testing.TB) *locales.Translator {
	b, err := locales.NewBundle()
	if err != nil {
		t.Fatal(err)
	}
	return locales.NewTranslator(b, "en")
}

func pageValues(typ string, rows ...[3]string) url.Values {
	v := url.Values{"type": {typ}}
	for _, r := range rows {
		v.Add("term_lang", r[0])
		v.Add("term_form", r[1])
		v.Add("term_status", r[2])
		for _, c := range []string{"term_case", "term_note", "term_source"} {
			v.Add(c, "")
		}
	}
	return v
}

// TestPageParseForm: each field's problem lands on its row and field; the
// rules across terms are the domain's; blank rows are dropped.
func TestPageParseForm(t *testing.T) {
	tr := pageTranslator(t)
	cases := []struct {
		name      string
		values    url.Values
		row       int // -1: a problem of the entry, in field
		field     string
		wantTerms int
	}{
		{"fine, blank rows dropped", pageValues("person", [3]string{"EN", "Ada", "preferred"}, [3]string{"", "", ""}), -1, "", 1},
		{"bad lang", pageValues("person", [3]string{"en_US!", "Ada", "preferred"}), 0, "lang", 1},
		{"empty form", pageValues("person", [3]string{"de", "", "admitted"}), 0, "form", 1},
		{"no status", pageValues("person", [3]string{"de", "Ada", ""}), 0, "status", 1},
		{"bad type", pageValues("planet", [3]string{"de", "Ada", "preferred"}), -1, "type", 1},
		{"no rows", pageValues("person", [3]string{"", "", "preferred"}), -1, "terms", 0},
		{"repeated form", pageValues("person", [3]string{"en", "Ada", "preferred"}, [3]string{"en", "Ada", "admitted"}), 1, "form", 2},
		{"two preferred", pageValues("person", [3]string{"en", "Ada", "preferred"}, [3]string{"en", "Ida", "preferred"}), 1, "status", 2},
		{"NUL", pageValues("person", [3]string{"en", "A\x00da", "preferred"}), 0, "form", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, e, err := pageParseForm(c.values, tr)
			if err != nil {
				t.Fatal(err)
			}
			if len(e.Terms) != c.wantTerms {
				t.Errorf("%d terms, want %d", len(e.Terms), c.wantTerms)
			}
			switch {
			case c.field == "":
				if f.hasProblems {
					t.Errorf("problems %v %+v", f.Problems, f.Rows)
				}
				if e.Terms[0].Lang != "en" || e.Key != "ada" || !e.Terms[0].CaseSensitive {
					t.Errorf("parsed %+v", e)
				}
			case c.row < 0:
				if f.Problems[c.field] == "" {
					t.Errorf("no problem on %s: %v", c.field, f.Problems)
				}
			default:
				if f.Rows[c.row].Problems[c.field] == "" {
					t.Errorf("no problem on row %d %s: %+v", c.row, c.field, f.Rows)
				}
			}
		})
	}
	ragged := pageValues("person", [3]string{"en", "Ada", "preferred"})
	ragged.Add("term_note", "one too many")
	if _, _, err := pageParseForm(ragged, tr); err == nil {
		t.Error("term columns of different lengths were accepted")
	}
	big := url.Values{"type": {"person"}}
	for _, c := range []string{"term_lang", "term_form", "term_status", "term_case", "term_note", "term_source"} {
		big[c] = make([]string, pageMaxRows+1)
	}
	if _, _, err := pageParseForm(big, tr); err == nil {
		t.Errorf("%d rows were accepted", pageMaxRows+1)
	}
}

// FuzzPageParseForm: any posted row parses without panicking, and a form
// with no problem yields one term per non-blank row, each storable.
func FuzzPageParseForm(f *testing.F) {
	tr := pageTranslator(f)
	f.Add("en", "Elon Musk", "preferred", "true")
	f.Add("sr-Latn-RS", "Ilon\x00", "deprecated", "maybe")
	f.Add("", " ", "", "")
	f.Fuzz(func(t *testing.T, lang, form, status, cs string) {
		v := pageValues("person", [3]string{lang, form, status}, [3]string{"en", "Zed", "admitted"})
		v["term_case"][0] = cs
		p, e, err := pageParseForm(v, tr)
		if err != nil {
			t.Fatal(err)
		}
		if p.hasProblems {
			return
		}
		if strings.TrimSpace(lang) == "" && strings.TrimSpace(form) == "" {
			if len(e.Terms) != 1 {
				t.Fatalf("a blank row made a term: %+v", e.Terms)
			}
			return
		}
		if len(e.Terms) != 2 || len(impValidate(e)) != 0 {
			t.Fatalf("no problem reported, but the entry is %+v", e)
		}
	})
}
