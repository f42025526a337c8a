package names

import (
	"testing"

	"lector/detect/internal/enginetest"

	"lector/detect/names/namestest"
)

// FuzzFind checks that any text, valid UTF-8 or not, gives hits that are in
// bounds, on rune boundaries, ordered, non-overlapping and self-consistent.
func FuzzFind(f *testing.F) {
	for _, seed := range []string{
		"Ilon Musk's mask", "Kim Jong -\nun", "Хавʼєр Мілей", "习近平主席", "U.S.A",
		"the Musks' \xff\xfe mask", "MASK said", "O’Brien’s", "Musk\u0301 Musk\u200d",
	} {
		f.Add(seed, "en")
	}
	m := NewMatcher(testEntries())
	names := NewMatcher(capitalisedEntries()) // the scan's capitals-only path
	f.Fuzz(func(t *testing.T, text, lang string) {
		for _, m := range []*Matcher{m, names} {
			if seeds := m.langChain(lang); len(seeds) > 0 {
				assertSameHits(t, m.scan(text, seeds), m.scanWords(text, seeds))
			}
		}
		prevEnd := 0
		for _, h := range m.Find(text, lang) {
			if h.Start < prevEnd || h.End <= h.Start || h.End > len(text) {
				t.Fatalf("hit %+v out of order or bounds (previous end %d, len %d)", h, prevEnd, len(text))
			}
			if !runeBoundary(text, h.Start) || !runeBoundary(text, h.End) {
				t.Fatalf("hit %+v not on rune boundaries", h)
			}
			if h.Text != text[h.Start:h.End] || h.Confidence < 0 || h.Confidence > 1 {
				t.Fatalf("inconsistent hit %+v", h)
			}
			prevEnd = h.End
		}
		for _, h := range m.Check(text, lang) {
			if h.Check == "" {
				t.Fatalf("Check returned a right form %+v", h)
			}
		}
	})
}

// assertSameHits compares the block scan with the word-by-word reference.
func assertSameHits(t *testing.T, blocks, words []found) {
	t.Helper()
	if len(blocks) != len(words) {
		t.Fatalf("block scan found %d hits, word scan %d:\n%+v\n%+v", len(blocks), len(words), blocks, words)
	}
	for i := range blocks {
		if blocks[i] != words[i] {
			t.Fatalf("hit %d: block scan %+v, word scan %+v", i, blocks[i], words[i])
		}
	}
}

// capitalisedEntries is a glossary whose terms all start with a capital, in
// ASCII or not, for which scan looks only at capitalised words.
func capitalisedEntries() []Entry {
	return append(entriesFromNames([]string{"Ilon Musk", "Musk", "Kim Jong-un", "Conan O'Brien", "Мілей", "Éric Zemmour", "Zhaiir Bolsonar", "AT&T", "U.S.A"}),
		entriesFromNames(namestest.Names(300, 5))...)
}

func TestBlockScanMatchesWordScan(t *testing.T) {
	names := namestest.Names(2000, 3)
	entries := append(entriesFromNames(names), testEntries()...)
	capitals := NewMatcher(append(entriesFromNames(names), capitalisedEntries()...))
	if !capitals.startsUpperOnly() {
		t.Fatal("the capitalised glossary does not take the capitals-only path")
	}
	for _, m := range []*Matcher{NewMatcher(entries), capitals} {
		testBlockScan(t, m, names)
	}
}

func testBlockScan(t *testing.T, m *Matcher, names []string) {
	texts := []string{
		namestest.Text(names, 200_000, 4),
		enginetest.ReadText(t, seedArticle),
		"Ilon Musk’s “mask” — Мілей, Kim Jong -un; the Musks' O'Brien 习近平主席 Straßenbahn MASK's end",
		"xMusk Musk. MuskÉric Zemmour,Éric  Zemmour ILON MUSK AT&T U.S.A Zhaiir\nBolsonar KimJong Kim Jong‑un",
	}
	for _, text := range texts {
		for _, lang := range []string{"en", "uk", "zh"} {
			seeds := m.langChain(lang)
			assertSameHits(t, m.scan(text, seeds), m.scanWords(text, seeds))
			for cut := 1; cut < 40 && cut < len(text); cut++ { // every alignment of the blocks
				assertSameHits(t, m.scan(text[cut:], seeds), m.scanWords(text[cut:], seeds))
			}
		}
	}
}

// runeBoundary reports whether i is where a rune starts when s is decoded
// (an invalid byte decodes as one rune), or the end of s.
func runeBoundary(s string, i int) bool {
	if i == len(s) {
		return true
	}
	for start := range s {
		if start >= i {
			return start == i
		}
	}
	return false
}
