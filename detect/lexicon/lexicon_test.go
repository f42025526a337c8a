package lexicon

import (
	"bufio"
	"bytes"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"lector/detect/internal/enginetest"
)

func TestHas(t *testing.T) {
	tests := []struct {
		lang, word  string
		has, common bool
	}{
		{"en", "mask", true, true},
		{"en", "Mask", true, true},
		{"en", "MASKS", true, true},
		{"en", "shells", true, true},
		{"en", "Moscow", true, false}, // a proper noun: listed capitalised only
		{"en", "moscow", true, false},
		{"en", "Musk", true, true}, // musk, the scent
		{"en", "Isaacson", false, false},
		{"en", "Maske", false, false},
		{"en", "", false, false},
		{"en-GB", "colour", true, true}, // wbritish
		{"en-GB", "defence", true, true},
		{"en-US", "color", true, true},
		{"de", "Maske", true, false}, // German nouns are capitalised
		{"de", "Masken", true, false},
		{"de", "Moskau", true, false},
		{"de", "Straße", true, false},
		{"de", "STRASSE", true, false}, // ß folds to ss
		{"de", "scheiterte", true, true},
		{"de", "Mask", false, false},
		{"ru", "маска", true, true},
		{"ru", "Маской", true, true},
		{"ru", "ещё", true, true},
		{"ru", "еще", true, true},        // ё folds to е
		{"ru", "мука\u0301", true, true}, // a stress mark is dropped
		{"ru", "Москва", true, false},
		{"ru", "Маск", false, false},
		{"ru", "mask", false, false},
		{"uk", "маска", true, true},
		{"uk", "м'ясо", true, true},
		{"uk", "м’ясо", true, true}, // apostrophes fold together
		{"uk", "харків", true, false},
		{"uk", "и\u0306ого", true, true}, // NFC: и + combining breve is й
		{"fr", "masque", false, false},
		{"", "mask", false, false},
		{"EN", "mask", true, true},
		{"en_US", "mask", true, true},
		{"eng", "mask", false, false}, // two-letter codes only
	}
	for _, tt := range tests {
		l := For(tt.lang)
		if got := l.Has(tt.word); got != tt.has {
			t.Errorf("For(%q).Has(%q) = %v, want %v", tt.lang, tt.word, got, tt.has)
		}
		if got := l.Common(tt.word); got != tt.common {
			t.Errorf("For(%q).Common(%q) = %v, want %v", tt.lang, tt.word, got, tt.common)
		}
	}
}

func TestAppendKey(t *testing.T) {
	enginetest.Each1(t, "Key", Key, []enginetest.Case1[string, string]{
		{A: "Mask", Want: "mask"},
		{A: "O`Neil", Want: "o'neil"},
		{A: "ЁЛКА", Want: "елка"},
		{A: "Straße", Want: "strasse"},
		{A: "м’ясо", Want: "м'ясо"},
		{A: "мʼясо", Want: "м'ясо"},
		{A: "заба\u0301вный", Want: "забавный"},
		{A: "e\u0301te\u0301", Want: "été"}, // NFC composes; the acute stays with its letter
		{A: "Ärger", Want: "ärger"},
		{A: "ПРИВІТ", Want: "привіт"},
		{A: "soft\u00adhyphen", Want: "softhyphen"},
	})
}

// TestEmbeddedFiles: every language loads, with the count of keys the
// generator recorded in data/sources.tsv.
func TestEmbeddedFiles(t *testing.T) {
	manifest, err := data.ReadFile("data/sources.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(manifest))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) < 6 || strings.HasPrefix(f[0], "#") || f[0] == "lang" {
			continue
		}
		n, err := strconv.Atoi(f[5])
		if err != nil {
			t.Fatalf("sources.tsv: %q: %v", sc.Text(), err)
		}
		want[f[0]] = n
	}
	for _, lang := range Languages() {
		if got := For(lang).Len(); got != want[lang] || got == 0 {
			t.Errorf("For(%q).Len() = %d, sources.tsv says %d", lang, got, want[lang])
		}
	}
	if len(want) != len(Languages()) {
		t.Errorf("sources.tsv lists %d languages, Languages() %d", len(want), len(Languages()))
	}
}

