package names

import (
	"testing"
	"unicode/utf8"
)

// TestIsFoldWordByte: nextNameWord's ASCII path splits words as
// isFoldWordRune does, for every ASCII byte.
func TestIsFoldWordByte(t *testing.T) {
	for c := range byte(utf8.RuneSelf) {
		if got, want := isFoldWordByte(c), isFoldWordRune(rune(c)); got != want {
			t.Errorf("isFoldWordByte(%q) = %v, isFoldWordRune says %v", c, got, want)
		}
	}
}
