package review

import (
	"fmt"
	"strings"
	"testing"

	"lector/detect"
)

func TestWithNames(t *testing.T) {
	flag := []Flag{{ID: 7}}
	show := func(ps []Piece) string {
		var parts []string
		for _, p := range ps {
			parts = append(parts, fmt.Sprintf("%q/%d/%s", p.Text, len(p.Flags), p.Name))
		}
		return strings.Join(parts, " ")
	}
	for _, tc := range []struct {
		name   string
		pieces []Piece
		names  []detect.NameSpan
		want   string
	}{
		{"no names", []Piece{{Text: "The mask spoke."}}, nil, `"The mask spoke."/0/`},
		{"a name in plain text is cut out",
			[]Piece{{Text: "Elon Musk met Putin."}}, []detect.NameSpan{{Start: 0, End: 9, Key: "musk"}, {Start: 14, End: 19, Key: "putin"}},
			`"Elon Musk"/0/musk " met "/0/ "Putin"/0/putin "."/0/`},
		{"a flagged piece is not cut, it takes the name whole",
			[]Piece{{Text: "The "}, {Text: "Ilon Musk", Flags: flag}, {Text: " spoke."}}, []detect.NameSpan{{Start: 4, End: 13, Key: "musk"}},
			`"The "/0/ "Ilon Musk"/1/musk " spoke."/0/`},
		{"a name across pieces",
			[]Piece{{Text: "Elon "}, {Text: "Musk spoke."}}, []detect.NameSpan{{Start: 0, End: 9, Key: "musk"}},
			`"Elon "/0/musk "Musk"/0/musk " spoke."/0/`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := show(withNames(tc.pieces, tc.names)); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}
