package names

import (
	"testing"

	"lector/detect/internal/enginetest"
)

func TestNamed(t *testing.T) {
	entries := []Entry{
		{Key: "musk", Type: "person", Terms: []Term{
			{Lang: "ru", Form: "Илон Маск", Status: Preferred, CaseSensitive: true},
			{Lang: "ru", Form: "Маск", Status: Admitted, CaseSensitive: true},
			{Lang: "en", Form: "Elon Musk", Status: Preferred, CaseSensitive: true}}},
		{Key: "zelensky", Type: "person", Terms: []Term{
			{Lang: "uk", Form: "Володимир Зеленський", Status: Preferred, CaseSensitive: true},
			{Lang: "ru", Form: "Владимир Зеленский", Status: Preferred, CaseSensitive: true},
			{Lang: "de", Form: "Wolodymyr Selenskyj", Status: Preferred, CaseSensitive: true}}},
	}
	f := NewFuzzy(entries)
	for _, tc := range []struct{ word, lang, want string }{
		{"Маском", "ru", "musk"},
		{"Маска", "ru", "musk"},
		{"Маск", "ru", "musk"},
		{"Зеленського", "uk", "zelensky"},
		{"Зеленскому", "ru", "zelensky"},
		{"Selenskyjs", "de", "zelensky"},
		{"Selenskyj", "de", "zelensky"},
		{"Володимир", "uk", ""},   // a given name alone names nobody in particular
		{"Зеленського", "ru", ""}, // the Ukrainian spelling is no Russian case form
		{"Маском", "uk", ""},      // no Ukrainian term
	} {
		got := ""
		for _, e := range f.Named(tc.word, tc.lang) {
			got += e.Key
		}
		if got != tc.want {
			t.Errorf("Named(%q, %s) = %q, want %q", tc.word, tc.lang, got, tc.want)
		}
	}
	if e := f.ByKey("zelensky"); e == nil || e.Key != "zelensky" {
		t.Errorf("ByKey(zelensky) = %v", e)
	}
	if e := f.ByKey("nobody"); e != nil {
		t.Errorf("ByKey(nobody) = %v, want nil", e)
	}
}

func TestRomanizeAndSoundsAlike(t *testing.T) {
	for _, tc := range []struct{ word, src, tgt, want string }{
		{"Ковальчук", "uk", "en", "Kovalchuk"},
		{"Григорій", "uk", "en", "Hryhorii"},
		{"Григорий", "ru", "en", "Grigoriy"},
		{"Зеленський", "uk", "de", "Selenskyj"},
	} {
		if got := Romanize(tc.word, tc.src, tc.tgt); got != tc.want {
			t.Errorf("Romanize(%q, %s, %s) = %q, want %q", tc.word, tc.src, tc.tgt, got, tc.want)
		}
	}
	enginetest.Each2(t, "SoundsAlike", SoundsAlike, []enginetest.Case2[string, string, bool]{
		{A: "cook", B: "Кук", Want: true},
		{A: "mask", B: "Маск", Want: true},
		{A: "Petrenka", B: "Петренко", Want: true},
		{A: "Oleh", B: "Олег", Want: true},
		{A: "the", B: "Кук", Want: false},
		{A: "Kovalenko", B: "Петренко", Want: false},
	})
}
