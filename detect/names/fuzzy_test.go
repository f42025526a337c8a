package names

import (
	"cmp"
	"slices"
	"strings"
	"testing"
)

// familyPairs are English and Russian family names whose Russian forms run
// through every scheme and case.
var familyPairs = [][2]string{
	{"Musk", "Маск"}, {"Milei", "Милей"}, {"Isaacson", "Айзексон"}, {"Bolsonaro", "Болсонару"},
	{"Zelensky", "Зеленский"}, {"Navalny", "Навальный"}, {"Shoigu", "Шойгу"}, {"Lavrov", "Лавров"},
	{"Shchukin", "Щукин"}, {"Khasbulatov", "Хасбулатов"}, {"Tsygankov", "Цыганков"},
	{"Zhirinovsky", "Жириновский"}, {"Yudashkin", "Юдашкин"}, {"Yeltsin", "Ельцин"},
	{"Khrushchev", "Хрущёв"}, {"Tchaikovsky", "Чайковский"}, {"Yushchenko", "Ющенко"},
	{"Tymoshenko", "Тимошенко"}, {"Klitschko", "Кличко"}, {"Gorbachev", "Горбачёв"},
}

// TestLookupFindsEveryGeneratedForm checks the index and the prefilter
// against the generator: every romanization of every case form of a family
// name, written as a capitalised word, must be recognised (or be right).
func TestLookupFindsEveryGeneratedForm(t *testing.T) {
	var entries []Entry
	for i, p := range familyPairs {
		entries = append(entries, person(p[0], "en", "Given"+string(rune('A'+i))+" "+p[0], "ru", "Имя "+p[1]))
	}
	f := NewFuzzy(append(entries, benchEntries(20000)...))
	total, found := 0, 0
	for _, p := range familyPairs {
		forms := append([]string{p[1]}, CaseForms(p[1], "ru")...)
		for _, s := range ruSchemes {
			for _, form := range forms {
				run := Transliterate(form, s)
				if FoldName(run) == FoldName(p[0]) || isCommonWord(FoldName(run)) {
					continue // right, or an ordinary word ("Mask") left to the exact matcher
				}
				total++
				h, ok := f.Lookup(run, "en")
				if ok && h.EntryKey == p[0] && h.Suggestion == p[0] {
					found++
				} else {
					t.Logf("missed %s (%v of %s): hit %v, entry %q", run, s, form, ok, h.EntryKey)
				}
			}
		}
	}
	t.Logf("generated forms found: %d/%d", found, total)
	// Known miss: scholarly Ju-/Ja- with an instrumental ending (Judaškinym),
	// where initial j reads as zh and the stem key is two symbols off.
	if found < total-2 {
		t.Errorf("found %d of %d generated forms", found, total)
	}
}

func TestLookupSuggestions(t *testing.T) {
	f := NewFuzzy(seedFuzzyGlossary(t))
	tests := []struct {
		run, suggestion string
		minConf         float64
	}{
		{"Isaxon", "Isaacson", 0.6},
		{"Walter Isaxon", "Walter Isaacson", 0.6},
		{"Mileya", "Milei", 0.9},
		{"Mileyem", "Milei", 0.9},
		{"Ilon Mask", "Elon Musk", 0.9},
		{"Ilona Maska", "Elon Musk", 0.9},
		{"Zhair Bolsonaru", "Jair Bolsonaro", 0.9},
		{"Zhaiir Bolsonar", "Jair Bolsonaro", 0.6},
		{"Si Tszinpin", "Xi Jinping", 0.9},
		{"Si Czin'pin", "Xi Jinping", 0.9},
		{"Si Jinping", "Xi Jinping", 0.9},
		{"Xi Tszinpin", "Xi Jinping", 0.9},
		{"Khav'yer Miley", "Javier Milei", 0.9},
		{"Taler Carlson", "Tucker Carlson", 0.85},
		{"Jan Bremmer", "Ian Bremmer", 0.85},
		{"Bashara Assad", "Bashar al-Assad", 0.75},
		{"Bolsonarro", "Bolsonaro", 0.75},
		{"Trump's", "", 0},
		{"Elon Musk", "", 0},
		{"Musk", "", 0},
		{"Bashar al-Assad", "", 0},
		{"President Trump", "", 0},
		{"Mask", "", 0},
		{"Mars", "", 0},
		{"The", "", 0},
		{"Moscow", "", 0},
		{"Vladimir Putin", "", 0},
		{"Dmitry Peskov", "", 0},
		{"Hunter Biden", "", 0},
		{"Kimbal Musk", "", 0},
		{"Errol Musk", "", 0},
	}
	for _, tt := range tests {
		h, ok := f.Lookup(tt.run, "en")
		switch {
		case tt.suggestion == "" && ok:
			t.Errorf("Lookup(%q) = %q (%.2f), want no hit", tt.run, h.Suggestion, h.Confidence)
		case tt.suggestion != "" && (!ok || h.Suggestion != tt.suggestion || h.Confidence < tt.minConf):
			t.Errorf("Lookup(%q) = %q, %v (%.2f), want %q ≥ %.2f", tt.run, h.Suggestion, ok, h.Confidence, tt.suggestion, tt.minConf)
		case ok && (h.Check != CheckFuzzy || h.Start != 0 || h.End != len(tt.run) || h.Text != tt.run || h.Entry == ""):
			t.Errorf("Lookup(%q) = %+v: malformed hit", tt.run, h)
		}
	}
}