func TestEncodeDecode(t *testing.T) {
	words := []Word{{"a", true}, {"ab", false}, {"abc", true}, {"b", true}, {"bз" + strings.Repeat("x", 300), false},
		{"bз" + strings.Repeat("x", 301), true}}
	var buf bytes.Buffer
	if err := Encode(&buf, "xx", words); err != nil {
		t.Fatal(err)
	}
	var got []Word
	var lang string
	var count int
	err := Decode(bytes.NewReader(buf.Bytes()), func(l string, n int) error { lang, count = l, n; return nil },
		func(key []byte, lower bool) { got = append(got, Word{string(key), lower}) })
	if err != nil || lang != "xx" || count != len(words) {
		t.Fatalf("Decode: %v, lang %q, count %d", err, lang, count)
	}
	if len(got) != len(words) {
		t.Fatalf("decoded %d words, want %d", len(got), len(words))
	}
	for i := range words {
		if got[i] != words[i] {
			t.Errorf("word %d: %+v, want %+v", i, got[i], words[i])
		}
	}
	var again bytes.Buffer
	if err := Encode(&again, "xx", words); err != nil || !bytes.Equal(again.Bytes(), buf.Bytes()) {
		t.Errorf("Encode is not deterministic (err %v)", err)
	}
	for _, bad := range [][]Word{{{"b", true}, {"a", true}}, {{"a", true}, {"a", false}}, {{"", true}}, {{"a\nb", true}}} {
		if err := Encode(&bytes.Buffer{}, "xx", bad); err == nil {
			t.Errorf("Encode(%v) succeeded", bad)
		}
	}
}

func TestTableSmall(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 100} {
		l := &Lexicon{lang: "xx"}
		l.once.Do(func() {})
		var keys []string
		for i := range n {
			keys = append(keys, "w"+strconv.Itoa(i))
		}
		seedTable(l, keys)
		for i, k := range keys {
			if !l.Has(k) || l.Common(k) != (i%2 == 0) {
				t.Errorf("n=%d: %q: Has %v Common %v", n, k, l.Has(k), l.Common(k))
			}
		}
		if l.Has("absent") {
			t.Errorf("n=%d: Has(absent)", n)
		}
	}
}

// TestQuickNFC: every rune quickNFC lets through is NFC alone and after
// any letter of the set; so a string of them is NFC and needs no norm.
func TestQuickNFC(t *testing.T) {
	var set []rune
	for r := rune(0); r <= 0x4ff; r++ {
		if quickNFC(string(r)) {
			set = append(set, r)
		}
	}
	set = append(set, '’', 'ʼ', '‘', '′')
	for _, r := range set {
		if !norm.NFC.IsNormalString(string(r)) {
			t.Errorf("U+%04X is not NFC", r)
		}
	}
	// Only a rune that is no boundary before itself (a combining mark) can
	// join the rune before it under NFC.
	var joiners []rune
	for _, b := range set {
		if !norm.NFC.PropertiesString(string(b)).BoundaryBefore() {
			joiners = append(joiners, b)
		}
	}
	for _, a := range set {
		for _, b := range joiners {
			if s := string([]rune{a, b}); !norm.NFC.IsNormalString(s) {
				t.Errorf("%q (U+%04X U+%04X) is not NFC", s, a, b)
			}
		}
	}
	if quickNFC("и\u0306") || quickNFC("e\u0301") {
		t.Error("quickNFC passes a combining mark")
	}
}

func TestHasPrefix(t *testing.T) {
	tests := []struct {
		lang, prefix string
		want         bool
	}{
		{"en", "mas", true},
		{"en", "mask", true},
		{"en", "Mask", true},
		{"en", "masqueradersxyz", true}, // past 12 bytes only the first 12 count
		{"en", "mxq", false},
		{"en", "", true},
		{"de", "Mask", true},
		{"de", "qqx", false},
		{"ru", "маск", true},
		{"ru", "маскщ", false},
		{"fr", "mas", false},
	}
	for _, tt := range tests {
		if got := For(tt.lang).HasPrefix(tt.prefix); got != tt.want {
			t.Errorf("For(%q).HasPrefix(%q) = %v, want %v", tt.lang, tt.prefix, got, tt.want)
		}
	}
}
