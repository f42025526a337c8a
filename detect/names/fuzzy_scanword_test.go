package names

import (
	"math/rand/v2"
	"testing"

	"lector/detect/names/namestest"
)

// runeScanWord is the word scan by its definition, rune by rune: letters
// and combining marks, and an inner hyphen or apostrophe where a word rune
// follows it. scanWord's ASCII fast path must end every word where it does.
func runeScanWord(text string, i int) int {
	mark := -1 // the offset of an inner mark that waits for a word rune
	for j, r := range text[i:] {
		switch {
		case fzWordRune(r):
			mark = -1
		case mark < 0 && isInnerMark(r):
			mark = i + j
		case mark >= 0:
			return mark
		default:
			return i + j
		}
	}
	if mark >= 0 {
		return mark
	}
	return len(text)
}

func TestScanWordEndsWordsAsRuneScan(t *testing.T) {
	cases := []struct {
		name, text string
		end        int
	}{
		{"word then space", "Smith said", 5},
		{"inner hyphen", "al-Sisi, who", 7},
		{"inner apostrophe", "O'Brien.", 7},
		{"hyphen at the end", "Smith-", 5},
		{"hyphen before a digit", "F-16 jets", 1},
		{"hyphen before Cyrillic", "Ж-Жук", 9},
		{"apostrophe before Cyrillic", "Хав'єр", 11},
		{"typographic apostrophe", "O’Neill", 9},
		{"combining mark", "Jose\u0301 ", 6},
		{"two hyphens", "a--b", 1},
		{"invalid UTF-8", "ab\xffcd", 2},
		{"hyphen before invalid UTF-8", "ab-\xff", 2},
		{"digit", "abc1", 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := scanWord(c.text, 0); got != c.end {
				t.Errorf("scanWord(%q) = %d, want %d", c.text, got, c.end)
			}
			if got := runeScanWord(c.text, 0); got != c.end {
				t.Errorf("runeScanWord(%q) = %d, want %d", c.text, got, c.end)
			}
		})
	}
	// Random texts over the bytes and runes the two paths treat apart.
	pieces := []string{"a", "Z", "-", "'", "’", "ʼ", "‐", " ", ".", "1", "é", "ж", "\u0301", "\xff", "\xd0", "—", "_", "`"}
	rng := rand.New(rand.NewPCG(16, 13))
	for range 20000 {
		var b []byte
		for range 1 + rng.IntN(12) {
			b = append(b, pieces[rng.IntN(len(pieces))]...)
		}
		text := string(b)
		for i := range len(text) {
			if got, want := scanWord(text, i), runeScanWord(text, i); got != want {
				t.Fatalf("scanWord(%q, %d) = %d, runeScanWord %d", text, i, got, want)
			}
		}
	}
}

// BenchmarkScanWord reads every word of a generated news text of 1 MiB with
// scanWord and with the rune-by-rune scan it replaced, side by side.
func BenchmarkScanWord(b *testing.B) {
	text := namestest.Text(namestest.Names(10_000, 11), 1<<20, 12)
	for _, scan := range []struct {
		name string
		f    func(string, int) int
	}{{"ascii-fast", scanWord}, {"rune-scan", runeScanWord}} {
		b.Run(scan.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				for i := 0; i < len(text); {
					if end := scan.f(text, i); end > i {
						i = end
					} else {
						i++
					}
				}
			}
		})
	}
}
