package publish

import (
	"fmt"
	"slices"

	"lector/review"
)

// DiffSegment is one aligned piece of two versions: one segment on each
// side where the live segment is the same, or, where segments were merged,
// split or replaced, the paragraphs around them. Concatenating the equal
// and delete ops gives the from text; equal and insert ops the to text.
type DiffSegment struct {
	Position      int             `json:"position"` // the first to-side position (from-side when the to side has none)
	Paragraph     int             `json:"paragraph"`
	FromPositions []int           `json:"from_positions"`
	ToPositions   []int           `json:"to_positions"`
	SegmentIDs    []int64         `json:"segment_ids"` // live segments involved, for links
	Changed       bool            `json:"changed"`
	Ops           []review.DiffOp `json:"ops"`
	Corrections   []CorrectionRef `json:"corrections"`
}

// Sides of a correction in a diff.
const (
	SideTo   = "to"   // the correction gave the to text
	SideFrom = "from" // the correction gave the from text, which the to side no longer has
)

// CorrectionRef is the provenance of a changed span: the correction, who
// wrote it and who approved it.
type CorrectionRef struct {
	ID       int64   `json:"id"`
	Segment  *int64  `json:"segment"`
	Side     string  `json:"side"`
	Author   *Person `json:"author"`
	Approver *Person `json:"approver"`
}

// AlignVersions diffs two versions' segments word by word. Segments are
// paired by live segment id in order (the longest common subsequence of the
// ids); the unpaired runs between pairs (merged, split or re-cut segments)
// are compared paragraph by paragraph, equal paragraphs paired, the rest
// diffed as one text. Corrections carry ids only; names are filled by the
// caller.
func AlignVersions(from, to []review.VersionSegment) []DiffSegment {
	out := []DiffSegment{}
	pairs := lcsPairs(len(from), len(to), func(i, j int) bool {
		return from[i].SegmentID != nil && to[j].SegmentID != nil && *from[i].SegmentID == *to[j].SegmentID
	})
	i, j := 0, 0
	for _, p := range append(pairs, [2]int{len(from), len(to)}) {
		out = append(out, alignRegion(from[i:p[0]], to[j:p[1]])...)
		if p[0] < len(from) {
			out = append(out, block(from[p[0]:p[0]+1], to[p[1]:p[1]+1]))
		}
		i, j = p[0]+1, p[1]+1
	}
	return out
}

// alignRegion compares unpaired segments by paragraph text.
func alignRegion(from, to []review.VersionSegment) []DiffSegment {
	if len(from) == 0 && len(to) == 0 {
		return nil
	}
	fp, tp := paragraphsOf(from), paragraphsOf(to)
	pairs := lcsPairs(len(fp), len(tp), func(i, j int) bool { return review.JoinSegments(fp[i]) == review.JoinSegments(tp[j]) })
	var out []DiffSegment
	i, j := 0, 0
	for _, p := range append(pairs, [2]int{len(fp), len(tp)}) {
		if i < p[0] || j < p[1] {
			out = append(out, block(slices.Concat(fp[i:p[0]]...), slices.Concat(tp[j:p[1]]...)))
		}
		if p[0] < len(fp) {
			out = append(out, block(fp[p[0]], tp[p[1]]))
		}
		i, j = p[0]+1, p[1]+1
	}
	return out
}

// paragraphsOf cuts segments (in order) into runs of one paragraph.
func paragraphsOf(segs []review.VersionSegment) [][]review.VersionSegment {
	var out [][]review.VersionSegment
	for k, s := range segs {
		if k == 0 || s.Paragraph != segs[k-1].Paragraph {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], s)
	}
	return out
}

// block diffs from against to as one piece.
func block(from, to []review.VersionSegment) DiffSegment {
	d := DiffSegment{FromPositions: []int{}, ToPositions: []int{}, SegmentIDs: []int64{}, Corrections: []CorrectionRef{}}
	seen := map[int64]bool{}
	for _, side := range [][]review.VersionSegment{to, from} {
		for _, s := range side {
			if s.SegmentID != nil && !seen[*s.SegmentID] {
				seen[*s.SegmentID] = true
				d.SegmentIDs = append(d.SegmentIDs, *s.SegmentID)
			}
		}
	}
	for _, s := range from {
		d.FromPositions = append(d.FromPositions, s.Position)
	}
	for _, s := range to {
		d.ToPositions = append(d.ToPositions, s.Position)
	}
	first := to
	if len(first) == 0 {
		first = from
	}
	if len(first) > 0 {
		d.Position, d.Paragraph = first[0].Position, first[0].Paragraph
	}
	a, b := review.JoinSegments(from), review.JoinSegments(to)
	d.Ops = review.WordDiff(a, b)
	if d.Ops == nil {
		d.Ops = []review.DiffOp{}
	}
	d.Changed = a != b
	if d.Changed {
		d.Corrections = append(refs(to, from, SideTo), refs(from, to, SideFrom)...)
	}
	return d
}

// refs are the corrections behind side's texts that other does not share.
func refs(side, other []review.VersionSegment, name string) []CorrectionRef {
	out := []CorrectionRef{}
	for _, s := range side {
		if s.CorrectionID == nil || slices.ContainsFunc(other, func(o review.VersionSegment) bool {
			return o.CorrectionID != nil && *o.CorrectionID == *s.CorrectionID
		}) {
			continue
		}
		r := CorrectionRef{ID: *s.CorrectionID, Segment: s.SegmentID, Side: name}
		if s.AuthorID != nil {
			r.Author = &Person{ID: *s.AuthorID}
		}
		if s.ApproverID != nil {
			r.Approver = &Person{ID: *s.ApproverID}
		}
		out = append(out, r)
	}
	return out
}

// lcsPairs returns the index pairs of a longest common subsequence of two
// sequences of lengths n and m under eq, in order. Beyond review.MaxDiffCells it
// pairs nothing (the caller then compares everything as one piece).
func lcsPairs(n, m int, eq func(i, j int) bool) [][2]int {
	if n == 0 || m == 0 || n*m > review.MaxDiffCells {
		return nil
	}
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if eq(i, j) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case eq(i, j):
			out = append(out, [2]int{i, j})
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}

// Link is the page of the segment a changed piece belongs to (the first
// correction's, else the first live segment's), empty when there is none.
func (d DiffSegment) Link() string {
	for _, c := range d.Corrections {
		if c.Segment != nil {
			return fmt.Sprintf("/segments/%d", *c.Segment)
		}
	}
	if len(d.SegmentIDs) > 0 {
		return fmt.Sprintf("/segments/%d", d.SegmentIDs[0])
	}
	return ""
}

// AuthorName and ApproverName show the people of a correction; a dash for
// an account since deleted.
func (c CorrectionRef) AuthorName() string { return nameOf(c.Author) }

func (c CorrectionRef) ApproverName() string { return nameOf(c.Approver) }

func nameOf(p *Person) string {
	if p == nil || p.Name == "" {
		return "—"
	}
	return p.Name
}
