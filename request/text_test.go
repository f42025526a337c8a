package request

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"lector/apperr"
)

func TestLineAndText(t *testing.T) {
	tests := []struct {
		name, s string
		max     int
		line    string // message of Line, "" for none
		text    string // message of Text
	}{
		{"plain", "Илон Маск", 20, "", ""},
		{"empty", "", 5, "", ""},
		{"replacement character is text", "a\uFFFDb", 0, "", ""},
		{"NUL", "a\x00b", 0, "error.field_control", "error.field_control"},
		{"bell", "a\x07", 0, "error.field_control", "error.field_control"},
		{"C1 control", "a\u0085", 0, "error.field_control", "error.field_control"},
		{"line feed", "a\nb", 0, "error.field_single_line", ""},
		{"carriage return", "a\rb", 0, "error.field_single_line", ""},
		{"tab", "a\tb", 0, "error.field_control", ""},
		{"byte ff", "a\xffb", 0, "error.not_utf8", "error.not_utf8"},
		{"truncated rune", "Ма\xd0", 0, "error.not_utf8", "error.not_utf8"},
		{"at the limit", strings.Repeat("ж", 5), 5, "", ""},
		{"over the limit", strings.Repeat("ж", 6), 5, "error.field_too_long", "error.field_too_long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct {
				f    func(string, string, int) error
				want string
			}{{Line, tt.line}, {Text, tt.text}} {
				err := c.f("title", tt.s, tt.max)
				if tt := c.want; tt == "" {
					if err != nil {
						t.Errorf("error %v, want none", err)
					}
					continue
				}
				ae := apperr.As(err)
				if ae.Code != apperr.Invalid || ae.MessageID != c.want || ae.Data["Field"] != "title" {
					t.Errorf("error %v, want invalid %s naming title", err, c.want)
				}
			}
		})
	}
}

func TestInt(t *testing.T) {
	tests := []struct {
		raw  string
		want int64
		ok   bool
	}{
		{"", 7, true}, {"0", 0, true}, {"2147483647", 2147483647, true},
		{"2147483648", 0, false}, {"-1", 0, false}, {"1e3", 0, false}, {"99999999999999999999", 0, false}, {" 1", 0, false},
	}
	for _, tt := range tests {
		n, err := Int("from", tt.raw, 7, 0, MaxInt4)
		if tt.ok && (err != nil || n != tt.want) {
			t.Errorf("Int(%q) = %d, %v; want %d", tt.raw, n, err, tt.want)
		}
		if !tt.ok {
			ae := apperr.As(err)
			if ae.Code != apperr.Invalid || ae.MessageID != "error.field_number" || ae.Data["Field"] != "from" {
				t.Errorf("Int(%q) = %d, %v; want invalid naming from", tt.raw, n, err)
			}
		}
	}
}

// FuzzLineText holds Line and Text to their definition: what they accept is
// valid UTF-8 within the limit with no control character (Text: but line
// breaks and tabs), and they never accept anything else.
func FuzzLineText(f *testing.F) {
	for _, s := range []string{"", "Маск", "a\x00", "a\nb", "\xff", "a\tb", "\u0085", strings.Repeat("x", 40)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		const max = 32
		for _, multiline := range []bool{false, true} {
			want := utf8.ValidString(s) && utf8.RuneCountInString(s) <= max
			for _, r := range s {
				if unicode.IsControl(r) && !(multiline && (r == '\n' || r == '\r' || r == '\t')) {
					want = false
				}
			}
			check := Line
			if multiline {
				check = Text
			}
			err := check("f", s, max)
			if (err == nil) != want {
				t.Fatalf("multiline %v, %q: error %v, want accepted %v", multiline, s, err, want)
			}
			if err != nil && apperr.As(err).Code != apperr.Invalid {
				t.Fatalf("%q: code %s", s, apperr.As(err).Code)
			}
		}
	})
}
