package locales

import (
	"testing"
	"time"
)

func TestFormatsFollowTheReader(t *testing.T) {
	b, err := NewBundle()
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 3, 7, 9, 5, 0, 0, time.FixedZone("CET", 3600))
	tests := []struct {
		lang, number, date, german string
	}{
		{"en", "1,234,567", "2026-03-07 08:05", "German"},
		{"ru", "1\u00a0234\u00a0567", "07.03.2026 08:05", "Немецкий"},
		{"uk", "1\u00a0234\u00a0567", "07.03.2026 08:05", "Німецька"},
		{"de", "1.234.567", "07.03.2026, 08:05", "Deutsch"},
	}
	for _, tt := range tests {
		tr := NewTranslator(b, tt.lang)
		if got := tr.Number(1234567); got != tt.number {
			t.Errorf("%s Number = %q, want %q", tt.lang, got, tt.number)
		}
		if got := tr.Date(at); got != tt.date {
			t.Errorf("%s Date = %q, want %q", tt.lang, got, tt.date)
		}
		if got := tr.LangName("de"); got != tt.german {
			t.Errorf("%s LangName(de) = %q, want %q", tt.lang, got, tt.german)
		}
		if got := tr.LangName("not a tag!"); got != "not a tag!" {
			t.Errorf("%s LangName of garbage = %q, want it unchanged", tt.lang, got)
		}
	}
}

// TestDateLayoutsRoundTrip catches a translated layout that is no longer a Go
// time layout (a translator "fixing" 2006 into a real year, say).
func TestDateLayoutsRoundTrip(t *testing.T) {
	at := time.Date(2026, 11, 26, 23, 59, 0, 0, time.UTC)
	for _, lang := range languages() {
		layout := loadCatalog(t, lang)["format.datetime"]["other"]
		back, err := time.Parse(layout, at.Format(layout))
		if err != nil || !back.Equal(at) {
			t.Errorf("active.%s.toml: format.datetime %q does not round-trip a date and minute: %v %v", lang, layout, back, err)
		}
	}
}

func TestLanguagesMatchTheCatalogs(t *testing.T) {
	b, err := NewBundle()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(Languages()), len(b.LanguageTags()); got != want {
		t.Fatalf("the switcher offers %d languages, the bundle holds %d catalogs", got, want)
	}
	for _, l := range Languages() {
		if got := NewTranslator(b, l.Tag).Lang(); got != l.Tag {
			t.Errorf("?lang=%s chooses %s", l.Tag, got)
		}
	}
}

// TestLangNameAnyTag: every part of a BCP 47 tag is named in the reader's
// language; tags that name no language come back as they are.
func TestLangNameAnyTag(t *testing.T) {
	b, err := NewBundle()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ reader, code, want string }{
		{"en", "sr-Latn", "Serbian (Latin)"}, // x/text's dialect table says Serbo-Croatian
		{"en", "sr-Cyrl-RS", "Serbian (Cyrillic, Serbia)"},
		{"en", "ro-MD", "Romanian (Moldova)"}, // not the deprecated Moldavian
		{"en", "pt-BR", "Portuguese (Brazil)"},
		{"en", "es-419", "Spanish (Latin America)"},
		{"en", "be-tarask", "Belarusian (tarask)"}, // the variant is kept
		{"en", "EN", "English"},
		{"en", "iw", "Hebrew"}, // a deprecated code, canonicalized
		{"en", "und", "und"},
		{"en", "x-klingon", "x-klingon"},
		{"en", "qaa", "qaa"},
		{"ru", "sr-Latn", "Сербский (латиница)"},
		{"ru", "uk-UA", "Украинский (Украина)"},
		{"uk", "ru", "Російська"},
		{"uk", "de-AT", "Німецька (Австрія)"},
		{"de", "uk", "Ukrainisch"},
		{"de", "en-GB", "Englisch (Vereinigtes Königreich)"},
	}
	for _, tt := range tests {
		if got := NewTranslator(b, tt.reader).LangName(tt.code); got != tt.want {
			t.Errorf("%s LangName(%q) = %q, want %q", tt.reader, tt.code, got, tt.want)
		}
	}
}
