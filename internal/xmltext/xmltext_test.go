package xmltext

import (
	"errors"
	"strings"
	"testing"
)

func TestWriter(t *testing.T) {
	var b strings.Builder
	x := NewWriter(&b)
	x.Raw("<note")
	x.Attr("id", `a"b<c`)
	x.Raw(">")
	x.Text("x & y\n")
	x.Raw("</note>")
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	if want := `<note id="a&#34;b&lt;c">x &amp; y&#xA;</note>`; b.String() != want {
		t.Errorf("wrote %s, want %s", b.String(), want)
	}
}

type failing struct{ n int }

func (f *failing) Write(p []byte) (int, error) {
	f.n++
	return 0, errors.New("disk full")
}

// After an error nothing more is written, and Close returns that error.
func TestWriterKeepsFirstError(t *testing.T) {
	f := &failing{}
	x := NewWriter(f)
	x.Raw(strings.Repeat("x", 5000)) // more than the buffer: reaches f
	x.Text("more")
	x.Raw("more")
	if err := x.Close(); err == nil || err.Error() != "disk full" {
		t.Fatalf("Close = %v, want the write's error", err)
	}
	if f.n != 1 {
		t.Errorf("%d writes reached the writer after its error, want 1 in all", f.n)
	}
}

func TestChar(t *testing.T) {
	for _, tc := range []struct {
		r    rune
		want bool
	}{
		{'\t', true}, {'\n', true}, {'\r', true}, {' ', true}, {'Ж', true}, {0x7F, true}, {0xFFFD, true}, {0x1F600, true},
		{0, false}, {0x1B, false}, {0xD800, false}, {0xFFFE, false}, {0xFFFF, false}, {0x110000, false},
	} {
		if got := Char(tc.r); got != tc.want {
			t.Errorf("Char(%U) = %v, want %v", tc.r, got, tc.want)
		}
	}
}

func TestInvalidUTF8Line(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
	}{
		{"", 0},
		{"Илон\nМаск\n", 0},
		{"\xff", 1},
		{"a\nb\n\xc3(", 3},
		{"a\n\xe2\x82\nc\n\xff", 2}, // a cut rune counts, and the first bad byte wins
	} {
		if got := InvalidUTF8Line([]byte(tc.in)); got != tc.want {
			t.Errorf("InvalidUTF8Line(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}