func TestFoldNameWordsMatchesFoldName(t *testing.T) {
	forms := []string{"Bashar al-Assad", "Хав'єр Мілей", "Си Цзиньпин", "Recep Tayyip Erdoğan",
		"Kim Jong-un", "  O'Brien ", "Jean-Luc de la Croix", "Ельцин", "Шольц", "Müller-Lüdenscheidt",
		"Ким Чен Ын", "Jr.", "ŠOJGU", "Frank‐Walter", "", "-", "al"}
	for _, form := range forms {
		want := strings.Join(nameWords(FoldName(form)), " ")
		got := foldNameWords(nil, form)
		if string(got.words) != want {
			t.Errorf("foldNameWords(%q) = %q, want %q", form, got.words, want)
		}
		if ws := nameWords(want); len(ws) > 0 && string(got.words[got.lastStart:]) != ws[len(ws)-1] {
			t.Errorf("foldNameWords(%q) last word %q, want %q", form, got.words[got.lastStart:], ws[len(ws)-1])
		}
	}
}

func TestRadixSort(t *testing.T) {
	keys := make([]uint64, 50_000)
	for i := range keys {
		keys[i] = uint64(i)*0x9E3779B97F4A7C15 ^ uint64(i>>3)
	}
	want := slices.Clone(keys)
	slices.Sort(want)
	for _, passes := range []uint{4, 8, 16} {
		got := slices.Clone(keys)
		radixSort(got, 0, passes)
		if !slices.Equal(got, want) {
			t.Errorf("radixSort(%d passes) disagrees with slices.Sort", passes)
		}
	}
	got := slices.Clone(keys)
	radixSort(got, 24, 4)
	if !slices.IsSortedFunc(got, func(a, b uint64) int { return cmp.Compare(a>>24, b>>24) }) {
		t.Error("radixSort from bit 24 is not sorted by the high bits")
	}
}

// TestNewFuzzyParallelParts checks the merge of the per-goroutine parts:
// every entry's record and right forms land at its own index, and its keys
// lead to its record.
func TestNewFuzzyParallelParts(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 150k-name glossary")
	}
	entries := benchEntries(150_000)
	f := NewFuzzy(entries)
	offsets := f.recOff
	var rv recordView
	for i, off := range offsets {
		if rv.parse(f.records[off:], "en"); int(rv.idx) != i {
			t.Fatalf("record %d holds entry %d", i, rv.idx)
		}
		if next := off + uint32(rv.length()); i+1 < len(offsets) && offsets[i+1] < next {
			t.Fatalf("record %d overlaps the next", i)
		}
	}
	for i := 0; i < len(entries); i += 997 {
		name := foldNameWords(nil, entries[i].Terms[0].Form)
		family := string(name.words[name.lastStart:])
		if !slices.Contains(f.candidates(nil, false, family), offsets[i]) {
			t.Fatalf("entry %d: family word %q does not lead to its record", i, family)
		}
		rv.parse(f.records[offsets[i]:], "en")
		if ev := rv.evalFamily(family, &slotView{}, true, false); !ev.exact || ev.kind != kindRight {
			t.Fatalf("entry %d: its record does not hold %q as right: %+v", i, family, ev)
		}
		if r := f.rightEntries("en", string(name.words)); !slices.ContainsFunc(r, func(e uint64) bool { return int(e&entryMask) == i }) {
			t.Fatalf("entry %d: right form %q maps to %v", i, name.words, r)
		}
	}
}
