package review_test

import (
	"strings"
	"testing"

	"lector/review"
)

func TestWordDiff(t *testing.T) {
	tests := []struct {
		a, b string
		want string // ops as [-del-] {+ins+}
	}{
		{"Ilon Musk met Putin.", "Elon Musk met Putin.", "[-Ilon-]{+Elon+} Musk met Putin."},
		{"a mask said", "a Musk said", "a [-mask-]{+Musk+} said"},
		{"same", "same", "same"},
		{"", "new text", "{+new text+}"},
		{"old text", "", "[-old text-]"},
		{"Hello , world", "Hello, world", "Hello[- -], world"},
		{"Маск сказал", "Илон Маск сказал", "{+Илон +}Маск сказал"},
	}
	for _, tt := range tests {
		ops := review.WordDiff(tt.a, tt.b)
		var got, a, b strings.Builder
		for _, op := range ops {
			switch op.Op {
			case review.OpEqual:
				got.WriteString(op.Text)
				a.WriteString(op.Text)
				b.WriteString(op.Text)
			case review.OpDelete:
				got.WriteString("[-" + op.Text + "-]")
				a.WriteString(op.Text)
			case review.OpInsert:
				got.WriteString("{+" + op.Text + "+}")
				b.WriteString(op.Text)
			}
		}
		if got.String() != tt.want {
			t.Errorf("WordDiff(%q, %q) = %s, want %s", tt.a, tt.b, got.String(), tt.want)
		}
		if a.String() != tt.a || b.String() != tt.b {
			t.Errorf("WordDiff(%q, %q) does not rebuild both texts", tt.a, tt.b)
		}
	}
}

func FuzzWordDiff(f *testing.F) {
	f.Add("Ilon Musk met Putin.", "Elon Musk met Putin.")
	f.Fuzz(func(t *testing.T, a, b string) {
		var x, y strings.Builder
		for _, op := range review.WordDiff(a, b) {
			if op.Op != review.OpInsert {
				x.WriteString(op.Text)
			}
			if op.Op != review.OpDelete {
				y.WriteString(op.Text)
			}
		}
		if x.String() != a || y.String() != b {
			t.Fatalf("diff of %q and %q does not rebuild them", a, b)
		}
	})
}
