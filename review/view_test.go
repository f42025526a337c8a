package review

import (
	"reflect"
	"testing"
)

func TestPieces(t *testing.T) {
	f := func(id int64, start, end int) Flag { return Flag{ID: id, StartOffset: start, EndOffset: end} }
	tests := []struct {
		name  string
		text  string
		flags []Flag
		want  []string // piece texts, flagged ones in [brackets]
	}{
		{"no flags", "Hello world.", nil, []string{"Hello world."}},
		{"one flag", "Ilon Musk said.", []Flag{f(1, 0, 9)}, []string{"[Ilon Musk]", " said."}},
		{"flag at end", "talk to the mask", []Flag{f(1, 12, 16)}, []string{"talk to the ", "[mask]"}},
		{"two flags", "a Mask and a mask.", []Flag{f(1, 2, 6), f(2, 13, 17)}, []string{"a ", "[Mask]", " and a ", "[mask]", "."}},
		{"overlapping flags", "Kim Jong -in", []Flag{f(1, 0, 12), f(2, 8, 10)}, []string{"[Kim Jong]", "[ -]", "[in]"}},
		{"same span twice", "Isaxon", []Flag{f(1, 0, 6), f(2, 0, 6)}, []string{"[Isaxon]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range pieces(tt.text, tt.flags) {
				if len(p.Flags) > 0 {
					got = append(got, "["+p.Text+"]")
				} else {
					got = append(got, p.Text)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("pieces = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParagraphsKeepBreakFlags(t *testing.T) {
	segs := []Segment{
		{ID: 1, Paragraph: 0, MTText: "won a contract for $ 1.", CurrentText: "won a contract for $ 1.",
			Flags: []Flag{{ID: 7, Check: "broken-paragraph", StartOffset: 23, EndOffset: 23}}},
		{ID: 2, Paragraph: 1, MTText: "8 billion in 2021.", CurrentText: "8 billion in 2021."},
		{ID: 3, Paragraph: 1, MTText: "Corrected.", CurrentText: "Fixed text."},
	}
	ps := Paragraphs(segs)
	if len(ps) != 2 || len(ps[0].Segments) != 1 || len(ps[1].Segments) != 2 {
		t.Fatalf("paragraphs %+v", ps)
	}
	if bf := ps[0].Segments[0].BreakFlags; len(bf) != 1 || bf[0].ID != 7 {
		t.Errorf("break flags %+v, want flag 7", bf)
	}
	if p := ps[1].Segments[1].Pieces; len(p) != 1 || p[0].Text != "Fixed text." {
		t.Errorf("a corrected segment shows %+v, want its current text", p)
	}
}
