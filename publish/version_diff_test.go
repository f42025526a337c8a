package publish_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"lector/publish"
	"lector/review"
)

// seg is a version segment for table tests: "id:paragraph:text", id 0 for
// a live segment since deleted, with an optional "@correction".
func seg(position int, spec string) review.VersionSegment {
	var id, para int64
	var text string
	head, text, _ := strings.Cut(spec, "|")
	fmt.Sscanf(head, "%d:%d", &id, &para)
	s := review.VersionSegment{Position: position, Paragraph: int(para), Text: text}
	if id != 0 {
		s.SegmentID = &id
	}
	if text, corr, ok := strings.Cut(text, "@"); ok {
		var c int64
		fmt.Sscanf(corr, "%d", &c)
		author, approver := int64(100+c), int64(200+c)
		s.Text, s.CorrectionID, s.AuthorID, s.ApproverID = text, &c, &author, &approver
	}
	return s
}

func segs(specs ...string) []review.VersionSegment {
	out := []review.VersionSegment{}
	for i, s := range specs {
		out = append(out, seg(i, s))
	}
	return out
}

func TestAlignVersions(t *testing.T) {
	tests := []struct {
		name     string
		from, to []review.VersionSegment
		want     []string // per piece: from positions > to positions: ops [corrections]
	}{
		{"nothing", segs(), segs(), nil},
		{"one segment corrected",
			segs("1:0|Ilon Musk spoke.", "2:0|He left."),
			segs("1:0|Elon Musk spoke.@7", "2:0|He left."),
			[]string{"[0]>[0]: [-Ilon-]{+Elon+} Musk spoke. [to:7 by 107 approved by 207]", "[1]>[1]: He left. []"}},
		{"a correction undone",
			segs("1:0|Elon Musk spoke.@7"),
			segs("1:0|Ilon Musk spoke."),
			[]string{"[0]>[0]: [-Elon-]{+Ilon+} Musk spoke. [from:7 by 107 approved by 207]"}},
		{"one correction replaced by another",
			segs("1:0|Elon Musk spoke.@7"),
			segs("1:0|Elon Musk said.@8"),
			[]string{"[0]>[0]: Elon Musk [-spoke-]{+said+}. [to:8 by 108 approved by 208 from:7 by 107 approved by 207]"}},
		{"two segments merged into one",
			segs("1:0|Ilon Musk spoke.", "2:0|He left."),
			segs("3:0|Elon Musk spoke, he left.@9"),
			[]string{"[0 1]>[0]: [-Ilon-]{+Elon+} Musk spoke[-.-]{+,+} [-He-]{+he+} left. [to:9 by 109 approved by 209]"}},
		{"one segment split, text unchanged",
			segs("1:0|Musk spoke. He left."),
			segs("2:0|Musk spoke.", "3:0|He left."),
			[]string{"[0]>[0 1]: Musk spoke. He left. []"}},
		{"a segment deleted",
			segs("1:0|Kept.", "2:0|Gone."),
			segs("1:0|Kept."),
			[]string{"[0]>[0]: Kept. []", "[1]>[]: [-Gone.-] []"}},
		{"re-cut: equal paragraphs pair, the rest is diffed",
			segs("1:0|Intro.", "2:1|Old text.", "3:2|Outro."),
			segs("4:0|Intro.", "5:1|New text.", "6:2|Outro."),
			[]string{"[0]>[0]: Intro. []", "[1]>[1]: [-Old-]{+New+} text. []", "[2]>[2]: Outro. []"}},
		{"deleted live segments pair by paragraph",
			segs("0:0|Same.", "0:1|Was here."),
			segs("0:0|Same.", "0:1|Is here."),
			[]string{"[0]>[0]: Same. []", "[1]>[1]: [-Was-]{+Is+} here. []"}},
		{"paired segments around a merged region",
			segs("1:0|A.", "2:1|B.", "3:1|C.", "4:2|D."),
			segs("1:0|A.", "5:1|B. C!", "4:2|D."),
			[]string{"[0]>[0]: A. []", "[1 2]>[1]: B. C[-.-]{+!+} []", "[3]>[2]: D. []"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			pieces, err := publish.AlignVersions(context.Background(), tt.from, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range pieces {
				var refs []string
				for _, c := range d.Corrections {
					refs = append(refs, fmt.Sprintf("%s:%d by %d approved by %d", c.Side, c.ID, c.Author.ID, c.Approver.ID))
				}
				got = append(got, fmt.Sprintf("%v>%v: %s [%s]", d.FromPositions, d.ToPositions, diffString(d.Ops), strings.Join(refs, " ")))
				if d.Changed != slices.ContainsFunc(d.Ops, func(o review.DiffOp) bool { return o.Op != review.OpEqual }) {
					t.Errorf("piece %v>%v: changed %v disagrees with its ops", d.FromPositions, d.ToPositions, d.Changed)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}
