package review

import (
	"testing"

	"lector/detect/finding"
)

// TestViewMarksFlagsOnApprovedText: after an approval that left a flag
// open, the article page marks it in the approved text; a flag on the MT
// text is not marked in a changed text, nor one whose approved text a
// later correction replaced.
func TestViewMarksFlagsOnApprovedText(t *testing.T) {
	mt := "Kim Jong -in and Bashara Assad met."
	approved := "Kim Jong-un and Bashara Assad met."
	assad := Flag{ID: 3, Status: FlagOpen, Text: "Bashara Assad", StartOffset: 16, EndOffset: 29, OffsetsIn: OffsetsApproved}
	kim := Flag{ID: 1, Status: FlagOpen, Text: "Kim Jong -in", StartOffset: 0, EndOffset: 12, OffsetsIn: OffsetsMT}
	brk := Flag{ID: 9, Status: FlagOpen, Kind: finding.KindSegmentation, Check: "broken-paragraph", Text: "\n\n",
		StartOffset: len(mt), EndOffset: len(mt), OffsetsIn: OffsetsMT}
	tests := []struct {
		name    string
		current string
		flags   []Flag
		want    []string // piece texts, flagged ones in [brackets]
		breaks  int
	}{
		{"approved text, flag left open", approved, []Flag{assad}, []string{"Kim Jong-un and ", "[Bashara Assad]", " met."}, 0},
		{"MT flag on the MT text", mt, []Flag{kim}, []string{"[Kim Jong -in]", " and Bashara Assad met."}, 0},
		{"MT flag on a changed text", approved, []Flag{kim}, []string{approved}, 0},
		{"a later correction moved the name", "Bashar al-Assad and Kim Jong-un met.", []Flag{assad}, []string{"Bashar al-Assad and Kim Jong-un met."}, 0},
		{"break flag of an approved segment", approved, []Flag{assad, brk}, []string{"Kim Jong-un and ", "[Bashara Assad]", " met."}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := viewOf(Segment{MTText: mt, CurrentText: tt.current, Flags: tt.flags})
			var got []string
			for _, p := range v.Pieces {
				if len(p.Flags) > 0 {
					got = append(got, "["+p.Text+"]")
				} else {
					got = append(got, p.Text)
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("pieces %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("pieces %q, want %q", got, tt.want)
				}
			}
			if len(v.BreakFlags) != tt.breaks {
				t.Errorf("%d break flags, want %d", len(v.BreakFlags), tt.breaks)
			}
		})
	}
}
