package names

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// indexMark finds what strings.IndexAny finds, in valid and invalid UTF-8,
// from every offset.
func TestIndexMarkIsIndexAny(t *testing.T) {
	for _, marks := range []string{"'’ʼ", "'’"} {
		var lead [256]bool
		for _, m := range marks {
			lead[utf8.AppendRune(nil, m)[0]] = true
		}
		for _, text := range []string{
			"", "Lionel' Messi", "Ihor’ Kostenko", "Taras\u02bc Prokhasko", "no mark at all",
			"\xe2\xe2\x80\x99 after a stray lead byte", "\xca\xbc\xca", "â€™ mojibake, then ’",
			"Прохасько’ и Костенко'", "\x80\x99' continuation bytes first", "ʼ",
		} {
			for from := 0; from <= len(text); from++ {
				want := strings.IndexAny(text[from:], marks)
				if want >= 0 {
					want += from
				}
				if got := indexMark(text, from, marks, &lead); got != want {
					t.Errorf("indexMark(%q, %d, %q) = %d, want %d", text, from, marks, got, want)
				}
			}
		}
	}
}
